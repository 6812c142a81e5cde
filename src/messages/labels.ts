import type { Unit } from '../domain/regions/directory.js';
import type { FieldKey } from '../domain/figures.js';
import type { Programme } from '../domain/coverage.js';

/** The labels users see for each weekly field (product.md). */
export const FIELD_LABELS: Record<FieldKey, string> = {
  active_pu: 'Peserta aktif Penerima Upah (pekerja formal)',
  active_bpu: 'Peserta aktif Bukan Penerima Upah (pekerja informal)',
  active_jakon: 'Peserta aktif Jasa Konstruksi',
  active_pmi: 'Peserta aktif Pekerja Migran Indonesia',
  nonasn_total: 'Jumlah pegawai non-ASN pemda',
  nonasn_jkk: 'Non-ASN terlindungi JKK',
  nonasn_jkm: 'Non-ASN terlindungi JKM',
  nonasn_jht: 'Non-ASN terlindungi JHT',
  nonasn_jp: 'Non-ASN terlindungi JP',
};

export const SEGMENT_SHORT: Record<'active_pu' | 'active_bpu' | 'active_jakon' | 'active_pmi', string> = {
  active_pu: 'Penerima Upah (formal)',
  active_bpu: 'Bukan Penerima Upah (informal)',
  active_jakon: 'Jasa Konstruksi',
  active_pmi: 'Pekerja Migran Indonesia',
};

export const PROGRAMME_LABELS: Record<Programme, string> = {
  nonasn_jkk: 'JKK (Jaminan Kecelakaan Kerja)',
  nonasn_jkm: 'JKM (Jaminan Kematian)',
  nonasn_jht: 'JHT (Jaminan Hari Tua)',
  nonasn_jp: 'JP (Jaminan Pensiun)',
};

/** A reporting unit as people name it: a kab/kota by its name, a province's own government as "Pemerintah Provinsi …". */
export const unitLabel = (u: Pick<Unit, 'kind' | 'name'>): string => (u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name);
