import { Composer, Markup } from 'telegraf';
import { canManage, covers, type Access } from '../../domain/access.js';
import { actorOf } from '../../bot/actor.js';
import { isCoordinator } from '../../bot/access.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { isPrivate } from '../../bot/flow.js';
import { notifyPeople } from '../../bot/notify.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import {
  cancelledMessage,
  confirmHandoverMessage,
  confirmRevokeMessage,
  expiredButtonAnswer,
  handoverOnlyStaffMessage,
  noAccessAnswer,
  notAllowedMessage,
  privateOnlyMessage,
  revokedMessage,
  revokedNoticeMessage,
  userCommandUsage,
  userNotFoundMessage,
  usersListMessage,
} from '../../messages/access.js';
import type { User } from '../../store/schema.js';
import { issueInvite } from '../invite/issue.js';

const FEATURE = 'usr';

/** The people a coordinator sees: those whose scope lies inside theirs. Admins see everyone. */
const visibleTo = (access: Access, u: User): boolean =>
  access.role === 'admin' || (access.role === 'coordinator' && covers(access.scope, u.scope));

/**
 * /users (/pengguna) lists the people in scope; /revoke (/cabut) ends someone's access; /handover (/alihkan) hands a
 * unit's reporting seat to a successor: the old staff member loses access, the unit and its history stay, and the
 * coordinator gets an invite for the successor. Both ask for confirmation; the press re-checks everything.
 */
export function usersFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const managers = new Composer<BotContext>();

  /** The person named by the command's argument, if this manager may see them; otherwise says why not. */
  const named = async (ctx: BotContext, text: string, command: string): Promise<User | undefined> => {
    const arg = text.split(/\s+/)[1];
    if (!arg || !/^\d+$/.test(arg)) {
      await replyHtml(ctx, userCommandUsage(command), deps.sleep);
      return undefined;
    }
    const user = deps.store.users.get(Number(arg));
    if (!user || !visibleTo(ctx.access, user)) {
      await replyHtml(ctx, userNotFoundMessage(Number(arg)), deps.sleep);
      return undefined;
    }
    return user;
  };

  const confirmButtons = (action: 'rv' | 'ho', user: User, label: string) => [
    [
      Markup.button.callback(label, encodeCallback(FEATURE, action, String(user.telegramId))),
      Markup.button.callback('Batal', encodeCallback(FEATURE, 'x')),
    ],
  ];

  managers.command(['users', 'pengguna'], async (ctx) => {
    const users = deps.store.users.active().filter((u) => visibleTo(ctx.access, u));
    await replyHtml(ctx, usersListMessage(users, deps.regions), deps.sleep);
  });

  managers.command(['revoke', 'cabut'], async (ctx) => {
    const user = await named(ctx, ctx.message.text, 'cabut');
    if (!user) return;
    if (!canManage(ctx.access, user)) return replyHtml(ctx, notAllowedMessage(), deps.sleep);
    await replyHtml(ctx, confirmRevokeMessage(user, deps.regions), deps.sleep, {
      buttons: confirmButtons('rv', user, 'Ya, cabut akses'),
    });
  });

  managers.command(['handover', 'alihkan'], async (ctx) => {
    const user = await named(ctx, ctx.message.text, 'alihkan');
    if (!user) return;
    if (user.role !== 'staff') return replyHtml(ctx, handoverOnlyStaffMessage(), deps.sleep);
    if (!canManage(ctx.access, user)) return replyHtml(ctx, notAllowedMessage(), deps.sleep);
    await replyHtml(ctx, confirmHandoverMessage(user, deps.regions), deps.sleep, {
      buttons: confirmButtons('ho', user, 'Ya, alihkan'),
    });
  });

  const revoke = async (ctx: BotContext, user: User, handover: boolean): Promise<void> => {
    const now = deps.clock();
    const by = actorOf(ctx);
    await deps.store.users.revoke(user.telegramId, by, now);
    await deps.menus.syncPerson(user.telegramId);
    await deps.store.audit.record({
      at: now,
      actor: by,
      action: 'user.revoke',
      scope: user.scope,
      details: { role: user.role, scope: user.scope, target: user.name, telegramId: user.telegramId, handover },
    });
    await editOrReplyHtml(ctx, revokedMessage(user, deps.regions), deps.sleep);
    await notifyPeople(ctx.telegram, deps, [user.telegramId], revokedNoticeMessage());
    if (!handover) return;
    await replyHtml(ctx, await issueInvite(ctx, deps, { role: user.role, scope: user.scope, by, at: now, details: { handoverFrom: user.name } }), deps.sleep);
  };

  feature.action(/^usr:/, async (ctx) => {
    const data = pressedData(ctx);
    if (data?.action === 'x') {
      await ctx.answerCbQuery();
      return editOrReplyHtml(ctx, cancelledMessage(), deps.sleep);
    }
    const user = data && /^\d+$/.test(data.arg) ? deps.store.users.get(Number(data.arg)) : undefined;
    if (!user || (data?.action !== 'rv' && data?.action !== 'ho')) {
      await ctx.answerCbQuery(expiredButtonAnswer);
      return;
    }
    // Re-checked on the press: the button may be forged, or roles may have changed since it was sent.
    if (!canManage(ctx.access, user) || (data.action === 'ho' && user.role !== 'staff')) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      return;
    }
    await ctx.answerCbQuery();
    await revoke(ctx, user, data.action === 'ho');
  });

  // People management runs in private chats, for coordinators and admins only.
  feature.command(['users', 'pengguna', 'revoke', 'cabut', 'handover', 'alihkan'], async (ctx, next) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    if (!isCoordinator(ctx)) return replyHtml(ctx, notAllowedMessage(), deps.sleep);
    return next();
  });
  feature.use(managers);
  return feature;
}
