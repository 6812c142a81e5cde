import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { actorOf } from '../../bot/actor.js';
import { notifyPeople } from '../../bot/notify.js';
import { replyHtml } from '../../bot/reply.js';
import {
  inviteAdminMessage,
  inviteExpiredMessage,
  inviteUnknownMessage,
  inviterNoticeMessage,
  inviteUsedMessage,
  joinedMessage,
} from '../../messages/access.js';

/** `/start <code>`: joins with an invite. An unknown, used or expired code is explained and changes nothing. */
export async function joinWithInvite(ctx: BotContext, code: string, deps: BotDeps): Promise<void> {
  const now = deps.clock();
  const found = deps.store.invites.lookup(code, now);
  if (found.status === 'unknown') return replyHtml(ctx, inviteUnknownMessage(), deps.sleep);
  if (found.status === 'used') return replyHtml(ctx, inviteUsedMessage(), deps.sleep);
  if (found.status === 'expired') return replyHtml(ctx, inviteExpiredMessage(new Date(found.invite.expiresAt)), deps.sleep);
  if (ctx.access.role === 'admin') return replyHtml(ctx, inviteAdminMessage(), deps.sleep);

  const { invite } = found;
  const from = ctx.from;
  if (!from) return;
  const by = actorOf(ctx);
  if (!(await deps.store.invites.consume(invite, by, now))) return replyHtml(ctx, inviteUsedMessage(), deps.sleep);
  const replaced = await deps.store.users.grant(
    { telegramId: from.id, name: by.name, username: from.username, role: invite.role, scope: invite.scope },
    invite.createdBy,
    now,
  );
  await deps.store.audit.record({
    at: now,
    actor: by,
    action: 'invite.use',
    scope: invite.scope,
    details: { role: invite.role, scope: invite.scope, invitedBy: invite.createdBy.name, target: by.name },
  });
  ctx.access = { role: invite.role, scope: invite.scope };
  await deps.menus.syncPerson(from.id);
  await replyHtml(ctx, joinedMessage(from.first_name, invite.role, invite.scope, deps.regions, replaced !== undefined), deps.sleep);
  if (invite.createdBy.telegramId !== null) {
    const who = { name: by.name, telegramId: from.id, ...(from.username ? { username: from.username } : {}) };
    await notifyPeople(ctx.telegram, deps, [invite.createdBy.telegramId], inviterNoticeMessage(who, invite.role, invite.scope, deps.regions));
  }
}
