import { formatDeadline, type Deadline } from '../domain/deadline.js';
import type { Holiday } from '../domain/holidays.js';
import { movedBecause } from './holidays.js';
import { formatDateTime, formatWeek } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import type { WeekKey } from '../domain/weeks.js';
import type { Zone } from '../domain/zones.js';
import { correctedTimes } from './revisions.js';
import { VERIFICATION_MARK } from './verification.js';
import type { VerificationState } from '../domain/verification.js';
import { bold, html, italic, lines, type Html } from './html.js';

export interface UnitStatus {
  unit: Unit;
  week: WeekKey;
  /** First submission this week, and who sent it; undefined if none. */
  reported?: { at: Date; by: string; revisions: number; late?: boolean; noData?: string | undefined; verification?: VerificationState | undefined } | undefined;
  /** The unit's latest earlier week, when it has not reported this one. */
  lastWeek?: WeekKey | undefined;
}

/** A province government reports as a unit of its own: say so, so it is not mistaken for the province's total. */
const unitLabel = (u: Unit): string => (u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name);

const reportedLine = (s: UnitStatus): Html => {
  const r = s.reported;
  if (!r) return html``;
  const corrected = r.revisions > 1 ? `, ${correctedTimes(r.revisions)}` : '';
  const marks = [r.late ? '⏰ terlambat' : '', r.noData ? `belum ada data: ${r.noData}` : '', r.verification ? VERIFICATION_MARK[r.verification] : ''].filter((m) => m !== '');
  return html`• ${unitLabel(s.unit)}: ${formatDateTime(r.at, s.unit.zone)} (${r.by}${corrected})${marks.length > 0 ? ` · ${marks.join(' · ')}` : ''}`;
};

const missingLine = (s: UnitStatus): Html =>
  html`• ${unitLabel(s.unit)}${s.lastWeek ? italic(` (terakhir minggu ke-${Number(s.lastWeek.slice(6))} tahun ${s.lastWeek.slice(0, 4)})`) : italic(' (belum pernah melapor)')}`;

/** Counts first, then who reported (with when) and who has not; the caller splits long lists. */
export function statusMessage(input: {
  title: string;
  week: WeekKey;
  zone: Zone;
  statuses: UnitStatus[];
  deadline: Deadline;
  deadlineAt: Date;
  /** Why this week's deadline moved (holidays); empty when it did not. */
  deadlineMovedBecause?: readonly Holiday[] | undefined;
  byProvince?: Array<{ province: Unit; reported: number; total: number }>;
  mixedZones: boolean;
}): Html {
  const reported = input.statuses.filter((s) => s.reported);
  const missing = input.statuses.filter((s) => !s.reported);
  const late = reported.filter((s) => s.reported?.late).length;
  const noData = reported.filter((s) => s.reported?.noData).length;
  const awaiting = reported.filter((s) => s.reported?.verification === 'pending').length;
  const returned = reported.filter((s) => s.reported?.verification === 'returned').length;
  const details = [late > 0 ? `${late} terlambat` : '', noData > 0 ? `${noData} belum ada data` : '', awaiting > 0 ? `${awaiting} menunggu verifikasi` : '', returned > 0 ? `${returned} dikembalikan` : ''].filter((d) => d !== '');
  return lines(
    bold(`Status laporan ${formatWeek(input.week, input.zone)}`),
    html`${input.title}: ${bold(`${reported.length} dari ${input.statuses.length}`)} unit telah melapor${details.length > 0 ? ` (${details.join(', ')})` : ''}, ${missing.length} belum.`,
    input.mixedZones
      ? html`Batas waktu: ${formatDeadline(input.deadline)} waktu setempat tiap daerah.`
      : html`Batas waktu: ${formatDateTime(input.deadlineAt, input.zone)}${movedBecause(input.deadlineMovedBecause ?? [])}.`,
    ...(input.byProvince
      ? ['', bold('Per provinsi'), ...input.byProvince.map((p) => html`• ${p.province.baseName}: ${p.reported}/${p.total}`)]
      : []),
    '',
    bold(`Sudah melapor (${reported.length})`),
    ...(reported.length > 0 ? reported.map(reportedLine) : [italic('Belum ada.')]),
    '',
    bold(`Belum melapor (${missing.length})`),
    ...(missing.length > 0 ? missing.map(missingLine) : [italic('Semua unit telah melapor. Terima kasih.')]),
  );
}
