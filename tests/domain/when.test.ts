import { describe, expect, it } from 'vitest';
import { localDateOf, parseLocalDate, parseLocalTime, splitDateTime, toInstant } from '../../src/domain/when.js';

const TODAY = { year: 2026, month: 5, day: 20 };
const date = (s: string) => {
  const r = parseLocalDate(s, TODAY);
  return r.ok ? r.value : r.error.kind;
};

describe('dates as officials write them', () => {
  it.each([
    ['23 Mei 2026', { year: 2026, month: 5, day: 23 }],
    ['2026-05-23', { year: 2026, month: 5, day: 23 }],
    ['23/05/2026', { year: 2026, month: 5, day: 23 }],
    ['23-5-26', { year: 2026, month: 5, day: 23 }],
    ['Sabtu, 23 Mei 2026', { year: 2026, month: 5, day: 23 }],
    ['5 Jan', { year: 2027, month: 1, day: 5 }],
    ['1 Nopember', { year: 2026, month: 11, day: 1 }],
    ["Jum'at 22/5", { year: 2026, month: 5, day: 22 }],
  ])('%s', (input, expected) => {
    expect(date(input)).toEqual(expected);
  });

  it('refuses what is not a date, with the reason', () => {
    expect(date('minggu depan')).toBe('date_format');
    expect(date('31/2')).toBe('no_such_date');
    expect(parseLocalDate('Jumat 23/5', TODAY)).toEqual({ ok: false, error: { kind: 'weekday_mismatch', input: 'Jumat 23/5', actual: 'Sabtu' } });
  });

  it('reads times with their zone', () => {
    expect(parseLocalTime('09.00 WIB')).toEqual({ ok: true, value: { hour: 9, minute: 0, zone: 'WIB' } });
    expect(parseLocalTime('pukul 14:30 wita')).toEqual({ ok: true, value: { hour: 14, minute: 30, zone: 'WITA' } });
    expect(parseLocalTime('9.00')).toEqual({ ok: true, value: { hour: 9, minute: 0, zone: undefined } });
    expect(parseLocalTime('25.00').ok).toBe(false);
    expect(splitDateTime('Jumat 22/5 09.00 WIB')).toEqual({ date: 'Jumat 22/5', time: '09.00 WIB' });
  });

  it('reads a weekday alone as the coming one, and today, tomorrow and the day after', () => {
    // 20 May 2026 is a Wednesday.
    expect(date('jumat')).toEqual({ year: 2026, month: 5, day: 22 });
    expect(date("Jum'at")).toEqual({ year: 2026, month: 5, day: 22 });
    expect(date('rabu')).toEqual({ year: 2026, month: 5, day: 27 });
    expect(date('senin')).toEqual({ year: 2026, month: 5, day: 25 });
    expect(date('hari ini')).toEqual(TODAY);
    expect(date('besok')).toEqual({ year: 2026, month: 5, day: 21 });
    expect(date('lusa')).toEqual({ year: 2026, month: 5, day: 22 });
    expect(parseLocalDate('jumat', { year: 2026, month: 12, day: 30 })).toEqual({ ok: true, value: { year: 2027, month: 1, day: 1 } });
  });

  it('reads times as they are said: "jam 9 pagi", "jam 2 siang", "7 malam WITA", "jam 9"', () => {
    const time = (s: string) => {
      const r = parseLocalTime(s);
      return r.ok ? [r.value.hour, r.value.minute, r.value.zone] : r.error.kind;
    };
    expect(time('jam 9 pagi')).toEqual([9, 0, undefined]);
    expect(time('jam 9')).toEqual([9, 0, undefined]);
    expect(time('pukul 13')).toEqual([13, 0, undefined]);
    expect(time('jam 2 siang')).toEqual([14, 0, undefined]);
    expect(time('jam 12 siang')).toEqual([12, 0, undefined]);
    expect(time('4 sore')).toEqual([16, 0, undefined]);
    expect(time('7 malam WITA')).toEqual([19, 0, 'WITA']);
    expect(time('jam 9.30 pagi WIT')).toEqual([9, 30, 'WIT']);
    expect(time('jam 9 siang')).toBe('time_format');
    expect(time('9')).toBe('time_format');
    expect(time('jam 25')).toBe('time_format');
    expect(splitDateTime('besok jam 9 pagi')).toEqual({ date: 'besok', time: 'jam 9 pagi' });
    expect(splitDateTime('Jumat 22/5 jam 2 siang WITA')).toEqual({ date: 'Jumat 22/5', time: 'jam 2 siang WITA' });
  });

  it('places 09.00 local at 02.00Z (WIB), 01.00Z (WITA), 00.00Z (WIT)', () => {
    const d = { year: 2026, month: 5, day: 22 };
    const t = { hour: 9, minute: 0 };
    expect(toInstant(d, t, 'Asia/Jakarta').toISOString()).toBe('2026-05-22T02:00:00.000Z');
    expect(toInstant(d, t, 'Asia/Makassar').toISOString()).toBe('2026-05-22T01:00:00.000Z');
    expect(toInstant(d, t, 'Asia/Jayapura').toISOString()).toBe('2026-05-22T00:00:00.000Z');
    expect(localDateOf(new Date('2026-05-21T17:30:00Z'), 'Asia/Jakarta')).toEqual({ year: 2026, month: 5, day: 22 });
  });
});
