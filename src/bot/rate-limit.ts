import type { MiddlewareFn } from 'telegraf';
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
  const buckets = new Map<number, { tokens: number; at: number; warned: boolean }>();
  const refillPerMs = options.perMinute / 60_000;
  return async (ctx, next) => {
    const id = ctx.from?.id;
    if (id === undefined) return next();
    const now = options.clock().getTime();
    const bucket = buckets.get(id) ?? { tokens: options.burst, at: now, warned: false };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    buckets.set(id, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      return next();
    }
    if (ctx.callbackQuery) {
      await ctx.answerCbQuery(slowDownMessage().text.replace(/<[^>]+>/g, ''));
      return;
    }
    if (!bucket.warned && ctx.chat?.type === 'private') {
      bucket.warned = true;
      await ctx.reply(slowDownMessage().text, { parse_mode: 'HTML' });
    }
  };
}
