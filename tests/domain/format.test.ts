import { tz, tzOffset as intlOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { id } from 'date-fns/locale/id';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateSpan, formatTime } from '../../src/domain/format.js';
import type { Zone } from '../../src/domain/zones.js';
import { tzOffset } from '../../src/domain/weeks.js';

const ZONES: Zone[] = [
  { label: 'WIB', iana: 'Asia/Jakarta' },
  { label: 'WIB', iana: 'Asia/Pontianak' },
  { label: 'WITA', iana: 'Asia/Makassar' },
  { label: 'WIT', iana: 'Asia/Jayapura' },
];

describe('dates formatted with the zones’ fixed offsets agree with @date-fns/tz (issue 11)', () => {
  it.each(ZONES)('across 2020-2030 in $iana', (zone) => {
    // Every 7 h 13 min: all hours, weekdays, month and year turns are crossed.
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2031, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
      const at = new Date(t);
      const opts = { locale: id, in: tz(zone.iana) };
      expect(formatDate(at, zone)).toBe(format(at, 'EEEE, d MMMM yyyy', opts));
      expect(formatTime(at, zone)).toBe(`pukul ${format(at, 'HH.mm', opts)} ${zone.label}`);
    }
  });

  it.each(ZONES)('uses the fixed offset of $iana for week and deadline arithmetic, as Intl gives it, 1988-2040', (zone) => {
    for (let t = Date.UTC(1988, 0, 1); t < Date.UTC(2041, 0, 1); t += 97 * 3_600_000) expect(tzOffset(zone.iana, new Date(t))).toBe(intlOffset(zone.iana, new Date(t)));
  });

  it('writes spans within a month, across months and across years', () => {
    const wib = ZONES[0] as Zone;
    expect(formatDateSpan(new Date('2026-11-22T17:00:00Z'), new Date('2026-11-29T16:59:59Z'), wib)).toBe('23–29 November 2026');
    expect(formatDateSpan(new Date('2026-11-29T17:00:00Z'), new Date('2026-12-06T16:59:59Z'), wib)).toBe('30 November – 6 Desember 2026');
    expect(formatDateSpan(new Date('2026-12-27T17:00:00Z'), new Date('2027-01-03T16:59:59Z'), wib)).toBe('28 Desember 2026 – 3 Januari 2027');
  });
});
