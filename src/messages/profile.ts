import { formatCount, formatDate, formatDecimal, formatPercent } from '../domain/format.js';
import { formatRupiah, formatRupiahShort } from '../domain/money.js';
import type { RupiahError } from '../domain/numbers.js';
import {
  COMPLETENESS_PARTS,
  filledCount,
  MAX_DOCUMENT_BYTES,
  realisasiPct,
  sortedBudget,
  sortedRegulations,
  type BudgetLine,
  type BudgetPurpose,
  type BudgetSource,
  type Completeness,
  type DocumentRef,
  type Kendala,
  type Regulation,
  type RegulationKind,
  type UnitProfile,
  type Villages,
} from '../domain/profile.js';
import type { Zone } from '../domain/zones.js';
import { bold, html, italic, lines, type Html, capitalise } from './html.js';

// ---- labels -----------------------------------------------------------------------------------------------------

export const REGULATION_KIND_LABELS: Record<RegulationKind, string> = {
  perda: 'Perda',
  perkada: 'Perkada',
  se: 'Surat Edaran',
  keputusan: 'Keputusan',
  mou: 'MoU dengan BPJS Ketenagakerjaan',
};

export const BUDGET_PURPOSE_LABELS: Record<BudgetPurpose, string> = {
  nonasn: 'Pegawai non-ASN',
  rentan: 'Pekerja rentan',
  desa: 'Aparatur desa',
  pemilu: 'Badan ad hoc pemilu',
};

export const BUDGET_SOURCE_LABELS: Record<BudgetSource, string> = {
  apbd: 'APBD',
  apbdp: 'APBD-P',
  apbdes: 'APBDes',
  csr: 'CSR',
};

export const COMPLETENESS_LABELS: Record<keyof Completeness, string> = {
  regulations: 'peraturan',
  budget: 'anggaran',
  villages: 'desa',
  kendala: 'kendala',
};

/** Telegram shows about 40 characters of a button. */
const shortLabel = (label: string): string => (label.length > 40 ? `${label.slice(0, 39)}…` : label);

export const PROFILE_LABELS = {
  addRegulation: '➕ Peraturan',
  addBudget: '➕ Anggaran',
  villages: '🏘 Data desa',
  addKendala: '➕ Kendala',
  closeKendala: '✔️ Tutup kendala',
  remove: '🗑 Hapus entri',
  confirmRemove: 'Ya, hapus',
  keep: 'Batal',
  removeRegulation: (r: Pick<Regulation, 'kind' | 'number' | 'year'>) => shortLabel(`🗑 ${REGULATION_KIND_LABELS[r.kind].split(' ')[0] ?? ''} ${r.number}/${r.year}`),
  removeBudget: (b: Pick<BudgetLine, 'purpose' | 'source' | 'year'>) => shortLabel(`🗑 ${BUDGET_PURPOSE_LABELS[b.purpose]} ${BUDGET_SOURCE_LABELS[b.source]} ${b.year}`),
  skip: 'Lewati',
  save: 'Simpan',
  cancel: 'Batal',
  confirmOver: 'Ya, benar',
  changeRealisasi: 'Ubah realisasi',
  close: (n: number) => `Tutup kendala ${n}`,
  /** `📄 Perkada 12/2024`: Telegram shows about 40 characters of a button. */
  document: (r: Pick<Regulation, 'kind' | 'number' | 'year'>) => shortLabel(`📄 ${REGULATION_KIND_LABELS[r.kind].split(' ')[0] ?? ''} ${r.number}/${r.year}`),
  open: (name: string) => name,
};

// ---- pieces -----------------------------------------------------------------------------------------------------

/** `1,2 MB`, `340 KB` */
export const formatFileSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${formatDecimal(bytes / (1024 * 1024))} MB` : `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;

/** `Rp2.239.339.680 (Rp2,24 miliar)`: the abbreviation only where it says something shorter. */
export const rupiahWithShort = (sen: number): string => {
  const full = formatRupiah(sen);
  const short = formatRupiahShort(sen);
  return short === full ? full : `${full} (${short})`;
};

