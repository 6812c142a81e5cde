import { dueOffset, type Offset } from '../domain/durations.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { formatWeekShort } from '../domain/format.js';
import { ZONE_IANA } from '../domain/when.js';
import { weekOf } from '../domain/weeks.js';
import type { Zone, ZoneLabel } from '../domain/zones.js';
import { ATTENDANCE_CODES, ATTENDANCE_STATUSES } from '../domain/attendance.js';
import { personWithRole } from '../messages/access.js';
import { audienceLabel } from '../messages/broadcast.js';
import { ATTENDANCE_LABELS, readinessMessage, reminderMessage, meetingText, type NoticeParties } from '../messages/meetings.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Meeting, MessageBody } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { ReadSide } from '../queries/read-side.js';
import { meetingAudience, roleOf } from '../queries/recipients.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDone, isOverdue } from '../domain/followups.js';
import { readinessFollowupLines, type ItemView } from '../messages/followups.js';
import type { FilePart } from '../store/schema.js';
import { meetingIcs, meetingIcsName } from '../rekap/ics.js';


export const zoneNamed = (label: ZoneLabel): Zone => ({ label, iana: ZONE_IANA[label] });

/** The attendance buttons under every reminder: the press is checked and recorded by the sessions feature. */
export const attendanceButtons = (m: Meeting) => [
  ATTENDANCE_STATUSES.map((s) => ({ text: ATTENDANCE_LABELS[s], callback_data: `att:${m.id}:${ATTENDANCE_CODES[s]}` })),
];

/** A session's audience, named within its organiser's scope, and its organiser with role and unit. */
export const meetingParties = (store: Store, regions: RegionDirectory, adminIds: readonly number[], m: Meeting): NoticeParties => ({
  audience: audienceLabel(m.audience, regions, m.scope),
  organiser: personWithRole(m.createdBy.name, roleOf(store, adminIds, m.createdBy.telegramId), regions),
});

/**
 * The session's calendar file (.ics) for this version, written once under the data folder for the outbox to send
 * (and to reuse Telegram's file_id for every further recipient).
 */
export async function meetingIcsPart(store: Store, m: Meeting, organiser: string, now: Date): Promise<FilePart> {
  const folder = `outbox-files/sesi-${m.id}-v${m.version}${m.status === 'cancelled' ? '-batal' : ''}`;
  const filename = meetingIcsName(m);
  await mkdir(join(store.dir, folder), { recursive: true });
  await writeFile(join(store.dir, folder, filename), meetingIcs(m, { now, organiser }));
  return { kind: 'document', path: `${folder}/${filename}`, filename };
}

/** A session's text with its calendar file first, so that the text (and its buttons) comes last. */
export const withIcs = (ics: FilePart, text: string): MessageBody => ({ format: 'files', parts: [ics, { kind: 'html', text }] });

/** The audience's follow-up items still open (from earlier sessions), overdue first, for the readiness note. */
export function openFollowupsOf(store: Store, units: readonly Unit[], now: Date, exceptMeeting: string): ItemView[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  return store.followups
    .all()
    .filter((i) => byCode.has(i.unitCode) && i.meetingId !== exceptMeeting && !isDone(i))
    .map((item): ItemView => {
      const unit = byCode.get(item.unitCode) as Unit;
      return { item, unit: unit.kind === 'provinsi' ? `Pemerintah ${unit.name}` : unit.name, overdue: isOverdue(item, now, unit.zone.iana) };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.item.due.localeCompare(b.item.due) || a.unit.localeCompare(b.unit));
}

/**
 * Reminders before each session (at the latest due offset, only before it starts, keyed by the session's version so a
 * reschedule starts afresh); a unit that has not reported this week is asked, in its reminder, to report before the
 * session. With every reminder the organiser gets a readiness note listing the units still missing.
 */
export function meetingJob(o: { store: Store; readSide: ReadSide; regions: RegionDirectory; outbox: Outbox; offsets: readonly Offset[]; adminIds: readonly number[] }) {
  return async (now: Date): Promise<void> => {
    for (const m of o.store.meetings.all()) {
      const start = Date.parse(m.startsAt);
      if (m.status !== 'scheduled' || now.getTime() >= start) continue;
      const due = dueOffset(o.offsets, start, now.getTime());
      if (!due) continue;
      const reminderId = `rem-${m.id}-v${m.version}-${due.label}`;
      const readinessId = `rdy-${m.id}-v${m.version}-${due.label}`;
      if (o.store.outbox.has(reminderId) && o.store.outbox.has(readinessId)) continue;
      const { units, recipients } = meetingAudience(o.store, o.regions, m);
      const missing: Unit[] = [];
      for (const u of units) if (!(await o.readSide.hasReported(u, weekOf(now, u.zone.iana)))) missing.push(u);
      const notReported = new Set(missing.map((u) => u.code));
      if (!o.store.outbox.has(reminderId)) {
        const parties = meetingParties(o.store, o.regions, o.adminIds, m);
        const ics = await meetingIcsPart(o.store, m, parties.organiser, now);
        // A unit that has not reported this week reads, in its own reminder, that it should report before the session.
        const bodies: Record<string, MessageBody> = {};
        const targets = recipients.map((r) => {
          const variant = notReported.has(r.unit.code) ? `${r.variant}:${r.unit.code}` : r.variant;
          if (!bodies[variant]) {
            const late = notReported.has(r.unit.code) ? { unit: r.unit.kind === 'provinsi' ? `Pemerintah ${r.unit.name}` : r.unit.name, week: formatWeekShort(weekOf(now, r.unit.zone.iana)) } : undefined;
            bodies[variant] = withIcs(ics, reminderMessage(m, zoneNamed(r.variant), parties, late).text);
          }
          return { chatId: r.chatId, variant };
        });
        await o.outbox.enqueue({
          id: reminderId,
          kind: 'reminder',
          title: meetingText.reminderTitle(m.title),
          bodies,
          buttons: attendanceButtons(m),
          recipients: targets,
          expiresAt: new Date(start),
          countdownTo: new Date(start),
        });
      }
      // The organiser's readiness note comes with every reminder, with the units still missing.
      if (!o.store.outbox.has(readinessId)) {
        await o.outbox.enqueue({
          id: readinessId,
          kind: 'readiness',
          title: meetingText.readinessTitle(m.title),
          bodies: { default: { format: 'html', text: readinessMessage(m, zoneNamed(m.zone), missing, units.length, readinessFollowupLines(openFollowupsOf(o.store, units, now, m.id))).text } },
          recipients: [{ chatId: m.organiserChatId, variant: 'default' }],
          expiresAt: new Date(start),
          countdownTo: new Date(start),
        });
      }
    }
  };
}
