import type { Holiday } from '../domain/holidays.js';
import type { Deadline } from '../domain/deadline.js';
import { deadlineFor } from '../domain/deadline.js';
import { dueOffset, type Offset } from '../domain/durations.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { weekOf } from '../domain/weeks.js';
import type { Logger } from '../logger.js';
import { lateReminderMessage, lateReminderTitle } from '../messages/reminders.js';
import type { Outbox, Recipient } from '../outbox/outbox.js';
import type { MessageBody } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { ReadSide } from '../queries/read-side.js';
import { unitChats } from '../queries/recipients.js';

export interface SchedulerOptions {
  clock: () => Date;
  store: Store;
  readSide: ReadSide;
  regions: RegionDirectory;
  outbox: Outbox;
  reportDeadline: Deadline;
  lateReminders: readonly Offset[];
  logger: Logger;
  /** Further jobs (sessions) run on the same tick. */
  jobs?: ReadonlyArray<(now: Date) => Promise<void>>;
}

/**
 * One periodic tick reads what is due from the store and hands it to the outbox. Nothing is kept in memory between
 * ticks and no timer is longer than the tick, so a restart loses nothing; every item has an id derived from what it
 * is (week, zone, offset), so a tick that runs twice, or after a restart, never enqueues it twice.
 */
export function createScheduler(o: SchedulerOptions) {
  const zones = new Map<string, Unit[]>();
  for (const unit of o.regions.all) zones.set(unit.zone.iana, [...(zones.get(unit.zone.iana) ?? []), unit]);

  /**
   * Before each zone's weekly deadline: the units that have not reported, at the latest due offset. A province whose
   * deadline moved for a holiday gets its own reminders, at its own deadline.
   */
  async function lateReportReminders(now: Date): Promise<void> {
    for (const [iana, units] of zones) {
      const week = weekOf(now, iana);
      const byDeadline = new Map<string, { at: Date; because: Holiday[]; units: Unit[] }>();
      for (const unit of units) {
        const d = deadlineFor(week, iana, o.reportDeadline, unit.provinceCode);
        // Unmoved deadlines share one item per zone, as before; a moved one is its province's own.
        const key = d.at.getTime() === d.nominal.getTime() ? '' : `-p${unit.provinceCode}`;
        const group = byDeadline.get(key) ?? { at: d.at, because: d.because, units: [] };
        group.units.push(unit);
        byDeadline.set(key, group);
      }
      for (const [key, group] of byDeadline) {
        const due = dueOffset(o.lateReminders, group.at.getTime(), now.getTime());
        if (!due) continue;
        const id = `late-${week}-${iana.replace(/\//g, '_')}${key}-${due.label}`;
        if (o.store.outbox.has(id)) continue;
        const bodies: Record<string, MessageBody> = {};
        const recipients: Recipient[] = [];
        for (const unit of group.units) {
          if (await o.readSide.hasReported(unit, week)) continue;
          const chats = unitChats(o.store, unit.code, ['staff']);
          if (chats.length === 0) continue;
          bodies[unit.code] = { format: 'html', text: lateReminderMessage(unit, week, group.at, group.because).text };
          for (const chatId of chats) recipients.push({ chatId, variant: unit.code });
        }
        await o.outbox.enqueue({ id, kind: 'late', title: lateReminderTitle(week, iana), bodies, recipients, expiresAt: group.at });
      }
    }
  }

  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function tick(): Promise<void> {
    const now = o.clock();
    try {
      await lateReportReminders(now);
      for (const job of o.jobs ?? []) await job(now);
    } catch (error) {
      o.logger.error('scheduler tick failed', { error });
    }
    o.outbox.poke();
  }

  return {
    tick,
    /** Ticks every `everyMs` (a short interval; never a long timer), one tick at a time. */
    start(everyMs: number): void {
      if (timer) return;
      const run = (): void => {
        if (running) return;
        running = tick().finally(() => {
          running = undefined;
        });
      };
      run();
      timer = setInterval(run, everyMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
