import { ageInDays, dateOfKey, isOverdue, type FollowupItem } from '../domain/followups.js';
import { FOLLOWUP_SHEET, FOLLOWUP_STATUS_LABELS } from '../messages/followups.js';

/** One cell of the sheet, as plain data: the workbook writer gives dates and numbers their formats. */
export type FollowupCell = string | number | Date | null;

export interface FollowupSheet {
  sheet: string;
  header: string[];
  rows: FollowupCell[][];
}

/**
 * The rekap's sheet "Tindak Lanjut" (and the session pack's closing slide) from plain data: one row per unit's item,
 * open ones first (overdue first, then by due date), closed ones after. Pure: the caller names units and sessions.
 */
export function followupSheet(
  items: readonly FollowupItem[],
  o: { now: Date; unitOf: (code: string) => { name: string; iana: string }; sessionOf: (meetingId: string) => string },
): FollowupSheet {
  const rank = (i: FollowupItem): number => (i.closed ? 2 : isOverdue(i, o.now, o.unitOf(i.unitCode).iana) ? 0 : 1);
  const sorted = [...items].sort((a, b) => rank(a) - rank(b) || a.due.localeCompare(b.due) || a.unitCode.localeCompare(b.unitCode) || a.n - b.n);
  const rows = sorted.map((i, k): FollowupCell[] => {
    const unit = o.unitOf(i.unitCode);
    const last = i.updates.at(-1);
    // A calendar day: midnight UTC, which a spreadsheet shows as that day whatever its own zone.
    const due = dateOfKey(i.due);
    return [
      k + 1,
      i.unitCode,
      unit.name,
      i.what,
      i.figure ?? null,
      o.sessionOf(i.meetingId),
      new Date(Date.UTC(due.year, due.month - 1, due.day)),
      FOLLOWUP_STATUS_LABELS[i.status],
      isOverdue(i, o.now, unit.iana) ? FOLLOWUP_SHEET.yes : FOLLOWUP_SHEET.no,
      ageInDays(i, o.now),
      last?.by.name ?? null,
      last ? new Date(last.at) : null,
      last?.note ?? null,
      last?.document?.fileName ?? null,
      i.closed ? FOLLOWUP_SHEET.yes : FOLLOWUP_SHEET.no,
    ];
  });
  return { sheet: FOLLOWUP_SHEET.sheet, header: [...FOLLOWUP_SHEET.header], rows };
}
