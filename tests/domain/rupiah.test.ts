import { describe, expect, it } from 'vitest';
import { formatRupiah, formatRupiahShort } from '../../src/domain/money.js';
import { parseRupiah } from '../../src/domain/numbers.js';

const sen = (s: string): number | undefined => {
  const r = parseRupiah(s);
  return r.ok ? r.value : undefined;
};
const errorKind = (s: string): string | undefined => {
  const r = parseRupiah(s);
  return r.ok ? undefined : r.error.kind;
};

describe('parseRupiah: budgets as officials write them (issue 20.4)', () => {
  it.each([
    ['2.239.339.680', 2_239_339_680],
    ['Rp1.493.319.120', 1_493_319_120],
    ['Rp 2,2 M', 2_200_000_000],
    ['Rp2,2M', 2_200_000_000],
    ['1,5 miliar', 1_500_000_000],
    ['1,5 milyar', 1_500_000_000],
    ['2.2 M', 2_200_000_000],
    ['750 jt', 750_000_000],
    ['750 juta', 750_000_000],
    ['Rp. 750.000.000', 750_000_000],
    ['Rp5.000,-', 5_000],
    ['Rp 5.000,00', 5_000],
    ['IDR 1.000.000', 1_000_000],
    ['2 239 339 680', 2_239_339_680],
    ['2239339680', 2_239_339_680],
    ['150 rb', 150_000],
    ['1,25 T', 1_250_000_000_000],
    ['2.239.339.680 rupiah', 2_239_339_680],
    ['nihil', 0],
    ['0', 0],
  ])('%s = Rp%d', (input, rupiah) => {
    expect(sen(input)).toBe(rupiah * 100);
  });

  it('keeps sen exactly', () => {
    expect(sen('Rp5.000,50')).toBe(500_050);
    expect(sen('12,5')).toBe(1250);
    expect(sen('1,23456789 M')).toBe(123_456_789_000);
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not_a_number'],
    ['Rp', 'not_a_number'],
    ['-5.000', 'negative'],
    ['-Rp5.000', 'negative'],
    ['Rp -2,2 M', 'negative'],
    ['Rp5.000,555', 'below_sen'],
    ['0,001', 'below_sen'],
    ['1,234567891234 M', 'below_sen'],
    ['1,250', 'ambiguous_comma'],
    ['sekitar 2 M', 'approximate'],
    ['900an', 'approximate'],
    ['1.23.456', 'bad_grouping'],
    ['12 34', 'bad_grouping'],
    ['2 kodi', 'not_a_number'],
    ['11 T', 'too_large'],
  ])('refuses %s (%s)', (input, kind) => {
    expect(errorKind(input)).toBe(kind);
  });
});

describe('rupiah written back', () => {
  it('writes the full amount with dots, and sen only when there are any', () => {
    expect(formatRupiah(223_933_968_000)).toBe('Rp2.239.339.680');
    expect(formatRupiah(500_050)).toBe('Rp5.000,50');
    expect(formatRupiah(0)).toBe('Rp0');
  });
  it('abbreviates as officials say it', () => {
    expect(formatRupiahShort(223_933_968_000)).toBe('Rp2,24 miliar');
    expect(formatRupiahShort(75_000_000_000)).toBe('Rp750 juta');
    expect(formatRupiahShort(220_000_000_000)).toBe('Rp2,2 miliar');
    expect(formatRupiahShort(99_999_999_900)).toBe('Rp1 miliar');
    expect(formatRupiahShort(50_000_000)).toBe('Rp500.000');
  });
});
