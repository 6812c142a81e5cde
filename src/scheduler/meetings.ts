import { dueOffset, type Offset } from '../domain/durations.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
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
import { meetingAudience, roleOf } from './recipients.js';

const DAY_MS = 24 * 3600_000;

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
 * Reminders before each session (at the latest due offset, only before it starts, keyed by the session's version so a
 * reschedule starts afresh) and, the day before, a readiness note to the organiser listing the units that have not
 * reported this week.
 */
export function meetingJob(o: { store: Store; regions: RegionDirectory; outbox: Outbox; offsets: readonly Offset[]; adminIds: readonly number[] }) {
  return async (now: Date): Promise<void> => {
    for (const m of o.store.meetings.all()) {
      const start = Date.parse(m.startsAt);
      if (m.status !== 'scheduled' || now.getTime() >= start) continue;
      const due = dueOffset(o.offsets, start, now.getTime());
      const reminderId = due ? `rem-${m.id}-v${m.version}-${due.label}` : undefined;
      if (due && reminderId && !o.store.outbox.has(reminderId)) {
        const { recipients } = meetingAudience(o.store, o.regions, m);
        const parties = meetingParties(o.store, o.regions, o.adminIds, m);
        const bodies: Record<string, MessageBody> = {};
        for (const label of new Set(recipients.map((r) => r.variant))) {
          bodies[label] = { format: 'html', text: reminderMessage(m, zoneNamed(label), parties).text };
        }
        await o.outbox.enqueue({
          id: reminderId,
          kind: 'reminder',
          title: meetingText.reminderTitle(m.title),
          bodies,
          buttons: attendanceButtons(m),
          recipients,
          expiresAt: new Date(start),
          countdownTo: new Date(start),
        });
      }
      const readinessId = `rdy-${m.id}-v${m.version}`;
      if (now.getTime() >= start - DAY_MS && !o.store.outbox.has(readinessId)) {
        const { units } = meetingAudience(o.store, o.regions, m);
        const missing = [];
        for (const u of units) if (!(await o.store.reports.get(u.code, weekOf(now, u.zone.iana)))) missing.push(u);
        const zone = zoneNamed(m.zone);
        await o.outbox.enqueue({
          id: readinessId,
          kind: 'readiness',
          title: meetingText.readinessTitle(m.title),
          bodies: { default: { format: 'html', text: readinessMessage(m, zone, missing, units.length).text } },
          recipients: [{ chatId: m.organiserChatId, variant: 'default' }],
          expiresAt: new Date(start),
        });
      }
    }
  };
}
