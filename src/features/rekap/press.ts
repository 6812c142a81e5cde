import { canQuery } from '../../domain/access.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { replyHtml } from '../../bot/reply.js';
import { noAccessAnswer, outOfScopeMessage } from '../../messages/access.js';
import { staleChoiceMessage } from '../../messages/coverage.js';
import type { Html } from '../../messages/html.js';
import type { Scope } from '../../queries/types.js';

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
