import type { BaselineError } from '../domain/baseline.js';
import type { FigureError, FigureWarning } from '../domain/figures.js';
import { formatCount, formatDecimal, formatPercent } from '../domain/format.js';
import type { CountError, PercentError } from '../domain/numbers.js';
import { FIELD_LABELS } from './labels.js';

/** Why a typed number was not accepted, in words an official understands, with what to write instead. */
export function countErrorText(e: CountError): string {
  switch (e.kind) {
    case 'empty':
      return 'belum diisi. Mohon tulis angkanya, misalnya 1.234.';
    case 'not_a_number':
      return `“${e.input}” bukan angka. Mohon tulis angka, misalnya 1.234, 12rb, atau 1,5 jt.`;
    case 'negative':
      return `“${e.input}” bernilai negatif; jumlah orang tidak boleh kurang dari nol.`;
    case 'fraction':
      return `“${e.input}” bukan bilangan bulat; jumlah orang harus utuh (tanpa pecahan).`;
    case 'ambiguous_comma':
      return `“${e.input}” bisa berarti ${formatCount(e.asThousands)} atau pecahan. Bila yang dimaksud ${formatCount(e.asThousands)}, mohon tulis dengan titik: ${formatCount(e.asThousands)}.`;
    case 'approximate':
      return `“${e.input}” adalah perkiraan. Mohon tulis angka pastinya.`;
    case 'bad_grouping':
      return `“${e.input}” tidak sesuai penulisan angka. Titik memisahkan ribuan (1.234.567) dan koma menandai desimal (1,5 jt).`;
    case 'too_large':
      return `“${e.input}” terlalu besar untuk jumlah peserta. Mohon periksa kembali.`;
  }
}

export function percentErrorText(e: PercentError): string {
  switch (e.kind) {
    case 'empty':
      return 'belum diisi.';
    case 'not_a_number':
      return `“${e.input}” bukan persentase. Mohon tulis misalnya 50 atau 50,5%.`;
    case 'negative':
      return `“${e.input}” bernilai negatif.`;
    case 'over_100':
      return `“${e.input}” melebihi 100%.`;
  }
}

export function figureErrorText(e: FigureError): string {
  const label = FIELD_LABELS[e.field];
  switch (e.kind) {
    case 'missing':
      return `${label} belum diisi.`;
    case 'not_allowed':
      return `${label} tidak diisi oleh unit provinsi (peserta provinsi adalah jumlah kab/kota).`;
    case 'not_whole':
      return `${label} harus bilangan bulat nol atau lebih.`;
    case 'above_total':
      return `${label} (${formatCount(e.value)}) melebihi jumlah pegawai non-ASN (${formatCount(e.total)}).`;
  }
}

/** A rise as it is said: `62,5%`, `3,5 kali lipat`, `39 kali lipat`, or from nothing. */
function riseWords(w: Extract<FigureWarning, { kind: 'stock_rise' }>): string {
  if (w.times === undefined || w.risePct === undefined) return 'dari nol';
  if (w.times < 3) return formatPercent(w.risePct);
  return `${w.times >= 10 ? formatCount(Math.round(w.times)) : formatDecimal(Math.round(w.times * 10) / 10)} kali lipat`;
}

export function figureWarningText(w: FigureWarning): string {
  switch (w.kind) {
    case 'stock_drop':
      return `${FIELD_LABELS[w.field]} turun ${formatPercent(w.dropPct)} dibanding laporan sebelumnya (${formatCount(w.previous)} → ${formatCount(w.current)}).`;
    case 'stock_rise':
      return `${FIELD_LABELS[w.field]} naik ${riseWords(w)} dibanding laporan sebelumnya (${formatCount(w.previous)} → ${formatCount(w.current)}).`;
    case 'jht_above_jkk':
      return `Non-ASN terlindungi JHT (${formatCount(w.jht)}) lebih banyak daripada JKK (${formatCount(w.jkk)}); biasanya JKK dan JKM didaftarkan lebih dulu.`;
    case 'above_workforce':
      return `Jumlah peserta aktif (${formatCount(w.participants)}) melebihi jumlah penduduk bekerja (${formatCount(w.workforce)}).`;
  }
}

export function baselineErrorText(e: BaselineError): string {
  switch (e.kind) {
    case 'year':
      return `tahun ${e.year} tidak sah.`;
    case 'workforce_zero':
      return 'jumlah penduduk bekerja harus lebih dari nol.';
    case 'source_missing':
      return 'sumber data penduduk bekerja (misalnya "Sakernas Agustus 2025") belum diisi.';
    case 'part_above_total':
      return `${e.field === 'workforce_formal' ? 'pekerja formal' : 'pekerja informal'} melebihi jumlah penduduk bekerja.`;
    case 'parts_above_total':
      return `pekerja formal + informal (${formatCount(e.sum)}) melebihi jumlah penduduk bekerja (${formatCount(e.total)}).`;
    case 'target_range':
      return `target ${e.value} harus di antara 0 dan 100 persen.`;
  }
}
