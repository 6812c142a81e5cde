import type { CountError } from '../domain/numbers.js';
import type { Holiday } from '../domain/holidays.js';
import { movedBecause } from './holidays.js';
import type { FieldKey, Figures, FigureWarning } from '../domain/figures.js';
import { formatCount, formatDateTime, formatDecimal, formatSignedCount, formatWeek } from '../domain/format.js';
import { FIELD_REGISTRY, fieldSpec, quickKeyOf } from '../domain/fields.js';
import type { Unit } from '../domain/regions/directory.js';
import type { WeekKey } from '../domain/weeks.js';
import { weekNumber } from '../domain/weeks.js';
import { countErrorText, figureErrorText, figureWarningText } from './figures.js';
import { revisionName, revisionsSummary } from './revisions.js';
import { bold, code, html, italic, lines, type Html } from './html.js';
import { FIELD_LABELS } from './labels.js';

/** `38.905 atau 38,9rb`: the registry's example as officials write it, with the short form for larger numbers. */
const exampleOf = (field: FieldKey): string => {
  const n = fieldSpec(field).example;
  return n >= 10_000 ? `${formatCount(n)} atau ${formatDecimal(Math.round(n / 100) / 10)}rb` : formatCount(n);
};

/** The quick-entry template, from the registry: every key with its example. */
export const quickEntryExample = (): string =>
  `/lapor ${FIELD_REGISTRY.map((f) => `${f.quickKey}=${formatCount(f.example)}`).join(' ')}`;

export const reportTitle = (unit: Unit, week: WeekKey): Html => html`${bold(unit.name)}, ${formatWeek(week, unit.zone)}`;

export const reportAskUnitMessage = (): Html =>
  lines(
    bold('Laporan mingguan'),
    'Untuk unit mana laporan ini? Ketik nama kabupaten/kota atau provinsinya (misalnya Pangkalpinang).',
    italic('Ketik /batal untuk membatalkan.'),
  );

/** Which week: last week's deadline, and (once it has passed) until when it may still be sent, marked late. */
export const reportAskWeekMessage = (
  unit: Unit,
  current: { at: Date; because: readonly Holiday[] },
  deadline: { at: Date; because: readonly Holiday[] },
  graceMs: number,
  now: Date,
): Html =>
  lines(
    bold(`Laporan mingguan ${unit.name}`),
    'Laporan untuk minggu yang mana?',
    italic(`Batas waktu laporan minggu ini: ${formatDateTime(current.at, unit.zone)}${movedBecause(current.because)}.`),
    now.getTime() <= deadline.at.getTime()
      ? italic(`Batas waktu laporan minggu lalu: ${formatDateTime(deadline.at, unit.zone)}${movedBecause(deadline.because)}.`)
      : italic(
          `Batas waktu laporan minggu lalu sudah lewat (${formatDateTime(deadline.at, unit.zone)}${movedBecause(deadline.because)}); laporannya masih dapat dikirim sampai ${formatDateTime(new Date(deadline.at.getTime() + graceMs), unit.zone)} dan akan ditandai terlambat.`,
        ),
  );

export const weekChoiceLabel = (week: WeekKey, current: boolean): string =>
  `${current ? 'Minggu ini' : 'Minggu lalu'} (ke-${weekNumber(week)})`;

export const reportStartMessage = (unit: Unit, week: WeekKey, onBehalf: boolean, fields: number, deadline?: { at: Date; because: readonly Holiday[] }): Html =>
  lines(
    bold('Laporan mingguan'),
    reportTitle(unit, week),
    // The week's real deadline, and why a holiday moved it (issue 23.4).
    deadline ? italic(`Batas waktu: ${formatDateTime(deadline.at, unit.zone)}${movedBecause(deadline.because)}.`) : undefined,
    onBehalf ? italic('Dikirim atas nama unit tersebut.') : undefined,
    `Ada ${fields} angka yang akan ditanyakan satu per satu. Ketik /batal kapan saja untuk membatalkan.`,
  );

export const reportCorrectionMessage = (unit: Unit, week: WeekKey, revisions: number): Html =>
  lines(
    bold('Koreksi laporan'),
    reportTitle(unit, week),
    `Laporan minggu ini sudah ada (${revisionsSummary(revisions)}). Angka yang tersimpan ditampilkan di bawah; ubah yang perlu dikoreksi, lalu kirim. Laporan sebelumnya tetap tersimpan dalam riwayat.`,
  );

export const baselineAskTotalMessage = (unit: Unit, year: number): Html =>
  lines(
    bold(`Data penduduk bekerja ${unit.name} tahun ${year} belum ada`),
    'Angka ini menjadi penyebut capaian UC dan cukup diisi sekali setahun.',
    html`Berapa jumlah penduduk bekerja? (contoh: 104.000). Ketik ${bold('lewati')} bila belum tersedia.`,
  );

