import type { MiddlewareFn } from 'telegraf';
import type { Outbox } from '../outbox/outbox.js';
import type { BotContext } from './context.js';
import type { DeferReply } from './reply.js';

/** Lets replies of this update fall back to the outbox (see askHtml): one item per update, so a redelivery adds none. */
export function deferRepliesTo(outbox: Pick<Outbox, 'enqueue'>): MiddlewareFn<BotContext> {
  const defer: DeferReply = async (chatId, updateId, parts, buttons) => {
    await outbox.enqueue({
      id: `reply-${chatId}-${updateId}`,
      kind: 'notice',
      title: `reply ${updateId}`,
      bodies: { default: { format: 'html', text: parts.join('\n') } },
      ...(buttons ? { buttons: buttons.map((row) => row.flatMap((b) => ('callback_data' in b ? [{ text: b.text, callback_data: b.callback_data }] : []))) } : {}),
      recipients: [{ chatId, variant: 'default' }],
    });
  };
  return (ctx, next) => {
    (ctx.state as { deferReply?: DeferReply }).deferReply = defer;
    return next();
  };
}
