/** Text helpers for official region names: normalising for matching and proper case for display. */

/** Lower case, no diacritics, nothing but letters and digits: "Pangkal Pinang" = "pangkalpinang". */
export function compact(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Words in lower case without punctuation: "Kab. Bangka-Barat" -> ["kab", "bangka", "barat"]. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Official data has oddities such as "KOTA B A T A M": a run of three or more single letters is one word. */
export function joinSpacedLetters(name: string): string {
  const tokens = name.trim().split(/\s+/);
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= 3) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const token of tokens) {
    if (/^\p{L}$/u.test(token)) run.push(token);
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out.join(' ');
}

const KEEP_UPPER = new Set(['DKI']);

/** "KEPULAUAN BANGKA BELITUNG" -> "Kepulauan Bangka Belitung"; "DKI JAKARTA" -> "DKI Jakarta". */
export function properCase(name: string): string {
  return joinSpacedLetters(name)
    .split(' ')
    .map((word) =>
      KEEP_UPPER.has(word.toUpperCase())
        ? word.toUpperCase()
        : word.toLowerCase().replace(/(^|[-'’(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()),
    )
    .join(' ');
}