/** `perwako-12-2025.pdf, 1,2 MB` */
export const documentLabel = (d: DocumentRef): string => `${d.name}${d.size !== undefined ? `, ${formatFileSize(d.size)}` : ''}`;
const documentText = (d: DocumentRef): string => `berkas ${documentLabel(d)}`;

/** `Perda No. 3 Tahun 2025 tentang …` */
export const regulationTitle = (r: Pick<Regulation, 'kind' | 'number' | 'year'> & { subject?: string }): string =>
  `${REGULATION_KIND_LABELS[r.kind]} No. ${r.number} Tahun ${r.year}${r.subject ? ` tentang ${r.subject}` : ''}`;

const regulationLine = (r: Regulation): Html => html`• ${regulationTitle(r)}${r.document ? ` (${documentText(r.document)})` : ''}`;

export const budgetLineTitle = (b: Pick<BudgetLine, 'year' | 'purpose' | 'source'>): string =>
  `${BUDGET_PURPOSE_LABELS[b.purpose]}, ${BUDGET_SOURCE_LABELS[b.source]} ${b.year}`;

/** Realisasi with its share of pagu: `Rp1.493.319.120 (66,7% dari pagu)`. */
const realisasiText = (b: Pick<BudgetLine, 'paguSen' | 'realisasiSen'>): string => `${formatRupiah(b.realisasiSen)} (${formatPercent(realisasiPct(b))} dari pagu)`;

const budgetLines = (b: BudgetLine): Html[] => [
  html`• ${bold(budgetLineTitle(b))}${b.note ? ` (${b.note})` : ''}`,
  html`  pagu ${rupiahWithShort(b.paguSen)}; realisasi ${realisasiText(b)}; ${formatCount(b.people)} orang`,
];

const villagesText = (v: Pick<Villages, 'desa' | 'covered'>): string =>
  v.desa === 0 ? 'tidak ada desa (hanya kelurahan)' : `${formatCount(v.covered)} dari ${formatCount(v.desa)} desa (${formatPercent((v.covered / v.desa) * 100)}) seluruh aparaturnya (kepala desa, perangkat, BPD) terlindungi`;


const mark = (filled: boolean): string => (filled ? '✅' : '⬜');

/** `✅ peraturan · ✅ anggaran · ⬜ desa · ✅ kendala (3/4)` */
export const completenessText = (c: Completeness): string =>
  `${COMPLETENESS_PARTS.map((k) => `${mark(c[k])} ${COMPLETENESS_LABELS[k]}`).join(' · ')} (${filledCount(c)}/${COMPLETENESS_PARTS.length})`;

// ---- views ------------------------------------------------------------------------------------------------------

/** One unit's profile, every part in turn (an empty part says so). */
export function unitProfileMessage(title: string, p: UnitProfile | undefined, completeness: Completeness, zone: Zone): Html {
  const regs = sortedRegulations(p?.regulations ?? []);
  const budget = sortedBudget(p?.budget ?? []);
  const open = (p?.kendala ?? []).filter((k) => !k.closedAt);
  const closed = (p?.kendala ?? []).filter((k) => k.closedAt);
  const date = (iso: string) => formatDate(new Date(iso), zone);
  return lines(
    bold(title),
    html`Kelengkapan: ${completenessText(completeness)}`,
    '',
    bold(`Peraturan (${regs.length})`),
    ...(regs.length ? regs.map(regulationLine) : [italic('Belum ada peraturan yang dicatat.')]),
    '',
    bold('Anggaran iuran'),
    ...(budget.length ? budget.flatMap(budgetLines) : [italic('Belum ada anggaran yang dicatat.')]),
    '',
    bold('Desa'),
    p?.villages ? html`${capitalise(villagesText(p.villages))}; dicatat ${date(p.villages.at)}.` : italic('Belum dicatat.'),
    '',
    bold(`Kendala (${open.length} terbuka)`),
    ...open.map((k, i) => html`${i + 1}. ${k.text} (dicatat ${date(k.at)})`),
    ...closed.map((k) => html`• ${italic(`selesai ${date(k.closedAt ?? k.at)}`)}: ${k.text}`),
    open.length + closed.length === 0 ? italic('Belum ada kendala yang dicatat.') : undefined,
  );
}

