import { canQuery } from '../../domain/access.js';
import type { BotContext } from '../../bot/context.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotDeps } from '../../bot/deps.js';
import { replyHtml } from '../../bot/reply.js';
import { noAccessAnswer, outOfScopeMessage } from '../../messages/access.js';
import { staleChoiceMessage } from '../../messages/coverage.js';
import type { Html } from '../../messages/html.js';
import type { Scope } from '../../queries/types.js';
import { readPressedScope } from './args.js';

/**
 * The check every scope button of /ekspor, /grafik, /peringkat, /peta and /paparan makes again on its press (callback
 * data can be forged): a press that no longer reads is told so; a scope outside the person's reach is refused. True
 * when the press was refused (and answered).
 */
export const scopePressGuard =
  (deps: Pick<BotDeps, 'sleep'>) =>
  async (ctx: BotContext, scope: Scope | undefined, stale: () => Html = staleChoiceMessage): Promise<boolean> => {
    if (!scope) {
      await ctx.answerCbQuery();
      await replyHtml(ctx, stale(), deps.sleep);
      return true;
    }
    if (canQuery(ctx.access, scope === 'national' ? 'national' : scope.code)) return false;
    await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
    await replyHtml(ctx, outOfScopeMessage(scope === 'national' ? 'data nasional' : scope.name), deps.sleep);
    return true;
  };

/**
 * A scope button's press (`<feature>:u:<scope>~<period>~<rest>`) read again from its data and checked again: refused
 * to strangers, told when it no longer reads, refused outside the person's reach; the press is answered then and
 * undefined returned. The caller answers a press it accepts (with its own "preparing" word, if any).
 */
export const scopePress = (deps: Pick<BotDeps, 'sleep' | 'regions' | 'clock'>) => {
  const refused = scopePressGuard(deps);
  return async (ctx: BotContext, stale?: () => Html): Promise<ReturnType<typeof readPressedScope>> => {
    if (ctx.access.role === 'unknown') {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      return undefined;
    }
    const data = pressedData(ctx);
    const pressed = data?.action === 'u' ? readPressedScope(deps.regions, data.arg, deps.clock()) : undefined;
    if (await refused(ctx, pressed?.scope, stale)) return undefined;
    return pressed;
  };
};
