import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { categoryOf, COVERAGE_CATEGORIES } from '../domain/categories.js';
import { formatCount, formatPercent } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import type { WeekKey } from '../domain/weeks.js';
import { CATEGORY_COLOURS, categoryLegend, CHART_TEXT } from '../messages/rekap.js';
import type { TrendPoint } from './data.js';

/** The font every chart is drawn with, shipped in the repository: a machine without fonts must still show text. */
export const CHART_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(fontFolder(), f));

/** assets/fonts of the project, found upward from this module (src/rekap when run by tsx, dist/src/rekap when built). */
function fontFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, 'DejaVuSans.ttf'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('assets/fonts/DejaVuSans.ttf not found: the chart font ships with the project');
    dir = up;
  }
}
const FONT_FAMILY = 'DejaVu Sans';

export interface Png {
  png: Buffer;
  width: number;
  height: number;
}

/** ECharts server-side rendering to SVG (no browser, no canvas), then resvg to PNG with only the shipped font. */
export function renderChart(option: echarts.EChartsCoreOption, width: number, height: number, fontFiles: readonly string[] = CHART_FONT_FILES): Png {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: FONT_FAMILY }, ...option });
    const svg = chart.renderToSVGString();
    const png = new Resvg(svg, {
      font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      fitTo: { mode: 'original' },
    })
      .render()
      .asPng();
    return { png, width, height };
  } finally {
    chart.dispose();
  }
}

const weekLabel = (w: WeekKey): string => `M${Number(w.slice(6))}\n${w.slice(0, 4)}`;
const demoMark = (demo: boolean) =>
  demo
    ? [{ type: 'text', left: 16, bottom: 10, style: { text: CHART_TEXT.demoMark, fill: '#b2182b', fontSize: 14, fontWeight: 'bold', fontFamily: FONT_FAMILY } }]
    : [];
const title = (text: string) => ({ text, left: 16, top: 10, textStyle: { fontSize: 18, fontWeight: 'bold', fontFamily: FONT_FAMILY } });

/** Coverage week by week, with the target as a dashed line; participants when coverage cannot be computed. */
export function trendChart(scope: Unit | 'national', series: TrendPoint[], demo: boolean): Png {
  const withPct = series.some((p) => p.pct !== undefined);
  const target = [...series].reverse().find((p) => p.targetPct !== undefined)?.targetPct;
  const values = series.map((p) => (withPct ? (p.pct === undefined ? null : Math.round(p.pct * 100) / 100) : p.participants));
  return renderChart(
    {
      title: title(CHART_TEXT.trendTitle(scope)),
      legend: { top: 44, left: 16, itemGap: 36, textStyle: { fontSize: 13 } },
      grid: { left: 80, right: 40, top: 90, bottom: 80 },
      xAxis: { type: 'category', data: series.map((p) => weekLabel(p.week)), axisLabel: { fontSize: 12 } },
      yAxis: {
        type: 'value',
        scale: !withPct,
        axisLabel: { fontSize: 12, formatter: (v: number) => (withPct ? formatPercent(v) : formatCount(v)) },
      },
      series: [
        {
          name: withPct ? CHART_TEXT.coverage : 'Peserta aktif',
          type: 'line',
          data: values,
          symbolSize: 7,
          lineStyle: { width: 3, color: '#2166ac' },
          itemStyle: { color: '#2166ac' },
          label: { show: series.length <= 16, position: 'top', fontSize: 11, formatter: (p: { value: number }) => (withPct ? formatPercent(p.value) : formatCount(p.value)) },
        },
        ...(withPct && target !== undefined
          ? [{ name: `${CHART_TEXT.target} ${formatPercent(target)}`, type: 'line', data: series.map(() => target), symbol: 'none', lineStyle: { type: 'dashed', width: 2, color: '#b2182b' }, itemStyle: { color: '#b2182b' } }]
          : []),
      ],
      graphic: demoMark(demo),
    },
    1000,
    560,
  );
}

/** Short names that still tell Kabupaten Bandung from Kota Bandung. */
const shortName = (u: Unit): string => (u.kind === 'provinsi' ? u.baseName : u.name.replace(/^Kabupaten /, 'Kab. '));

/** Units ranked by coverage, best at the top, each bar coloured by its category (legend from the bands' data). */
export function rankingChart(scope: Unit | 'national', week: WeekKey, rows: Array<{ unit: Unit; pct?: number | undefined }>, demo: boolean): Png {
  const ranked = rows.filter((r) => r.pct !== undefined).sort((a, b) => (b.pct ?? 0) - (a.pct ?? 0));
  const names = ranked.map((r) => shortName(r.unit));
  const height = Math.max(320, 130 + ranked.length * 24);
  const max = Math.max(10, ...ranked.map((r) => r.pct ?? 0));
  return renderChart(
    {
      title: title(CHART_TEXT.rankTitle(scope, week)),
      legend: { top: 44, left: 16, itemGap: 36, textStyle: { fontSize: 13 } },
      grid: { left: 190, right: 80, top: 86, bottom: 60 },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 12 } },
      xAxis: { type: 'value', max: Math.ceil(max / 10) * 10, axisLabel: { fontSize: 12, formatter: (v: number) => formatPercent(v) } },
      series: COVERAGE_CATEGORIES.bands.map((band) => ({
        name: categoryLegend(band.key),
        type: 'bar',
        stack: 'one',
        barWidth: 16,
        itemStyle: { color: CATEGORY_COLOURS[band.key] },
        data: ranked.map((r) => (r.pct !== undefined && categoryOf(r.pct) === band.key ? Math.round(r.pct * 100) / 100 : null)),
        label: { show: true, position: 'right', fontSize: 11, formatter: (p: { value: number | null }) => (p.value === null ? '' : formatPercent(p.value)) },
      })),
      graphic: demoMark(demo),
    },
    1000,
    height,
  );
}

/** How many units reported each week, against how many should. */
export function completenessChart(scope: Unit | 'national', series: TrendPoint[], demo: boolean): Png {
  return renderChart(
    {
      title: title(CHART_TEXT.completenessTitle(scope)),
      legend: { top: 44, left: 16, itemGap: 36, textStyle: { fontSize: 13 } },
      grid: { left: 70, right: 40, top: 90, bottom: 80 },
      xAxis: { type: 'category', data: series.map((p) => weekLabel(p.week)), axisLabel: { fontSize: 12 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12, formatter: (v: number) => formatCount(v) } },
      series: [
        { name: CHART_TEXT.reported, type: 'bar', stack: 'all', data: series.map((p) => p.reported), itemStyle: { color: '#1a9850' }, label: { show: series.length <= 16, position: 'inside', fontSize: 11, color: '#ffffff', formatter: (p: { value: number }) => (p.value > 0 ? formatCount(p.value) : '') } },
        { name: CHART_TEXT.notReported, type: 'bar', stack: 'all', data: series.map((p) => p.total - p.reported), itemStyle: { color: '#d9d9d9' } },
      ],
      graphic: demoMark(demo),
    },
    1000,
    520,
  );
}
