import type { MiddlewareFn } from 'telegraf';
import type { Outbox } from '../outbox/outbox.js';
import type { BotContext } from './context.js';
import type { DeferReply } from './reply.js';

/**
 * Lets replies of this update fall back to the outbox (see askHtml). Each deferred reply is one item, numbered within
 * its update, so a redelivered update adds none; a chat with a deferred reply still waiting gets its later replies
 * through the outbox too, behind it, so that it reads them in order.
 */
export function deferRepliesTo(outbox: Pick<Outbox, 'enqueue' | 'hasPending'>): MiddlewareFn<BotContext> {
  const prefix = (chatId: number): string => `reply-${chatId}-`;
  return (ctx, next) => {
    let deferred = 0;
    const defer: DeferReply = {
      waiting: (chatId) => outbox.hasPending(prefix(chatId), chatId),
      send: async (chatId, parts, buttons) => {
        await outbox.enqueue({
          id: `${prefix(chatId)}${ctx.update.update_id}-${deferred++}`,
          kind: 'notice',
          title: `reply ${ctx.update.update_id}`,
          bodies: { default: { format: 'html', text: parts.join('\n') } },
          ...(buttons ? { buttons: buttons.map((row) => row.flatMap((b) => ('callback_data' in b ? [{ text: b.text, callback_data: b.callback_data }] : []))) } : {}),
          recipients: [{ chatId, variant: 'default' }],
        });
      },
    };
    (ctx.state as { deferReply?: DeferReply }).deferReply = defer;
    return next();
  };
}
