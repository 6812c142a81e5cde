import type { BotContext, Flow } from './context.js';

export const currentFlow = (ctx: BotContext): Flow | undefined => ctx.session?.flow;

export function startFlow(ctx: BotContext, flow: Flow, now: Date): void {
  ctx.session = { flow, startedAt: ctx.session?.startedAt ?? now.toISOString() };
}

export function endFlow(ctx: BotContext): void {
  ctx.session = undefined;
}

/** Filter: the chat is private (guided flows run there; group privacy mode hides plain replies). */
export const isPrivate = (ctx: BotContext): boolean => ctx.chat?.type === 'private';
