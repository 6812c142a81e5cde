import { tzOffset } from '@date-fns/tz';
import { DAY_NAMES } from './deadline.js';
import { err, ok, type Result } from './result.js';
import type { ZoneLabel } from './zones.js';

/** Dates and times as officials write them: `Jumat 23/5`, `23 Mei 2026`, `2026-05-23`, `09.00 WIB`. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}
export interface LocalTime {
  hour: number;
  minute: number;
  zone?: ZoneLabel | undefined;
}

export type WhenError =
  | { kind: 'date_format'; input: string }
  | { kind: 'no_such_date'; input: string }
  | { kind: 'weekday_mismatch'; input: string; actual: string }
  | { kind: 'time_format'; input: string }
  | { kind: 'past'; input: string };

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, pebruari: 2, maret: 3, mar: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, agustus: 8, agu: 8, agt: 8, ags: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nopember: 11, nov: 11, desember: 12, des: 12,
};
const WEEKDAYS: Record<string, number> = { minggu: 0, ahad: 0, senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, "jum'at": 5, sabtu: 6 };

export const ZONE_IANA: Record<ZoneLabel, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

const dayName = (d: LocalDate): string => {
  const dow = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return DAY_NAMES[(dow + 6) % 7] ?? '';
};

const valid = (d: LocalDate): boolean => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
};

const addDays = (d: LocalDate, days: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const weekdayOf = (d: LocalDate): number => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

/** The first date after `today` that falls on `weekday` (0 Sunday … 6 Saturday): "jumat" typed on a Friday is next week's. */
export function comingWeekday(today: LocalDate, weekday: number): LocalDate {
  const ahead = (weekday - weekdayOf(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

const RELATIVE_DAYS: Record<string, number> = { 'hari ini': 0, besok: 1, besuk: 1, lusa: 2 };

/**
 * A date; without a year, the next such date from `today` on. A weekday, if written, must match. A weekday alone
 * (`jumat`) is the coming one; `hari ini`, `besok` and `lusa` count from today.
 */
export function parseLocalDate(raw: string, today: LocalDate): Result<LocalDate, WhenError> {
  const input = raw.trim();
  let text = input.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const relative = RELATIVE_DAYS[text];
  if (relative !== undefined) return ok(addDays(today, relative));
  const lone = WEEKDAYS[text];
  if (lone !== undefined) return ok(comingWeekday(today, lone));
  let weekday: number | undefined;
  const first = text.split(' ')[0] ?? '';
  if (first in WEEKDAYS) {
    weekday = WEEKDAYS[first];
    text = text.slice(first.length).trim();
  }
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text))) {
    [day, month] = [Number(m[1]), Number(m[2])];
    if (m[3]) year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  } else if ((m = /^(\d{1,2}) ([a-z]+)\.?(?: (\d{4}))?$/.exec(text))) {
    day = Number(m[1]);
    month = MONTHS[m[2] ?? ''];
    if (m[3]) year = Number(m[3]);
  }
  if (day === undefined || month === undefined) return err({ kind: 'date_format', input });
  let date: LocalDate = { year: year ?? today.year, month, day };
  if (year === undefined && Date.UTC(date.year, month - 1, day) < Date.UTC(today.year, today.month - 1, today.day)) {
    date = { ...date, year: date.year + 1 };
  }
  if (!valid(date)) return err({ kind: 'no_such_date', input });
  if (weekday !== undefined && new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() !== weekday) {
    return err({ kind: 'weekday_mismatch', input, actual: dayName(date) });
  }
  return ok(date);
}

/**
 * The part of the day a spoken time names, and the 24-hour hours it may mean: `jam 9 pagi` is 09.00, `jam 2 siang`
 * 14.00, `jam 4 sore` 16.00, `jam 7 malam` 19.00. An hour that does not fit the part (`jam 9 siang`) is not guessed.
 */
const DAY_PARTS: Record<string, { from: number; to: number }> = {
  pagi: { from: 1, to: 11 },
  siang: { from: 11, to: 15 },
  sore: { from: 15, to: 18 },
  petang: { from: 17, to: 19 },
  malam: { from: 18, to: 23 },
};

function inDayPart(hour: number, part: string | undefined): number | undefined {
  if (part === undefined) return hour;
  const range = DAY_PARTS[part.toLowerCase()];
  if (!range) return undefined;
  for (const h of [hour, hour + 12]) if (h >= range.from && h <= range.to && h <= 23) return h;
  return undefined;
}

// `09.00`, `9:30`, `pukul 09.00 WIB`, `jam 9`, `jam 9 pagi`, `9 pagi WITA`: minutes may be left out after `jam`/`pukul`
// or before a part of the day (a bare `9` is not a time).
const TIME = String.raw`(?:(?:pukul|jam|pkl\.?)\s*(\d{1,2})(?:[.:](\d{2}))?|(\d{1,2})[.:](\d{2})|(\d{1,2})(?=\s*(?:pagi|siang|sore|petang|malam)))\s*(pagi|siang|sore|petang|malam)?\s*(wib|wita|wit)?`;

/** `09.00`, `9:30`, `pukul 09.00 WIB`, `14.00 wita`, `jam 9 pagi`, `jam 2 siang WITA` */
export function parseLocalTime(raw: string): Result<LocalTime, WhenError> {
  const input = raw.trim();
  const m = new RegExp(`^${TIME}$`, 'i').exec(input);
  if (!m) return err({ kind: 'time_format', input });
  const hour = Number(m[1] ?? m[3] ?? m[5]);
  const minute = Number(m[2] ?? m[4] ?? 0);
  const h = inDayPart(hour, m[6]);
  if (h === undefined || h > 23 || minute > 59) return err({ kind: 'time_format', input });
  const zone = m[7] ? (m[7].toUpperCase() as ZoneLabel) : undefined;
  return ok({ hour: h, minute, zone });
}

/** A date and a time in one line: `Jumat 23/5 09.00 WIB`, `2026-05-23 pukul 14.00 WITA`, `besok jam 9 pagi`. */
export function splitDateTime(raw: string): { date: string; time: string } | undefined {
  const m = new RegExp(`^(.*?)[\\s,]+(${TIME.replace(/\((?!\?)/g, '(?:')})$`, 'i').exec(raw.trim());
  return m ? { date: m[1] ?? '', time: m[2] ?? '' } : undefined;
}

/** The instant of a local date and time in the zone `iana`. */
export function toInstant(date: LocalDate, time: LocalTime, iana: string): Date {
  const local = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const guess = local - tzOffset(iana, new Date(local)) * 60_000;
  return new Date(local - tzOffset(iana, new Date(guess)) * 60_000);
}

/** Today's date in the zone. */
export function localDateOf(instant: Date, iana: string): LocalDate {
  const local = new Date(instant.getTime() + tzOffset(iana, instant) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}
