import type { CoverageCategory } from '../domain/categories.js';
import { formatDecimal } from '../domain/format.js';
import { CATEGORY_COLOURS } from '../messages/rekap.js';
import { CHART_FONT_FILES, renderChart, type Png } from './chart.js';

/**
 * What a map shows, as plain data (JSON-serialisable): built by one adapter (map-input.ts) from the read side, drawn
 * here without knowing where the figures came from. Every text in it is already in Indonesian.
 */
export interface MapPoint {
  /** Kemendagri code, `19.71` */
  code: string;
  /** Full name, `Kota Pangkal Pinang` (the caption's) */
  name: string;
  /** What is written beside the point, `Kota Pangkal Pinang` or `Kab. Bangka` */
  label: string;
  lat: number;
  lon: number;
  /** Coverage in percent, when it can be computed */
  pct?: number | undefined;
  category?: CoverageCategory | undefined;
  /** Penduduk bekerja: the point's size when the map is sized by workforce */
  workforce?: number | undefined;
  /** The figures shown are from an earlier week than the map's: its number, drawn beside the label (`M46`) */
  staleWeekNo?: number | undefined;
}

export interface MapInput {
  /** `Peta capaian UC Provinsi Kepulauan Bangka Belitung` */
  title: string;
  /** The week, and whether the map is partial (`sementara: 6 dari 7 kab/kota ...`) */
  subtitle: string;
  points: MapPoint[];
  /** `workforce`: a point's area follows its penduduk bekerja; `uniform`: every point the same size */
  sizeBy: 'workforce' | 'uniform';
  legend: {
    categories: Array<{ category: CoverageCategory; label: string }>;
    noData: string;
    stale: string;
    /** `Ukuran titik: penduduk bekerja` */
    size: string;
  };
  /** Lines under the map: the categories' source, the figures' source and date, the locations' source */
  footer: string[];
  /** The demo statement, drawn in red, when the figures are demo data */
  demoMark?: string | undefined;
}

/** A point where it is drawn, with its diameter, and its label's place (undefined: the label does not fit). */
export interface PlacedPoint {
  point: MapPoint;
  x: number;
  y: number;
  diameter: number;
  labelAt?: 'right' | 'left' | 'top' | 'bottom' | undefined;
  /** The room the label takes, in pixels (an upper estimate of its text) */
  labelBox?: Box | undefined;
}

export interface MapLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  lon: { min: number; max: number };
  lat: { min: number; max: number };
  points: PlacedPoint[];
  labelFontSize: number;
}

/** Room above the plot: title, subtitle, a legend of up to two rows (it wraps on a province's width). */
const MARGIN = { left: 70, right: 40, top: 150, lineHeight: 20, bottomPad: 16 };

/** Upper estimate of a DejaVu Sans string's width (its widest letters are about 0,7 em): a label drawn is never cut. */
const textWidth = (text: string, fontSize: number): number => text.length * fontSize * 0.62;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Where every point and label goes: an equirectangular projection whose x scale is the y scale times cos(latitude at
 * the middle), so that shapes keep their proportions (a lon/lat scatter, not a stretched chart); the extent padded and
 * widened until the plot has that aspect. Labels are placed greedily (the largest workforce first, then by code) right,
 * left, above or below their point, never over another label, another point or the plot's edge.
 */
