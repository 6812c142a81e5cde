import { err, ok, type Result } from './result.js';

/**
 * Numbers as Indonesian officials write them (EYD): a full stop groups thousands, a comma is the decimal mark.
 * In chat they also write `12rb`, `1,5 jt`, `2 juta`, `Rp 3 M` (miliar), `900an` (approximately) and `nihil`.
 */
export type CountError =
  | { kind: 'empty' }
  | { kind: 'not_a_number'; input: string }
  | { kind: 'negative'; input: string }
  | { kind: 'fraction'; input: string }
  | { kind: 'ambiguous_comma'; input: string; asThousands: number }
  | { kind: 'approximate'; input: string }
  | { kind: 'bad_grouping'; input: string }
  | { kind: 'too_large'; input: string };

export type PercentError =
  | { kind: 'empty' }
  | { kind: 'not_a_number'; input: string }
  | { kind: 'negative'; input: string }
  | { kind: 'over_100'; input: string };

/** Counts above this are typing accidents: Indonesia's whole workforce is about 150 million. */
export const MAX_COUNT = 1_000_000_000;

const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:rb|ribu|k)$/, 1_000],
  [/^(?:jt|juta)$/, 1_000_000],
  [/^(?:m|miliar|milyar|mlr)$/, 1_000_000_000],
];

const ZERO_WORDS = new Set(['nihil', 'nol', 'tidak ada', 'tidakada']);
const UNIT_WORDS = /\b(?:orang|org|peserta|pegawai|pekerja|jiwa|tk)\b\.?/g;

/** Splits `1,5 jt` into its number part and multiplier word. */
function splitMultiplier(text: string): { num: string; factor: number } | undefined {
  const m = /^([0-9][0-9.,\s]*?)\s*([a-z]+)$/.exec(text);
  if (!m) return { num: text, factor: 1 };
  const [, num = '', word = ''] = m;
  for (const [re, factor] of MULTIPLIERS) if (re.test(word)) return { num: num.trim(), factor };
  return undefined;
}

/** Exact decimal value of `int,frac` times factor, as an integer if it is one. */
function scaled(intPart: string, fracPart: string, factor: number): number | 'fraction' {
  const digits = BigInt(intPart + fracPart);
  const denominator = 10n ** BigInt(fracPart.length);
  const numerator = digits * BigInt(factor);
  if (numerator % denominator !== 0n) return 'fraction';
  return Number(numerator / denominator);
}

