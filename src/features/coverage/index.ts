import { Composer, Markup } from 'telegraf';
import type { Resolution, Unit } from '../../domain/regions/directory.js';
import { decodeCallback, encodeCallback } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { editOrReplyHtml, replyHtml, type ReplyOptions } from '../../bot/reply.js';
import { isRegistered } from '../../bot/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import {
  ambiguousMessage,
  coverageUsageMessage,
  notFoundMessage,
  staleChoiceMessage,
  storeUnreadableMessage,
} from '../../messages/coverage.js';
import type { Html } from '../../messages/html.js';
import { StoreError } from '../../store/errors.js';
import { coverageView, nationalView } from './views.js';

const FEATURE = 'cov';

const unitButtons = (units: Unit[]) =>
  units.map((u) => [Markup.button.callback(u.name, encodeCallback(FEATURE, 'u', u.code))]);

/** /coverage (/cakupan): latest figures for a kab/kota, a province or the nation. */
export function coverageFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The answer for one resolution: a message, with buttons when the user has to choose. */
  const answer = async (resolution: Resolution, query: string): Promise<{ message: Html } & ReplyOptions> => {
    try {
      switch (resolution.kind) {
        case 'empty':
          return { message: coverageUsageMessage() };
        case 'national':
          return { message: await nationalView(deps.store, deps.regions, deps.clock()) };
        case 'found':
          return { message: await coverageView(deps.store, deps.regions, resolution.unit, deps.clock()) };
        case 'ambiguous':
          return { message: ambiguousMessage(query, resolution.more), buttons: unitButtons(resolution.candidates) };
        case 'not_found':
          return {
            message: notFoundMessage(query, resolution.suggestions.length > 0),
            buttons: unitButtons(resolution.suggestions),
          };
      }
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      deps.logger.error('coverage data unreadable', { error: e });
      return { message: storeUnreadableMessage() };
    }
  };

  const registered = new Composer<BotContext>();

  registered.command(['coverage', 'cakupan'], async (ctx) => {
    const query = ctx.payload.trim();
    const { message, buttons } = await answer(deps.regions.resolve(query), query);
    await replyHtml(ctx, message, deps.sleep, { buttons });
  });

  registered.action(/^cov:/, async (ctx) => {
    const data = decodeCallback(ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '');
    // Callback data can be forged: only a real unit code (or the national view) is acted on.
    const unit = data?.action === 'u' ? deps.regions.get(data.arg) : undefined;
    await ctx.answerCbQuery();
    if (!unit) {
      await replyHtml(ctx, staleChoiceMessage(), deps.sleep);
      return;
    }
    const { message, buttons } = await answer({ kind: 'found', unit }, '');
    await editOrReplyHtml(ctx, message, deps.sleep, { buttons });
  });

  // Everyone else is told, politely, how access is granted: for commands and forged buttons alike.
  const refused = new Composer<BotContext>();
  refused.command(['coverage', 'cakupan'], async (ctx) => {
    await replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
  });
  refused.action(/^cov:/, async (ctx) => {
    await ctx.answerCbQuery('Mohon maaf, Bapak/Ibu belum memiliki akses.', { show_alert: true });
  });

  // Checked on every update, buttons included. Each branch passes on what it does not handle.
  feature.use(Composer.branch(isRegistered, registered, refused));
  return feature;
}
