import { Composer, Markup } from 'telegraf';
import { canGrant } from '../../domain/access.js';
import { actorOf } from '../../bot/actor.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { isPrivate } from '../../bot/flow.js';
import { guidedFlow } from '../../bot/guided-flow.js';
import { REQUEST_FEATURE, requestOfferButton, requestStep, type RequestEffect, type RequestFacts, type RequestState } from '../../flows/request.js';
import type { Reply } from '../../flows/step.js';
import { notifyPeople, notifyPeopleWithIds, updateCopies } from '../../bot/notify.js';
import { isRejectReason, REJECT_REASONS, type RejectReason } from '../../domain/requests.js';
import { editOrReplyHtml } from '../../bot/reply.js';
import {
  expiredButtonAnswer,
  noAccessAnswer,
  requestAlreadyDecidedAnswer,
  requestApprovedMessage,
  requestDecidedForApproverMessage,
  requestForApproverMessage,
  requestRejectedMessage,
  requestRejectReasonMessage,
  REJECT_REASON_LABELS,
  APPROVE_LABEL,
  REJECT_LABEL,
  BACK_LABEL,
  REJECT_REASON_TEXT,
  requestSentMessage,
} from '../../messages/access.js';
import type { AccessRequest } from '../../store/schema.js';

const FEATURE = 'acc';

const decisionButtons = (request: AccessRequest) => [
  [Markup.button.callback(APPROVE_LABEL, encodeCallback(FEATURE, 'ok', request.id)), Markup.button.callback(REJECT_LABEL, encodeCallback(FEATURE, 'no', request.id))],
];

/** Who can decide a request: admins, and coordinators whose scope covers it. */
function approversOf(deps: BotDeps, request: AccessRequest): number[] {
  const coordinators = deps.store.users
    .active()
    .filter((u) => u.role === 'coordinator' && canGrant({ role: 'coordinator', scope: u.scope }, request.role, request.scope))
    .map((u) => u.telegramId);
  return [...deps.adminIds, ...coordinators];
}

/**
 * Access requests: a person without a role asks for one (role, unit); the admins and the coordinators in scope get
 * Approve / Reject buttons; the person is told the outcome. One pending request per person.
 */
