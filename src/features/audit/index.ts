import { Composer } from 'telegraf';
import { canReadAudit } from '../../domain/access.js';
import { isCoordinator } from '../../bot/access.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { isPrivate } from '../../bot/flow.js';
import { replyHtml } from '../../bot/reply.js';
import { auditMessage, notAllowedMessage, privateOnlyMessage } from '../../messages/access.js';

const SHOWN = 20;
/** How far back to look for entries in a coordinator's scope. */
const SCANNED = 2000;

/** /audit: the newest entries of the audit trail; coordinators see what concerns their scope. Nothing deletes it. */
export function auditFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('audit', async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    if (!isCoordinator(ctx)) return replyHtml(ctx, notAllowedMessage(), deps.sleep);
    const entries = (await deps.store.audit.recent(SCANNED)).filter((e) => canReadAudit(ctx.access, e.unitCode)).slice(0, SHOWN);
    await replyHtml(ctx, auditMessage(entries, deps.regions), deps.sleep);
  });
  return feature;
}
