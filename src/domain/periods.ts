import { err, ok, type Result } from './result.js';
import { compareWeeks, parseWeekKey, shiftWeek, weekKey, weeksBetween, weeksInYear, weekYear, type WeekKey } from './weeks.js';

/** The weeks a rekap or a chart covers, both ends included. */
export interface Period {
  from: WeekKey;
  to: WeekKey;
  kind: 'week' | 'range' | 'year';
}

/** A rekap covers at most two years of weeks: a bigger file helps nobody in a meeting, and costs the bot memory. */
export const MAX_PERIOD_WEEKS = 106;

export type PeriodError =
  | { kind: 'format' }
  | { kind: 'no_such_week'; text: string }
  | { kind: 'future'; week: WeekKey }
  | { kind: 'reversed' }
  | { kind: 'too_long'; weeks: number };

const WEEK_WORD = /^(?:minggu|mingu|mgg|mg|pekan|week|w)\s*(?:ke\s*-?\s*)?(\d{1,2})$/;

/** One week as people write it: `2026-W48`, `2026-w48`, `minggu 48`, `minggu ke-48`, `mg48` (of the current year). */
function parseOneWeek(raw: string, current: WeekKey, bareNumber = false): Result<WeekKey, PeriodError> {
  const text = raw.trim().toLowerCase();
  const iso = parseWeekKey(text);
  if (iso.ok) return ok(iso.value.key);
  if (iso.error === 'no_such_week') return err({ kind: 'no_such_week', text: raw.trim() });
  const m = WEEK_WORD.exec(text) ?? (bareNumber ? /^(\d{1,2})$/.exec(text) : null);
  if (!m) return err({ kind: 'format' });
  const year = weekYear(current);
  const n = Number(m[1]);
  if (n < 1 || n > weeksInYear(year)) return err({ kind: 'no_such_week', text: raw.trim() });
  return ok(weekKey(year, n));
}

/**
 * The period of `/ekspor`, `/grafik` and the command line: nothing for the current week; a week; a range `A..B` (also
 * `A-B` or `A s.d. B` between week words); a year `2026` (its weeks up to the current one). Weeks after the current
 * one have no figures and are refused.
 */
export function parsePeriod(raw: string, current: WeekKey): Result<Period, PeriodError> {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '' || text === 'minggu ini' || text === 'pekan ini') return ok({ from: current, to: current, kind: 'week' });
  if (/^20\d{2}$/.test(text)) {
    const year = Number(text);
    const first = weekKey(year, 1);
    if (compareWeeks(first, current) > 0) return err({ kind: 'future', week: first });
    const last = weekKey(year, weeksInYear(year));
    return ok({ from: first, to: compareWeeks(last, current) < 0 ? last : current, kind: 'year' });
  }
  const range = /^(.+?)\s*(?:\.\.|s\.?\s?d\.?|sampai|hingga|–|—)\s*(.+)$/.exec(text) ?? /^(minggu \d{1,2}|\d{4}-w\d{2})\s*-\s*(.+)$/.exec(text);
  if (range?.[1] && range[2]) {
    const from = parseOneWeek(range[1], current);
    if (!from.ok) return from;
    // `minggu 40..48`: the second end may be a bare number.
    const to = parseOneWeek(/^\d{1,2}$/.test(range[2]) && /^\d{4}-w/.test(range[1]) ? `${range[1].slice(0, 6)}${range[2].padStart(2, '0')}` : range[2], current, true);
    if (!to.ok) return to;
    return checked({ from: from.value, to: to.value, kind: 'range' }, current);
  }
  const one = parseOneWeek(text, current);
  if (!one.ok) return one;
  return checked({ from: one.value, to: one.value, kind: 'week' }, current);
}

function checked(p: Period, current: WeekKey): Result<Period, PeriodError> {
  if (compareWeeks(p.to, current) > 0) return err({ kind: 'future', week: p.to });
  if (compareWeeks(p.from, p.to) > 0) return err({ kind: 'reversed' });
  const weeks = weeksBetween(p.from, p.to) + 1;
  if (weeks > MAX_PERIOD_WEEKS) return err({ kind: 'too_long', weeks });
  return ok(p);
}

/** Every week of the period, oldest first. */
export const weeksOf = (p: Period): WeekKey[] => Array.from({ length: weeksBetween(p.from, p.to) + 1 }, (_, i) => shiftWeek(p.from, i));

/** The file-name part of a period: `2026-W48`, `2026-W40..2026-W48` written `2026-W40-2026-W48`, or `2026`. */
export const periodSlug = (p: Period): string =>
  p.kind === 'year' ? p.from.slice(0, 4) : p.from === p.to ? p.from : `${p.from}-${p.to}`;

/**
 * `/ekspor Bangka Barat minggu 47`: the region and the period, split where the longest trailing run of words reads
 * as a period. Without such a run, everything is the region and the period is the current week.
 */
export function splitRegionAndPeriod(text: string, current: WeekKey): { region: string; period: Result<Period, PeriodError>; named: boolean } {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  for (let k = Math.min(words.length, 6); k >= 1; k--) {
    const tail = words.slice(words.length - k).join(' ');
    // A lone number is a region code (`19`, `1971`), never a week.
    if (/^\d{1,2}(?:\.\d{1,2})?$|^\d{4}$/.test(tail) && !/^20\d{2}$/.test(tail)) continue;
    const period = parsePeriod(tail, current);
    if (period.ok || period.error.kind !== 'format') return { region: words.slice(0, words.length - k).join(' '), period, named: true };
  }
  return { region: words.join(' '), period: parsePeriod('', current), named: false };
}
