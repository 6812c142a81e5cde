import { Composer } from 'telegraf';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { currentFlow, endFlow, isPrivate } from '../../bot/flow.js';
import { replyHtml } from '../../bot/reply.js';
import { flowCancelledMessage, noFlowMessage, requestOfferLabel, requestPendingMessage } from '../../messages/access.js';
import { helpMessage, startMessage } from '../../messages/common.js';
import { joinWithInvite } from './join.js';
import { requestAccessButton } from './requests.js';
import { followupMenuButton } from '../followups/index.js';

/** /start (with or without an invite code), /help (/bantuan), and /cancel (/batal) for every guided flow. */
export function onboardingFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.start(async (ctx) => {
    const code = ctx.payload.trim();
    if (code !== '' && isPrivate(ctx)) return joinWithInvite(ctx, code, deps);
    // Telegram refuses a person's own menu until they have opened the chat ("chat not found"): a role granted before
    // that, or the start-up pass that ran before it, left them the stranger's menu. Their first /start sets it.
    if (isPrivate(ctx)) await deps.menus.syncPerson(ctx.from.id);
    const unknown = ctx.access.role === 'unknown';
    const pending = unknown ? deps.store.requests.pendingOf(ctx.from.id) : undefined;
    await replyHtml(ctx, startMessage(ctx.access, ctx.from.id, ctx.from.first_name), deps.sleep, {
      buttons: unknown && isPrivate(ctx) && !pending ? requestAccessButton(requestOfferLabel) : !unknown && isPrivate(ctx) ? followupMenuButton() : undefined,
    });
    if (pending) await replyHtml(ctx, requestPendingMessage(pending, deps.regions), deps.sleep);
  });

  feature.command(['help', 'bantuan'], async (ctx) => {
    await replyHtml(ctx, helpMessage(ctx.access, ctx.from.id), deps.sleep);
  });

  feature.command(['cancel', 'batal'], async (ctx) => {
    if (!currentFlow(ctx)) return replyHtml(ctx, noFlowMessage(), deps.sleep);
    endFlow(ctx);
    await replyHtml(ctx, flowCancelledMessage(), deps.sleep);
  });

  return feature;
}
