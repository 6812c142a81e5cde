import { deadlineOf, type Deadline } from '../domain/deadline.js';
import { firstUncoveredDeadline } from '../domain/holidays.js';
import { WIB } from '../domain/zones.js';
import { calendarGapMessage, calendarGapTitle } from '../messages/holidays.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Store } from '../store/store.js';

/** How far ahead /libur looks for a deadline in a year the calendar does not know. */
export const CALENDAR_WARNING_DAYS = 45;

/**
 * A weekly deadline in a year whose holidays nobody has entered (2027 until its SKB is confirmed) would never move for
 * a holiday: the admins and every coordinator are told once per year, `aheadMs` ahead (CALENDAR_WARNING), so that the
 * decree's days are entered (or its absence is known) before the first such deadline.
 */
export function calendarGapJob(o: { store: Store; outbox: Outbox; deadline: Deadline; adminIds: readonly number[]; aheadMs: number }) {
  return async (now: Date): Promise<void> => {
    const calendar = o.deadline.holidays;
    if (!calendar) return;
    const gap = firstUncoveredDeadline(calendar, now, o.aheadMs / 86_400_000, (week) => deadlineOf(week, WIB.iana, o.deadline), WIB.iana);
    if (!gap) return;
    const id = `calendar-gap-${gap.year}`;
    if (o.store.outbox.has(id)) return;
    const coordinators = o.store.users.active().filter((u) => u.role === 'coordinator').map((u) => u.telegramId);
    const chats = [...new Set([...o.adminIds, ...coordinators])];
    await o.outbox.enqueue({
      id,
      kind: 'notice',
      title: calendarGapTitle(gap.year),
      bodies: { default: { format: 'html', text: calendarGapMessage(gap, WIB).text } },
      recipients: chats.map((chatId) => ({ chatId, variant: 'default' })),
      expiresAt: gap.at,
    });
  };
}
