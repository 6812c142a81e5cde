import { Composer } from 'telegraf';
import { createTokenBuckets } from '../domain/token-bucket.js';
import type { BotContext } from '../bot/context.js';
import type { BotDeps } from '../bot/deps.js';
import { currentFlow } from '../bot/flow.js';
import { nonTextKind } from '../bot/non-text.js';
import { replyHtml } from '../bot/reply.js';
import { expiredButtonAnswer } from '../messages/access.js';
import {
  editedMessageHint,
  nonTextAnswerMessage,
  nonTextHintMessage,
  plainTextHintMessage,
  unknownCommandMessage,
} from '../messages/common.js';

/** A sticker storm gets one pointer to /bantuan per person in this long, not a storm of replies. */
export const NON_TEXT_HINT_INTERVAL_MS = 5 * 60_000;

/** Last in line: input no feature took. In groups only commands addressed to the bot get an answer. */
export function fallbackFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const hints = createTokenBuckets({ burst: 1, refillPerMs: 1 / NON_TEXT_HINT_INTERVAL_MS });
  /** True at most once per person per interval. */
  const mayHint = (ctx: BotContext): boolean => ctx.from !== undefined && hints.take(ctx.from.id, deps.clock().getTime());

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
  feature.on('message', async (ctx) => {
    const kind = nonTextKind(ctx);
    if (kind === undefined || ctx.chat.type !== 'private') return;
    // In a flow the person is answering a question: always say why this answer cannot be read.
    if (currentFlow(ctx)) return replyHtml(ctx, nonTextAnswerMessage(kind), deps.sleep);
    if (mayHint(ctx)) await replyHtml(ctx, nonTextHintMessage(kind), deps.sleep);
  });
  feature.on('edited_message', async (ctx) => {
    if (ctx.chat.type !== 'private' || !mayHint(ctx)) return;
    await replyHtml(ctx, editedMessageHint(), deps.sleep);
  });
  feature.on('callback_query', async (ctx) => {
    // A button from an old message or a forged one: acknowledge so the client stops waiting.
    await ctx.answerCbQuery(expiredButtonAnswer);
  });
  return feature;
}
