import { formatCount, formatDateTime, formatSignedCount, formatWeekShort } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import { RETURN_REASONS, type ReturnReason, type VerificationState } from '../domain/verification.js';
import type { WeekKey } from '../domain/weeks.js';
import type { AwaitingReport } from '../queries/types.js';
import { bold, code, html, lines, type Html } from './html.js';
import { revisionName } from './revisions.js';

/** Each reason a coordinator may give for returning a report, as the unit's staff read it. */
export const RETURN_REASON_TEXT: Record<ReturnReason, string> = {
  not_bpjs: 'angka tidak sesuai data BPJS Ketenagakerjaan',
  wrong_field: 'ada angka yang tertukar atau salah kolom',
  explain_drop: 'penurunan peserta perlu penjelasan',
  incomplete: 'data belum lengkap',
};

export const isReturnReason = (v: unknown): v is ReturnReason => typeof v === 'string' && (RETURN_REASONS as readonly string[]).includes(v);

/** A short mark beside a figure: how far a coordinator has checked it. */
export const VERIFICATION_MARK: Record<VerificationState, string> = {
  verified: '✅ terverifikasi',
  pending: '⏳ menunggu verifikasi',
  returned: '↩️ dikembalikan untuk dikoreksi',
  not_needed: '',
};

/** The same, for a spreadsheet cell. */
export const VERIFICATION_CELL: Record<VerificationState, string> = {
  verified: 'Terverifikasi',
  pending: 'Menunggu verifikasi',
  returned: 'Dikembalikan',
  not_needed: '–',
};

/** What a national coordinator verifies, named in their list. */
export const NATIONAL_SCOPE_NAME = 'tingkat nasional (laporan pemerintah provinsi)';

/** A report awaiting verification, as listed to its coordinators. */
export type { AwaitingReport } from '../queries/types.js';

const line = (r: AwaitingReport, i: number): Html =>
  html`${i + 1}. ${bold(r.unit.name)}, ${formatWeekShort(r.week)}${r.rev > 1 ? ` (${revisionName(r.rev)})` : ''}: ${r.participants !== undefined ? `${formatCount(r.participants)} peserta${r.change !== undefined ? ` (${formatSignedCount(r.change)})` : ''}` : 'non-ASN'} · ${r.by}, ${formatDateTime(r.at, r.unit.zone)}${r.late ? ' · terlambat' : ''}`;

/** The list of `/verifikasi` and of the grouped notice: each report with its number, for the buttons below. */
export function awaitingMessage(reports: AwaitingReport[], scopeName: string, notice: boolean): Html {
  if (reports.length === 0) return html`Tidak ada laporan yang menunggu verifikasi di ${scopeName}. Terima kasih.`;
  return lines(
    bold(notice ? `🔎 Laporan baru menunggu verifikasi (${reports.length})` : `🔎 Laporan menunggu verifikasi di ${scopeName} (${reports.length})`),
    ...reports.map(line),
    '',
    'Periksa angkanya dengan /riwayat bila perlu, lalu tekan ✅ untuk memverifikasi atau ↩️ untuk mengembalikan kepada petugas dengan alasan.',
  );
}

export const verifyLabel = (i: number, unit: Unit): string => `✅ ${i + 1}. ${shortUnit(unit)}`;
export const returnLabel = (i: number, unit: Unit): string => `↩️ ${i + 1}. ${shortUnit(unit)}`;
const shortUnit = (u: Unit): string => (u.kind === 'provinsi' ? `Pemprov ${u.baseName}` : u.name.replace(/^Kabupaten /, 'Kab. '));

export const askReturnReasonMessage = (unit: Unit, week: WeekKey): Html =>
  html`Mengapa laporan ${bold(unit.name)}, ${formatWeekShort(week)} dikembalikan? Alasan ini akan disampaikan kepada petugasnya.`;

export const verifiedAnswer = (unit: Unit): string => `Terverifikasi: ${unit.name}.`;
export const returnedAnswer = (unit: Unit): string => `Dikembalikan: ${unit.name}.`;
export const staleDecisionAnswer = 'Laporan ini sudah diputuskan atau sudah dikoreksi; lihat daftar terbaru dengan /verifikasi.';
export const notVerifierAnswer = 'Mohon maaf, laporan ini diverifikasi oleh koordinator provinsinya (atau admin).';

export const decisionDoneMessage = (unit: Unit, week: WeekKey, state: 'verified' | 'returned', by: string, reason?: ReturnReason): Html =>
  state === 'verified'
    ? html`✅ Laporan ${bold(unit.name)}, ${formatWeekShort(week)} telah diverifikasi oleh ${by}.`
    : html`↩️ Laporan ${bold(unit.name)}, ${formatWeekShort(week)} dikembalikan oleh ${by} kepada petugasnya${reason ? `, alasan: ${RETURN_REASON_TEXT[reason]}` : ''}.`;

/** To the unit's staff: their report came back, why, and what to do. */
export const returnedToStaffMessage = (unit: Unit, week: WeekKey, by: string, reason: ReturnReason): Html =>
  lines(
    html`↩️ ${bold(`Laporan ${formatWeekShort(week)} ${unit.name} dikembalikan`)} oleh ${by}.`,
    html`Alasan: ${RETURN_REASON_TEXT[reason]}.`,
    html`Mohon periksa dan kirim koreksinya dengan ${code('/lapor')}; koreksi itu akan diverifikasi kembali.`,
  );

export const notVerifierMessage = (): Html => html`Mohon maaf, verifikasi laporan dilakukan oleh koordinator provinsi (atau koordinator nasional untuk laporan pemerintah provinsi) dan admin.`;

export const noticeTitle = (scopeName: string): string => `Laporan menunggu verifikasi ${scopeName}`;

/** To a province's coordinators at once: a confirmed warning on a report (a sharp fall, say). */
export const warningAlertMessage = (unit: Unit, week: WeekKey, warnings: string[], by: string, at: Date): Html =>
  lines(
    html`⚠️ ${bold(`Peringatan angka: ${unit.name}, ${formatWeekShort(week)}`)}`,
    ...warnings.map((w) => html`• ${w}`),
    html`Angka ini dikonfirmasi benar oleh ${by} pada ${formatDateTime(at, unit.zone)}.`,
    'Mohon periksa sebelum memverifikasi laporan ini (/verifikasi).',
  );

export const alertTitle = (unit: Unit, week: WeekKey): string => `Peringatan angka ${unit.name} ${week}`;