export const baselineAskSourceMessage = (total: number, currentSource?: string): Html =>
  lines(
    html`✓ Penduduk bekerja: ${bold(formatCount(total))}`,
    'Apa sumber angka tersebut? (contoh: Sakernas Agustus 2025)',
    currentSource ? html`Ketik ${bold('=')} untuk tetap memakai sumber sebelumnya: ${currentSource}.` : undefined,
  );

/** Changing the workforce already stored for a year (from the summary, or with /penduduk). */
export const baselineChangeTotalMessage = (unit: Unit, year: number, current: { total: number; source: string } | undefined): Html =>
  lines(
    bold(`Data penduduk bekerja ${unit.name} tahun ${year}`),
    current ? html`Saat ini: ${bold(formatCount(current.total))} (sumber: ${current.source}).` : 'Belum ada angka untuk tahun ini.',
    'Angka ini menjadi penyebut capaian UC. Berapa jumlah penduduk bekerja yang benar? (contoh: 104.000)',
    html`Ketik ${bold('/batal')} bila tidak jadi mengubah.`,
  );

export const workforceSavedMessage = (unit: Unit, year: number, from: number | undefined, to: number, source: string): Html =>
  html`✅ Data penduduk bekerja ${unit.name} tahun ${year} disimpan: ${from !== undefined ? `${formatCount(from)} → ` : ''}${bold(formatCount(to))} (sumber: ${source}). Perubahan ini tercatat dalam audit; capaian UC dihitung ulang dengan angka ini.`;

export const workforceUnchangedMessage = (unit: Unit, year: number): Html =>
  html`Data penduduk bekerja ${unit.name} tahun ${year} sama dengan yang tersimpan; tidak ada yang diubah.`;

export const workforceNotAllowedMessage = (): Html =>
  html`Mohon maaf, data penduduk bekerja diubah oleh petugas unit itu sendiri, atau oleh koordinator atas nama unit di wilayahnya.`;

export const WORKFORCE_LABEL = 'Penduduk bekerja (penyebut capaian)';

/** The report compared with: last week's, or an older one named by its week. */
export interface Earlier {
  week: WeekKey;
  figures: Figures;
  lastWeek: boolean;
}

const earlierLabel = (e: Earlier): string => (e.lastWeek ? 'Minggu lalu' : `Laporan sebelumnya (minggu ke-${weekNumber(e.week)})`);

export function fieldQuestion(field: FieldKey, index: number, total: number, earlier: Earlier | undefined, stored: number | undefined): Html {
  const previous = earlier?.figures[field];
  return lines(
    bold(`(${index}/${total}) ${FIELD_LABELS[field]}`),
    `Contoh: ${exampleOf(field)}`,
    stored !== undefined
      ? html`Angka tersimpan: ${bold(formatCount(stored))}. Ketik angka baru, atau ${bold('=')} (atau ${bold('sama')}) untuk memakai angka yang sama.`
      : previous !== undefined && earlier
        ? html`${earlierLabel(earlier)}: ${bold(formatCount(previous))}. Ketik ${bold('=')} atau ${bold('sama')}, atau tekan tombol, untuk memakai angka yang sama.`
        : undefined,
  );
}

export const sameAsLabel = (value: number): string => `Sama: ${formatCount(value)}`;

export const acceptedLine = (field: FieldKey, value: number): Html => html`✓ ${FIELD_LABELS[field]}: ${bold(formatCount(value))}`;

/** A number that could not be read: names the field. */
export const fieldErrorMessage = (field: FieldKey, text: string): Html =>
  html`Mohon maaf, ${FIELD_LABELS[field]}: ${text} Mohon ketik ulang.`;

/** A rule the figures break: the rule's text already names the field. */
export const ruleErrorMessage = (text: string): Html => html`Mohon maaf, ${text} Mohon ketik ulang.`;

export const countError = countErrorText;
export const figureError = figureErrorText;

export const noPreviousValueMessage = (): Html =>
  html`Belum ada angka minggu lalu untuk dipakai ulang. Mohon ketik angkanya.`;

export function warningsMessage(warnings: FigureWarning[]): Html {
  return lines(
    bold('Mohon periksa kembali'),
    ...warnings.map((w) => html`⚠️ ${figureWarningText(w)}`),
    '',
    'Apakah angka tersebut sudah benar?',
  );
}

export const CONFIRM_LABEL = 'Ya, angka sudah benar';
export const EDIT_LABEL = 'Ubah angka';
export const SEND_LABEL = 'Kirim laporan';
export const CANCEL_LABEL = 'Batal';

