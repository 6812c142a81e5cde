import { bold, code, html, lines, type Html } from './html.js';
import { outOfScopeMessage } from './access.js';

/** Why a region named after /verifikasi or /papan cannot be used, and how to name it. */
export function scopeArgumentProblem(p: { kind: 'not_found' | 'ambiguous'; query: string } | { kind: 'out_of_scope'; name: string } | { kind: 'not_area'; name: string }, example: string): Html {
  switch (p.kind) {
    case 'not_found':
      return lines(html`Mohon maaf, wilayah “${p.query}” tidak ditemukan.`, html`Contoh: ${code(example)}.`);
    case 'ambiguous':
      return lines(html`Ada beberapa wilayah yang cocok dengan “${p.query}”; mohon tulis nama yang lebih lengkap atau kode wilayahnya.`, html`Contoh: ${code(example)}.`);
    case 'out_of_scope':
      return outOfScopeMessage(p.name);
    case 'not_area':
      return html`Papan status dibuat untuk satu provinsi atau ${bold('nasional')}; ${p.name} adalah kab/kota. Contoh: ${code(example)}.`;
  }
}
