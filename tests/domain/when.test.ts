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
    expect(date('besok')).toBe('date_format');
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

  it('places 09.00 local at 02.00Z (WIB), 01.00Z (WITA), 00.00Z (WIT)', () => {
    const d = { year: 2026, month: 5, day: 22 };
    const t = { hour: 9, minute: 0 };
    expect(toInstant(d, t, 'Asia/Jakarta').toISOString()).toBe('2026-05-22T02:00:00.000Z');
    expect(toInstant(d, t, 'Asia/Makassar').toISOString()).toBe('2026-05-22T01:00:00.000Z');
    expect(toInstant(d, t, 'Asia/Jayapura').toISOString()).toBe('2026-05-22T00:00:00.000Z');
    expect(localDateOf(new Date('2026-05-21T17:30:00Z'), 'Asia/Jakarta')).toEqual({ year: 2026, month: 5, day: 22 });
  });
});
