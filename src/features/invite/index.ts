import { Composer } from 'telegraf';
import { actorOf } from '../../bot/actor.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { isPrivate } from '../../bot/flow.js';
import { applyStep, guidedFlow } from '../../bot/guided-flow.js';
import { replyHtml } from '../../bot/reply.js';
import { INVITE_FEATURE, inviteStep, startInvite, type InviteEffect, type InviteFacts, type InviteState } from '../../flows/invite.js';
import type { Reply } from '../../flows/step.js';
import { privateOnlyMessage } from '../../messages/access.js';
import { issueInvite } from './issue.js';

/**
 * /invite (/undang): an admin or coordinator picks a role and a unit or scope, and gets a single-use, expiring
 * https://t.me/<bot>?start=<code> link. Only a hash of the code is stored. The rules are flows/invite.ts.
 */
export function inviteFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const facts = (ctx: BotContext): InviteFacts => ({ access: ctx.access, regions: deps.regions });
  const perform = async (ctx: BotContext, effect: InviteEffect): Promise<Reply[]> => [
    { message: await issueInvite(ctx, deps, { role: effect.role, scope: effect.scope, by: actorOf(ctx), at: deps.clock() }) },
  ];

  feature.command(['invite', 'undang'], async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    await applyStep(ctx, deps, startInvite(facts(ctx)), (effect) => perform(ctx, effect));
  });
  feature.use(guidedFlow<InviteState, InviteEffect, InviteFacts>(deps, { name: 'invite', feature: INVITE_FEATURE, facts, step: inviteStep, perform }));
  return feature;
}