export function summaryMessage(input: {
  unit: Unit;
  week: WeekKey;
  fields: readonly FieldKey[];
  answers: Figures;
  earlier: Earlier | undefined;
  /** The workforce of the week's year, as it will stand after sending (changeable from the summary). */
  workforce?: { year: number; total: number; source: string; changed: boolean } | undefined;
  onBehalf: boolean;
  correcting: boolean;
}): Html {
  const { answers, earlier } = input;
  const previous = earlier?.figures;
  return lines(
    bold(input.correcting ? 'Ringkasan koreksi laporan' : 'Ringkasan laporan'),
    reportTitle(input.unit, input.week),
    input.onBehalf ? italic('Dikirim atas nama unit tersebut.') : undefined,
    '',
    ...input.fields.map((f, i) => {
      const value = answers[f] ?? 0;
      const before = previous?.[f];
      const change = before === undefined ? '' : ` (${formatSignedCount(value - before)})`;
      return html`${i + 1}. ${FIELD_LABELS[f]}: ${bold(formatCount(value))}${change}`;
    }),
    earlier
      ? italic(`Angka dalam kurung: perubahan dibanding ${earlier.lastWeek ? 'minggu lalu' : `laporan minggu ke-${weekNumber(earlier.week)}`}.`)
      : undefined,
    input.workforce
      ? html`${input.fields.length + 1}. ${WORKFORCE_LABEL} tahun ${input.workforce.year}: ${bold(formatCount(input.workforce.total))} (sumber: ${input.workforce.source})${input.workforce.changed ? ' · diubah' : ''}`
      : undefined,
    '',
    html`Tekan ${bold(SEND_LABEL)} bila sudah benar. Untuk mengubah, tekan ${bold(EDIT_LABEL)} atau ketik nomornya (misalnya 3).`,
  );
}

export const pickFieldMessage = (): Html => html`Angka mana yang akan diubah? Tekan tombolnya atau ketik nomornya.`;

export const summaryNotUnderstood = (): Html =>
  html`Mohon tekan salah satu tombol, atau ketik ${bold('kirim')}, nomor angka yang akan diubah, atau /batal.`;

export const confirmNotUnderstood = (): Html => html`Mohon jawab ${bold('ya')} bila angka sudah benar, atau ${bold('ubah')} untuk mengubahnya.`;

export function reportSavedMessage(unit: Unit, week: WeekKey, rev: number, changed: boolean, auditPending = false, late = false): Html {
  if (!changed) {
    return html`Angka yang dikirim sama dengan laporan yang sudah tersimpan untuk ${reportTitle(unit, week)}; tidak ada revisi baru. Terima kasih.`;
  }
  return lines(
    html`✅ Laporan ${reportTitle(unit, week)} telah diterima${rev > 1 ? ` sebagai ${revisionName(rev)}` : ''}. Terima kasih.`,
    late ? lateSavedNote() : undefined,
    auditPending
      ? 'Catatan: laporan sudah tersimpan, tetapi catatan auditnya belum dapat ditulis karena kendala penyimpanan. Catatan itu akan ditulis ulang secara otomatis; Bapak/Ibu tidak perlu mengirim ulang.'
      : undefined,
    html`Ketik ${bold(`/cakupan ${unit.name}`)} untuk melihat capaian terbaru.`,
  );
}

export const notReportableWeekMessage = (week: WeekKey, unit: Unit): Html =>
  html`Mohon maaf, batas waktu laporan ${formatWeek(week, unit.zone)} dan masa tenggang keterlambatannya sudah lewat, atau minggu itu belum berjalan; laporan tidak dapat dikirim untuk minggu tersebut. Koordinator provinsi dapat memasukkannya atas nama unit Bapak/Ibu.`;

export const NO_DATA_LABEL = 'Belum ada data minggu ini';
export const NO_DATA_PRESET = 'Data BPJS belum turun';

export const noDataAskReasonMessage = (unit: Unit, week: WeekKey): Html =>
  lines(
    html`${bold('Belum ada data')} untuk ${reportTitle(unit, week)}.`,
    'Minggu ini akan dihitung sudah melapor, tanpa angka (tidak dianggap 0). Mohon tuliskan alasannya, atau pilih tombol di bawah.',
  );

export const noDataSummaryMessage = (unit: Unit, week: WeekKey, reason: string, onBehalf: boolean, late: boolean): Html =>
  lines(
    bold('Ringkasan'),
    reportTitle(unit, week),
    html`Keterangan: ${bold('belum ada data')} (${reason})`,
    onBehalf ? italic('Dikirim atas nama unit tersebut.') : undefined,
    late ? italic('Batas waktu minggu ini sudah lewat: laporan ini akan ditandai terlambat.') : undefined,
    '',
    'Kirim?',
  );

