import { Composer } from 'telegraf';
import { canQuery, NATIONAL, ownScope } from '../../domain/access.js';
import type { Unit } from '../../domain/regions/directory.js';
import { isRegistered } from '../../bot/access.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { editOrReplyHtml, replyHtml, type ReplyOptions } from '../../bot/reply.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import { noAccessAnswer, outOfScopeMessage } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { coverageUsageMessage, staleChoiceMessage, storeUnreadableMessage } from '../../messages/coverage.js';
import type { Html } from '../../messages/html.js';
import { StoreError } from '../../store/errors.js';
import { coverageView, nationalView } from './views.js';

const FEATURE = 'cov';
const PICK = 'u';

/** /coverage (/cakupan): latest figures for a kab/kota, a province or the nation, within the person's scope. */
export function coverageFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const view = async (target: Unit | 'national'): Promise<Html> => {
    try {
      return target === 'national'
        ? await nationalView(deps.store, deps.regions, deps.clock())
        : await coverageView(deps.store, deps.regions, target, deps.clock());
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      deps.logger.error('coverage data unreadable', { error: e });
      return storeUnreadableMessage();
    }
  };

  const answer = async (ctx: BotContext, query: string): Promise<{ message: Html } & ReplyOptions> => {
    const access = ctx.access;
    if (query === '') {
      // Without a name: the person's own unit or province; usage for national roles.
      const own = ownScope(access);
      const unit = own === undefined || own === NATIONAL ? undefined : deps.regions.get(own);
      return { message: unit ? await view(unit) : coverageUsageMessage() };
    }
    const resolved = resolveUnit(deps.regions, query, (code) => canQuery(access, code), { feature: FEATURE, action: PICK });
    if (resolved.kind === 'ask') return { message: resolved.message, buttons: resolved.buttons };
    return { message: await view(resolved.kind === 'national' ? 'national' : resolved.unit) };
  };

  const registered = new Composer<BotContext>();
  registered.command(['coverage', 'cakupan'], async (ctx) => {
    const { message, buttons } = await answer(ctx, ctx.payload.trim());
    await replyHtml(ctx, message, deps.sleep, { buttons });
  });

  registered.action(/^cov:/, async (ctx) => {
    const data = pressedData(ctx);
    // Callback data can be forged: only a real unit code, inside the presser's scope, is acted on.
    const unit = data?.action === PICK ? deps.regions.get(data.arg) : undefined;
    if (!unit) {
      await ctx.answerCbQuery();
      await replyHtml(ctx, staleChoiceMessage(), deps.sleep);
      return;
    }
    if (!canQuery(ctx.access, unit.code)) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      await replyHtml(ctx, outOfScopeMessage(unit.name), deps.sleep);
      return;
    }
    await ctx.answerCbQuery();
    await editOrReplyHtml(ctx, await view(unit), deps.sleep);
  });

  // Everyone else is told, politely, how access is granted: for commands and forged buttons alike.
  const refused = new Composer<BotContext>();
  refused.command(['coverage', 'cakupan'], async (ctx) => {
    await replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
  });
  refused.action(/^cov:/, async (ctx) => {
    await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
  });

  // Checked on every update, buttons included. Each branch passes on what it does not handle.
  feature.use(Composer.branch(isRegistered, registered, refused));
  return feature;
}
