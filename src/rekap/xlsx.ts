import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { NONASN_PROGRAMMES, PARTICIPANT_FIELDS, ALL_FIELDS } from '../domain/figures.js';
import { formatDateTime } from '../domain/format.js';
import { WIB } from '../domain/zones.js';
import { FIELD_LABELS } from '../messages/labels.js';
import { categoryLegend, categorySourceText, periodText, REKAP_TEXT, scopeName, STATUS_LABELS } from '../messages/rekap.js';
import { COVERAGE_CATEGORIES } from '../domain/categories.js';
import { VERIFICATION_CELL } from '../messages/verification.js';
import type { Rekap, RekapRow, TrendRow } from './data.js';


const COUNT = '#,##0';
const PCT = '0.0%';
const POINTS = '0.0';
const PROGRAMME_SHORT = { nonasn_jkk: 'JKK', nonasn_jkm: 'JKM', nonasn_jht: 'JHT', nonasn_jp: 'JP' } as const;

// Numbers stay numbers with a format (an Indonesian Excel shows 1.234 and 50,1%); codes stay text ("19.71" is not 19,71).
const text = (v: string | undefined): Cell => (v === undefined ? null : { value: v, type: String });
const codeCell = (v: string): Cell => ({ value: v, type: String, format: '@' });
const count = (v: number | undefined): Cell => (v === undefined ? null : { value: v, type: Number, format: COUNT });
const pct = (v: number | undefined): Cell => (v === undefined ? null : { value: v / 100, type: Number, format: PCT });
const points = (v: number | undefined): Cell => (v === undefined ? null : { value: Math.round(v * 100) / 100, type: Number, format: POINTS });
const header = (v: string): Cell => ({ value: v, type: String, fontWeight: 'bold', wrap: true });

function rekapRow(r: RekapRow, name: string, status: string | undefined, bold = false): Cell[] {
  const cells: Cell[] = [
    r.kind === 'area' && r.unit.code === '00' ? text('') : codeCell(r.unit.code),
    text(name),
    text(r.latestWeek),
    ...PARTICIPANT_FIELDS.map((f) => (r.kind === 'own' ? null : count(r.segments[f]))),
    r.kind === 'own' ? null : count(r.participants),
    count(r.workforce),
    text(r.kind === 'own' ? undefined : r.baseline ? `${r.baseline.workforce_source} (${r.baseline.year})` : undefined),
    pct(r.pct),
    pct(r.targetPct),
    points(r.gapPoints),
    count(r.pace?.neededPerWeek !== undefined ? Math.ceil(r.pace.neededPerWeek) : r.pace?.status === 'reached' ? 0 : undefined),
    count(r.pace?.recentPerWeek !== undefined ? Math.round(r.pace.recentPerWeek) : undefined),
    count(r.nonAsn?.total),
    ...NONASN_PROGRAMMES.flatMap((p) => [count(r.nonAsn?.programmes[p].count), pct(r.nonAsn?.programmes[p].pct)]),
    text(status),
    text(r.verification ? VERIFICATION_CELL[r.verification] : r.verified ? REKAP_TEXT.areaVerified(r.verified) : undefined),
    text(r.noData ? REKAP_TEXT.noDataNote(r.noData) : undefined),
    text(r.demo ? REKAP_TEXT.yes : undefined),
  ];
  return bold ? cells.map((c) => (c && typeof c === 'object' && 'value' in c ? { ...c, fontWeight: 'bold' as const } : c)) : cells;
}

function rekapSheet(k: Rekap): Cell[][] {
  const h = REKAP_TEXT.headers;
  const head: Cell[] = [
    h.code, h.name, h.latestWeek, ...PARTICIPANT_FIELDS.map(h.segment), h.participants, h.workforce, h.workforceSource, h.coverage, h.target, h.gap, h.needed, h.recent, h.nonAsnTotal,
    ...NONASN_PROGRAMMES.flatMap((p) => [h.programme(PROGRAMME_SHORT[p]), h.programmePct(PROGRAMME_SHORT[p])]),
    h.status(k.week), h.verification, h.note, h.demo,
  ].map(header);
  const rows = k.rows.map((r) =>
    rekapRow(r, r.kind === 'own' ? REKAP_TEXT.ownRow(r.unit) : r.unit.name, r.status ? STATUS_LABELS[r.status] : r.reported ? REKAP_TEXT.areaStatus(r.reported) : undefined),
  );
  const total = k.total ? [rekapRow(k.total, REKAP_TEXT.totalRow(k.scope), k.total.reported ? REKAP_TEXT.areaStatus(k.total.reported) : undefined, true)] : [];
  return [head, ...rows, ...total];
}

