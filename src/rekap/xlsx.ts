import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { NONASN_PROGRAMMES, PARTICIPANT_FIELDS, ALL_FIELDS } from '../domain/figures.js';
import { formatDateTime } from '../domain/format.js';
import { WIB } from '../domain/zones.js';
import { FIELD_LABELS } from '../messages/labels.js';
import { categoryLegend, categorySourceText, lineMarks, periodText, REKAP_TEXT, scopeName, STATUS_LABELS } from '../messages/rekap.js';
import { COVERAGE_CATEGORIES } from '../domain/categories.js';
import { VERIFICATION_CELL } from '../messages/verification.js';
import type { Share } from '../domain/exact.js';
import { finishWorkbook } from './xlsx-finish.js';
import type { FollowupSheet } from './followup-rows.js';
import type { ProfileSheet } from './profile-export.js';
import type { WeekKey } from '../domain/weeks.js';
import { rekapLines, type RekapLine } from '../queries/lines.js';
import type { ScopeReport, TrendRow } from '../queries/types.js';


const COUNT = '#,##0';
const PCT = '0.0%';
const PCT2 = '0.00%';
const POINTS = '0.0';
const POINTS2 = '0.00';
const PROGRAMME_SHORT = { nonasn_jkk: 'JKK', nonasn_jkm: 'JKM', nonasn_jht: 'JHT', nonasn_jp: 'JP' } as const;

// Numbers stay numbers with a format (an Indonesian Excel shows 1.234 and 50,1%); codes stay text ("19.71" is not 19,71).
// A coverage is stored exactly (participants / workforce); "0.0%" then shows the very digit the chat shows, because
// both round the exact value half up (see domain/exact.ts). Differences of percentages (gap) are the shown values'.
const text = (v: string | undefined): Cell => (v === undefined || v === '' ? null : { value: v, type: String });
const codeCell = (v: string): Cell => ({ value: v, type: String, format: '@' });
const count = (v: number | undefined): Cell => (v === undefined ? null : { value: v, type: Number, format: COUNT });
const ratio = (s: Share | undefined): Cell => (s === undefined ? null : { value: s.num / s.den, type: Number, format: PCT });
const basisPoints = (bp: number | undefined): Cell => (bp === undefined ? null : { value: bp / 10_000, type: Number, format: bp % 10 === 0 ? PCT : PCT2 });
const points = (hundredths: number | undefined): Cell => (hundredths === undefined ? null : { value: hundredths / 100, type: Number, format: hundredths % 10 === 0 ? POINTS : POINTS2 });
const header = (v: string): Cell => ({ value: v, type: String, fontWeight: 'bold', wrap: true });

function rekapRow(r: RekapLine, name: string, week: WeekKey, bold = false): Cell[] {
  const own = r.kind === 'own';
  const status = r.status ? STATUS_LABELS[r.status] : r.reporting ? REKAP_TEXT.areaStatus(r.reporting) : undefined;
  const verification = r.verification ? VERIFICATION_CELL[r.verification] : r.verified && r.verified.counted > 0 ? REKAP_TEXT.areaVerified(r.verified) : undefined;
  const note = [lineMarks(r, week), r.noData !== undefined ? REKAP_TEXT.noDataNote(r.noData) : '', r.kind === 'total' ? REKAP_TEXT.totalNote(r) : ''].filter((n) => n !== '').join('; ');
  const cells: Cell[] = [
    r.kind === 'total' || !r.unit ? null : codeCell(r.unit.code),
    text(name),
    text(r.latestWeek),
    ...PARTICIPANT_FIELDS.map((f) => (own ? null : count(r.segments?.[f]))),
    own ? null : count(r.participants),
    count(r.workforce),
    text(r.workforceSource),
    ratio(r.coverage),
    basisPoints(r.targetBp),
    points(r.gapHundredths),
    count(r.pace?.neededPerWeek !== undefined ? r.pace.neededPerWeek : r.pace?.status === 'reached' ? 0 : undefined),
    count(r.pace?.recentPerWeek),
    count(r.nonAsn?.total),
    ...NONASN_PROGRAMMES.flatMap((p) => [count(r.nonAsn?.programmes[p].count), r.nonAsn && r.nonAsn.total > 0 ? ratio({ num: r.nonAsn.programmes[p].count, den: r.nonAsn.total }) : null]),
    text(status),
    text(verification),
    text(note),
    text(r.demo ? REKAP_TEXT.yes : undefined),
  ];
  return bold ? cells.map((c) => (c && typeof c === 'object' && 'value' in c ? { ...c, fontWeight: 'bold' as const } : c)) : cells;
}

