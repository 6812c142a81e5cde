import { Composer } from 'telegraf';
import { canQuery, NATIONAL, ownScope, type Access } from '../domain/access.js';
import type { Unit } from '../domain/regions/directory.js';
import { noAccessAnswer, outOfScopeMessage } from '../messages/access.js';
import { notRegisteredMessage } from '../messages/common.js';
import { staleChoiceMessage } from '../messages/coverage.js';
import type { Html } from '../messages/html.js';
import { isRegistered } from './access.js';
import { pressedData } from './callback-data.js';
import type { BotContext } from './context.js';
import type { BotDeps } from './deps.js';
import { editOrReplyHtml, replyHtml } from './reply.js';
import { resolveUnit } from './resolve-unit.js';

const PICK = 'u';

/**
 * A command that asks about one region (`/cakupan Pangkalpinang`, `/status Babel`): the name is resolved within the
 * person's scope, an ambiguous or mistyped one is answered with buttons `<feature>:u:<code>`, and every press is
 * checked again (callback data can be forged). Strangers are told how access is granted.
 */
export function regionCommand(
  deps: Pick<BotDeps, 'regions' | 'sleep'>,
  spec: {
    commands: string[];
    feature: string;
    view: (target: Unit | 'national') => Promise<Html>;
    /** What a command without a name answers, from the person's own scope (their unit or province, if any). */
    withoutName: (own: Unit | undefined, access: Access) => Promise<Html>;
  },
): Composer<BotContext> {
  const registered = new Composer<BotContext>();
  registered.command(spec.commands, async (ctx) => {
    const query = ctx.payload.trim();
    const access = ctx.access;
    if (query === '') {
      const own = ownScope(access);
      const unit = own === undefined || own === NATIONAL ? undefined : deps.regions.get(own);
      return replyHtml(ctx, await spec.withoutName(unit, access), deps.sleep);
    }
    const answer = resolveUnit(deps.regions, query, (code) => canQuery(access, code), { feature: spec.feature, action: PICK });
    if (answer.kind === 'ask') return replyHtml(ctx, answer.message, deps.sleep, { buttons: answer.buttons });
    await replyHtml(ctx, await spec.view(answer.kind === 'national' ? 'national' : answer.unit), deps.sleep);
  });
  registered.action(new RegExp(`^${spec.feature}:`), async (ctx) => {
    const data = pressedData(ctx);
    const unit = data?.action === PICK ? deps.regions.get(data.arg) : undefined;
    if (!unit) {
      await ctx.answerCbQuery();
      return replyHtml(ctx, staleChoiceMessage(), deps.sleep);
    }
    if (!canQuery(ctx.access, unit.code)) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      return replyHtml(ctx, outOfScopeMessage(unit.name), deps.sleep);
    }
    await ctx.answerCbQuery();
    await editOrReplyHtml(ctx, await spec.view(unit), deps.sleep);
  });

  const refused = new Composer<BotContext>();
  refused.command(spec.commands, (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  refused.action(new RegExp(`^${spec.feature}:`), (ctx) => ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));

  // Checked on every update, buttons included. Each branch passes on what it does not handle.
  return new Composer<BotContext>(Composer.branch(isRegistered, registered, refused));
}
