import type { RegionDirectory } from '../domain/regions/directory.js';
import type { Logger } from '../logger.js';
import { awaitingMessage, noticeTitle } from '../messages/verification.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Store } from '../store/store.js';
import { decisionButtons } from './decision-buttons.js';
import { unitsVerifiedBy } from '../domain/verification.js';
import type { ReadSide } from '../queries/read-side.js';
import { verifierChats } from '../queries/recipients.js';

/** Reports arriving within one window go to their coordinators as one notice: a busy Friday is not a flood. */
export const NOTICE_WINDOW_MS = 30 * 60_000;
/** After downtime, windows this old are not noticed any more (the list, /verifikasi, still has them). */
const LOOK_BACK_WINDOWS = 6;

const stamp = (t: number): string => new Date(t).toISOString().slice(0, 16).replace(/[-:]/g, '');

/**
 * Every closed window of NOTICE_WINDOW_MS: the reports that arrived in it and still await verification go to the
 * verifiers of their province (or, for provinces' own reports, the national coordinators) as one outbox item, with
 * ✅ / ↩️ buttons. The item id names the scope and window, so a window is noticed once, also after a restart.
 */
export function verificationNoticeJob(o: { store: Store; readSide: ReadSide; regions: RegionDirectory; outbox: Outbox; logger: Logger }) {
  return async (now: Date): Promise<void> => {
    const lastEnd = Math.floor(now.getTime() / NOTICE_WINDOW_MS) * NOTICE_WINDOW_MS;
    const scopes = ['national', ...o.regions.provinces.map((p) => p.code)];
    for (const scope of scopes) {
      const units = unitsVerifiedBy(o.regions, scope);
      const first = units[0];
      if (!first) continue;
      const chats = verifierChats(o.store, first);
      if (chats.length === 0) continue;
      const windows = Array.from({ length: LOOK_BACK_WINDOWS }, (_, i) => lastEnd - (i + 1) * NOTICE_WINDOW_MS).filter((start) => !o.store.outbox.has(`vfy-${scope}-${stamp(start)}`));
      if (windows.length === 0) continue;
      const awaiting = await o.readSide.awaiting(units, now, 2);
      for (const start of windows) {
        const arrived = awaiting.filter((r) => r.at.getTime() >= start && r.at.getTime() < start + NOTICE_WINDOW_MS);
        if (arrived.length === 0) continue;
        const name = scope === 'national' ? 'nasional' : (o.regions.get(scope)?.name ?? scope);
        await o.outbox.enqueue({
          id: `vfy-${scope}-${stamp(start)}`,
          kind: 'notice',
          title: noticeTitle(name),
          bodies: { default: { format: 'html', text: awaitingMessage(arrived, name, true).text } },
          buttons: decisionButtons(arrived),
          recipients: chats.map((chatId) => ({ chatId, variant: 'default' })),
        });
        o.logger.info('verification notice queued', { scope, reports: arrived.length });
      }
    }
  };
}
