import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { canLink, NATIONAL } from '../../domain/access.js';
import type { Unit } from '../../domain/regions/directory.js';
import { actorOf } from '../../bot/actor.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { isPrivate } from '../../bot/flow.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import {
  expiredButtonAnswer,
  groupOnlyMessage,
  linkedMessage,
  linkInPrivateMessage,
  linkUsageMessage,
  noAccessAnswer,
  notAllowedMessage,
  notLinkedMessage,
  unlinkedMessage,
  NATIONAL_NAME,
} from '../../messages/access.js';

const FEATURE = 'grp';

const chatTitle = (ctx: BotContext): string => (ctx.chat && 'title' in ctx.chat ? ctx.chat.title : String(ctx.chat?.id ?? ''));

/**
 * Groups: /link (/hubungkan) ties a group to a unit so reminders and notices reach it; /unlink (/lepaskan) ends it.
 * Removing the bot from a group drops the link; a group that becomes a supergroup keeps it under its new id.
 */
export function groupsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** A unit, or the nation (a national coordinators' group: it receives the national weekly rekap). */
  const nameOf = (code: string): string => (code === NATIONAL ? NATIONAL_NAME : (deps.regions.get(code)?.name ?? code));

  const link = async (ctx: BotContext, target: Unit | 'national'): Promise<void> => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const now = deps.clock();
    const by = actorOf(ctx);
    const unit = target === 'national' ? { code: NATIONAL, name: NATIONAL_NAME } : target;
    const previous = await deps.store.chats.link({ chatId, title: chatTitle(ctx), unitCode: unit.code, by, at: now });
    await deps.store.audit.record({
      at: now,
      actor: by,
      action: 'chat.link',
      scope: unit.code,
      details: { chatId, title: chatTitle(ctx), target: chatTitle(ctx), ...(previous ? { previousUnit: previous.unitCode } : {}) },
    });
    const previousName = previous && previous.unitCode !== unit.code ? nameOf(previous.unitCode) : undefined;
    const answer = linkedMessage(unit.name, previousName);
    // From a button: the question becomes the answer. From the command: a reply.
    await (ctx.callbackQuery ? editOrReplyHtml(ctx, answer, deps.sleep) : replyHtml(ctx, answer, deps.sleep));
  };

  /** The unit (or province, or the nation) a person would link a group to, with how to type it. */
  const ownTarget = (ctx: BotContext): { code: string; name: string; example: string } | undefined => {
    const access = ctx.access;
    if (access.role !== 'staff' && access.role !== 'coordinator') return undefined;
    if (access.scope === NATIONAL) return { code: NATIONAL, name: NATIONAL_NAME, example: 'nasional' };
    const unit = deps.regions.get(access.scope);
    return unit ? { code: unit.code, name: unit.name, example: unit.name } : undefined;
  };

  feature.command(['link', 'hubungkan'], async (ctx) => {
    if (isPrivate(ctx)) {
      if (ctx.access.role === 'unknown' || ctx.access.role === 'viewer') return replyHtml(ctx, groupOnlyMessage(), deps.sleep);
      const target = ownTarget(ctx);
      const linked = target ? deps.store.chats.linksOf(target.code).map((c) => c.title) : [];
      return replyHtml(ctx, linkInPrivateMessage(target, linked), deps.sleep);
    }
    if (ctx.access.role === 'unknown' || ctx.access.role === 'viewer') return replyHtml(ctx, notAllowedMessage(), deps.sleep);
    const query = ctx.payload.trim();
    if (query === '') return replyHtml(ctx, linkUsageMessage(), deps.sleep);
    const answer = resolveUnit(deps.regions, query, (code) => canLink(ctx.access, code), {
      feature: FEATURE,
      action: 'link',
    });
    if (answer.kind === 'ask') return replyHtml(ctx, answer.message, deps.sleep, { buttons: answer.buttons });
    await link(ctx, answer.kind === 'unit' ? answer.unit : 'national');
  });

  feature.action(/^grp:/, async (ctx) => {
    const data = pressedData(ctx);
    const unit = data?.action === 'link' ? deps.regions.get(data.arg) : undefined;
    if (!unit || isPrivate(ctx)) {
      await ctx.answerCbQuery(expiredButtonAnswer);
      return;
    }
    // Anyone in the group can press the button: the presser must be allowed to link that unit.
    if (!canLink(ctx.access, unit.code)) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      return;
    }
    await ctx.answerCbQuery();
    await link(ctx, unit);
  });

  feature.command(['unlink', 'lepaskan'], async (ctx) => {
    if (isPrivate(ctx)) return replyHtml(ctx, groupOnlyMessage(), deps.sleep);
    const current = deps.store.chats.linkOf(ctx.chat.id);
    if (!current) return replyHtml(ctx, notLinkedMessage(), deps.sleep);
    if (!canLink(ctx.access, current.unitCode)) return replyHtml(ctx, notAllowedMessage(), deps.sleep);
    const now = deps.clock();
    await deps.store.chats.unlink(ctx.chat.id);
    await deps.store.audit.record({
      at: now,
      actor: actorOf(ctx),
      action: 'chat.unlink',
      scope: current.unitCode,
      details: { chatId: ctx.chat.id, title: chatTitle(ctx), target: chatTitle(ctx) },
    });
    await replyHtml(ctx, unlinkedMessage(nameOf(current.unitCode)), deps.sleep);
  });

  feature.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status !== 'left' && status !== 'kicked') return;
    const removed = await deps.store.chats.unlink(ctx.chat.id);
    if (!removed) return;
    await deps.store.audit.record({
      at: deps.clock(),
      actor: actorOf(ctx),
      action: 'chat.removed',
      scope: removed.unitCode,
      details: { chatId: ctx.chat.id, title: removed.title, target: removed.title },
    });
  });

  feature.on(message('migrate_to_chat_id'), async (ctx) => {
    const to = ctx.message.migrate_to_chat_id;
    const moved = await deps.store.chats.migrate(ctx.chat.id, to);
    if (!moved) return;
    await deps.store.audit.record({
      at: deps.clock(),
      actor: actorOf(ctx),
      action: 'chat.migrate',
      scope: moved.unitCode,
      details: { from: ctx.chat.id, to, target: moved.title },
    });
  });

  return feature;
}
