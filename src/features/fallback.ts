import { Composer } from 'telegraf';
import type { BotContext } from '../bot/context.js';
import type { BotDeps } from '../bot/deps.js';
import { replyHtml } from '../bot/reply.js';
import { plainTextHintMessage, unknownCommandMessage } from '../messages/common.js';

/** Last in line: input no feature took. In groups only commands addressed to the bot get an answer. */
export function fallbackFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('text', async (ctx) => {
    const text = ctx.message.text;
    const isPrivate = ctx.chat.type === 'private';
    if (text.startsWith('/')) {
      const target = /^\/[A-Za-z0-9_]+@([A-Za-z0-9_]+)/.exec(text)?.[1];
      if (!isPrivate && target !== undefined && target.toLowerCase() !== ctx.botInfo.username.toLowerCase()) return;
      if (!isPrivate && target === undefined) return;
      await replyHtml(ctx, unknownCommandMessage(), deps.sleep);
    } else if (isPrivate) {
      await replyHtml(ctx, plainTextHintMessage(), deps.sleep);
    }
  });
  feature.on('callback_query', async (ctx) => {
    // A button from an old message or a forged one: acknowledge so the client stops waiting.
    await ctx.answerCbQuery('Mohon maaf, tombol ini sudah tidak berlaku.');
  });
  return feature;
}
