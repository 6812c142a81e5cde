import type { MiddlewareFn } from 'telegraf';
import { createTokenBuckets } from '../domain/token-bucket.js';
import { slowDownMessage } from '../messages/common.js';
import type { BotContext } from './context.js';

export interface RateLimitOptions {
  burst: number;
  perMinute: number;
  clock: () => Date;
}

/**
 * A token bucket per person: `burst` messages at once, then `perMinute`. Past that the person is told once, politely,
 * to slow down, and further updates are dropped until the bucket refills: no crash, and no flood of replies.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareFn<BotContext> {
  const buckets = createTokenBuckets({ burst: options.burst, refillPerMs: options.perMinute / 60_000 });
  const warned = new Set<number>();
  return async (ctx, next) => {
    const id = ctx.from?.id;
    if (id === undefined) return next();
    const now = options.clock().getTime();
    if (buckets.take(id, now)) {
      warned.delete(id);
      return next();
    }
    if (ctx.callbackQuery) {
      await ctx.answerCbQuery(slowDownMessage().text.replace(/<[^>]+>/g, ''));
      return;
    }
    if (!warned.has(id) && ctx.chat?.type === 'private') {
      warned.add(id);
      await ctx.reply(slowDownMessage().text, { parse_mode: 'HTML' });
    }
  };
}
