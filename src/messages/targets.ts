import type { Unit } from '../domain/regions/directory.js';
import { MAX_REFERENCE_LENGTH, MAX_SOURCE_LENGTH, MAX_TARGET_YEAR, MIN_TARGET_YEAR, type TargetEntry, type TargetEntryError, type TargetFor, type TargetSeries } from '../domain/targets.js';
import { percentErrorText } from './figures.js';
import { bold, code, html, italic, lines, type Html } from './html.js';
import { formatTargetPct } from './target-format.js';

type Scope = Unit | 'national';
const scopeName = (s: Scope): string => (s === 'national' ? 'Nasional' : s.name);
/** Telegram buttons are short: a long source is cut with an ellipsis. */
const short = (s: string, max = 28): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function targetEntryErrorText(e: TargetEntryError): string {
  switch (e.kind) {
    case 'year':
      return `Tahun “${e.input}” tidak dapat dipakai; mohon tulis tahun ${MIN_TARGET_YEAR} sampai ${MAX_TARGET_YEAR}, misalnya 2029.`;
    case 'value':
      return e.error.kind === 'zero' ? `Target “${e.error.input}” bernilai nol.` : `Nilai target ${percentErrorText(e.error)}`;
    case 'source_missing':
      return 'Sumber target belum diisi (misalnya RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029).';
    case 'source_long':
      return `Sumber target terlalu panjang; paling banyak ${MAX_SOURCE_LENGTH} karakter.`;
    case 'reference_missing':
      return 'Rujukan belum diisi: tuliskan dokumennya setelah tanda |, misalnya | Perda Nomor 1 Tahun 2025.';
    case 'reference_long':
      return `Rujukan terlalu panjang; paling banyak ${MAX_REFERENCE_LENGTH} karakter.`;
  }
}

const pointsText = (s: TargetSeries): string => s.points.map((p) => `${p.year}: ${formatTargetPct(p.bp)}`).join(' · ');

const ORIGIN_NOTE: Record<TargetSeries['origin'], string> = {
  shipped: 'bawaan UC Bot',
  entered: 'dicatat koordinator',
  baseline: 'dari data dasar',
};

/** What a year's main target is, with its source; an interpolated value says between which stated years. */
export function targetForText(t: TargetFor): string {
  const how = t.interpolated && t.between ? ` (interpolasi garis lurus antara ${t.between[0].year} dan ${t.between[1].year}, bukan angka dokumen)` : '';
  return `${formatTargetPct(t.bp)} menurut ${t.source}${how}`;
}

/** The series a scope holds, the main one first and starred, with the current year's main target. */
export function targetsMessage(scope: Scope, series: readonly TargetSeries[], main: TargetSeries | undefined, year: number, now: TargetFor | undefined, canEdit: boolean): Html {
  if (series.length === 0) {
    return lines(
      html`🎯 ${bold(`Target capaian UC ${scopeName(scope)}`)}`,
      'Belum ada target yang tercatat.',
      canEdit ? html`Tambahkan dengan tombol ${bold('Tambah target')} atau satu baris perintah.` : undefined,
    );
  }
  const ordered = main ? [main, ...series.filter((s) => s.id !== main.id)] : [...series];
  return lines(
    html`🎯 ${bold(`Target capaian UC ${scopeName(scope)}`)}`,
    now ? html`Target utama tahun ${year}: ${bold(targetForText(now))}.` : main ? html`Target utama: ${bold(main.source)} (tidak menyebut angka untuk tahun ${year}).` : undefined,
    '',
    ...ordered.map((s, i) =>
      lines(
        html`${i + 1}. ${s.id === main?.id ? '⭐ ' : ''}${bold(s.source)} ${italic(`(${ORIGIN_NOTE[s.origin]})`)}`,
        html`   Rujukan: ${s.reference}`,
        html`   ${pointsText(s)}`,
      ),
    ),
    '',
    html`⭐ = target utama: yang dipilih koordinator, atau RPJMD wilayah bila ada. Tahun di antara angka dokumen tidak diisi; bila ditampilkan, ditandai sebagai interpolasi.`,
  );
}

