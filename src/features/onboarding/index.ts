import { Composer } from 'telegraf';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { replyHtml } from '../../bot/reply.js';
import { helpMessage, startMessage } from '../../messages/common.js';

/** /start and /help (/bantuan): what the bot is and what this person may do. */
export function onboardingFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.start(async (ctx) => {
    await replyHtml(ctx, startMessage(ctx.access, ctx.from.id, ctx.from.first_name), deps.sleep);
  });
  feature.command(['help', 'bantuan'], async (ctx) => {
    await replyHtml(ctx, helpMessage(ctx.access, ctx.from.id), deps.sleep);
  });
  return feature;
}