export function parseCount(raw: string): Result<number, CountError> {
  const input = raw.trim();
  let text = input.toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return err({ kind: 'empty' });
  if (ZERO_WORDS.has(text)) return ok(0);
  text = text.replace(UNIT_WORDS, '').replace(/^rp\.?\s*/, '').trim();
  if (text === '') return err({ kind: 'not_a_number', input });
  if (/^[-−–]\s*[0-9]/.test(text)) return err({ kind: 'negative', input });
  if (/^[0-9.,\s]+\s*-?an$/.test(text) || /^(?:sekitar|kurang lebih|kira-kira|±|\+-)/.test(text)) {
    return err({ kind: 'approximate', input });
  }
  const split = splitMultiplier(text);
  if (!split) return err({ kind: 'not_a_number', input });
  const { num, factor } = split;
  if (!/^[0-9][0-9.,\s]*$/.test(num)) return err({ kind: 'not_a_number', input });

  // `1 234` and `1 234 567`: spaces group thousands only in groups of three.
  let compact = num;
  if (/\s/.test(num)) {
    if (!/^[0-9]{1,3}(?: [0-9]{3})+$/.test(num)) return err({ kind: 'bad_grouping', input });
    compact = num.replace(/ /g, '');
  }

  const hasDot = compact.includes('.');
  const hasComma = compact.includes(',');
  let intPart: string;
  let fracPart = '';
  if (hasDot && hasComma) {
    // 1.234,5: dots group, the comma is the decimal mark.
    const [grouped = '', frac = '', ...rest] = compact.split(',');
    if (rest.length > 0 || !/^[0-9]{1,3}(?:\.[0-9]{3})+$/.test(grouped) || !/^[0-9]+$/.test(frac)) {
      return err({ kind: 'bad_grouping', input });
    }
    intPart = grouped.replace(/\./g, '');
    fracPart = frac;
  } else if (hasComma) {
    const [whole = '', frac = '', ...rest] = compact.split(',');
    if (rest.length > 0 || whole === '' || frac === '') return err({ kind: 'bad_grouping', input });
    if (factor === 1 && frac.length === 3) {
      // `1,250` is 1.250 in English habit but 1,25 in Indonesian: ask, never guess.
      return err({ kind: 'ambiguous_comma', input, asThousands: Number(whole + frac) });
    }
    intPart = whole;
    fracPart = frac;
  } else if (hasDot) {
    if (/^[0-9]{1,3}(?:\.[0-9]{3})+$/.test(compact)) {
      intPart = compact.replace(/\./g, '');
    } else if (factor !== 1 && /^[0-9]+\.[0-9]{1,2}$/.test(compact)) {
      // `1.5 jt`: with a multiplier a short dotted tail can only be a decimal.
      const [whole = '', frac = ''] = compact.split('.');
      intPart = whole;
      fracPart = frac;
    } else if (/^[0-9]+\.[0-9]{1,2}$/.test(compact)) {
      return err({ kind: 'fraction', input });
    } else {
      return err({ kind: 'bad_grouping', input });
    }
  } else {
    intPart = compact;
  }

  const value = scaled(intPart, fracPart, factor);
  if (value === 'fraction') return err({ kind: 'fraction', input });
  if (value > MAX_COUNT) return err({ kind: 'too_large', input });
  return ok(value);
}

/** `50,5%`, `50.5%`, `50,5 persen`, `50`: a percentage between 0 and 100, at most two decimals. */
export function parsePercent(raw: string): Result<number, PercentError> {
  const input = raw.trim();
  const text = input
    .toLowerCase()
    .replace(/\s*(?:%|persen)$/, '')
    .trim();
  if (text === '') return err({ kind: 'empty' });
  if (/^[-−–]/.test(text)) return err({ kind: 'negative', input });
  const m = /^([0-9]{1,3})(?:[.,]([0-9]{1,2}))?$/.exec(text);
  if (!m) return err({ kind: 'not_a_number', input });
  const value = Number(`${m[1]}.${m[2] ?? '0'}`);
  if (value > 100) return err({ kind: 'over_100', input });
  return ok(value);
}

/**
 * Rupiah as officials write budgets: `2.239.339.680`, `Rp1.493.319.120`, `Rp 2,2 M`, `1,5 miliar`, `750 jt`,
 * `Rp5.000,50`, `Rp5.000,-`. The value is returned in sen (hundredths of a rupiah) so that it stays exact.
 */
export type RupiahError =
  | { kind: 'empty' }
  | { kind: 'not_a_number'; input: string }
  | { kind: 'negative'; input: string }
  | { kind: 'below_sen'; input: string }
  | { kind: 'ambiguous_comma'; input: string; asThousands: number }
  | { kind: 'approximate'; input: string }
  | { kind: 'bad_grouping'; input: string }
  | { kind: 'too_large'; input: string };

/** Rp10 triliun: above any regional premium budget (DKI's whole APBD is about Rp80 triliun), and exact in sen. */
export const MAX_RUPIAH = 10_000_000_000_000;

const RUPIAH_MULTIPLIERS: ReadonlyArray<readonly [RegExp, bigint]> = [
  [/^(?:rb|ribu|k)$/, 1_000n],
  [/^(?:jt|juta)$/, 1_000_000n],
  [/^(?:m|miliar|milyar|mlr|myr)$/, 1_000_000_000n],
  [/^(?:t|triliun|trilyun)$/, 1_000_000_000_000n],
];

