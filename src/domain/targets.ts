import { targetParticipants } from './exact.js';
import { parsePercent, type PercentError } from './numbers.js';
import { err, ok, type Result } from './result.js';

/**
 * Coverage targets with their sources. Sources disagree (RPJMN and RKP nationally, each region's RPJMD, BPJS
 * Ketenagakerjaan's own, figures quoted at Kemendagri sessions), so a scope (a kab/kota, a province or the nation)
 * holds several series, each a source with its reference and its values by year. One is the scope's main target.
 *
 * Values are held in basis points (hundredths of a percentage point, an integer: 32,15% is 3215), so that the
 * participants a target asks for, ceil(target x workforce), is computed on integers without a floating-point error.
 */

/** `19`, `19.71`, or `national` */
export type TargetScope = string;

export interface TargetPoint {
  year: number;
  /** Basis points: 3215 is 32,15% */
  bp: number;
}

/** Where a series comes from: shipped with the bot (national plans), entered by a coordinator, or a baseline's target. */
export type TargetOrigin = 'shipped' | 'entered' | 'baseline';

export interface TargetSeries {
  id: string;
  scope: TargetScope;
  /** What the target is: `RPJMN 2025-2029`, `RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029` */
  source: string;
  /** Where it is written: `Perpres 12/2025`, `Perda Nomor 1 Tahun 2025` */
  reference: string;
  /** By year, ascending; only the years the source states (nothing invented between them) */
  points: TargetPoint[];
  origin: TargetOrigin;
}

/** The target a scope uses for a year, with its source; `interpolated` when the year lies between two stated ones. */
export interface TargetFor {
  seriesId: string;
  source: string;
  reference: string;
  year: number;
  bp: number;
  /** Not stated by the source for this year: a straight line between the years before and after, labelled so. */
  interpolated: boolean;
  /** The years the value was drawn between, when interpolated */
  between?: [TargetPoint, TargetPoint] | undefined;
}

/** The series read from the baselines' yearly target_pct: named as a reader understands it (no file names). */
export const BASELINE_SERIES = { source: 'Target tahunan pada data dasar', reference: 'data dasar penduduk bekerja (impor atau /penduduk)' } as const;

export const MIN_TARGET_YEAR = 2015;
/** The RPJPN's horizon. */
export const MAX_TARGET_YEAR = 2045;
export const MAX_SOURCE_LENGTH = 120;
export const MAX_REFERENCE_LENGTH = 200;

/** Basis points from a percentage as officials write it (`32,15%`, `43.92`, `99,5 persen`), digit by digit: exact. */
export function parseTargetBp(raw: string): Result<number, PercentError | { kind: 'zero'; input: string }> {
  const checked = parsePercent(raw);
  if (!checked.ok) return checked;
  const m = /^([0-9]{1,3})(?:[.,]([0-9]{1,2}))?/.exec(raw.trim());
  const bp = Number(m?.[1] ?? '0') * 100 + Number((m?.[2] ?? '').padEnd(2, '0'));
  if (bp === 0) return err({ kind: 'zero', input: raw.trim() });
  return ok(bp);
}

/** Participants a target asks for: ceil(bp x workforce / 10.000) on integers; the one formula is domain/exact.ts's. */
export const participantsForTarget = targetParticipants;

/** A basis-point value as a percentage number (for arithmetic that accepts a rounding, e.g. a chart's line). */
export const bpToPct = (bp: number): number => bp / 100;

export type TargetEntryError =
  | { kind: 'year'; input: string }
  | { kind: 'value'; error: PercentError | { kind: 'zero'; input: string } }
  | { kind: 'source_missing' }
  | { kind: 'source_long' }
  | { kind: 'reference_missing' }
  | { kind: 'reference_long' };