export interface CompletenessRow {
  name: string;
  completeness: Completeness;
}

/**
 * A province: the completeness of each of its kab/kota (who would go into a Paritrana assessment with nothing to
 * show), then the province government's own profile.
 */
export function provinceProfileMessage(provinceName: string, rows: readonly CompletenessRow[], own: Html): Html {
  const empty = rows.filter((r) => filledCount(r.completeness) === 0);
  const complete = rows.filter((r) => filledCount(r.completeness) === COMPLETENESS_PARTS.length);
  return lines(
    bold(`Profil wilayah ${provinceName}`),
    html`Kelengkapan profil kab/kota: ${complete.length} dari ${rows.length} lengkap.`,
    ...rows.map((r) => html`• ${r.name}: ${completenessText(r.completeness)}`),
    empty.length
      ? html`${bold('Belum mengisi apa pun')} (tanpa bahan untuk penilaian Paritrana): ${empty.map((r) => r.name).join(', ')}.`
      : undefined,
    '',
    own,
  );
}

export interface ProvinceCompletenessRow {
  name: string;
  units: number;
  complete: number;
  empty: number;
}

export function nationalProfileMessage(rows: readonly ProvinceCompletenessRow[]): Html {
  return lines(
    bold('Kelengkapan profil wilayah, nasional'),
    'Per provinsi: kab/kota yang profilnya lengkap (peraturan, anggaran, desa, kendala) dan yang belum mengisi apa pun.',
    ...rows.map((r) => html`• ${r.name}: ${r.complete} dari ${r.units} lengkap; ${r.empty} belum mengisi apa pun`),
    html`Ketik ${bold('/profil')} diikuti nama provinsi untuk rinciannya, misalnya /profil Babel.`,
  );
}

export const profileUsageMessage = (): Html =>
  html`Ketik ${bold('/profil')} diikuti nama wilayah, misalnya ${bold('/profil Pangkalpinang')} atau ${bold('/profil Babel')}.`;

export const profileEditHint = (): Html => html`Gunakan tombol di bawah untuk menambah atau memperbarui profil ini.`;

// ---- the guided entry -------------------------------------------------------------------------------------------

export const profileAsk = {
  regulationKind: (unit: string): Html => html`Peraturan ${bold(unit)}: jenis apa yang akan dicatat?`,
  regulationNumber: (): Html => html`Nomor peraturan? Contoh: ${bold('3')} atau ${bold('800/123/BKPSDM/2025')}.`,
  regulationYear: (): Html => html`Tahun peraturan? Contoh: ${bold('2025')}.`,
  regulationSubject: (): Html => html`Tentang apa? Contoh: Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pegawai Non-ASN.`,
  regulationDocument: (): Html =>
    html`Bila ada, kirim berkas peraturannya sebagai dokumen (paling besar ${formatFileSize(MAX_DOCUMENT_BYTES)}). Bila tidak, tekan ${bold(PROFILE_LABELS.skip)}.`,
  budgetYear: (unit: string): Html => html`Anggaran iuran ${bold(unit)}: tahun anggaran berapa? Contoh: ${bold('2026')}.`,
  budgetPurpose: (): Html => html`Anggaran ini untuk membayar iuran siapa?`,
  budgetSource: (): Html => html`Dari sumber dana apa?`,
  budgetPagu: (): Html => html`Berapa pagunya? Tulis seperti biasa, misalnya ${bold('Rp2.239.339.680')}, ${bold('Rp 2,2 M')} atau ${bold('750 jt')}.`,
  budgetRealisasi: (): Html => html`Berapa realisasinya sampai saat ini? Ketik ${bold('0')} bila belum ada.`,
  budgetPeople: (): Html => html`Berapa orang yang dilindungi dari anggaran ini? Contoh: ${bold('4.120')}.`,
  budgetNote: (): Html => html`Keterangan singkat, misalnya program yang dibayar (${bold('JHT')}, ${bold('JKK dan JKM')}). Bila tidak ada, tekan ${bold(PROFILE_LABELS.skip)}.`,
  villagesDesa: (unit: string): Html =>
    html`Data desa ${bold(unit)}: berapa jumlah desanya? Ketik ${bold('0')} bila wilayah ini tidak memiliki desa (hanya kelurahan).`,
  villagesCovered: (desa: number): Html =>
    html`Dari ${formatCount(desa)} desa, berapa yang seluruh aparaturnya (kepala desa, perangkat desa, dan anggota BPD) sudah terlindungi?`,
  kendala: (unit: string): Html => html`Kendala ${bold(unit)}: tuliskan secara singkat (paling banyak 500 karakter).`,
};