function rekapSheet(k: ScopeReport): Cell[][] {
  const h = REKAP_TEXT.headers;
  const head: Cell[] = [
    h.code, h.name, h.latestWeek, ...PARTICIPANT_FIELDS.map(h.segment), h.participants, h.workforce, h.workforceSource, h.coverage, h.target, h.gap, h.needed, h.recent, h.nonAsnTotal,
    ...NONASN_PROGRAMMES.flatMap((p) => [h.programme(PROGRAMME_SHORT[p]), h.programmePct(PROGRAMME_SHORT[p])]),
    h.status(k.week), h.verification, h.note, h.demo,
  ].map(header);
  const { rows, total } = rekapLines(k);
  const nameOf = (r: RekapLine): string => (!r.unit ? '' : r.kind === 'own' ? REKAP_TEXT.ownRow(r.unit) : r.kind === 'area' ? r.unit.baseName : r.unit.name);
  // A title and the period above the table, so a printed or pasted sheet says what it is.
  const pad = (first: Cell): Cell[] => [first, ...Array.from({ length: head.length - 1 }, () => null)];
  return [
    pad({ value: REKAP_TEXT.sheetTitle(scopeName(k.scope)), type: String, fontWeight: 'bold', fontSize: 14 }),
    pad(text(REKAP_TEXT.sheetSubtitle(periodText(k.period), k.week, k.demo))),
    head,
    ...rows.map((r) => rekapRow(r, nameOf(r), k.week)),
    ...(total ? [rekapRow(total, REKAP_TEXT.totalRow(k.scope), k.week, true)] : []),
  ];
}

/** Rows above the Rekap table's header (title, period). */
export const REKAP_HEADER_ROW = 3;
/** Detail columns folded into an outline group: the four segments, the baseline's source, non-ASN per programme. */
const REKAP_GROUPED = [4, 5, 6, 7, 10, 17, 18, 19, 20, 21, 22, 23, 24];

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
    ratio(t.coverage),
    { value: t.revisions, type: Number },
    text(t.verification ? VERIFICATION_CELL[t.verification] : undefined),
    text(t.noData !== undefined ? REKAP_TEXT.noDataNote(t.noData) : undefined),
    text(t.demo ? REKAP_TEXT.yes : undefined),
  ];
}

function trendSheet(k: ScopeReport): Cell[][] {
  const h = REKAP_TEXT.headers;
  const head = [h.code, h.name, h.province, h.week, h.weekStatus, ...ALL_FIELDS.map((f) => FIELD_LABELS[f]), h.participants, h.workforce, h.coverage, h.revisions, h.verification, h.note, h.demo].map(header);
  return [head, ...k.trend.map(trendRow)];
}

