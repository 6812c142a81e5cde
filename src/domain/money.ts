/** Rupiah written back as officials write it (amounts are kept in sen: exact). Read them with numbers.ts's parseRupiah. */
const RUPIAH_FORMAT = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const SHORT_FORMAT = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** `Rp2.239.339.680`, or `Rp5.000,50` when there are sen (amounts are kept in sen: exact). */
export function formatRupiah(sen: number): string {
  const whole = Math.trunc(sen / 100);
  const rest = Math.abs(sen % 100);
  return `Rp${RUPIAH_FORMAT.format(whole)}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}

const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'triliun'],
  [1e9, 'miliar'],
  [1e6, 'juta'],
];

/** `Rp2,24 miliar`, `Rp750 juta`: how an amount is said aloud; below a million, the full amount. */
export function formatRupiahShort(sen: number): string {
  const rupiah = sen / 100;
  for (const [scale, word] of SCALES) {
    // Rounded first: Rp999.999.999 reads "Rp1 miliar", never "Rp1.000 juta".
    const hundredths = Math.round((rupiah / scale) * 100);
    if (hundredths >= 100) return `Rp${SHORT_FORMAT.format(hundredths / 100)} ${word}`;
  }
  return formatRupiah(sen);
}