export const profileText = {
  useButtons: (): Html => html`Mohon pilih dengan tombol di atas, atau ketik ${bold('/batal')} untuk membatalkan.`,
  unknownChoice: (): Html => html`Pilihan itu tidak dikenali. Mohon pilih dengan tombol, atau ketik nama pilihannya.`,
  tooLong: (max: number): Html => html`Mohon maaf, jawaban terlalu panjang (paling banyak ${formatCount(max)} karakter). Mohon persingkat.`,
  empty: (): Html => html`Jawaban tidak boleh kosong.`,
  badYear: (input: string, from: number, to: number): Html =>
    html`“${input}” bukan tahun yang dapat diterima: tulis empat angka antara ${from} dan ${to}.`,
  badRupiah: (reason: string): Html => html`Mohon maaf, ${reason} Mohon ketik lagi.`,
  paguZero: (): Html => html`Pagu harus lebih dari nol. Mohon ketik lagi.`,
  badCount: (reason: string): Html => html`Mohon maaf, ${reason} Mohon ketik lagi.`,
  coveredOver: (covered: number, desa: number): Html =>
    html`Jumlah desa yang terlindungi (${formatCount(covered)}) tidak boleh melebihi jumlah desa (${formatCount(desa)}). Mohon ketik lagi.`,
  desaOver: (max: number): Html => html`Jumlah desa paling banyak ${formatCount(max)}. Mohon periksa lagi.`,
  realisasiOver: (b: Pick<BudgetLine, 'paguSen' | 'realisasiSen'>): Html =>
    html`⚠️ Realisasi ${formatRupiah(b.realisasiSen)} melebihi pagu ${formatRupiah(b.paguSen)} (${formatPercent(realisasiPct(b))} dari pagu). Apakah angka ini benar?`,
  documentTooLarge: (name: string, size: number): Html =>
    html`Mohon maaf, berkas ${name} berukuran ${formatFileSize(size)}, melebihi batas ${formatFileSize(MAX_DOCUMENT_BYTES)} yang dapat diambil kembali oleh bot. Mohon kirim berkas yang lebih kecil (misalnya PDF hasil kompresi), atau tekan ${bold(PROFILE_LABELS.skip)}.`,
  documentNameTooLong: (): Html => html`Mohon maaf, nama berkas terlalu panjang (paling banyak 255 karakter). Mohon ganti namanya lalu kirim lagi.`,
  documentReceived: (d: DocumentRef): Html => html`Berkas diterima: ${d.name}${d.size !== undefined ? ` (${formatFileSize(d.size)})` : ''}.`,
  sendAsDocument: (): Html =>
    html`Mohon kirim peraturannya sebagai berkas (di Telegram: lampirkan sebagai ${bold('File')}), bukan foto, agar tetap terbaca utuh. Bila tidak ada berkasnya, tekan ${bold(PROFILE_LABELS.skip)}.`,
  documentNotNow: (): Html => html`Berkas hanya diterima pada langkah lampiran peraturan. Mohon jawab pertanyaan di atas.`,
  notAllowed: (unit: string): Html => html`Mohon maaf, Bapak/Ibu tidak berwenang mengubah profil ${unit}.`,
  privateOnly: (): Html => html`Pengisian profil dilakukan di chat pribadi dengan bot. Mohon buka chat pribadi lalu ketik /profil.`,
  noOpenKendala: (unit: string): Html => html`Tidak ada kendala terbuka untuk ${unit}.`,
  pickKendala: (unit: string, open: readonly Kendala[], zone: Zone): Html =>
    lines(bold(`Kendala terbuka ${unit}`), ...open.map((k, i) => html`${i + 1}. ${k.text} (${formatDate(new Date(k.at), zone)})`), 'Tekan tombol kendala yang sudah teratasi.'),
  pickRemoval: (unit: string): Html => html`Entri profil ${unit} yang akan dihapus (misalnya salah tahun atau salah jenis)? Entri yang hanya perlu diperbarui cukup dimasukkan lagi dengan jenis, nomor, dan tahun (atau tahun, sasaran, dan sumber dana) yang sama.`,
  nothingToRemove: (unit: string): Html => html`Tidak ada peraturan atau anggaran ${unit} yang dapat dihapus.`,
  confirmRemove: (what: string, unit: string): Html => html`Hapus ${bold(what)} dari profil ${unit}? Penghapusan tercatat di audit.`,
  removed: (what: string): Html => html`Dihapus: ${what}.`,
  kept: (): Html => html`Tidak ada yang dihapus.`,
  kendalaClosed: (text: string): Html => html`Kendala ditutup sebagai teratasi: ${text}`,
  documentCaption: (unit: string, r: Regulation): Html => html`${regulationTitle(r)} (${unit})`,
};

