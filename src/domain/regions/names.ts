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
/** Conjunctions stay lower case inside a name, as Indonesian spelling (and the decrees) write them. */
const KEEP_LOWER = new Set(['dan']);

/** "KEPULAUAN BANGKA BELITUNG" -> "Kepulauan Bangka Belitung"; "DKI JAKARTA" -> "DKI Jakarta"; "PANGKAJENE DAN KEPULAUAN" -> "Pangkajene dan Kepulauan". */
export function properCase(name: string): string {
  return joinSpacedLetters(name)
    .split(' ')
    .map((word, i) =>
      KEEP_UPPER.has(word.toUpperCase())
        ? word.toUpperCase()
        : i > 0 && KEEP_LOWER.has(word.toLowerCase())
          ? word.toLowerCase()
          : word.toLowerCase().replace(/(^|[-'’(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()),
    )
    .join(' ');
}

/** `Kep.` as officials abbreviate Kepulauan ("Prov. Kep. Bangka Belitung", "Kab. Kep. Selayar"). */
export const expandAbbreviations = (query: string): string => query.replace(/(^|[^\p{L}])kep(?:\.|(?=[^\p{L}]|$))/giu, '$1kepulauan ');
