import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { id } from 'date-fns/locale/id';
import { weekRange, type WeekKey } from './weeks.js';
import type { Zone } from './zones.js';

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

/** `Jumat, 16 Mei 2025` */
export const formatDate = (instant: Date, zone: Zone): string =>
  format(instant, 'EEEE, d MMMM yyyy', { locale: id, in: tz(zone.iana) });

/** `16 Mei 2025` */
export const formatShortDate = (instant: Date, zone: Zone): string =>
  format(instant, 'd MMMM yyyy', { locale: id, in: tz(zone.iana) });

/** `pukul 09.00 WIB` */
export const formatTime = (instant: Date, zone: Zone): string =>
  `pukul ${format(instant, 'HH.mm', { in: tz(zone.iana) })} ${zone.label}`;

/** `Jumat, 16 Mei 2025 pukul 09.00 WIB` */
export const formatDateTime = (instant: Date, zone: Zone): string =>
  `${formatDate(instant, zone)} ${formatTime(instant, zone)}`;

/** `23–29 November 2026`, `28 Desember 2026 – 3 Januari 2027` */
export function formatDateSpan(first: Date, last: Date, zone: Zone): string {
  const opts = { locale: id, in: tz(zone.iana) };
  const [y1, m1] = [format(first, 'yyyy', opts), format(first, 'M', opts)];
  const [y2, m2] = [format(last, 'yyyy', opts), format(last, 'M', opts)];
  if (y1 === y2 && m1 === m2) return `${format(first, 'd', opts)}–${formatShortDate(last, zone)}`;
  if (y1 === y2) return `${format(first, 'd MMMM', opts)} – ${formatShortDate(last, zone)}`;
  return `${formatShortDate(first, zone)} – ${formatShortDate(last, zone)}`;
}

/** `pukul 09.00–11.00 WIB` */
export const formatTimeRange = (start: Date, end: Date, zone: Zone): string =>
  `pukul ${format(start, 'HH.mm', { in: tz(zone.iana) })}–${format(end, 'HH.mm', { in: tz(zone.iana) })} ${zone.label}`;

/** `minggu ke-48 tahun 2026`: a week in words, without its days (when no zone applies, as in the audit trail). */
export const formatWeekShort = (key: WeekKey): string => `minggu ke-${Number(key.slice(6))} tahun ${key.slice(0, 4)}`;

/** `minggu ke-48 tahun 2026 (23–29 November 2026)` */
export function formatWeek(key: WeekKey, zone: Zone): string {
  const { start, end } = weekRange(key, zone.iana);
  const [year, week] = key.split('-W');
  return `minggu ke-${Number(week)} tahun ${year} (${formatDateSpan(start, new Date(end.getTime() - 1), zone)})`;
}
