import type { MiddlewareFn } from 'telegraf';
import { flowExpiredMessage } from '../messages/common.js';
import type { BotContext, Flow } from './context.js';
import type { BotDeps } from './deps.js';
import { replyHtml } from './reply.js';

export const currentFlow = (ctx: BotContext): Flow | undefined => ctx.session?.flow;

/** Starts or advances a flow; the session is what a restart resumes from. */
export function startFlow(ctx: BotContext, flow: Flow, now: Date): void {
  ctx.session = {
    flow,
    startedAt: ctx.session?.startedAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    lastUpdateId: ctx.update.update_id,
  };
}

export function endFlow(ctx: BotContext): void {
  ctx.session = undefined;
}

/** Filter: the chat is private (guided flows run there; group privacy mode hides plain replies). */
export const isPrivate = (ctx: BotContext): boolean => ctx.chat?.type === 'private';

/**
 * Before any feature sees an update of a chat with a flow running: an update already handled (Telegram redelivers
 * after a crash) is dropped, and a flow left alone too long is ended with a word to the person.
 */
export function guardFlows(deps: Pick<BotDeps, 'clock' | 'flowTimeoutHours' | 'sleep'>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const session = ctx.session;
    if (!session) return next();
    if (ctx.update.update_id <= session.lastUpdateId) return;
    const idleMs = deps.clock().getTime() - new Date(session.updatedAt).getTime();
    if (idleMs > deps.flowTimeoutHours * 3600_000) {
      endFlow(ctx);
      await replyHtml(ctx, flowExpiredMessage(deps.flowTimeoutHours), deps.sleep);
    }
    return next();
  };
}