/** On the button of a kendala closed already (a second press): a plain notice, no markup. */
export const kendalaAlreadyClosedAnswer = 'Kendala ini sudah ditutup sebelumnya.';

export const rupiahErrorText = (e: RupiahError): string => {
  switch (e.kind) {
    case 'empty':
      return 'jawaban masih kosong.';
    case 'not_a_number':
      return `“${e.input}” tidak terbaca sebagai jumlah rupiah. Contoh: Rp2.239.339.680, Rp 2,2 M, 750 jt.`;
    case 'negative':
      return `jumlah rupiah tidak boleh negatif (“${e.input}”).`;
    case 'below_sen':
      return `“${e.input}” lebih rinci dari satu sen. Mohon bulatkan paling banyak dua angka di belakang koma rupiah.`;
    case 'ambiguous_comma':
      return `“${e.input}” dapat dibaca dua cara. Bila maksudnya ${formatRupiah(e.asThousands * 100)}, tulis dengan titik: ${formatCount(e.asThousands)}.`;
    case 'approximate':
      return `mohon tulis angka pastinya, bukan perkiraan (“${e.input}”).`;
    case 'bad_grouping':
      return `penulisan “${e.input}” tidak lazim. Gunakan titik sebagai pemisah ribuan, misalnya 2.239.339.680.`;
    case 'too_large':
      return `“${e.input}” terlalu besar untuk satu baris anggaran (paling banyak Rp10 triliun). Mohon periksa lagi.`;
  }
};

export interface RegulationDraftView {
  kind: RegulationKind;
  number: string;
  year: number;
  subject: string;
  document?: DocumentRef | undefined;
}

export const regulationSummary = (unit: string, r: RegulationDraftView, replaces: boolean): Html =>
  lines(
    bold(`Ringkasan peraturan ${unit}`),
    html`${regulationTitle(r)}`,
    r.document ? html`Lampiran: ${documentText(r.document)}` : html`Lampiran: tidak ada`,
    replaces ? italic('Peraturan dengan jenis, nomor, dan tahun yang sama sudah tercatat; data lama akan diganti.') : undefined,
    'Simpan?',
  );

