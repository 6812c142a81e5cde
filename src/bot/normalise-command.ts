import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from './context.js';

/**
 * Phones with caps lock send `/CAKUPAN Pangkalpinang`; Telegram's own command matching is case-sensitive and so is
 * telegraf's. The command word (not its `@BotName` suffix, which telegraf compares without case, nor the payload) is
 * lowered before any feature sees the message.
 */
export function normaliseCommand(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const message = ctx.message;
    if (message && 'text' in message) {
      const entity = message.entities?.[0];
      if (entity?.type === 'bot_command' && entity.offset === 0) {
        const head = message.text.slice(0, entity.length);
        const at = head.indexOf('@');
        const word = at < 0 ? head : head.slice(0, at);
        if (word !== word.toLowerCase()) {
          message.text = word.toLowerCase() + message.text.slice(word.length);
        }
      }
    }
    return next();
  };
}
