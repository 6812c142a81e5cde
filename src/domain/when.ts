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

/** A date; without a year, the next such date from `today` on. A weekday, if written, must match. */
export function parseLocalDate(raw: string, today: LocalDate): Result<LocalDate, WhenError> {
  const input = raw.trim();
  let text = input.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
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

/** `09.00`, `9:30`, `pukul 09.00 WIB`, `14.00 wita` */
export function parseLocalTime(raw: string): Result<LocalTime, WhenError> {
  const input = raw.trim();
  const m = /^(?:pukul|jam|pkl\.?)?\s*(\d{1,2})[.:](\d{2})\s*(wib|wita|wit)?$/i.exec(input);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return err({ kind: 'time_format', input });
  const zone = m[3] ? (m[3].toUpperCase() as ZoneLabel) : undefined;
  return ok({ hour: Number(m[1]), minute: Number(m[2]), zone });
}

/** A date and a time in one line: `Jumat 23/5 09.00 WIB`, `2026-05-23 pukul 14.00 WITA`. */
export function splitDateTime(raw: string): { date: string; time: string } | undefined {
  const m = /^(.*?)[\s,]+((?:pukul|jam|pkl\.?)?\s*\d{1,2}[.:]\d{2}\s*(?:wib|wita|wit)?)$/i.exec(raw.trim());
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
