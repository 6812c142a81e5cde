import { dueReminderPoint } from '../domain/followups.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { followupReminderMessage, followupReminderTitle } from '../messages/followups.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Store } from '../store/store.js';
import { unitChats } from '../queries/recipients.js';

/**
 * Follow-up reminders: three days and one day before an item's due date and the day after it (09.00 in its unit's
 * zone), to the unit's staff and linked groups, only while the item is not done. Each point is one outbox item whose
 * id names the follow-up item and the point, so a tick that runs twice, or after a restart, sends it once.
 */
export function followupJob(o: { store: Store; regions: RegionDirectory; outbox: Outbox }) {
  return async (now: Date): Promise<void> => {
    for (const item of o.store.followups.all()) {
      const unit = o.regions.get(item.unitCode);
      if (!unit) continue;
      const point = dueReminderPoint(item, now, unit.zone.iana);
      if (!point) continue;
      const id = `tl-${item.id}-${point.label}`;
      if (o.store.outbox.has(id)) continue;
      const name = unit.kind === 'provinsi' ? `Pemerintah ${unit.name}` : unit.name;
      const session = o.store.meetings.get(item.meetingId)?.title ?? '';
      const text = followupReminderMessage({ item, unit: name, overdue: point.label === 'h+1' }, session, point.label).text;
      await o.outbox.enqueue({
        id,
        kind: 'reminder',
        title: followupReminderTitle(item.what),
        bodies: { [unit.code]: { format: 'html', text } },
        recipients: unitChats(o.store, unit.code, ['staff']).map((chatId) => ({ chatId, variant: unit.code })),
      });
    }
  };
}