export const noDataSavedMessage = (unit: Unit, week: WeekKey, late: boolean): Html =>
  lines(
    html`✅ Keterangan ${bold('belum ada data')} untuk ${reportTitle(unit, week)} telah diterima${late ? ' (terlambat)' : ''}. Terima kasih.`,
    'Bila datanya sudah tersedia, kirim angkanya dengan /lapor; angka terakhir yang ada tetap ditampilkan sampai saat itu.',
  );

export const noDataHasFiguresMessage = (unit: Unit, week: WeekKey): Html =>
  html`Mohon maaf, ${reportTitle(unit, week)} sudah berisi angka. Bila ada angka yang keliru, koreksi dengan /lapor.`;

export const noDataReasonTooLong = (max: number): Html => html`Mohon maaf, alasannya terlalu panjang. Mohon ringkas dalam ${max} karakter.`;

export const oneWeekOnlyMessage = (): Html => html`Mohon sebutkan satu minggu saja, misalnya ${code('/lapor minggu 47 pu=... bpu=...')}.`;

export const lateSavedNote = (): Html => italic('Laporan ini dikirim setelah batas waktu dan tercatat terlambat.');

export const reportNotAllowedMessage = (): Html =>
  html`Mohon maaf, laporan mingguan dikirim oleh petugas unit pelapor, atau oleh koordinator atas nama unit di wilayahnya.`;

export const weekNotUnderstood = (): Html => html`Mohon pilih minggu dengan tombol, atau ketik ${bold('ini')} atau ${bold('lalu')}.`;

export const alreadySentAnswer = 'Laporan ini sudah terkirim atau dibatalkan; tombol ini tidak berlaku lagi.';

export function quickEntryProblems(input: {
  unknownKeys: string[];
  missing: FieldKey[];
  notAllowed: FieldKey[];
  duplicates: FieldKey[];
  errors: Array<{ field: FieldKey; text: string }>;
  hardErrors: string[];
}): Html {
  const key = (f: FieldKey): string => `${quickKeyOf(f)} (${FIELD_LABELS[f]})`;
  return lines(
    bold('Mohon maaf, laporan singkat belum dapat diproses:'),
    ...input.unknownKeys.map((k) => html`• Kunci ${code(k)} tidak dikenal.`),
    ...input.missing.map((f) => html`• ${key(f)} belum diisi.`),
    ...input.notAllowed.map((f) => html`• ${key(f)} tidak diisi oleh unit provinsi.`),
    ...input.duplicates.map((f) => html`• ${key(f)} ditulis lebih dari sekali.`),
    ...input.errors.map((e) => html`• ${key(e.field)}: ${e.text}`),
    ...input.hardErrors.map((t) => html`• ${t}`),
    '',
    html`Kunci yang dikenal: ${code(FIELD_REGISTRY.map((f) => f.quickKey).join(' '))}. Contoh:`,
    code(quickEntryExample()),
  );
}

/** Why a typed workforce was not taken: a number error, or zero. */
export const workforceErrorText = (e: CountError | undefined): string => (e ? countError(e) : 'jumlah penduduk bekerja harus lebih dari nol.');

export const workforceAskUnitMessage = (): Html =>
  lines(
    bold('Data penduduk bekerja'),
    'Data unit mana yang akan diperbaiki? Ketik nama kabupaten/kota (misalnya Pangkalpinang).',
    italic('Ketik /batal untuk membatalkan.'),
  );

/** `Mohon maaf, <why>` for a reason worded elsewhere in messages/. */
export const apology = (why: string): Html => html`Mohon maaf, ${why}`;

/** /penduduk while a /lapor draft is open: nothing is thrown away without asking. */
export const DRAFT_WORKFORCE_LABEL = 'Ubah penduduk bekerja di laporan ini';
export const DRAFT_BACK_LABEL = 'Kembali ke laporan';
export const DRAFT_DISCARD_LABEL = 'Buang draf, lanjut /penduduk';

export const draftOpenMessage = (unit: Unit, week: WeekKey, sameUnit: boolean): Html =>
  lines(
    html`Laporan ${reportTitle(unit, week)} sedang disusun dan ${bold('belum dikirim')}.`,
    sameUnit
      ? 'Penduduk bekerja dapat diubah di laporan ini (tersimpan bersama laporan saat dikirim), atau Bapak/Ibu dapat kembali ke laporan. Draf hanya dibuang bila Bapak/Ibu memilihnya.'
      : 'Bapak/Ibu dapat kembali ke laporan ini. Draf hanya dibuang bila Bapak/Ibu memilihnya.',
  );

export const draftOpenNotUnderstood = (): Html =>
  html`Mohon pilih salah satu tombol, atau ketik ${bold('kembali')} untuk melanjutkan laporan.`;
