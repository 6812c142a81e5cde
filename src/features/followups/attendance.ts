import type { BotDeps } from '../../bot/deps.js';
import type { OutgoingFile } from '../../bot/reply.js';
import { ATTENDANCE_LABELS } from '../../messages/meetings.js';
import { ATTENDANCE_SHEET, attendanceCaption } from '../../messages/followups.js';
import type { Html } from '../../messages/html.js';
import type { AttendanceRow } from '../../rekap/attendance-xlsx.js';
import { meetingAudience } from '../../queries/recipients.js';
import { scopeLabel } from '../../messages/access.js';
import type { Meeting } from '../../store/schema.js';

/** write-excel-file stores a Date as UTC wall time: shifted by WIB's offset, the sheet shows WIB as its header says. */
const WIB_OFFSET_MS = 7 * 3600_000;

/**
 * A session's attendance as XLSX: every answer (Hadir, Diwakilkan, Berhalangan) under its unit, audience units first
 * in their order, then anyone else who answered (a coordinator); then every audience unit nobody answered for.
 */
export async function attendanceExport(deps: Pick<BotDeps, 'store' | 'regions'>, m: Meeting): Promise<OutgoingFile & { caption: Html }> {
  const { units } = meetingAudience(deps.store, deps.regions, m);
  const label = (code: string): string => {
    const u = deps.regions.get(code);
    return u ? (u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name) : scopeLabel(code, deps.regions);
  };
  const order = new Map(units.map((u, i) => [u.code, i]));
  const answers = [...m.attendance].sort((a, b) => (order.get(a.scope) ?? units.length) - (order.get(b.scope) ?? units.length) || a.name.localeCompare(b.name));
  const rows: AttendanceRow[] = answers.map((a) => ({
    code: a.scope,
    unit: label(a.scope),
    answer: ATTENDANCE_LABELS[a.status],
    name: a.name,
    at: new Date(Date.parse(a.at) + WIB_OFFSET_MS),
  }));
  const answered = new Set(m.attendance.map((a) => a.scope));
  const silent = units.filter((u) => !answered.has(u.code));
  for (const u of silent) rows.push({ code: u.code, unit: label(u.code), answer: ATTENDANCE_SHEET.none });
  const { attendanceXlsx } = await import('../../rekap/attendance-xlsx.js');
  const count = (s: 'hadir' | 'diwakilkan' | 'berhalangan') => m.attendance.filter((a) => a.status === s).length;
  return {
    bytes: await attendanceXlsx(rows),
    filename: `kehadiran-${m.startsAt.slice(0, 10)}-${m.id}.xlsx`,
    caption: attendanceCaption(m, { hadir: count('hadir'), diwakilkan: count('diwakilkan'), berhalangan: count('berhalangan'), none: silent.length }),
  };
}
