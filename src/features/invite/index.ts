import { Composer, Markup } from 'telegraf';
import { canGrant, NATIONAL, validScope, type Role, type Scope } from '../../domain/access.js';
import { actorOf } from '../../bot/actor.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { currentFlow, endFlow, isPrivate, startFlow } from '../../bot/flow.js';
import { replyHtml } from '../../bot/reply.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import {
  coordinatorScopeMessage,
  expiredButtonAnswer,
  inviteAskRoleMessage,
  inviteAskScopeMessage,
  inviteRoleNotUnderstood,
  notAllowedMessage,
  nationalNotForRoleMessage,
  outOfScopeMessage,
  typeAnotherRegionHint,
  parseRole,
  privateOnlyMessage,
  ROLE_CHOICES,
} from '../../messages/access.js';
import { lines } from '../../messages/html.js';
import { issueInvite } from './issue.js';

const FEATURE = 'inv';

/** The roles this person may hand out: admins make coordinators too. */
const grantableRoles = (ctx: BotContext): Role[] =>
  ctx.access.role === 'admin' ? ['coordinator', 'staff', 'viewer'] : ctx.access.role === 'coordinator' ? ['staff', 'viewer'] : [];

/**
 * /invite (/undang): an admin or coordinator picks a role and a unit or scope, and gets a single-use, expiring
 * https://t.me/<bot>?start=<code> link. Only a hash of the code is stored.
 */
export function inviteFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const askRole = async (ctx: BotContext): Promise<void> => {
    const buttons = grantableRoles(ctx).map((role) => [
      Markup.button.callback(ROLE_CHOICES[role], encodeCallback(FEATURE, 'role', role)),
    ]);
    await replyHtml(ctx, inviteAskRoleMessage(), deps.sleep, { buttons });
  };

  const chooseRole = async (ctx: BotContext, role: Role | undefined): Promise<void> => {
    if (!role || !grantableRoles(ctx).includes(role)) {
      await replyHtml(ctx, role ? notAllowedMessage() : inviteRoleNotUnderstood(), deps.sleep);
      return;
    }
    startFlow(ctx, { name: 'invite', step: 'scope', role }, deps.clock());
    await replyHtml(ctx, inviteAskScopeMessage(role), deps.sleep);
  };

  const create = async (ctx: BotContext, role: Role, scope: Scope): Promise<void> => {
    if (!validScope(role, scope)) {
      await replyHtml(
        ctx,
        role === 'coordinator' ? coordinatorScopeMessage() : nationalNotForRoleMessage(),
        deps.sleep,
      );
      return;
    }
    if (!canGrant(ctx.access, role, scope)) {
      await replyHtml(ctx, lines(outOfScopeMessage(scope === NATIONAL ? 'cakupan nasional' : (deps.regions.get(scope)?.name ?? scope)), typeAnotherRegionHint()), deps.sleep);
      return;
    }
    endFlow(ctx);
    await issueInvite(ctx, deps, { role, scope, by: actorOf(ctx), at: deps.clock() });
  };

  const chooseScope = async (ctx: BotContext, role: Role, query: string): Promise<void> => {
    // A unit the role cannot hold is let through, so that create() explains the rule instead of "out of scope".
    const answer = resolveUnit(
      deps.regions,
      query,
      (code) => canGrant(ctx.access, role, code) || !validScope(role, code),
      { feature: FEATURE, action: 'unit' },
      typeAnotherRegionHint(),
    );
    if (answer.kind === 'ask') await replyHtml(ctx, answer.message, deps.sleep, { buttons: answer.buttons });
    else await create(ctx, role, answer.kind === 'national' ? NATIONAL : answer.unit.code);
  };

  feature.command(['invite', 'undang'], async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    if (grantableRoles(ctx).length === 0) return replyHtml(ctx, notAllowedMessage(), deps.sleep);
    startFlow(ctx, { name: 'invite', step: 'role' }, deps.clock());
    await askRole(ctx);
  });

  feature.action(/^inv:/, async (ctx) => {
    const data = pressedData(ctx);
    const flow = currentFlow(ctx);
    const role = data?.action === 'role' && flow?.name === 'invite' && flow.step === 'role' ? parseRole(data.arg) : undefined;
    const unit =
      data?.action === 'unit' && flow?.name === 'invite' && flow.step === 'scope' ? deps.regions.get(data.arg) : undefined;
    // A button from a finished flow, or forged data: nothing changes.
    if ((!role && !unit) || grantableRoles(ctx).length === 0) {
      await ctx.answerCbQuery(expiredButtonAnswer);
      return;
    }
    await ctx.answerCbQuery();
    if (role) return chooseRole(ctx, role);
    if (unit && flow?.name === 'invite' && flow.step === 'scope') return create(ctx, flow.role, unit.code);
  });

  feature.on('text', async (ctx, next) => {
    const flow = currentFlow(ctx);
    if (flow?.name !== 'invite' || !isPrivate(ctx) || ctx.message.text.startsWith('/')) return next();
    if (flow.step === 'role') return chooseRole(ctx, parseRole(ctx.message.text));
    return chooseScope(ctx, flow.role, ctx.message.text);
  });

  return feature;
}
