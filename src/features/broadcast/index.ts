import { randomBytes } from 'node:crypto';
import { Composer } from 'telegraf';
import { homeZone, isCoordinatorOrAdmin, ownScope } from '../../domain/access.js';
import { audienceUnits, type Audience } from '../../domain/audience.js';
import { callbackButton } from '../../domain/callback-data.js';
import { actorOf } from '../../bot/actor.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { isPrivate } from '../../bot/flow.js';
import { applyStep, guidedFlow } from '../../bot/guided-flow.js';
import { replyHtml } from '../../bot/reply.js';
import {
  BROADCAST_FEATURE,
  broadcastStep,
  startBroadcast,
  type BroadcastEffect,
  type BroadcastFacts,
  type BroadcastState,
} from '../../flows/broadcast.js';
import type { Reply } from '../../flows/step.js';
import { expiredButtonAnswer, personWithRole, privateOnlyMessage } from '../../messages/access.js';
import { audienceLabel, broadcastQueuedMessage, broadcastTitle, PROGRESS_LABEL } from '../../messages/broadcast.js';
import { progressMessage } from '../../messages/outbox.js';
import { unitChats } from '../../queries/recipients.js';
import { unitLabel } from '../../messages/labels.js';

/**
 * /broadcast (/umumkan): a coordinator's notice to every office in scope, prepared in flows/broadcast.ts (text with
 * its author's formatting, audience, preview, now or at a set time) and sent here through the outbox, ending with a
 * delivery report.
 */
export function broadcastFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { store, regions } = deps;
  /** Broadcasts are for coordinators and admins; without a scope nothing is covered (the empty scope covers no unit). */
  const scopeOf = (ctx: BotContext): string => ownScope(ctx.access) ?? '';
  const chatsOf = (ctx: BotContext, audience: Audience): number[] => {
    const units = audienceUnits(audience, scopeOf(ctx), regions);
    return [...new Set(units.flatMap((u) => unitChats(store, u.code, ['staff', 'viewer'])))];
  };
  /** The audience's units that no linked group and no registered person speaks for: nobody there gets the notice. */
  const unreachedOf = (ctx: BotContext, audience: Audience): string[] =>
    audienceUnits(audience, scopeOf(ctx), regions)
      .filter((u) => unitChats(store, u.code, ['staff', 'viewer']).length === 0)
      .map(unitLabel);

  const facts = (ctx: BotContext): BroadcastFacts => ({
    access: ctx.access,
    regions,
    now: deps.clock(),
    scope: scopeOf(ctx),
    zone: homeZone(ctx.access),
    sender: personWithRole(actorOf(ctx).name, ctx.access.role === 'unknown' ? undefined : ctx.access, regions),
    reach: (audience) => {
      const chats = chatsOf(ctx, audience);
      return { units: audienceUnits(audience, scopeOf(ctx), regions).length, chats: chats.length, groups: chats.filter((c) => c < 0).length, unreached: unreachedOf(ctx, audience) };
    },
    newId: () => randomBytes(4).toString('hex'),
  });

  const perform = async (ctx: BotContext, effect: BroadcastEffect): Promise<Reply[]> => {
    if (!ctx.chat) return [];
    const chats = chatsOf(ctx, effect.audience);
    const by = actorOf(ctx);
    const id = `bc-${effect.id}`;
    await deps.outbox.enqueue({
      id,
      kind: 'broadcast',
      title: broadcastTitle(by.name),
      bodies: { default: effect.body },
      recipients: chats.map((chatId) => ({ chatId, variant: 'default' })),
      reportTo: ctx.chat.id,
      unreached: unreachedOf(ctx, effect.audience),
      ...(effect.notBefore ? { notBefore: effect.notBefore } : {}),
    });
    await store.audit.record({
      at: deps.clock(),
      actor: by,
      action: 'broadcast.create',
      scope: scopeOf(ctx),
      details: { item: id, chats: chats.length, audience: audienceLabel(effect.audience, regions, scopeOf(ctx)), ...(effect.notBefore ? { notBefore: effect.notBefore.toISOString() } : {}) },
    });
    const when = effect.notBefore ? { at: effect.notBefore, zone: homeZone(ctx.access) } : undefined;
    return [{ message: broadcastQueuedMessage(chats.length, when), buttons: [[callbackButton(PROGRESS_LABEL, BROADCAST_FEATURE, 'prog', effect.id)]] }];
  };

  feature.command(['broadcast', 'umumkan'], async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    await applyStep(ctx, deps, startBroadcast(facts(ctx)), (effect) => perform(ctx, effect));
  });

  // Progress of a notice already sent: not part of the flow (it has ended), checked on every press.
  feature.action(/^bc:prog:/, async (ctx) => {
    const data = pressedData(ctx);
    const item = data && isCoordinatorOrAdmin(ctx.access) ? await deps.outbox.get(`bc-${data.arg}`) : undefined;
    if (!item || item.reportTo !== ctx.chat?.id) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    await ctx.answerCbQuery();
    await replyHtml(ctx, progressMessage(item), deps.sleep);
  });

  feature.use(
    Composer.optional(
      (ctx: BotContext) => isPrivate(ctx) || ctx.callbackQuery !== undefined,
      guidedFlow<BroadcastState, BroadcastEffect, BroadcastFacts>(deps, { name: 'broadcast', feature: BROADCAST_FEATURE, facts, step: broadcastStep, perform }),
    ),
  );
  return feature;
}
