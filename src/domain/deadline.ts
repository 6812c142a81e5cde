import type { Holiday, HolidayCalendar } from './holidays.js';
import { err, ok, type Result } from './result.js';
import { compareWeeks, shiftWeek, tzOffset, weekOf, weekRange, type WeekKey } from './weeks.js';

/** The weekly reporting deadline, in each unit's own zone: ISO weekday (1 = Senin ... 7 = Minggu) and time. */
export interface Deadline {
  weekday: number;
  hour: number;
  minute: number;
  /** Days off that move a deadline falling on them to the previous working day (none: never moved). */
  holidays?: HolidayCalendar | undefined;
  /** How long after a week's deadline its staff may still send it, marked late (LATE_GRACE); none: not at all. */
  graceMs?: number | undefined;
}

/** How far back a coordinator may enter (or correct) a unit's report: a year of weeks. */
export const COORDINATOR_WEEKS_BACK = 53;

export const DAY_NAMES = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] as const;

const DAY_WORDS: Record<string, number> = {
  senin: 1,
  selasa: 2,
  rabu: 3,
  kamis: 4,
  jumat: 5,
  "jum'at": 5,
  sabtu: 6,
  minggu: 7,
  ahad: 7,
};

/** `Jumat 15.00`, `jum'at 15:00`: a weekday and a 24-hour time. */
export function parseDeadline(text: string): Result<Deadline, 'deadline'> {
  const m = /^\s*([a-z']+)\s*,?\s*(?:pukul\s*)?(\d{1,2})[.:](\d{2})\s*$/i.exec(text);
  const weekday = m ? DAY_WORDS[(m[1] ?? '').toLowerCase()] : undefined;
  const hour = Number(m?.[2]);
  const minute = Number(m?.[3]);
  if (!m || weekday === undefined || hour > 23 || minute > 59) {
    return err('deadline');
  }
  return ok({ weekday, hour, minute });
}

export const formatDeadline = (d: Deadline): string =>
  `${DAY_NAMES[d.weekday - 1] ?? ''} pukul ${String(d.hour).padStart(2, '0')}.${String(d.minute).padStart(2, '0')}`;

const DAY_MS = 86_400_000;

/** The local calendar day (`YYYY-MM-DD`) of an instant in a zone. */
const localDay = (instant: Date, iana: string): string => new Date(instant.getTime() + tzOffset(iana, instant) * 60_000).toISOString().slice(0, 10);
const isWeekend = (day: string): boolean => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/**
 * Week `week`'s deadline for a unit of `province` in zone `iana`, and why it moved: a deadline that falls on a
 * holiday or cuti bersama (or a weekend reached by moving) moves to the previous working day, at the same time.
 */
export function deadlineFor(week: WeekKey, iana: string, d: Deadline, province?: string): { at: Date; nominal: Date; because: Holiday[] } {
  const nominal = nominalDeadline(week, iana, d);
  const because: Holiday[] = [];
  let at = nominal;
  for (let i = 0; i < 14 && d.holidays; i++) {
    const day = localDay(at, iana);
    const off = d.holidays.on(day, province);
    if (off.length === 0 && !(i > 0 && isWeekend(day))) break;
    because.push(...off);
    at = new Date(at.getTime() - DAY_MS);
  }
  return { at, nominal, because };
}

/** The instant of week `week`'s deadline in the zone `iana` (moved for holidays when the rule carries them). */
export function deadlineOf(week: WeekKey, iana: string, d: Deadline, province?: string): Date {
  return deadlineFor(week, iana, d, province).at;
}

function nominalDeadline(week: WeekKey, iana: string, d: Deadline): Date {
  const { start } = weekRange(week, iana);
  const localMidnight = start.getTime() + tzOffset(iana, start) * 60_000;
  const localDeadline = localMidnight + ((d.weekday - 1) * 24 * 60 + d.hour * 60 + d.minute) * 60_000;
  // Indonesian zones keep one offset all year; taking it at the deadline itself keeps this right anywhere.
  const guess = localDeadline - tzOffset(iana, new Date(localDeadline)) * 60_000;
  return new Date(localDeadline - tzOffset(iana, new Date(guess)) * 60_000);
}

/**
 * The weeks a unit's staff may report now, newest first: each week up to the current one until its deadline plus the
 * grace period (LATE_GRACE) has passed. A week sent after its deadline is late (see isLate). Empty once even the
 * current week's grace has passed (a deadline early in the week with a short grace): after that only coordinators and
 * admins may enter it.
 */
export function reportableWeeks(now: Date, iana: string, d: Deadline, province?: string): WeekKey[] {
  const current = weekOf(now, iana);
  const out: WeekKey[] = [];
  for (let k = 0; k <= 8; k++) {
    const week = shiftWeek(current, -k);
    if (now.getTime() >= deadlineOf(week, iana, d, province).getTime() + (d.graceMs ?? 0)) break;
    out.push(week);
  }
  return out;
}

/** The weeks a coordinator (or admin) is offered: the current week always, and the earlier weeks still open to staff. */
export function coordinatorWeeks(now: Date, iana: string, d: Deadline, province?: string): WeekKey[] {
  const current = weekOf(now, iana);
  return [current, ...reportableWeeks(now, iana, d, province).filter((w) => compareWeeks(w, current) !== 0)];
}

export const isReportable = (week: WeekKey, now: Date, iana: string, d: Deadline, province?: string): boolean =>
  reportableWeeks(now, iana, d, province).some((w) => compareWeeks(w, week) === 0);

/** A coordinator (or admin) may enter any week of the past year up to the current one, late or not. */
export const isEnterableByCoordinator = (week: WeekKey, now: Date, iana: string): boolean => {
  const current = weekOf(now, iana);
  return compareWeeks(week, current) <= 0 && compareWeeks(week, shiftWeek(current, -COORDINATOR_WEEKS_BACK)) > 0;
};

/** Sent after the week's deadline (holidays counted). */
export const isLate = (week: WeekKey, at: Date, iana: string, d: Deadline, province?: string): boolean => at.getTime() > deadlineOf(week, iana, d, province).getTime();