export interface TargetEntry {
  year: number;
  bp: number;
  source: string;
  reference: string;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Checks one entry (year, value, source, reference) as typed or read from a CSV row; every problem is returned. */
export function validateTargetEntry(raw: { year: string; value: string; source: string; reference: string }): Result<TargetEntry, TargetEntryError[]> {
  const errors: TargetEntryError[] = [];
  const yearText = raw.year.trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= MIN_TARGET_YEAR && year <= MAX_TARGET_YEAR)) errors.push({ kind: 'year', input: yearText });
  const value = parseTargetBp(raw.value);
  if (!value.ok) errors.push({ kind: 'value', error: value.error });
  const source = clean(raw.source);
  if (source === '') errors.push({ kind: 'source_missing' });
  else if (source.length > MAX_SOURCE_LENGTH) errors.push({ kind: 'source_long' });
  const reference = clean(raw.reference);
  if (reference === '') errors.push({ kind: 'reference_missing' });
  else if (reference.length > MAX_REFERENCE_LENGTH) errors.push({ kind: 'reference_long' });
  if (errors.length > 0 || !value.ok) return err(errors);
  return ok({ year, bp: value.value, source, reference });
}

/** Two sources are the same series when their names match ignoring case and spacing. */
export const sameSource = (a: string, b: string): boolean => clean(a).toLowerCase() === clean(b).toLowerCase();

/** A regional development plan, the target a region's main one defaults to. */
export const isRpjmd = (s: TargetSeries): boolean => /^rpjmd\b/i.test(s.source.trim());

/**
 * The scope's main series: the one a coordinator chose, else its RPJMD (a region's own plan), else the national
 * RPJMN (shipped), else the first entered, else the baseline's target.
 */
export function mainSeriesOf(series: readonly TargetSeries[], chosenId: string | undefined): TargetSeries | undefined {
  const chosen = chosenId === undefined ? undefined : series.find((s) => s.id === chosenId);
  return (
    chosen ??
    series.find(isRpjmd) ??
    series.find((s) => s.origin === 'shipped' && /^rpjmn\b/i.test(s.source)) ??
    series.find((s) => s.origin === 'entered') ??
    series.find((s) => s.origin === 'baseline') ??
    series[0]
  );
}

/**
 * A series' value for a year: the stated one, or a straight line between the stated years around it (rounded to a
 * whole basis point, half up), marked `interpolated`. Before the first stated year or after the last: none.
 */
export function valueFor(series: TargetSeries, year: number): TargetFor | undefined {
  const base = { seriesId: series.id, source: series.source, reference: series.reference, year };
  const exact = series.points.find((p) => p.year === year);
  if (exact) return { ...base, bp: exact.bp, interpolated: false };
  const before = [...series.points].reverse().find((p) => p.year < year);
  const after = series.points.find((p) => p.year > year);
  if (!before || !after) return undefined;
  // Integer arithmetic: (bp_a x span + (bp_b - bp_a) x step) / span, rounded half up.
  const span = after.year - before.year;
  const numerator = before.bp * span + (after.bp - before.bp) * (year - before.year);
  return { ...base, bp: Math.floor((2 * numerator + span) / (2 * span)), interpolated: true, between: [before, after] };
}

/** The parts of `/target [wilayah] [tambah <tahun> <nilai> <sumber> | <rujukan>]`, as typed (checked later). */
export interface TargetCommand {
  region: string;
  add?: { year: string; value: string; source: string; reference: string } | 'incomplete' | undefined;
}

export function splitTargetCommand(payload: string): TargetCommand {
  const m = /(^|\s)tambah(\s|$)/i.exec(payload);
  if (!m) return { region: payload.trim() };
  const region = payload.slice(0, m.index).trim();
  const rest = payload.slice(m.index + m[0].length).trim();
  const bar = rest.indexOf('|');
  const head = (bar < 0 ? rest : rest.slice(0, bar)).trim().split(/\s+/).filter((w) => w !== '');
  const reference = bar < 0 ? '' : rest.slice(bar + 1).trim();
  const [year, value, ...source] = head;
  if (year === undefined || value === undefined) return { region, add: 'incomplete' };
  // `45,5 %` and `45,5 persen`: the unit belongs to the value, not to the source.
  const unit = /^(%|persen)$/i.test(source[0] ?? '') ? ` ${source.shift() ?? ''}` : '';
  return { region, add: { year, value: `${value}${unit}`, source: source.join(' '), reference } };
}
