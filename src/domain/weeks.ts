import { TZDate } from '@date-fns/tz';
import { addWeeks, getISOWeek, getISOWeekYear, getISOWeeksInYear, setISOWeek, startOfISOWeek } from 'date-fns';
import { err, ok, type Result } from './result.js';

/** An ISO week as `2026-W48`: Monday to Sunday in the reporting unit's own zone. */
export type WeekKey = `${number}-W${string}`;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

export function weekKey(year: number, week: number): WeekKey {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function parseWeekKey(text: string): Result<{ year: number; week: number; key: WeekKey }, 'format' | 'no_such_week'> {
  const m = WEEK_RE.exec(text.trim().toUpperCase());
  if (!m) return err('format');
  const year = Number(m[1]);
  const week = Number(m[2]);
  const weeksInYear = getISOWeeksInYear(new Date(Date.UTC(year, 6, 1)));
  if (week < 1 || week > weeksInYear) return err('no_such_week');
  return ok({ year, week, key: weekKey(year, week) });
}

/** The ISO week that contains `instant`, seen from the zone `iana`. */
export function weekOf(instant: Date, iana: string): WeekKey {
  const local = new TZDate(instant.getTime(), iana);
  return weekKey(getISOWeekYear(local), getISOWeek(local));
}

/** Monday 00.00 (inclusive) to next Monday 00.00 (exclusive) of the week, in the zone `iana`, as instants. */
export function weekRange(key: WeekKey, iana: string): { start: Date; end: Date } {
  const parsed = parseWeekKey(key);
  if (!parsed.ok) throw new Error(`invalid week key ${key}`);
  // Mid-year anchor, then move to the ISO week; all arithmetic in the unit's zone.
  const anchor = new TZDate(parsed.value.year, 0, 4, 12, 0, 0, iana);
  const start = startOfISOWeek(setISOWeek(anchor, parsed.value.week));
  return { start: new Date(start.getTime()), end: new Date(addWeeks(start, 1).getTime()) };
}

export function shiftWeek(key: WeekKey, weeks: number): WeekKey {
  const { start } = weekRange(key, 'UTC');
  return weekOf(addWeeks(start, weeks), 'UTC');
}

/** Whole weeks from `from` to `to` (positive when `to` is later). */
export function weeksBetween(from: WeekKey, to: WeekKey): number {
  const a = weekRange(from, 'UTC').start.getTime();
  const b = weekRange(to, 'UTC').start.getTime();
  return Math.round((b - a) / (7 * 24 * 3600 * 1000));
}

export function compareWeeks(a: WeekKey, b: WeekKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
