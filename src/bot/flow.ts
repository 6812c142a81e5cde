import type { MiddlewareFn } from 'telegraf';
import { flowExpiredMessage, flowOutdatedMessage } from '../messages/common.js';
import { FLOW_STATE_VERSION, readSession, restartCommandOf } from '../flows/state.js';
import type { BotContext, Flow } from './context.js';
import type { BotDeps } from './deps.js';
import { replyHtml } from './reply.js';

/** How many recent update ids a flow remembers to recognise a redelivery. */
const SEEN_UPDATES_KEPT = 20;
/** Telegram keeps an unconfirmed update for 24 hours: a redelivery comes within that. */
const REDELIVERY_WINDOW_MS = 24 * 3600_000;

export const currentFlow = (ctx: BotContext): Flow | undefined => ctx.session?.flow;

/** Starts or advances a flow; the session is what a restart resumes from. */
export function startFlow(ctx: BotContext, flow: Flow, now: Date): void {
  const seen = [...(ctx.session?.seenUpdates ?? []).filter((id) => id !== ctx.update.update_id), ctx.update.update_id];
  ctx.session = {
    v: FLOW_STATE_VERSION,
    flow,
    startedAt: ctx.session?.startedAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    seenUpdates: seen.slice(-SEEN_UPDATES_KEPT),
  };
}

export function endFlow(ctx: BotContext): void {
  ctx.session = undefined;
}

/** Filter: the chat is private (guided flows run there; group privacy mode hides plain replies). */
export const isPrivate = (ctx: BotContext): boolean => ctx.chat?.type === 'private';

export const isCommand = (ctx: BotContext): boolean => {
  const message = ctx.message;
  return message !== undefined && 'text' in message && message.entities?.[0]?.type === 'bot_command' && message.entities[0].offset === 0;
};


/**
 * Before any feature sees an update of a chat with a flow running: a flow left alone too long is ended with a word to
 * the person (checked first, so an old flow can never make the bot deaf), then an update this flow already handled
 * (Telegram redelivers after a crash) is dropped. A command is never dropped: /batal must always work.
 */
export function guardFlows(deps: Pick<BotDeps, 'clock' | 'flowTimeoutHours' | 'sleep'>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!ctx.session) return next();
    // Read back from disk: checked against this version's schema before any feature trusts it.
    const read = readSession(ctx.session);
    if (!read.ok) {
      endFlow(ctx);
      await replyHtml(ctx, flowOutdatedMessage(restartCommandOf(read.flowName)), deps.sleep);
      return isCommand(ctx) ? next() : undefined;
    }
    const session = read.session;
    ctx.session = session;
    const idleMs = deps.clock().getTime() - new Date(session.updatedAt).getTime();
    if (!(idleMs <= deps.flowTimeoutHours * 3600_000)) {
      endFlow(ctx);
      await replyHtml(ctx, flowExpiredMessage(deps.flowTimeoutHours), deps.sleep);
      return next();
    }
    const redelivered = idleMs <= REDELIVERY_WINDOW_MS && session.seenUpdates.includes(ctx.update.update_id);
    if (redelivered && !isCommand(ctx)) return;
    return next();
  };
}
