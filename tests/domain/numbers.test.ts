import { describe, expect, it } from 'vitest';
import { parseCount, parsePercent } from '../../src/domain/numbers.js';

const value = (s: string): number | undefined => {
  const r = parseCount(s);
  return r.ok ? r.value : undefined;
};
const errorKind = (s: string): string | undefined => {
  const r = parseCount(s);
  return r.ok ? undefined : r.error.kind;
};

describe('parseCount: numbers as officials write them', () => {
  it.each([
    ['1.234', 1234],
    ['1.234.567', 1_234_567],
    ['1234', 1234],
    ['1 234', 1234],
    ['1 234 567', 1_234_567],
    ['12rb', 12_000],
    ['15 ribu', 15_000],
    ['21,5rb', 21_500],
    ['1,5 jt', 1_500_000],
    ['1,2jt', 1_200_000],
    ['2 juta', 2_000_000],
    ['1.5 jt', 1_500_000],
    ['0', 0],
    ['nihil', 0],
    ['Nol', 0],
    ['5.300 orang', 5300],
    ['  38.905  ', 38_905],
    ['1.234,0', 1234],
  ])('%s = %d', (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['12xyz', 'not_a_number'],
    ['-5', 'negative'],
    ['1,5', 'fraction'],
    ['1.5', 'fraction'],
    ['0,0000001 jt', 'fraction'],
    ['1,250', 'ambiguous_comma'],
    ['900an', 'approximate'],
    ['sekitar 900', 'approximate'],
    ['1.23.4', 'bad_grouping'],
    ['12.3456', 'bad_grouping'],
    ['1 23', 'bad_grouping'],
    ['Rp 3 M', 'too_large'],
  ])('%s is refused as %s', (input, kind) => {
    expect(errorKind(input)).toBe(kind);
  });

  it('offers the thousands reading of an ambiguous comma', () => {
    const r = parseCount('1,250');
    expect(r.ok ? undefined : r.error).toEqual({ kind: 'ambiguous_comma', input: '1,250', asThousands: 1250 });
  });
});

describe('parsePercent', () => {
  it.each([
    ['50,5%', 50.5],
    ['50.5%', 50.5],
    ['50,5 persen', 50.5],
    ['55', 55],
    ['100', 100],
  ])('%s = %d', (input, expected) => {
    const r = parsePercent(input);
    expect(r.ok && r.value).toBe(expected);
  });
  it.each([
    ['', 'empty'],
    ['abc', 'not_a_number'],
    ['-3', 'negative'],
    ['101', 'over_100'],
  ])('%s is refused as %s', (input, kind) => {
    const r = parsePercent(input);
    expect(r.ok ? undefined : r.error.kind).toBe(kind);
  });
});
