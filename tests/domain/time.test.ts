import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatPercent,
  formatSignedCount,
  formatWeek,
} from '../../src/domain/format.js';
import { parseWeekKey, shiftWeek, weekOf, weekRange, weeksBetween } from '../../src/domain/weeks.js';
import { WIB, zoneOfProvince } from '../../src/domain/zones.js';

const WITA = zoneOfProvince('73');
const WIT = zoneOfProvince('91');

describe('Indonesian formats', () => {
  it('writes numbers and percentages the Indonesian way', () => {
    expect(formatCount(1_234_567)).toBe('1.234.567');
    expect(formatCount(0)).toBe('0');
    expect(formatPercent(50.26)).toBe('50,3%');
    expect(formatPercent(33.1)).toBe('33,1%');
    expect(formatSignedCount(1204)).toBe('+1.204');
    expect(formatSignedCount(-35)).toBe('-35');
  });

  it('writes dates and times in the zone of the place, whatever the server zone', () => {
    const instant = new Date('2025-05-16T02:00:00Z');
    expect(formatDateTime(instant, WIB)).toBe('Jumat, 16 Mei 2025 pukul 09.00 WIB');
    expect(formatDateTime(instant, WITA)).toBe('Jumat, 16 Mei 2025 pukul 10.00 WITA');
    expect(formatDateTime(instant, WIT)).toBe('Jumat, 16 Mei 2025 pukul 11.00 WIT');
    expect(formatDate(new Date('2025-05-16T20:00:00Z'), WIB)).toBe('Sabtu, 17 Mei 2025');
  });

  it('09.00 local is 02.00Z in WIB, 01.00Z in WITA and 00.00Z in WIT', () => {
    expect(formatDateTime(new Date('2026-05-22T02:00:00Z'), WIB)).toContain('pukul 09.00 WIB');
    expect(formatDateTime(new Date('2026-05-22T01:00:00Z'), WITA)).toContain('pukul 09.00 WITA');
    expect(formatDateTime(new Date('2026-05-22T00:00:00Z'), WIT)).toContain('pukul 09.00 WIT');
  });

  it('names a week with its dates', () => {
    expect(formatWeek('2026-W48', WIB)).toBe('minggu ke-48 tahun 2026 (23–29 November 2026)');
    expect(formatWeek('2026-W53', WIB)).toBe('minggu ke-53 tahun 2026 (28 Desember 2026 – 3 Januari 2027)');
    expect(formatWeek('2026-W18', WIB)).toBe('minggu ke-18 tahun 2026 (27 April – 3 Mei 2026)');
  });
});

describe('ISO weeks in the unit zone', () => {
  it('starts the week on Monday 00.00 local time', () => {
    // Sunday 29 Nov 2026 17.30Z is Monday 00.30 in WIB and later in WITA/WIT: already the next week there.
    const instant = new Date('2026-11-29T17:30:00Z');
    expect(weekOf(instant, 'UTC')).toBe('2026-W48');
    expect(weekOf(instant, WIB.iana)).toBe('2026-W49');
    expect(weekOf(instant, WIT.iana)).toBe('2026-W49');
    expect(weekRange('2026-W49', WIB.iana).start.toISOString()).toBe('2026-11-29T17:00:00.000Z');
    expect(weekRange('2026-W49', WIT.iana).start.toISOString()).toBe('2026-11-29T15:00:00.000Z');
  });

  it('handles years with 53 weeks and crossing the year', () => {
    expect(parseWeekKey('2026-W53').ok).toBe(true);
    expect(parseWeekKey('2025-W53')).toEqual({ ok: false, error: 'no_such_week' });
    expect(parseWeekKey('2026-48')).toEqual({ ok: false, error: 'format' });
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(weeksBetween('2026-W45', '2026-W48')).toBe(3);
    expect(weeksBetween('2026-W52', '2027-W02')).toBe(3);
  });
});

describe('week arithmetic agrees with date-fns', () => {
  it('for instants across eleven years in every Indonesian zone', () => {
    const mismatches: string[] = [];
    // Every 53 hours lands on every hour of the day and every weekday over the span.
    for (let ms = Date.UTC(2020, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 53 * 3600_000) {
      for (const zone of ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura', 'UTC']) {
        const local = new TZDate(ms, zone);
        const expected = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
        const got = weekOf(new Date(ms), zone);
        if (got !== expected) mismatches.push(`${new Date(ms).toISOString()} ${zone}: ${got} != ${expected}`);
        const { start, end } = weekRange(got, zone);
        if (!(start.getTime() <= ms && ms < end.getTime())) mismatches.push(`${got} ${zone} does not contain ${ms}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