function metaSheet(k: ScopeReport, generatedAt: Date, generatedBy: string): Cell[][] {
  const m = REKAP_TEXT.meta;
  const pair = (a: string, b: string): Cell[] => [{ value: a, type: String, fontWeight: 'bold' }, { value: b, type: String, wrap: true }, null];
  const members = k.area ? k.area.members : k.unit ? [k.unit] : [];
  const sources = members.map((u): Cell[] => [codeCell(u.unit.code), text(u.unit.name), text(u.baseline ? `${u.baseline.workforce_source} (data tahun ${u.baseline.year})` : m.noSource)]);
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

/** The monitoring cycle's sheets beside the figures, as plain data (issue 20): follow-up items and region profiles. */
export interface RekapExtras {
  followups?: FollowupSheet | undefined;
  profiles?: ProfileSheet | undefined;
}

const DATE = 'dd/mm/yyyy';
const DATETIME = 'dd/mm/yyyy hh:mm';

function followupCells(f: FollowupSheet): Cell[][] {
  // Column 7 is the due day, 12 the last update's instant (see rekap/followup-rows.ts).
  const cell = (v: FollowupSheet['rows'][number][number], i: number): Cell =>
    v === null ? null : v instanceof Date ? { value: v, type: Date, format: i === 6 ? DATE : DATETIME } : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String, wrap: i === 3 || i === 12 };
  return [f.header.map(header), ...f.rows.map((r) => r.map(cell))];
}

function profileCells(p: ProfileSheet): Cell[][] {
  const cell = (v: ProfileSheet['rows'][number][number], i: number): Cell => {
    if (v === null) return null;
    const kind = p.columns[i]?.kind;
    if (typeof v === 'number') return { value: v, type: Number, format: kind === 'rupiah' ? '#,##0' : kind === 'pct' ? PCT : kind === 'year' ? '0' : COUNT };
    return kind === 'code' ? codeCell(v) : { value: v, type: String, wrap: kind === 'text' };
  };
  return [p.columns.map((c) => header(c.header)), ...p.rows.map((r) => r.map(cell))];
}

/** The rekap as an XLSX workbook: sheets Rekap, Tren, Tindak Lanjut, Profil and Metadata, numbers with formats. */
export async function rekapXlsx(k: ScopeReport, generatedAt: Date, generatedBy: string, extras: RekapExtras = {}): Promise<Buffer> {
  const rekap = rekapSheet(k);
  const trend = trendSheet(k);
  const meta = metaSheet(k, generatedAt, generatedBy);
  const followups = extras.followups ? followupCells(extras.followups) : undefined;
  const profiles = extras.profiles ? profileCells(extras.profiles) : undefined;
  const written = await writeXlsxFile(
    [
      { data: rekap, sheet: REKAP_TEXT.sheetRekap, orientation: 'landscape', stickyRowsCount: REKAP_HEADER_ROW, stickyColumnsCount: 2, columns: widths(rekap[REKAP_HEADER_ROW - 1]?.length ?? 0, [10, 44, 12], 14) },
      { data: trend, sheet: REKAP_TEXT.sheetTrend, orientation: 'landscape', stickyRowsCount: 1, stickyColumnsCount: 2, columns: widths(trend[0]?.length ?? 0, [10, 36, 9, 10, 11], 14) },
      ...(followups && extras.followups ? [{ data: followups, sheet: extras.followups.sheet, stickyRowsCount: 1, columns: widths(followups[0]?.length ?? 0, [5, 9, 30, 48, 30, 36, 12, 16, 10, 10, 24, 17, 40, 30, 9], 14) }] : []),
      ...(profiles && extras.profiles ? [{ data: profiles, sheet: extras.profiles.name, stickyRowsCount: 1, columns: widths(profiles[0]?.length ?? 0, [9, 30, 16, 7, 56, 14, 18, 18, 10, 10, 10, 18, 18, 30], 14) }] : []),
      { data: meta, sheet: REKAP_TEXT.sheetMeta, columns: [{ width: 42 }, { width: 90 }, { width: 40 }] },
    ],
    { fontFamily: 'Calibri', fontSize: 11 },
  ).toBuffer();
  return finishWorkbook(written, [
    { index: 1, name: REKAP_TEXT.sheetRekap, headerRow: REKAP_HEADER_ROW, lastRow: rekap.length, lastColumn: rekap[REKAP_HEADER_ROW - 1]?.length ?? 1, grouped: REKAP_GROUPED },
    { index: 2, name: REKAP_TEXT.sheetTrend, headerRow: 1, lastRow: trend.length, lastColumn: trend[0]?.length ?? 1 },
  ]);
}
