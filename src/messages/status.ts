import type { Holiday } from '../domain/holidays.js';
import { movedBecause } from './holidays.js';
import { formatDate, formatDateTime, formatTime, formatWeek } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import { weekNumber, weekYear, type WeekKey } from '../domain/weeks.js';
import { WIB, type Zone } from '../domain/zones.js';
import type { AreaWeek, UnitWeek } from '../queries/types.js';
import { reportedCountsText } from './coverage.js';
import { correctedTimes } from './revisions.js';
import { VERIFICATION_MARK } from './verification.js';
import { bold, code, html, italic, lines, type Html } from './html.js';

/** A province government reports as a unit of its own: say so, so it is not mistaken for the province's total. */
const unitLabel = (u: Unit): string => (u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name);

const reportedLine = (s: UnitWeek): Html => {
  const r = s.own;
  if (!r) return html``;
  const corrected = r.revisions > 1 ? `, ${correctedTimes(r.revisions)}` : '';
  const marks = [s.status === 'terlambat' ? '⏰ terlambat' : '', r.noData !== undefined ? `belum ada data: ${r.noData}` : '', VERIFICATION_MARK[r.verification]].filter((m) => m !== '');
  return html`• ${unitLabel(s.unit)}: ${formatDateTime(r.at, s.unit.zone)} (${r.by}${corrected})${marks.length > 0 ? ` · ${marks.join(' · ')}` : ''}`;
};

const missingLine = (s: UnitWeek): Html =>
  html`• ${unitLabel(s.unit)}${s.lastWeek ? italic(` (terakhir minggu ke-${weekNumber(s.lastWeek)} tahun ${weekYear(s.lastWeek)})`) : italic(' (belum pernah melapor)')}`;

const detailsOf = (units: readonly UnitWeek[]): string => {
  const reported = units.filter((u) => u.status !== 'belum');
  const late = reported.filter((u) => u.status === 'terlambat').length;
  const noData = reported.filter((u) => u.own?.noData !== undefined).length;
  const awaiting = reported.filter((u) => u.own?.verification === 'pending').length;
  const returned = reported.filter((u) => u.own?.verification === 'returned').length;
  const details = [late > 0 ? `${late} terlambat` : '', noData > 0 ? `${noData} belum ada data` : '', awaiting > 0 ? `${awaiting} menunggu verifikasi` : '', returned > 0 ? `${returned} dikembalikan` : ''].filter((d) => d !== '');
  return details.length > 0 ? ` (${details.join(', ')})` : '';
};

export interface WeekDeadline {
  at: Date;
  /** Why this week's deadline moved (holidays); empty when it did not. */
  because: readonly Holiday[];
}

/** Counts first (in the one counting language: reporting units, and kab/kota), then who reported and who has not. */
export function statusMessage(input: { title: string; week: WeekKey; zone: Zone; units: readonly UnitWeek[]; area?: AreaWeek | undefined; deadline: WeekDeadline }): Html {
  const reported = input.units.filter((s) => s.status !== 'belum');
  const missing = input.units.filter((s) => s.status === 'belum');
  const counts = input.area ? reportedCountsText(input.area) : `${reported.length} dari ${input.units.length} unit pelapor`;
  return lines(
    bold(`Status laporan ${formatWeek(input.week, input.zone)}`),
    html`${input.title}: ${bold(counts)} telah melapor${detailsOf(input.units)}; ${missing.length} unit belum.`,
    html`Batas waktu: ${formatDateTime(input.deadline.at, input.zone)}${movedBecause(input.deadline.because)}.`,
    '',
    bold(`Sudah melapor (${reported.length})`),
    ...(reported.length > 0 ? reported.map(reportedLine) : [italic('Belum ada.')]),
    '',
    bold(`Belum melapor (${missing.length})`),
    ...(missing.length > 0 ? missing.map(missingLine) : [italic('Semua unit telah melapor. Terima kasih.')]),
  );
}

/** The nation: counts, the deadline and why it moved, then one line per province; details come per province. */
export function nationalStatusMessage(input: { area: AreaWeek; deadline: WeekDeadline }): Html {
  const a = input.area;
  const units = [...a.governments, ...a.members];
  const provinces = a.provinces ?? [];
  const incomplete = provinces.filter((p) => p.reporting.missing > 0);
  return lines(
    bold(`Status laporan ${formatWeek(a.week, WIB)}`),
    html`Nasional: ${bold(reportedCountsText(a))} telah melapor${detailsOf(units)}; ${a.reporting.missing} unit belum.`,
    // A weekly deadline is the same wall-clock time in every zone (Jumat 15.00 WIB, WITA, WIT): say it once.
    html`Batas waktu: ${formatDate(input.deadline.at, WIB)} ${formatTime(input.deadline.at, WIB).replace(/ WIB$/, '')} waktu setempat tiap daerah${movedBecause(input.deadline.because)}.`,
    '',
    bold(`Per provinsi: unit pelapor yang sudah melapor (${provinces.length - incomplete.length} provinsi lengkap)`),
    ...provinces.map((p) => html`• ${(p.scope as Unit).baseName}: ${p.reporting.reported}/${p.reporting.units}${p.reporting.missing === 0 ? ' ✅' : ''}${p.reporting.late > 0 ? ` (${p.reporting.late} terlambat)` : ''}`),
    '',
    html`Rincian per unit: ${code('/status Babel')} (nama provinsi).`,
  );
}
