import { describe, expect, it } from 'vitest';
import { deadlineFor, type Deadline } from '../../src/domain/deadline.js';
import { createHolidayCalendar, NATIONAL_HOLIDAYS, type Holiday } from '../../src/domain/holidays.js';

const FRIDAY_1500 = { weekday: 5, hour: 15, minute: 0 };
const rule = (added: Holiday[] = []): Deadline => ({ ...FRIDAY_1500, holidays: createHolidayCalendar(() => ({ added, removed: [] })) });
const ZONES = [
  ['WIB', 'Asia/Jakarta', '19'],
  ['WITA', 'Asia/Makassar', '73'],
  ['WIT', 'Asia/Jayapura', '91'],
] as const;
const HOURS = { WIB: 7, WITA: 8, WIT: 9 } as const;

describe('deadlines and the holiday calendar (TZ=UTC on this machine)', () => {
  it.each(ZONES)('a deadline on 25 December 2026 moves past cuti bersama on the 24th to Wednesday the 23rd, in %s', (label, iana, province) => {
    const d = deadlineFor('2026-W52', iana, rule(), province);
    expect(d.nominal.toISOString()).toBe(`2026-12-25T${String(15 - HOURS[label]).padStart(2, '0')}:00:00.000Z`);
    expect(d.at.toISOString()).toBe(`2026-12-23T${String(15 - HOURS[label]).padStart(2, '0')}:00:00.000Z`);
    expect(d.because.map((h) => h.name)).toEqual(['Hari Raya Natal', 'Cuti bersama Hari Raya Natal']);
  });

  it.each(ZONES)('a deadline on a cuti bersama day (15 May 2026, after Ascension on the 14th) moves to the 13th, in %s', (label, iana, province) => {
    const d = deadlineFor('2026-W20', iana, rule(), province);
    expect(d.at.toISOString().slice(0, 13)).toBe(`2026-05-13T${String(15 - HOURS[label]).padStart(2, '0')}`);
    expect(d.because.map((h) => h.kind)).toEqual(['cuti_bersama', 'libur']);
  });

  it('a day added for one province moves only that province’s deadline', () => {
    const regional: Holiday = { date: '2026-11-27', name: 'Hari Jadi Provinsi', kind: 'daerah', reference: 'uji', province: '19' };
    expect(deadlineFor('2026-W48', 'Asia/Jakarta', rule([regional]), '19').at.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(deadlineFor('2026-W48', 'Asia/Jakarta', rule([regional]), '32').at.toISOString()).toBe('2026-11-27T08:00:00.000Z');
  });

  it('moves nothing without a calendar, and a removed day no longer counts', () => {
    expect(deadlineFor('2026-W52', 'Asia/Jakarta', FRIDAY_1500).at.toISOString()).toBe('2026-12-25T08:00:00.000Z');
    const without = createHolidayCalendar(() => ({ added: [], removed: [{ date: '2026-12-24' }] }));
    expect(deadlineFor('2026-W52', 'Asia/Jakarta', { ...FRIDAY_1500, holidays: without }).at.toISOString()).toBe('2026-12-24T08:00:00.000Z');
  });

  it('holds the decrees’ counts: 17 libur (18 with 18 August 2025) and 10 cuti bersama in 2025; 17 and 8 in 2026; no 2027', () => {
    const count = (year: string, kind: Holiday['kind']) => NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith(year) && h.kind === kind).length;
    expect([count('2025', 'libur'), count('2025', 'cuti_bersama'), count('2026', 'libur'), count('2026', 'cuti_bersama')]).toEqual([18, 10, 17, 8]);
    expect(NATIONAL_HOLIDAYS.some((h) => h.date.startsWith('2027'))).toBe(false);
    expect(NATIONAL_HOLIDAYS.every((h) => h.reference.length > 0)).toBe(true);
  });
});

describe('years the calendar knows', () => {
  it('covers the curated years, and a year once an operator enters one of its national days', () => {
    const added: Holiday[] = [];
    const calendar = createHolidayCalendar(() => ({ added, removed: [] }));
    expect([calendar.covers(2025), calendar.covers(2026), calendar.covers(2027)]).toEqual([true, true, false]);
    added.push({ date: '2027-03-01', name: 'Hari Jadi', kind: 'daerah', reference: 'x', province: '19' });
    expect(calendar.covers(2027)).toBe(false);
    added.push({ date: '2027-01-01', name: 'Tahun Baru Masehi', kind: 'libur', reference: 'x' });
    expect(calendar.covers(2027)).toBe(true);
  });
});
