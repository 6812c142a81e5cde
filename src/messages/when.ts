import { formatDate, formatShortDate } from '../domain/format.js';
import { comingWeekday, type LocalDate } from '../domain/when.js';
import type { WhenError } from '../domain/when.js';
import { WIB } from '../domain/zones.js';

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

/** Time left before an event, as a reminder says it when it is sent: `1 jam 20 menit lagi`. */
export function countdownText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'kurang dari 1 menit lagi';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} hari${hours > 0 ? ` ${hours} jam` : ''} lagi`;
  if (hours > 0) return `${hours} jam${mins > 0 ? ` ${mins} menit` : ''} lagi`;
  return `${mins} menit lagi`;
}
