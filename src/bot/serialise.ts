import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from './context.js';

/**
 * Polling hands telegraf a whole batch at once and it handles them concurrently, so two updates from one chat
 * would race on the same session. This runs one chat's updates one after another, in arrival order.
 */
export function serialisePerChat(): MiddlewareFn<BotContext> {
  const tails = new Map<number, Promise<void>>();
  return async (ctx, next) => {
    const key = ctx.chat?.id ?? ctx.from?.id;
    if (key === undefined) return next();
    const previous = tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    tails.set(key, tail);
    await previous;
    try {
      await next();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
