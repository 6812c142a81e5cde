import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { categoryOf, COVERAGE_CATEGORIES } from '../domain/categories.js';
import { shownPct } from '../domain/exact.js';
import { formatCount, formatPercent } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import { weekNumber, weekYear, type WeekKey } from '../domain/weeks.js';
import { CATEGORY_COLOURS, categoryLegend, CHART_TEXT } from '../messages/rekap.js';
import { rankedLines, type RekapLine } from '../queries/lines.js';
import type { SeriesPoint } from '../queries/types.js';

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

const weekLabel = (w: WeekKey): string => `Mg ${weekNumber(w)}\n${weekYear(w)}`;
const demoMark = (demo: boolean) =>
  demo
    ? [{ type: 'text', left: 16, bottom: 8, style: { text: CHART_TEXT.demoMark, fill: '#b2182b', fontSize: 13, fontWeight: 'bold', fontFamily: FONT_FAMILY } }]
    : [];
const title = (text: string) => ({ text, left: 16, top: 10, textStyle: { fontSize: 18, fontWeight: 'bold', fontFamily: FONT_FAMILY } });

/**
 * Coverage week by week, with the target as a dashed line. A week whose counted kab/kota differ from the week before
 * starts a new stretch of line: the line is never joined across a change of who is counted (that jump would measure
 * who reported, not protection), and the break is marked on the axis. Participants when no coverage can be computed.
 */
export function trendChart(scope: Unit | 'national', all: SeriesPoint[], demo: boolean): Png {
  const withPct = all.some((p) => p.coverage !== undefined);
  // Weeks before the first figure are not drawn as empty space: the axis starts where the figures start.
  const firstKnown = all.findIndex((p) => (withPct ? p.coverage !== undefined : p.counted > 0));
  const series = firstKnown > 0 ? all.slice(firstKnown) : all;
  const target = [...series].reverse().find((p) => p.targetBp !== undefined)?.targetBp;
  const value = (p: SeriesPoint): number | null => (withPct ? (p.coverage ? shownPct(p.coverage) : null) : p.counted > 0 ? p.participants : null);
  // One ECharts series per stretch of weeks with the same counted kab/kota; nulls elsewhere, so no stretch joins another.
  const stretches: number[][] = [];
  series.forEach((p, i) => {
    if (i === 0 || p.compositionChanged || value(p) === null || stretches.length === 0) stretches.push([]);
    if (value(p) !== null) stretches[stretches.length - 1]?.push(i);
  });
  const breaks = series.filter((p) => p.compositionChanged).map((p) => weekLabel(p.week));
  const known = series.map(value).filter((v): v is number => v !== null);
  const low = withPct ? Math.max(0, Math.floor((Math.min(...known, target !== undefined ? target / 100 : Infinity) - 5) / 5) * 5) : undefined;
  return renderChart(
    {
      title: title(CHART_TEXT.trendTitle(scope)),
      legend: { top: 44, left: 16, itemGap: 36, textStyle: { fontSize: 13 }, data: [withPct ? CHART_TEXT.coverage : CHART_TEXT.participants, ...(withPct && target !== undefined ? [`${CHART_TEXT.target} ${formatPercent(target / 100)}`] : [])] },
      grid: { left: 80, right: 40, top: 90, bottom: 100 },
      xAxis: { type: 'category', data: series.map((p) => weekLabel(p.week)), axisLabel: { fontSize: 12 } },
      yAxis: {
        type: 'value',
        // A coverage axis starts near the data, not at 0: a 30-45% line must not read as flat.
        ...(withPct ? { min: low } : { scale: true }),
        axisLabel: { fontSize: 12, formatter: (v: number) => (withPct ? formatPercent(v) : formatCount(v)) },
      },
      series: [
        ...stretches.map((idx) => ({
          name: withPct ? CHART_TEXT.coverage : CHART_TEXT.participants,
          type: 'line',
          data: series.map((p, i) => (idx.includes(i) ? value(p) : null)),
          connectNulls: false,
          symbolSize: 7,
          lineStyle: { width: 3, color: '#2166ac' },
          itemStyle: { color: '#2166ac' },
          label: { show: series.length <= 16, position: 'top', fontSize: 11, formatter: (p: { value: number }) => (withPct ? formatPercent(p.value) : formatCount(p.value)) },
          ...(breaks.length > 0 && idx === stretches[0]
            ? { markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dotted', color: '#737373' }, label: { show: false }, data: breaks.map((xAxis) => ({ xAxis })) } }
            : {}),
        })),
        ...(withPct && target !== undefined
          ? [{ name: `${CHART_TEXT.target} ${formatPercent(target / 100)}`, type: 'line', data: series.map(() => target / 100), symbol: 'none', lineStyle: { type: 'dashed', width: 2, color: '#b2182b' }, itemStyle: { color: '#b2182b' } }]
          : []),
      ],
      graphic: [...(breaks.length > 0 ? [footnote(CHART_TEXT.compositionBreak, 2)] : []), ...sourceLine(series[series.length - 1]?.week), ...demoMark(demo)],
    },
    1000,
    600,
  );
}

/** A small line of text under a chart, `row` lines up from the bottom edge. */
const footnote = (text: string, row: number) => ({ type: 'text', left: 16, bottom: 8 + row * 16, style: { text, fill: '#525252', fontSize: 11, fontFamily: FONT_FAMILY } });

/** The source and date line every chart carries, so a slide with it needs no footnote of its own. */
const sourceLine = (week: WeekKey | undefined) => (week ? [footnote(CHART_TEXT.source(week), 1)] : []);

/** The names every other view uses ("Kabupaten Bangka", not "Kab. Bangka"); a province by its name alone. */
const shortName = (u: Unit): string => (u.kind === 'provinsi' ? u.baseName : u.name);

/**
 * Units ranked by coverage, best at the top, each bar coloured by its category; partial areas after the complete ones,
 * lighter and named as partial; stale figures named with their week; the target as a line.
 */
export function rankingChart(scope: Unit | 'national', week: WeekKey, rows: readonly RekapLine[], demo: boolean): Png {
  const { ranked, partial } = rankedLines(rows);
  const all = [...ranked, ...partial];
  const names = all.map((r) => `${r.unit ? shortName(r.unit) : ''}${rankMark(r, week)}`);
  const height = Math.max(320, 150 + all.length * 24);
  const max = Math.max(10, ...all.map((r) => (r.coverage ? shownPct(r.coverage) : 0)));
  // The target is drawn only when every ranked line has the same one (a province's kab/kota under its target).
  const targets = [...new Set(all.map((r) => r.targetBp))];
  return renderChart(
    {
      title: title(CHART_TEXT.rankTitle(scope, week)),
      legend: { top: 44, left: 16, itemGap: 28, textStyle: { fontSize: 12 } },
      grid: { left: 250, right: 80, top: 86, bottom: 70 },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 12 } },
      xAxis: { type: 'value', max: Math.ceil(max / 10) * 10, axisLabel: { fontSize: 12, formatter: (v: number) => formatPercent(v) } },
      series: COVERAGE_CATEGORIES.bands.map((band, i) => ({
        name: categoryLegend(band.key),
        type: 'bar',
        stack: 'one',
        barWidth: 16,
        itemStyle: { color: CATEGORY_COLOURS[band.key] },
        data: all.map((r) => {
          const v = r.coverage ? shownPct(r.coverage) : undefined;
          if (v === undefined || categoryOf(v) !== band.key) return null;
          // A partial area's bar is pale: its figure stands on part of its kab/kota.
          return r.partial ? { value: v, itemStyle: { opacity: 0.45 } } : v;
        }),
        label: { show: true, position: 'right', fontSize: 11, formatter: (p: { value: number | null }) => (p.value === null ? '' : formatPercent(p.value)) },
        // The target: one line where the rows share it (a province's own), none where they differ.
        ...(i === 0 && targets.length === 1 && targets[0] !== undefined
          ? { markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#b2182b', width: 2 }, label: { position: 'end', formatter: `${CHART_TEXT.target} ${formatPercent(targets[0] / 100)}`, color: '#b2182b' }, data: [{ xAxis: targets[0] / 100 }] } }
          : {}),
      })),
      graphic: [...sourceLine(week), ...demoMark(demo)],
    },
    1000,
    height,
  );
}

