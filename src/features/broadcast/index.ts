import { randomBytes } from 'node:crypto';
import { Composer, Markup } from 'telegraf';
import type { MessageEntity } from 'telegraf/types';
import { homeZone, isCoordinatorOrAdmin, ownScope } from '../../domain/access.js';
import { audienceUnits, type Audience } from '../../domain/audience.js';
import { localDateOf, parseLocalDate, parseLocalTime, splitDateTime, toInstant, ZONE_IANA } from '../../domain/when.js';
import type { Zone } from '../../domain/zones.js';
import { actorOf } from '../../bot/actor.js';
import { audienceButtons, listKindOf, readAudienceList } from '../../bot/audience-picker.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext, BroadcastFlow } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { currentFlow, endFlow, isPrivate, startFlow } from '../../bot/flow.js';
import { replyHtml, withFloodRetry } from '../../bot/reply.js';
import { expiredButtonAnswer, flowCancelledMessage, notAllowedMessage, personWithRole, privateOnlyMessage } from '../../messages/access.js';
import {
  askAudienceListMessage,
  askAudienceMessage,
  askScheduleMessage,
  audienceLabel,
  broadcastAskTextMessage,
  broadcastHeader,
  broadcastNeedsTextMessage,
  broadcastPreviewMessage,
  broadcastQueuedMessage,
  broadcastTitle,
  broadcastTooLongMessage,
  scheduleProblemMessage,
  PROGRESS_LABEL,
  SCHEDULE_LABEL,
  SEND_NOW_LABEL,
  SEND_SCHEDULED_LABEL,
  useButtonsMessage,
} from '../../messages/broadcast.js';
import { MAX_MESSAGE_LENGTH } from '../../messages/html.js';
import { progressMessage } from '../../messages/outbox.js';
import { whenErrorText } from '../../messages/when.js';
import type { MessageBody } from '../../store/schema.js';
import { unitChats } from '../../scheduler/recipients.js';

const FEATURE = 'bc';

/** Broadcasts are for coordinators and admins; without a scope nothing is covered (the empty scope covers no unit). */
const scopeOf = (ctx: BotContext): string => ownScope(ctx.access) ?? '';
const zoneOf = (ctx: BotContext): Zone => homeZone(ctx.access);

/**
 * /broadcast (/umumkan): a coordinator's notice to every office in scope. The text keeps its author's formatting as
 * Telegram entities (nothing to escape); the audience is all units in scope, some provinces or some units; a preview
 * shows the message and how many chats it reaches; it goes now or at a set time, through the outbox, and ends with
 * a delivery report.
 */