export const budgetSummary = (unit: string, b: Omit<BudgetLine, 'id' | 'at' | 'by'>, replaced: BudgetLine | undefined): Html =>
  lines(
    bold(`Ringkasan anggaran ${unit}`),
    html`${budgetLineTitle(b)}${b.note ? ` (${b.note})` : ''}`,
    html`Pagu: ${rupiahWithShort(b.paguSen)}`,
    html`Realisasi: ${realisasiText(b)}`,
    html`Dilindungi: ${formatCount(b.people)} orang`,
    replaced
      ? italic(`Menggantikan data sebelumnya: pagu ${formatRupiah(replaced.paguSen)}, realisasi ${formatRupiah(replaced.realisasiSen)}, ${formatCount(replaced.people)} orang.`)
      : undefined,
    'Simpan?',
  );

export const villagesSummary = (unit: string, v: Pick<Villages, 'desa' | 'covered'>): Html =>
  lines(bold(`Ringkasan data desa ${unit}`), html`${villagesText(v)}.`, 'Simpan?');

export const profileSaved = {
  regulation: (unit: string, r: Regulation): Html => html`Tersimpan: ${regulationTitle(r)}, ${unit}. Lihat dengan ${bold('/profil')}.`,
  budget: (unit: string, b: BudgetLine): Html => html`Tersimpan: anggaran ${budgetLineTitle(b)}, ${unit}. Lihat dengan ${bold('/profil')}.`,
  villages: (unit: string): Html => html`Tersimpan: data desa ${unit}. Lihat dengan ${bold('/profil')}.`,
  kendala: (unit: string): Html => html`Kendala ${unit} tercatat. Bila sudah teratasi, tutup dari ${bold('/profil')}.`,
};

// ---- the audit trail --------------------------------------------------------------------------------------------

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const pick = <K extends string>(labels: Record<K, string>, v: unknown): string | undefined => (typeof v === 'string' && v in labels ? labels[v as K] : undefined);

/** The profile's audit actions in words (messages/access.ts names the action; `unit` is the region's name). */
export function profileAuditText(action: string, d: Record<string, unknown>, unit: string): string {
  const where = unit ? ` ${unit}` : '';
  switch (action) {
    case 'profile.regulation': {
      const kind = pick(REGULATION_KIND_LABELS, d.kind);
      const title = kind ? `${kind}${str(d.number) ? ` No. ${str(d.number)}` : ''}${num(d.year) ? ` Tahun ${num(d.year)}` : ''}` : 'peraturan';
      return `${d.replaced === true ? 'memperbarui' : 'mencatat'} ${title}${where}${str(d.document) ? ` dengan lampiran ${str(d.document)}` : ''}`;
    }
    case 'profile.budget': {
      const purpose = pick(BUDGET_PURPOSE_LABELS, d.purpose);
      const source = pick(BUDGET_SOURCE_LABELS, d.source);
      const what = [purpose ? purpose.charAt(0).toLowerCase() + purpose.slice(1) : undefined, source].filter(Boolean).join(', ');
      const pagu = num(d.pagu);
      const realisasi = num(d.realisasi);
      const before = num(d.fromRealisasi);
      const amounts = [
        pagu !== undefined ? `pagu ${formatRupiah(pagu)}` : undefined,
        realisasi !== undefined ? `realisasi ${before !== undefined ? `${formatRupiah(before)} → ` : ''}${formatRupiah(realisasi)}` : undefined,
        num(d.people) !== undefined ? `${formatCount(num(d.people) ?? 0)} orang` : undefined,
      ].filter(Boolean);
      return `mencatat anggaran iuran${where}${num(d.year) ? ` tahun ${num(d.year)}` : ''}${what ? ` (${what})` : ''}${amounts.length ? `: ${amounts.join(', ')}` : ''}`;
    }
    case 'profile.villages': {
      const desa = num(d.desa);
      const covered = num(d.covered);
      return `memperbarui data desa${where}${desa !== undefined && covered !== undefined ? `: ${formatCount(covered)} dari ${formatCount(desa)} desa seluruh aparaturnya terlindungi` : ''}`;
    }
    case 'profile.kendala':
      return `mencatat kendala${where}${str(d.text) ? `: “${str(d.text)}”` : ''}`;
    case 'profile.remove': {
      if (d.what === 'regulation') {
        const kind = pick(REGULATION_KIND_LABELS, d.kind);
        return `menghapus ${kind ? `${kind}${str(d.number) ? ` No. ${str(d.number)}` : ''}${num(d.year) ? ` Tahun ${num(d.year)}` : ''}` : 'peraturan'} dari profil${where}`;
      }
      const purpose = pick(BUDGET_PURPOSE_LABELS, d.purpose);
      const source = pick(BUDGET_SOURCE_LABELS, d.source);
      const what = [purpose ? purpose.charAt(0).toLowerCase() + purpose.slice(1) : undefined, source].filter(Boolean).join(', ');
      return `menghapus anggaran iuran${where}${num(d.year) ? ` tahun ${num(d.year)}` : ''}${what ? ` (${what})` : ''} dari profil`;
    }
    case 'profile.kendala_close':
      return `menutup kendala${where} sebagai teratasi${str(d.text) ? `: “${str(d.text)}”` : ''}`;
    default:
      return `mengubah profil${where}`;
  }
}