/** " (sementara 2/7)", " (mg 46)": a ranked line's marks, in the chart's own short words. */
const rankMark = (r: RekapLine, week: WeekKey): string => {
  if (r.partial) return ` (sementara ${r.partial.members}/${r.partial.of})`;
  if (r.kind === 'unit' && r.latestWeek && r.latestWeek !== week) return ` (mg ${weekNumber(r.latestWeek)}${r.stale ? ' ⚠' : ''})`;
  return '';
};

/** How many reporting units (kab/kota and province governments) reported each week, against how many should. */
export function completenessChart(scope: Unit | 'national', series: SeriesPoint[], demo: boolean): Png {
  const total = Math.max(1, ...series.map((p) => p.reporting.units));
  return renderChart(
    {
      title: title(CHART_TEXT.completenessTitle(scope)),
      legend: { top: 44, left: 16, itemGap: 36, textStyle: { fontSize: 13 } },
      grid: { left: 70, right: 40, top: 90, bottom: 100 },
      xAxis: { type: 'category', data: series.map((p) => weekLabel(p.week)), axisLabel: { fontSize: 12 } },
      // Shares of the units, so 9 of 552 is a visible bar and not a sliver under an axis to 600.
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { fontSize: 12, formatter: (v: number) => `${v}%` } },
      series: [
        {
          name: CHART_TEXT.reported,
          type: 'bar',
          stack: 'all',
          data: series.map((p) => (p.reporting.units > 0 ? (p.reporting.reported / p.reporting.units) * 100 : 0)),
          itemStyle: { color: '#1a9850' },
          label: { show: series.length <= 16, position: 'top', fontSize: 11, color: '#1a1a1a', formatter: (p: { dataIndex: number }) => { const q = series[p.dataIndex]; return q ? `${formatCount(q.reporting.reported)}/${formatCount(q.reporting.units)}` : ''; } },
        },
        { name: CHART_TEXT.notReported, type: 'bar', stack: 'all', data: series.map((p) => (p.reporting.units > 0 ? (p.reporting.missing / p.reporting.units) * 100 : 0)), itemStyle: { color: '#d9d9d9' } },
      ],
      graphic: [footnote(CHART_TEXT.completenessUnits(total), 2), ...sourceLine(series[series.length - 1]?.week), ...demoMark(demo)],
    },
    1000,
    540,
  );
}