export function broadcastFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { store, regions } = deps;

  const button = (label: string, action: string, flow: BroadcastFlow) =>
    Markup.button.callback(label, encodeCallback(FEATURE, action, flow.id));

  /** The notice as recipients see it: a bold header naming the sender, then the author's text and formatting. */
  const bodyOf = (ctx: BotContext, flow: BroadcastFlow): MessageBody => {
    const header = broadcastHeader(senderOf(ctx));
    const prefix = `${header}\n\n`;
    const entities = (flow.body?.entities ?? []).map((e) => ({ ...e, offset: e.offset + prefix.length }));
    return { format: 'entities', text: prefix + (flow.body?.text ?? ''), entities: [{ type: 'bold', offset: 0, length: header.length }, ...entities] };
  };

  /** The sender as recipients should know them: name, role and unit. */
  const senderOf = (ctx: BotContext): string =>
    personWithRole(actorOf(ctx).name, ctx.access.role === 'unknown' ? undefined : ctx.access, regions);

  const recipientsOf = (ctx: BotContext, audience: Audience) => {
    const units = audienceUnits(audience, scopeOf(ctx), regions);
    const chats = [...new Set(units.flatMap((u) => unitChats(store, u.code, ['staff', 'viewer'])))];
    return { units, chats };
  };

  const preview = async (ctx: BotContext, flow: BroadcastFlow): Promise<void> => {
    if (!flow.audience || !flow.body) return;
    const body = bodyOf(ctx, flow);
    if (body.format === 'entities') {
      await withFloodRetry(() => ctx.reply(body.text, { entities: body.entities as MessageEntity[], link_preview_options: { is_disabled: true } }), deps.sleep);
    }
    const { units, chats } = recipientsOf(ctx, flow.audience);
    const groups = chats.filter((c) => c < 0).length;
    const when = flow.notBefore ? { at: new Date(flow.notBefore), zone: zoneOf(ctx) } : undefined;
    startFlow(ctx, { ...flow, step: 'preview' }, deps.clock());
    await replyHtml(
      ctx,
      broadcastPreviewMessage({ audience: audienceLabel(flow.audience, regions, scopeOf(ctx)), units: units.length, chats: chats.length, groups, when }),
      deps.sleep,
      {
        buttons: [
          when ? [button(SEND_SCHEDULED_LABEL, 'go', flow)] : [button(SEND_NOW_LABEL, 'go', flow), button(SCHEDULE_LABEL, 'when', flow)],
          [button('Batal', 'x', flow)],
        ],
      },
    );
  };

  const send = async (ctx: BotContext, flow: BroadcastFlow): Promise<void> => {
    if (!flow.audience || !flow.body || !ctx.chat) return;
    const { chats } = recipientsOf(ctx, flow.audience);
    const now = deps.clock();
    const by = actorOf(ctx);
    const notBefore = flow.notBefore ? new Date(flow.notBefore) : undefined;
    const id = `bc-${flow.id}`;
    await deps.outbox.enqueue({
      id,
      kind: 'broadcast',
      title: broadcastTitle(by.name),
      bodies: { default: bodyOf(ctx, flow) },
      recipients: chats.map((chatId) => ({ chatId, variant: 'default' })),
      reportTo: ctx.chat.id,
      ...(notBefore ? { notBefore } : {}),
    });
    await store.audit.record({
      at: now,
      actor: by,
      action: 'broadcast.create',
      scope: scopeOf(ctx),
      details: { item: id, chats: chats.length, audience: audienceLabel(flow.audience, regions, scopeOf(ctx)), ...(notBefore ? { notBefore: flow.notBefore } : {}) },
    });
    endFlow(ctx);
    await replyHtml(ctx, broadcastQueuedMessage(chats.length, notBefore ? { at: notBefore, zone: zoneOf(ctx) } : undefined), deps.sleep, {
      buttons: [[Markup.button.callback(PROGRESS_LABEL, encodeCallback(FEATURE, 'prog', flow.id))]],
    });
  };

  const schedule = async (ctx: BotContext, flow: BroadcastFlow, text: string): Promise<void> => {
    const parts = splitDateTime(text);
    const zone = zoneOf(ctx);
    const date = parts ? parseLocalDate(parts.date, localDateOf(deps.clock(), zone.iana)) : undefined;
    const time = parts ? parseLocalTime(parts.time) : undefined;
    if (!date?.ok || !time?.ok) {
      const why = date && !date.ok ? whenErrorText(date.error) : time && !time.ok ? whenErrorText(time.error) : whenErrorText({ kind: 'date_format', input: text });
      return replyHtml(ctx, scheduleProblemMessage(why, true), deps.sleep);
    }
    const iana = time.value.zone ? ZONE_IANA[time.value.zone] : zone.iana;
    const at = toInstant(date.value, time.value, iana);
    if (at <= deps.clock()) return replyHtml(ctx, scheduleProblemMessage(whenErrorText({ kind: 'past', input: text }), false), deps.sleep);
    await preview(ctx, { ...flow, notBefore: at.toISOString() });
  };

  feature.command(['broadcast', 'umumkan'], async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    if (!isCoordinatorOrAdmin(ctx.access)) return replyHtml(ctx, notAllowedMessage(), deps.sleep);
    startFlow(ctx, { name: 'broadcast', id: randomBytes(4).toString('hex'), step: 'text' }, deps.clock());
    await replyHtml(ctx, broadcastAskTextMessage(), deps.sleep);
  });

  feature.action(/^bc:/, async (ctx) => {
    const data = pressedData(ctx);
    if (data?.action === 'prog') {
      const item = isCoordinatorOrAdmin(ctx.access) ? await deps.outbox.get(`bc-${data.arg}`) : undefined;
      if (!item || item.reportTo !== ctx.chat?.id) return void (await ctx.answerCbQuery(expiredButtonAnswer));
      await ctx.answerCbQuery();
      return replyHtml(ctx, progressMessage(item), deps.sleep);
    }
    const flow = currentFlow(ctx);
    if (!data || flow?.name !== 'broadcast' || flow.id !== data.arg || !isCoordinatorOrAdmin(ctx.access)) {
      return void (await ctx.answerCbQuery(expiredButtonAnswer));
    }
    await ctx.answerCbQuery();
    switch (data.action) {
      case 'all':
        if (flow.step === 'audience') return preview(ctx, { ...flow, audience: { kind: 'all' } });
        return;
      case 'prov':
      case 'unit': {
        if (flow.step !== 'audience') return;
        const listKind = listKindOf(data.action);
        startFlow(ctx, { ...flow, step: 'audience_list', listKind }, deps.clock());
        return replyHtml(ctx, askAudienceListMessage(listKind), deps.sleep);
      }
      case 'when':
        if (flow.step !== 'preview') return;
        startFlow(ctx, { ...flow, step: 'when' }, deps.clock());
        return replyHtml(ctx, askScheduleMessage(), deps.sleep);
      case 'go':
        if (flow.step === 'preview') return send(ctx, flow);
        return;
      case 'x':
        endFlow(ctx);
        return replyHtml(ctx, flowCancelledMessage(), deps.sleep);
    }
  });

  feature.on('message', async (ctx, next) => {
    const flow = currentFlow(ctx);
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    if (flow?.name !== 'broadcast' || !isPrivate(ctx) || text?.startsWith('/')) return next();
    if (!isCoordinatorOrAdmin(ctx.access)) {
      endFlow(ctx);
      return next();
    }
    switch (flow.step) {
      case 'text': {
        if (text === undefined || text.trim() === '') return replyHtml(ctx, broadcastNeedsTextMessage(), deps.sleep);
        // Recipients get the header above the text in one message, which Telegram caps at 4,096 characters.
        const room = MAX_MESSAGE_LENGTH - `${broadcastHeader(senderOf(ctx))}\n\n`.length;
        if (text.length > room) return replyHtml(ctx, broadcastTooLongMessage(text.length, room), deps.sleep);
        const entities = ('entities' in ctx.message ? ctx.message.entities : undefined) ?? [];
        const next: BroadcastFlow = { ...flow, step: 'audience', body: { text, entities: entities as NonNullable<BroadcastFlow['body']>['entities'] } };
        startFlow(ctx, next, deps.clock());
        return replyHtml(ctx, askAudienceMessage('pengumuman'), deps.sleep, {
          buttons: audienceButtons(scopeOf(ctx), (label, action) => button(label, action, next)),
        });
      }
      case 'audience_list': {
        if (text === undefined) return replyHtml(ctx, askAudienceListMessage(flow.listKind ?? 'units'), deps.sleep);
        const audience = readAudienceList(text, regions, scopeOf(ctx), flow.listKind);
        if (!audience.ok) return replyHtml(ctx, audience.error, deps.sleep);
        return preview(ctx, { ...flow, audience: audience.value });
      }
      case 'when':
        return text === undefined ? replyHtml(ctx, askScheduleMessage(), deps.sleep) : schedule(ctx, flow, text);
      default:
        return replyHtml(ctx, useButtonsMessage(), deps.sleep);
    }
  });

  return feature;
}