export function layoutMap(input: MapInput): MapLayout {
  if (input.points.length === 0) throw new Error('a map needs at least one point');
  const national = input.points.length > 60;
  const plotWidth = national ? 1500 : 1000;
  const [minH, maxH] = national ? [420, 900] : [380, 900];
  const lats = input.points.map((p) => p.lat);
  const lons = input.points.map((p) => p.lon);
  let latMin = Math.min(...lats);
  let latMax = Math.max(...lats);
  let lonMin = Math.min(...lons);
  let lonMax = Math.max(...lons);
  const padLat = Math.max(0.2, (latMax - latMin) * 0.08);
  const padLon = Math.max(0.3, (lonMax - lonMin) * 0.08);
  latMin -= padLat;
  latMax += padLat;
  lonMin -= padLon;
  lonMax += padLon;
  const cos = Math.cos((((latMin + latMax) / 2) * Math.PI) / 180);
  let plotHeight = (plotWidth * (latMax - latMin)) / ((lonMax - lonMin) * cos);
  if (plotHeight > maxH) {
    // Too tall: more longitude on both sides fills the width at the same scale.
    plotHeight = maxH;
    const lonSpan = (plotWidth * (latMax - latMin)) / (plotHeight * cos);
    const mid = (lonMin + lonMax) / 2;
    lonMin = mid - lonSpan / 2;
    lonMax = mid + lonSpan / 2;
  } else if (plotHeight < minH) {
    plotHeight = minH;
    const latSpan = (plotHeight * (lonMax - lonMin) * cos) / plotWidth;
    const mid = (latMin + latMax) / 2;
    latMin = mid - latSpan / 2;
    latMax = mid + latSpan / 2;
  }
  plotHeight = Math.round(plotHeight);
  // Whole hundredths of a degree: ECharts' axis checks (active unless NODE_ENV=production) refuse an extent with
  // floating-point noise (105.60000000000001) against its own rounded ticks; the aspect moves by under 0,1%.
  lonMin = Math.floor(lonMin * 100) / 100;
  lonMax = Math.ceil(lonMax * 100) / 100;
  latMin = Math.floor(latMin * 100) / 100;
  latMax = Math.ceil(latMax * 100) / 100;
  const plot = { left: MARGIN.left, top: MARGIN.top, width: plotWidth, height: plotHeight };
  const width = MARGIN.left + plotWidth + MARGIN.right;
  const footerLines = 1 + input.footer.length + (input.demoMark ? 1 : 0);
  const height = MARGIN.top + plotHeight + 40 + footerLines * MARGIN.lineHeight + MARGIN.bottomPad;

  const [minD, maxD] = national ? [5, 22] : [12, 40];
  const maxWorkforce = Math.max(0, ...input.points.map((p) => p.workforce ?? 0));
  const diameterOf = (p: MapPoint): number => {
    // A point without coverage is drawn smaller, so that the few with figures stand out on a national map.
    if (input.sizeBy === 'uniform' || maxWorkforce === 0) return p.pct === undefined ? (national ? 6 : 14) : national ? 10 : 18;
    // Area proportional to the workforce: the eye reads area, not diameter.
    return p.workforce === undefined ? minD : Math.max(minD, maxD * Math.sqrt(p.workforce / maxWorkforce));
  };
  const placed: PlacedPoint[] = input.points.map((point) => ({
    point,
    x: plot.left + ((point.lon - lonMin) / (lonMax - lonMin)) * plotWidth,
    y: plot.top + ((latMax - point.lat) / (latMax - latMin)) * plotHeight,
    diameter: diameterOf(point),
  }));

  const fontSize = national ? 10 : 13;
  const pointBoxes = placed.map((p) => ({ x0: p.x - p.diameter / 2, y0: p.y - p.diameter / 2, x1: p.x + p.diameter / 2, y1: p.y + p.diameter / 2 }));
  const labelBoxes: Box[] = [];
  // Points with figures are labelled first, then the larger workforce, then by code (a stable picture).
  const rank = (p: PlacedPoint | undefined): [number, number, string] => [p?.point.pct === undefined ? 1 : 0, -(p?.point.workforce ?? 0), p?.point.code ?? ''];
  const order = [...placed.keys()].sort((a, b) => {
    const [ra, rb] = [rank(placed[a]), rank(placed[b])];
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2].localeCompare(rb[2]);
  });
  for (const i of order) {
    const p = placed[i] as PlacedPoint;
    const text = labelText(p.point);
    const w = textWidth(text, fontSize);
    const h = fontSize * 1.25;
    const gap = p.diameter / 2 + 4;
    const candidates: Array<[NonNullable<PlacedPoint['labelAt']>, Box]> = [
      ['right', { x0: p.x + gap, y0: p.y - h / 2, x1: p.x + gap + w, y1: p.y + h / 2 }],
      ['left', { x0: p.x - gap - w, y0: p.y - h / 2, x1: p.x - gap, y1: p.y + h / 2 }],
      ['top', { x0: p.x - w / 2, y0: p.y - gap - h, x1: p.x + w / 2, y1: p.y - gap }],
      ['bottom', { x0: p.x - w / 2, y0: p.y + gap, x1: p.x + w / 2, y1: p.y + gap + h }],
    ];
    for (const [at, box] of candidates) {
      const inside = box.x0 >= plot.left && box.x1 <= plot.left + plot.width && box.y0 >= plot.top && box.y1 <= plot.top + plot.height;
      if (!inside) continue;
      if (labelBoxes.some((b) => overlaps(b, box))) continue;
      if (pointBoxes.some((b, j) => j !== i && overlaps(b, box))) continue;
      p.labelAt = at;
      p.labelBox = box;
      labelBoxes.push(box);
      break;
    }
  }
  return { width, height, plot, lon: { min: lonMin, max: lonMax }, lat: { min: latMin, max: latMax }, points: placed, labelFontSize: fontSize };
}

