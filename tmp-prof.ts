import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FILES } from './src/rekap/chart.js';
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1080, height: 2000 });
  chart.setOption({ animation: false, backgroundColor: '#fff', textStyle: { fontFamily: 'DejaVu Sans' }, graphic: Array.from({ length: 30 }, (_, k) => ({ type: 'text', left: 40, top: 60 * k, style: { text: 'Capaian UC Jamsosnaker Provinsi Kepulauan Bangka Belitung pada minggu', fontSize: 27, fontFamily: 'DejaVu Sans' } })) });
  const svg = chart.renderToSVGString();
  const t1 = performance.now();
  const r = new Resvg(svg, { font: { fontFiles: [...CHART_FONT_FILES], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' } });
  const t2 = performance.now();
  const img = r.render();
  const t3 = performance.now();
  const png = img.asPng();
  const t4 = performance.now();
  console.log(`svg ${Math.round(t1 - t0)} load ${Math.round(t2 - t1)} render ${Math.round(t3 - t2)} png ${Math.round(t4 - t3)} ${png.length}`);
}
