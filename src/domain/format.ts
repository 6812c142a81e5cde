import { weekRange, type WeekKey } from './weeks.js';
import type { Zone, ZoneLabel } from './zones.js';

const COUNT_FORMAT = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const PERCENT_FORMAT = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const SIGNED_COUNT_FORMAT = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });

/** `1.234.567` */
export const formatCount = (n: number): string => COUNT_FORMAT.format(n);

const DECIMAL_FORMAT = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** `38,9` (at most one decimal, comma as the mark) */
export const formatDecimal = (n: number): string => DECIMAL_FORMAT.format(n);

/** `+1.204`, `-35`, `0` */
export const formatSignedCount = (n: number): string => SIGNED_COUNT_FORMAT.format(n);

/** `50,3%` from 50.3 */
export const formatPercent = (pct: number): string => `${PERCENT_FORMAT.format(pct)}%`;

/** `4,6 poin` (percentage points) */
export const formatPoints = (points: number): string => `${PERCENT_FORMAT.format(points)} poin`;

// Indonesia's zones keep one offset all year (no daylight saving): dates are formatted by adding it and reading UTC
// fields, instead of asking Intl for the zone's offset on every call (it was most of an answer's formatting cost).
// tests/domain/format.test.ts checks this against @date-fns/tz across years in every zone.
const OFFSET_MS: Record<ZoneLabel, number> = { WIB: 7 * 3_600_000, WITA: 8 * 3_600_000, WIT: 9 * 3_600_000 };
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

/** The instant as the zone's wall clock, in the UTC fields of a Date. */
const wall = (instant: Date, zone: Zone): Date => new Date(instant.getTime() + OFFSET_MS[zone.label]);
const pad = (n: number): string => String(n).padStart(2, '0');
const clock = (instant: Date, zone: Zone): string => {
  const w = wall(instant, zone);
  return `${pad(w.getUTCHours())}.${pad(w.getUTCMinutes())}`;
};

/** `16 Mei 2025` */
export const formatShortDate = (instant: Date, zone: Zone): string => {
  const w = wall(instant, zone);
  return `${w.getUTCDate()} ${MONTHS[w.getUTCMonth()] ?? ''} ${w.getUTCFullYear()}`;
};

/** `Jumat, 16 Mei 2025` */
export const formatDate = (instant: Date, zone: Zone): string => `${DAYS[wall(instant, zone).getUTCDay()] ?? ''}, ${formatShortDate(instant, zone)}`;

/** `pukul 09.00 WIB` */
export const formatTime = (instant: Date, zone: Zone): string => `pukul ${clock(instant, zone)} ${zone.label}`;

/** `Jumat, 16 Mei 2025 pukul 09.00 WIB` */
export const formatDateTime = (instant: Date, zone: Zone): string => `${formatDate(instant, zone)} ${formatTime(instant, zone)}`;

/** `23–29 November 2026`, `28 Desember 2026 – 3 Januari 2027` */
export function formatDateSpan(first: Date, last: Date, zone: Zone): string {
  const a = wall(first, zone);
  const b = wall(last, zone);
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()) return `${a.getUTCDate()}–${formatShortDate(last, zone)}`;
  if (a.getUTCFullYear() === b.getUTCFullYear()) return `${a.getUTCDate()} ${MONTHS[a.getUTCMonth()] ?? ''} – ${formatShortDate(last, zone)}`;
  return `${formatShortDate(first, zone)} – ${formatShortDate(last, zone)}`;
}

/** `pukul 09.00–11.00 WIB` */
export const formatTimeRange = (start: Date, end: Date, zone: Zone): string => `pukul ${clock(start, zone)}–${clock(end, zone)} ${zone.label}`;

/** `minggu ke-48 tahun 2026`: a week in words, without its days (when no zone applies, as in the audit trail). */
export const formatWeekShort = (key: WeekKey): string => `minggu ke-${Number(key.slice(6))} tahun ${key.slice(0, 4)}`;

/** `minggu ke-48 tahun 2026 (23–29 November 2026)` */
export function formatWeek(key: WeekKey, zone: Zone): string {
  const { start, end } = weekRange(key, zone.iana);
  const [year, week] = key.split('-W');
  return `minggu ke-${Number(week)} tahun ${year} (${formatDateSpan(start, new Date(end.getTime() - 1), zone)})`;
}