// ---- the "Profil" sheet and the session pack ----------------------------------------------------------------------

export const PROFILE_SHEET_TEXT = {
  name: 'Profil',
  headers: {
    code: 'Kode',
    unit: 'Wilayah',
    part: 'Bagian',
    year: 'Tahun',
    description: 'Uraian',
    source: 'Sumber dana',
    pagu: 'Pagu (Rp)',
    realisasi: 'Realisasi (Rp)',
    realisasiPct: 'Realisasi (% pagu)',
    count: 'Jumlah (orang/desa)',
    covered: 'Desa dengan seluruh aparatur terlindungi',
    status: 'Status',
    date: 'Tanggal',
    document: 'Lampiran',
  },
  parts: { completeness: 'Kelengkapan', regulation: 'Peraturan', budget: 'Anggaran', villages: 'Desa', kendala: 'Kendala' },
  completeness: (c: Completeness): string =>
    filledCount(c) === 0
      ? 'belum ada isian'
      : `${filledCount(c)}/${COMPLETENESS_PARTS.length}: ${COMPLETENESS_PARTS.filter((k) => c[k]).map((k) => COMPLETENESS_LABELS[k]).join(', ')}`,
  noDesa: 'tidak ada desa (hanya kelurahan)',
  open: 'terbuka',
  closed: (date: string) => `selesai ${date}`,
  budgetDescription: (b: Pick<BudgetLine, 'purpose' | 'note'>): string => `${BUDGET_PURPOSE_LABELS[b.purpose]}${b.note ? ` (${b.note})` : ''}`,
};

/** The pack's lines for one unit's profile, as a slide or the narrative says them. */
export const profilePackLines = {
  completeness: (c: Completeness): string => `Kelengkapan profil: ${completenessText(c)}`,
  budget: (b: BudgetLine): string =>
    `${budgetLineTitle(b)}${b.note ? ` (${b.note})` : ''}: pagu ${formatRupiahShort(b.paguSen)}, realisasi ${formatRupiahShort(b.realisasiSen)} (${formatPercent(realisasiPct(b))}), ${formatCount(b.people)} orang`,
  villages: (v: Pick<Villages, 'desa' | 'covered'>): string => `Desa: ${villagesText(v)}`,
  kendala: (text: string, since: string): string => `Kendala (sejak ${since}): ${text}`,
};
