import { renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { formatCount, formatPercent } from '../domain/format.js';
import type { PackInput } from '../domain/pack.js';
import { DECK_TEXT } from '../messages/pack.js';
import { CHART_TEXT } from '../messages/rekap.js';
import { CHART_FONT_FILES, type Png } from './chart.js';

const FONT_FAMILY = 'DejaVu Sans';

/**
 * As chart.ts's renderChart, but resvg parses and draws on libuv's thread pool: loading the font and shaping a page of
 * text takes hundreds of milliseconds that would otherwise block every other chat, and the deck's chart and the brief
 * can be drawn side by side.
 */
export async function renderChartAsync(option: echarts.EChartsCoreOption, width: number, height: number): Promise<Png> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: FONT_FAMILY }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const image = await renderAsync(svg, { font: { fontFiles: [...CHART_FONT_FILES], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, fitTo: { mode: 'original' } });
  return { png: image.asPng(), width, height };
}
const round2 = (n: number | undefined): number | null => (n === undefined ? null : Math.round(n * 100) / 100);
const weekLabel = (w: string): string => `M${Number(w.slice(6))}`;

/**
 * The series options of the pack's trend: coverage week by week (participants when coverage cannot be computed) and
 * the straight path to the main target as a dashed line. Shared by the deck's chart and the brief's small one.
 */
export function trendSeries(p: PackInput, options: { labels: boolean }) {
  // The chart starts where the figures start: weeks before the first report would only be an empty stretch.
  const first = p.trend.findIndex((t) => t.pct !== undefined || t.participants > 0);
  const trend = first > 0 ? p.trend.slice(first) : p.trend;
  const withPct = trend.some((t) => t.pct !== undefined);
  const target = p.targets[0];
  const hasPath = withPct && trend.some((t) => t.targetPathPct !== undefined);
  return {
    withPct,
    categories: trend.map((t) => weekLabel(t.week)),
    axisFormatter: (v: number): string => (withPct ? formatPercent(v) : formatCount(v)),
    series: [
      {
        name: withPct ? DECK_TEXT.coverage : DECK_TEXT.participants,
        type: 'line',
        data: trend.map((t) => (withPct ? round2(t.pct) : t.participants)),
        symbolSize: 6,
        lineStyle: { width: 3, color: '#2166ac' },
        itemStyle: { color: '#2166ac' },
        label: { show: options.labels && trend.length <= 16, position: 'top', fontSize: 11, formatter: (x: { value: number }) => (withPct ? formatPercent(x.value) : formatCount(x.value)) },
      },
      ...(hasPath && target
        ? [
            {
              name: `${DECK_TEXT.trendPath} (${formatPercent(target.pct)} pada akhir ${target.year})`,
              type: 'line',
              data: trend.map((t) => round2(t.targetPathPct)),
              symbol: 'none',
              lineStyle: { type: 'dashed', width: 2, color: '#b2182b' },
              itemStyle: { color: '#b2182b' },
            },
          ]
        : []),
    ],
  };
}

/** The deck's trend over the year with the path to the target. */
export function packTrendChart(p: PackInput): Promise<Png> {
  const t = trendSeries(p, { labels: true });
  return renderChartAsync(
    {
      legend: { top: 10, left: 16, itemGap: 36, textStyle: { fontSize: 14 } },
      grid: { left: 80, right: 40, top: 56, bottom: 56 },
      xAxis: { type: 'category', data: t.categories, axisLabel: { fontSize: 12 } },
      yAxis: { type: 'value', scale: !t.withPct, axisLabel: { fontSize: 12, formatter: t.axisFormatter } },
      series: t.series,
      graphic: p.demo ? [{ type: 'text', left: 16, bottom: 4, style: { text: CHART_TEXT.demoMark, fill: '#b2182b', fontSize: 13, fontWeight: 'bold', fontFamily: FONT_FAMILY } }] : [],
    },
    1100,
    520,
  );
}
