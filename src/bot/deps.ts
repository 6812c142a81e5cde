import type { Deadline } from '../domain/deadline.js';
import type { Offset } from '../domain/durations.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Menus } from './menus.js';
import type { Store } from '../store/store.js';
import type { ReadSide } from '../queries/read-side.js';

/** Everything the bot needs, created by main (or a test) and passed in: no singletons. */
export interface BotDeps {
  botToken: string;
  apiRoot: string;
  adminIds: readonly number[];
  inviteTtlDays: number;
  rateLimitBurst: number;
  rateLimitPerMinute: number;
  reportDeadline: Deadline;
  /** Whether figures no coordinator has verified count in province and national totals (marked) or not. */
  unverifiedInTotals: 'count' | 'exclude';
  flowTimeoutHours: number;
  outbox: Outbox;
  /** Each person's command menu, kept to their role. */
  menus: Menus;
  meetingReminders: readonly Offset[];
  store: Store;
  /** Every figure, count and status a view shows: one meaning, computed here (src/queries/). */
  readSide: ReadSide;
  regions: RegionDirectory;
  clock: () => Date;
  logger: Logger;
  /** Waiting out a 429 on a reply; tests pass one that does not wait. */
  sleep: (ms: number) => Promise<void>;
}
