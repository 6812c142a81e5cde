import { formatDate, formatShortDate, formatTime } from '../domain/format.js';
import { comingWeekday, ZONE_IANA, type LocalDate, type WhenError } from '../domain/when.js';
import { tzOffset } from '../domain/weeks.js';
import { WIB, type Zone, type ZoneLabel } from '../domain/zones.js';

const FRIDAY = 5;
/** A local date as an instant inside that day in every Indonesian zone (10.00 WIB), for the date formatters. */
const midday = (d: LocalDate): Date => new Date(Date.UTC(d.year, d.month - 1, d.day, 3));

/**
 * Ways to write a date, built from the coming Friday so that every example is a real date the bot takes today
 * (a fixed "Jumat 23/5" stops being a Friday next year).
 */
export function dateExamples(today: LocalDate): { dayMonth: string; long: string; iso: string; weekday: string; weekdayMeans: string } {
  const d = comingWeekday(today, FRIDAY);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return {
    dayMonth: `Jumat ${d.day}/${d.month}`,
    long: formatShortDate(midday(d), WIB),
    iso: `${d.year}-${pad(d.month)}-${pad(d.day)}`,
    weekday: 'jumat',
    weekdayMeans: formatDate(midday(d), WIB),
  };
}

/** `Jumat 4/12, 4 Desember 2026, 2026-12-04, atau jumat (Jumat, 4 Desember 2026)` */
export const dateExamplesText = (today: LocalDate): string => {
  const e = dateExamples(today);
  return `${e.dayMonth}, ${e.long}, ${e.iso}, atau ${e.weekday} saja (berarti ${e.weekdayMeans})`;
};

export function whenErrorText(e: WhenError, today?: LocalDate): string {
  switch (e.kind) {
    case 'date_format':
      return `“${e.input}” bukan tanggal yang dikenali.${today ? ` Tulis misalnya ${dateExamplesText(today)}.` : ''}`;
    case 'no_such_date':
      return `tanggal “${e.input}” tidak ada di kalender.`;
    case 'weekday_mismatch':
      return `hari dan tanggal “${e.input}” tidak cocok: tanggal itu jatuh pada hari ${e.actual}.`;
    case 'time_format':
      return `“${e.input}” bukan jam yang dikenali. Tulis misalnya 09.00 WIB, 14.30 WITA, atau jam 9 pagi.`;
    case 'past':
      return `waktu “${e.input}” sudah lewat. Mohon pilih waktu yang akan datang.`;
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Below this the time left is said in hours; from it on, by the reader's calendar ("besok, pukul 09.00 WIB"). */
const HOURS_UP_TO_MIN = 6 * 60;

/** Days between two instants' calendar days in a zone. */
const calendarDays = (from: Date, to: Date, zone: Zone): number => {
  const day = (d: Date): number => Math.floor((d.getTime() + tzOffset(zone.iana, d) * MINUTE_MS) / DAY_MS);
  return day(to) - day(from);
};

/**
 * Time left before an event at `at`, as a person says it when the reminder goes: rounded, never cut, since the
 * scheduler's tick lands a little after the due time ("3 hari lagi", not "2 hari 23 jam lagi"; "1 jam lagi", not
 * "59 menit lagi"), and from six hours on by the calendar of the reader's zone: "hari ini, pukul 15.00 WITA",
 * "besok, pukul 09.00 WIB", "3 hari lagi". Without a zone (an item stored before slots named one) in hours or days.
 */
export function countdownText(ms: number, at?: Date, zone?: Zone): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 1) return 'kurang dari 1 menit lagi';
  if (minutes < 10) return `${minutes} menit lagi`;
  if (minutes < 55) return `${Math.round(minutes / 5) * 5} menit lagi`;
  if (minutes < HOURS_UP_TO_MIN) {
    const halves = Math.round(minutes / 30);
    return `${Math.floor(halves / 2)} jam${halves % 2 === 1 ? ' 30 menit' : ''} lagi`;
  }
  if (!at || !zone) return minutes < 20 * 60 ? `${Math.round(minutes / 60)} jam lagi` : `${Math.round(ms / DAY_MS)} hari lagi`;
  const days = calendarDays(new Date(at.getTime() - ms), at, zone);
  if (days <= 0) return `hari ini, ${formatTime(at, zone)}`;
  if (days === 1) return `besok, ${formatTime(at, zone)}`;
  return `${days} hari lagi`;
}

/** The countdown of an outbox slot, read in the zone the slot names (`WITA`), if any. */
export function countdownIn(ms: number, at: Date, zoneLabel: string | undefined): string {
  const label = zoneLabel !== undefined && zoneLabel in ZONE_IANA ? (zoneLabel as ZoneLabel) : undefined;
  return countdownText(ms, at, label ? { label, iana: ZONE_IANA[label] } : undefined);
}