export function parseRupiah(raw: string): Result<number, RupiahError> {
  const input = raw.trim();
  let text = input.toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return err({ kind: 'empty' });
  if (ZERO_WORDS.has(text)) return ok(0);
  if (/^[-−–]\s*(?:(?:rp|idr)\.?\s*)?[0-9]/.test(text)) return err({ kind: 'negative', input });
  text = text
    .replace(/^(?:rp|idr)\.?\s*/, '')
    .replace(/\s*(?:rupiah)$/, '')
    // `Rp5.000,-` and `Rp5.000,--`: "no sen".
    .replace(/,-+$/, '')
    .trim();
  if (text === '') return err({ kind: 'not_a_number', input });
  if (/^[-−–]\s*[0-9]/.test(text)) return err({ kind: 'negative', input });
  if (/^[0-9.,\s]+\s*-?an$/.test(text) || /^(?:sekitar|kurang lebih|kira-kira|±|\+-)/.test(text)) return err({ kind: 'approximate', input });
  const m = /^([0-9][0-9.,\s]*?)\s*([a-z]+)?$/.exec(text);
  if (!m) return err({ kind: 'not_a_number', input });
  const [, rawNum = '', word] = m;
  let factor = 1n;
  if (word !== undefined) {
    const found = RUPIAH_MULTIPLIERS.find(([re]) => re.test(word));
    if (!found) return err({ kind: 'not_a_number', input });
    factor = found[1];
  }
  let num = rawNum.trim();
  if (/\s/.test(num)) {
    if (!/^[0-9]{1,3}(?: [0-9]{3})+(?:,[0-9]+)?$/.test(num)) return err({ kind: 'bad_grouping', input });
    num = num.replace(/ /g, '');
  }
  let intPart: string;
  let fracPart = '';
  const hasDot = num.includes('.');
  const hasComma = num.includes(',');
  if (hasDot && hasComma) {
    const [grouped = '', frac = '', ...rest] = num.split(',');
    if (rest.length > 0 || !/^[0-9]{1,3}(?:\.[0-9]{3})+$/.test(grouped) || !/^[0-9]+$/.test(frac)) return err({ kind: 'bad_grouping', input });
    intPart = grouped.replace(/\./g, '');
    fracPart = frac;
  } else if (hasComma) {
    const [whole = '', frac = '', ...rest] = num.split(',');
    if (rest.length > 0 || whole === '' || !/^[0-9]+$/.test(frac)) return err({ kind: 'bad_grouping', input });
    // `1,250` is 1.250 in English habit but Rp1,25 in Indonesian: ask, never guess.
    if (factor === 1n && frac.length === 3 && whole !== '0') return err({ kind: 'ambiguous_comma', input, asThousands: Number(whole + frac) });
    intPart = whole;
    fracPart = frac;
  } else if (hasDot) {
    if (/^[0-9]{1,3}(?:\.[0-9]{3})+$/.test(num)) intPart = num.replace(/\./g, '');
    else if (factor !== 1n && /^[0-9]+\.[0-9]{1,3}$/.test(num)) {
      // `2.2 M`: with a multiplier a short dotted tail can only be a decimal.
      [intPart = '', fracPart = ''] = num.split('.');
    } else return err({ kind: 'bad_grouping', input });
  } else intPart = num;
  // In sen: the digits times the multiplier times 100, over 10^decimals; anything left over is below a sen.
  const numerator = BigInt(intPart + fracPart) * factor * 100n;
  const denominator = 10n ** BigInt(fracPart.length);
  if (numerator % denominator !== 0n) return err({ kind: 'below_sen', input });
  const sen = numerator / denominator;
  if (sen > BigInt(MAX_RUPIAH) * 100n) return err({ kind: 'too_large', input });
  return ok(Number(sen));
}