function trendRow(t: TrendRow): Cell[] {
  return [
    codeCell(t.unit.code),
    text(t.unit.name),
    codeCell(t.unit.provinceCode),
    text(t.week),
    text(STATUS_LABELS[t.status]),
    ...ALL_FIELDS.map((f) => count(t.figures?.[f])),
    count(t.participants),
    count(t.workforce),
    pct(t.pct),
    { value: t.revisions, type: Number },
    text(t.verification ? VERIFICATION_CELL[t.verification] : undefined),
    text(t.noData ? REKAP_TEXT.noDataNote(t.noData) : undefined),
    text(t.demo ? REKAP_TEXT.yes : undefined),
  ];
}

function trendSheet(k: Rekap): Cell[][] {
  const h = REKAP_TEXT.headers;
  const head = [h.code, h.name, h.province, h.week, h.weekStatus, ...ALL_FIELDS.map((f) => FIELD_LABELS[f]), h.participants, h.workforce, h.coverage, h.revisions, h.verification, h.note, h.demo].map(header);
  return [head, ...k.trend.map(trendRow)];
}

function metaSheet(k: Rekap, generatedAt: Date, generatedBy: string): Cell[][] {
  const m = REKAP_TEXT.meta;
  const pair = (a: string, b: string): Cell[] => [{ value: a, type: String, fontWeight: 'bold' }, { value: b, type: String, wrap: true }, null];
  const sources = k.rows
    .filter((r) => r.kind !== 'own')
    .map((r): Cell[] => [codeCell(r.unit.code), text(r.unit.name), text(r.baseline ? `${r.baseline.workforce_source} (data tahun ${r.baseline.year})` : m.noSource)]);
  return [
    [{ value: m.title, type: String, fontWeight: 'bold' }, null, null],
    pair(m.scope, scopeName(k.scope)),
    pair(m.period, `${periodText(k.period)} (${k.period.from} s.d. ${k.period.to})`),
    pair(m.generatedAt, formatDateTime(generatedAt, WIB)),
    pair(m.generatedBy, generatedBy),
    pair(m.regionCodes, m.regionCodesValue),
    pair(m.weeks, m.weeksValue),
    pair(m.demo, k.demo ? m.demoYes : m.demoNo),
    pair(m.categories, `${COVERAGE_CATEGORIES.bands.map((b) => categoryLegend(b.key)).join('; ')}. ${categorySourceText()}`),
    [text(m.sdi), null, null],
    [null, null, null],
    [header(m.indicators), header(m.definition), header(m.formula)],
    ...REKAP_TEXT.indicators.map(([a, b, c]): Cell[] => [text(a), { value: b, type: String, wrap: true }, { value: c, type: String, wrap: true }]),
    [null, null, null],
    [header(m.sources), null, null],
    ...sources,
  ];
}

const widths = (n: number, first: number[], rest: number) => Array.from({ length: n }, (_, i) => ({ width: first[i] ?? rest }));

/** The rekap as an XLSX workbook: sheets Rekap, Tren and Metadata, frozen header rows, numbers with formats. */
export async function rekapXlsx(k: Rekap, generatedAt: Date, generatedBy: string): Promise<Buffer> {
  const rekap = rekapSheet(k);
  const trend = trendSheet(k);
  const meta = metaSheet(k, generatedAt, generatedBy);
  const out = await writeXlsxFile(
    [
      { data: rekap, sheet: REKAP_TEXT.sheetRekap, stickyRowsCount: 1, stickyColumnsCount: 2, columns: widths(rekap[0]?.length ?? 0, [10, 44, 12], 14) },
      { data: trend, sheet: REKAP_TEXT.sheetTrend, stickyRowsCount: 1, stickyColumnsCount: 2, columns: widths(trend[0]?.length ?? 0, [10, 36, 9, 10, 11], 14) },
      { data: meta, sheet: REKAP_TEXT.sheetMeta, columns: [{ width: 42 }, { width: 90 }, { width: 40 }] },
    ],
    { fontFamily: 'Calibri', fontSize: 11 },
  ).toBuffer();
  return out;
}
