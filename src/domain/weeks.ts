import { tzOffset as zoneOffset } from '@date-fns/tz';
import { err, ok, type Result } from './result.js';

/** An ISO week as `2026-W48`: Monday to Sunday in the reporting unit's own zone. */
export type WeekKey = `${number}-W${string}`;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MINUTE_MS = 60_000;

/**
 * Indonesia's zones have kept one offset since 1988 (no daylight saving): asked on every week computation, Intl's
 * answer is a fixed number, so it is looked up; any other zone is asked (tests/domain/format.test.ts compares).
 */
const FIXED_OFFSET_MINUTES: Record<string, number> = { 'Asia/Jakarta': 420, 'Asia/Pontianak': 420, 'Asia/Makassar': 480, 'Asia/Jayapura': 540 };
const SINCE_1988 = Date.UTC(1988, 0, 1);
export const tzOffset = (iana: string, at: Date): number => {
  const fixed = FIXED_OFFSET_MINUTES[iana];
  return fixed !== undefined && at.getTime() >= SINCE_1988 ? fixed : zoneOffset(iana, at);
};
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

// ISO weeks are calendar arithmetic: dates are handled as UTC midnights ("calendar days"), and a zone is consulted
// only to turn an instant into a local calendar day and back. (Date arithmetic through TZDate cost ~200 µs a call,
// which made the national view take over half a second.)

/** Monday of ISO week 1: the week with 4 January in it. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

export const weeksInYear = (year: number): number => Math.round((week1Monday(year + 1) - week1Monday(year)) / WEEK_MS);

/** The ISO week-year of a week (not always the calendar year of its days). */
export const weekYear = (week: WeekKey): number => Number(week.slice(0, 4));

/** The week's number within its ISO year: 48 for `2026-W48`. */
export const weekNumber = (week: WeekKey): number => Number(week.slice(6));

export function weekKey(year: number, week: number): WeekKey {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function parseWeekKey(text: string): Result<{ year: number; week: number; key: WeekKey }, 'format' | 'no_such_week'> {
  const m = WEEK_RE.exec(text.trim().toUpperCase());
  if (!m) return err('format');
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > weeksInYear(year)) return err('no_such_week');
  return ok({ year, week, key: weekKey(year, week) });
}

function mondayOf(key: WeekKey): number {
  const parsed = parseWeekKey(key);
  if (!parsed.ok) throw new Error(`invalid week key ${key}`);
  return week1Monday(parsed.value.year) + (parsed.value.week - 1) * WEEK_MS;
}

/** The ISO year is the year of the week's Thursday. */
function keyOfMonday(monday: number): WeekKey {
  const year = new Date(monday + 3 * DAY_MS).getUTCFullYear();
  return weekKey(year, Math.round((monday - week1Monday(year)) / WEEK_MS) + 1);
}

/** The ISO week that contains `instant`, seen from the zone `iana`. */
export function weekOf(instant: Date, iana: string): WeekKey {
  const local = instant.getTime() + tzOffset(iana, instant) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS) * DAY_MS;
  return keyOfMonday(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS);
}

/** The instant at which a local calendar day starts in the zone (offset taken at that instant). */
function startOfLocalDay(day: number, iana: string): Date {
  const guess = day - tzOffset(iana, new Date(day)) * MINUTE_MS;
  return new Date(day - tzOffset(iana, new Date(guess)) * MINUTE_MS);
}

/** Monday 00.00 (inclusive) to next Monday 00.00 (exclusive) of the week, in the zone `iana`, as instants. */
export function weekRange(key: WeekKey, iana: string): { start: Date; end: Date } {
  const monday = mondayOf(key);
  return { start: startOfLocalDay(monday, iana), end: startOfLocalDay(monday + WEEK_MS, iana) };
}

export function shiftWeek(key: WeekKey, weeks: number): WeekKey {
  return keyOfMonday(mondayOf(key) + weeks * WEEK_MS);
}

/** Whole weeks from `from` to `to` (positive when `to` is later). */
export function weeksBetween(from: WeekKey, to: WeekKey): number {
  return Math.round((mondayOf(to) - mondayOf(from)) / WEEK_MS);
}

export function compareWeeks(a: WeekKey, b: WeekKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