/** The label of a point: its name, and the week of its figures when they are older than the map's. */
export const labelText = (p: MapPoint): string => (p.staleWeekNo === undefined ? p.label : `${p.label} (M${p.staleWeekNo})`);

const NO_DATA_COLOUR = '#bdbdbd';
const degrees = (v: number, positive: string, negative: string): string => (v === 0 ? '0°' : `${formatDecimal(Math.abs(v))}° ${v > 0 ? positive : negative}`);

/** The map as a PNG, drawn with the charts' own stack (ECharts SSR to SVG, resvg with the shipped font only). */
export function renderMap(input: MapInput, fontFiles: readonly string[] = CHART_FONT_FILES): Png & { layout: MapLayout } {
  const layout = layoutMap(input);
  const { plot } = layout;
  type Placed = (typeof layout.points)[number];
  const datum = (p: Placed) => ({
    name: p.point.name,
    value: [p.point.lon, p.point.lat],
    symbolSize: p.diameter,
    label: p.labelAt
      ? { show: true, position: p.labelAt, distance: 4, formatter: labelText(p.point), fontSize: layout.labelFontSize, color: '#222222' }
      : { show: false },
  });
  const scatter = (name: string, colour: string, points: Placed[]) => ({
    name,
    type: 'scatter',
    data: points.map(datum),
    itemStyle: { color: colour, borderColor: '#ffffff', borderWidth: 1, opacity: 0.9 },
    emphasis: { disabled: true },
  });
  const stalePoints = layout.points.filter((p) => p.point.staleWeekNo !== undefined);
  // Drawn in this order, so that a point with figures is never hidden under one without.
  const series = [
    scatter(input.legend.noData, NO_DATA_COLOUR, layout.points.filter((p) => p.point.category === undefined)),
    ...input.legend.categories.map((c) => scatter(c.label, CATEGORY_COLOURS[c.category], layout.points.filter((p) => p.point.category === c.category))),
    // Stale figures: a dashed dark ring over the point (its colour still says its category).
    {
      name: input.legend.stale,
      type: 'scatter',
      data: stalePoints.map((p) => ({ value: [p.point.lon, p.point.lat], symbolSize: p.diameter + 6, label: { show: false } })),
      itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#222222', borderWidth: 2, borderType: 'dashed' },
      emphasis: { disabled: true },
    },
  ];
  const footerTop = plot.top + plot.height + 40;
  const text = (t: string, top: number, style: Record<string, unknown> = {}) => ({ type: 'text', left: 16, top, style: { text: t, fontSize: 13, fill: '#333333', ...style } });
  const png = renderChart(
    {
      title: [
        { text: input.title, left: 16, top: 12, textStyle: { fontSize: 20, fontWeight: 'bold' } },
        { text: input.subtitle, left: 16, top: 44, textStyle: { fontSize: 14, fontWeight: 'normal', color: '#444444' } },
      ],
      legend: { top: 76, left: 16, right: 16, itemGap: 30, textStyle: { fontSize: 13 }, data: [...input.legend.categories.map((c) => c.label), input.legend.noData, input.legend.stale] },
      grid: { left: plot.left, top: plot.top, width: plot.width, height: plot.height },
      xAxis: { type: 'value', min: layout.lon.min, max: layout.lon.max, axisLine: { onZero: false }, splitLine: { lineStyle: { color: '#eeeeee' } }, axisLabel: { fontSize: 11, color: '#777777', showMinLabel: false, showMaxLabel: false, formatter: (v: number) => degrees(v, 'BT', 'BB') } },
      yAxis: { type: 'value', min: layout.lat.min, max: layout.lat.max, splitLine: { lineStyle: { color: '#eeeeee' } }, axisLabel: { fontSize: 11, color: '#777777', showMinLabel: false, showMaxLabel: false, formatter: (v: number) => degrees(v, 'LU', 'LS') } },
      series,
      graphic: [
        ...[input.legend.size, ...input.footer].map((line, i) => text(line, footerTop + i * MARGIN.lineHeight)),
        ...(input.demoMark ? [text(input.demoMark, footerTop + (1 + input.footer.length) * MARGIN.lineHeight, { fill: '#b2182b', fontWeight: 'bold', fontSize: 14 })] : []),
      ],
    },
    layout.width,
    layout.height,
    fontFiles,
  );
  return { ...png, layout };
}