export const TARGET_TEXT = {
  buttons: {
    add: '➕ Tambah target',
    main: (s: TargetSeries): string => `⭐ Jadikan utama: ${short(s.source)}`,
    remove: (s: TargetSeries): string => `🗑️ Hapus: ${short(s.source)}`,
    confirmRemove: 'Ya, hapus',
    cancel: 'Batal',
  },
  howToAdd: (scope: Scope, scopeWord: string): Html =>
    lines(
      html`Untuk menambah target ${scopeName(scope)}, kirim satu baris: tahun, nilai, sumber, lalu rujukannya setelah tanda |:`,
      code(`/target ${scopeWord} tambah <tahun> <nilai>% <sumber> | <rujukan>`),
      html`Misalnya ${code(`/target ${scopeWord} tambah 2029 45,5% RPJMD ${scopeName(scope)} 2025-2029 | Perda Nomor 1 Tahun 2025`)} (angka dan nomor contoh; tulis yang tercantum di dokumen).`,
      'Sumber yang sama dengan seri yang sudah ada menambah tahun pada seri itu; tahun yang sudah ada diganti nilainya (tercatat di audit). Banyak target sekaligus: impor CSV oleh operator (npm run cli -- import targets).',
    ),
  usage: (): Html =>
    lines(
      'Mohon sebutkan wilayahnya, misalnya:',
      html`${code('/target Babel')} · ${code('/target nasional')} · ${code('/target Babel tambah 2029 45,5% RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029 | Perda Nomor 1 Tahun 2025')}`,
    ),
  addFormat: (): Html =>
    lines(
      'Mohon maaf, format belum lengkap. Tulis tahun, nilai, sumber, lalu rujukan setelah tanda |, misalnya:',
      code('/target Babel tambah 2029 45,5% RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029 | Perda Nomor 1 Tahun 2025'),
    ),
  invalid: (errors: TargetEntryError[]): Html => lines('Mohon maaf, target belum dapat disimpan:', ...errors.map((e) => `• ${targetEntryErrorText(e)}`), 'Tidak ada yang disimpan.'),
  notAllowed: (): Html => html`Mohon maaf, mengubah target disediakan untuk koordinator dan admin, dalam wilayah aksesnya. Bapak/Ibu tetap dapat melihatnya dengan ${code('/target')}.`,
  saved: (scope: Scope, entry: TargetEntry, kind: 'created' | 'added' | 'changed' | 'unchanged', previousBp?: number): Html => {
    const what = `${entry.source} tahun ${entry.year}: ${formatTargetPct(entry.bp)}`;
    switch (kind) {
      case 'created':
        return html`✅ Seri target baru untuk ${scopeName(scope)} disimpan: ${bold(what)} (rujukan: ${entry.reference}).`;
      case 'added':
        return html`✅ Target ${bold(what)} ditambahkan ke seri yang ada untuk ${scopeName(scope)}.`;
      case 'changed':
        return html`✅ Target ${bold(what)} untuk ${scopeName(scope)} disimpan${previousBp !== undefined && previousBp !== entry.bp ? `, menggantikan ${formatTargetPct(previousBp)}` : ' dengan rujukan baru'}; perubahan tercatat di audit.`;
      case 'unchanged':
        return html`Target ${bold(what)} sudah tercatat persis sama; tidak ada yang diubah.`;
    }
  },
  mainSet: (scope: Scope, s: TargetSeries): Html => html`⭐ ${bold(s.source)} sekarang menjadi target utama ${scopeName(scope)}.`,
  confirmRemove: (scope: Scope, s: TargetSeries): Html =>
    lines(html`Hapus seri target ${bold(s.source)} dari ${scopeName(scope)}?`, html`${pointsText(s)} (rujukan: ${s.reference}). Penghapusan tercatat di audit.`),
  removed: (scope: Scope, s: TargetSeries): Html => html`🗑️ Seri target ${bold(s.source)} dihapus dari ${scopeName(scope)}; tercatat di audit.`,
  staleChoice: (): Html => html`Mohon maaf, pilihan tersebut tidak dikenali. Silakan ketik ulang ${code('/target')} dengan nama wilayah.`,
  cancelled: (): Html => html`Dibatalkan; tidak ada yang diubah.`,
  gone: (): Html => html`Mohon maaf, seri target itu sudah tidak ada (mungkin baru saja dihapus). Lihat daftar terbaru dengan ${code('/target')}.`,
};