export function requestsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The request is recorded, put before its approvers, and the person told how many it reached. */
  const perform = async (ctx: BotContext, effect: RequestEffect): Promise<Reply[]> => {
    const from = ctx.from;
    if (!from) return [];
    const { role, scope } = effect;
    const now = deps.clock();
    const by = actorOf(ctx);
    const request = await deps.store.requests.create({
      requester: { ...by, telegramId: from.id, ...(from.username ? { username: from.username } : {}) },
      role,
      scope,
      createdAt: now.toISOString(),
    });
    await deps.store.audit.record({
      at: now,
      actor: by,
      action: 'access.request',
      scope,
      details: { role, scope, request: request.id },
    });
    const buttons = decisionButtons(request);
    const copies = await notifyPeopleWithIds(ctx.telegram, deps, approversOf(deps, request), requestForApproverMessage(request, deps.regions), buttons);
    await deps.store.requests.setNotices(request, copies);
    return [{ message: requestSentMessage(request, deps.regions, copies.length) }];
  };

  /** Re-checked on every press: the button may be forged, stale, or the presser's role may have changed. */
  const decidable = async (ctx: BotContext, requestId: string): Promise<AccessRequest | undefined> => {
    const request = deps.store.requests.get(requestId);
    if (!request || !canGrant(ctx.access, request.role, request.scope)) {
      await ctx.answerCbQuery(request ? noAccessAnswer : expiredButtonAnswer, { show_alert: true });
      return undefined;
    }
    return request;
  };

  /** Tolak: first the reason, chosen with a button; the decision is taken with it. */
  const askReason = async (ctx: BotContext, requestId: string): Promise<void> => {
    const request = await decidable(ctx, requestId);
    if (!request) return;
    if (request.status !== 'pending') {
      await ctx.answerCbQuery(requestAlreadyDecidedAnswer);
      return editOrReplyHtml(ctx, requestDecidedForApproverMessage(request, deps.regions), deps.sleep);
    }
    await ctx.answerCbQuery();
    const buttons = REJECT_REASONS.map((r) => [Markup.button.callback(REJECT_REASON_LABELS[r], encodeCallback(FEATURE, 'nr', `${request.id}.${r}`))]);
    buttons.push([Markup.button.callback(BACK_LABEL, encodeCallback(FEATURE, 'back', request.id))]);
    await editOrReplyHtml(ctx, requestRejectReasonMessage(request, deps.regions), deps.sleep, { buttons });
  };

  const decide = async (ctx: BotContext, requestId: string, approve: boolean, reason?: RejectReason): Promise<void> => {
    const request = await decidable(ctx, requestId);
    if (!request) return;
    const now = deps.clock();
    const by = actorOf(ctx);
    if (!(await deps.store.requests.decide(request, approve ? 'approved' : 'rejected', by, now, reason))) {
      await ctx.answerCbQuery(requestAlreadyDecidedAnswer);
      await editOrReplyHtml(ctx, requestDecidedForApproverMessage(request, deps.regions), deps.sleep);
      return;
    }
    await ctx.answerCbQuery();
    const { requester } = request;
    if (approve) {
      await deps.store.users.grant(
        { telegramId: requester.telegramId, name: requester.name, username: requester.username, role: request.role, scope: request.scope },
        by,
        now,
      );
      await deps.menus.syncPerson(requester.telegramId);
    }
    await deps.store.audit.record({
      at: now,
      actor: by,
      action: approve ? 'access.approve' : 'access.reject',
      scope: request.scope,
      details: { role: request.role, scope: request.scope, request: request.id, target: requester.name, ...(reason ? { reason: REJECT_REASON_TEXT[reason] } : {}) },
    });
    const decided = requestDecidedForApproverMessage(request, deps.regions);
    await editOrReplyHtml(ctx, decided, deps.sleep);
    // The other approvers' copies lose their buttons and say who decided.
    const pressed = ctx.callbackQuery?.message?.message_id;
    await updateCopies(ctx.telegram, deps, (request.notices ?? []).filter((c) => !(c.chatId === ctx.chat?.id && c.messageId === pressed)), decided);
    await notifyPeople(
      ctx.telegram,
      deps,
      [requester.telegramId],
      approve ? requestApprovedMessage(request, deps.regions) : requestRejectedMessage(request, deps.regions),
    );
  };

  feature.action(/^acc:/, async (ctx) => {
    const data = pressedData(ctx);
    if (data?.action === 'ok') return decide(ctx, data.arg, true);
    if (data?.action === 'no') return askReason(ctx, data.arg);
    if (data?.action === 'nr') {
      const [id = '', reason] = data.arg.split('.');
      if (isRejectReason(reason)) return decide(ctx, id, false, reason);
    }
    if (data?.action === 'back') {
      const request = await decidable(ctx, data.arg);
      if (!request) return;
      await ctx.answerCbQuery();
      return editOrReplyHtml(ctx, request.status === 'pending' ? requestForApproverMessage(request, deps.regions) : requestDecidedForApproverMessage(request, deps.regions), deps.sleep, {
        buttons: request.status === 'pending' ? decisionButtons(request) : undefined,
      });
    }
    await ctx.answerCbQuery(expiredButtonAnswer);
  });

  const facts = (ctx: BotContext): RequestFacts => ({
    access: ctx.access,
    regions: deps.regions,
    pending: ctx.from ? deps.store.requests.pendingOf(ctx.from.id) : undefined,
  });
  // The flow itself (role, then unit) is flows/request.ts; it runs in a stranger's private chat only.
  feature.use(
    Composer.optional(
      (ctx: BotContext) => isPrivate(ctx),
      guidedFlow<RequestState, RequestEffect, RequestFacts>(deps, { name: 'request', feature: REQUEST_FEATURE, facts, step: requestStep, perform }),
    ),
  );
  return feature;
}

/** The button offered to an unknown person with /start. */
export const requestAccessButton = requestOfferButton;
