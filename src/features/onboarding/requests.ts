import { Composer, Markup } from 'telegraf';
import { canGrant, NATIONAL, validScope, type Scope } from '../../domain/access.js';
import { actorOf } from '../../bot/actor.js';
import { isUnknown } from '../../bot/access.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { currentFlow, endFlow, isPrivate, startFlow } from '../../bot/flow.js';
import { notifyPeople, notifyPeopleWithIds, updateCopies } from '../../bot/notify.js';
import { isRejectReason, REJECT_REASONS, type RejectReason } from '../../domain/requests.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import {
  expiredButtonAnswer,
  noAccessAnswer,
  requestAlreadyDecidedAnswer,
  requestApprovedMessage,
  requestAskRoleMessage,
  requestAskScopeMessage,
  requestDecidedForApproverMessage,
  requestForApproverMessage,
  requestPendingMessage,
  requestRejectedMessage,
  requestRejectReasonMessage,
  REJECT_REASON_LABELS,
  REJECT_REASON_TEXT,
  requestSentMessage,
  staffNeedsUnitMessage,
  ROLE_CHOICES,
  inviteRoleNotUnderstood,
  parseRole,
} from '../../messages/access.js';
import type { AccessRequest } from '../../store/schema.js';

const FEATURE = 'acc';

const decisionButtons = (request: AccessRequest) => [
  [Markup.button.callback('Setujui', encodeCallback(FEATURE, 'ok', request.id)), Markup.button.callback('Tolak', encodeCallback(FEATURE, 'no', request.id))],
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

  const askRole = async (ctx: BotContext): Promise<void> => {
    const pending = ctx.from ? deps.store.requests.pendingOf(ctx.from.id) : undefined;
    if (pending) return replyHtml(ctx, requestPendingMessage(pending, deps.regions), deps.sleep);
    startFlow(ctx, { name: 'request', step: 'role' }, deps.clock());
    const buttons = (['staff', 'viewer'] as const).map((role) => [
      Markup.button.callback(ROLE_CHOICES[role], encodeCallback(FEATURE, 'role', role)),
    ]);
    await replyHtml(ctx, requestAskRoleMessage(), deps.sleep, { buttons });
  };

  const submit = async (ctx: BotContext, role: 'staff' | 'viewer', scope: Scope): Promise<void> => {
    const from = ctx.from;
    if (!from) return;
    if (!validScope(role, scope)) {
      await replyHtml(ctx, staffNeedsUnitMessage(), deps.sleep);
      return;
    }
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
    endFlow(ctx);
    const buttons = decisionButtons(request);
    const copies = await notifyPeopleWithIds(ctx.telegram, deps, approversOf(deps, request), requestForApproverMessage(request, deps.regions), buttons);
    await deps.store.requests.setNotices(request, copies);
    await replyHtml(ctx, requestSentMessage(request, deps.regions, copies.length), deps.sleep);
  };

  const chooseScope = async (ctx: BotContext, role: 'staff' | 'viewer', query: string): Promise<void> => {
    const answer = resolveUnit(deps.regions, query, () => true, { feature: FEATURE, action: 'unit' });
    if (answer.kind === 'ask') await replyHtml(ctx, answer.message, deps.sleep, { buttons: answer.buttons });
    else await submit(ctx, role, answer.kind === 'national' ? NATIONAL : answer.unit.code);
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
    buttons.push([Markup.button.callback('Kembali', encodeCallback(FEATURE, 'back', request.id))]);
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
    const flow = currentFlow(ctx);
    const unknownPrivate = isUnknown(ctx) && isPrivate(ctx);
    if (data?.action === 'req' && unknownPrivate) {
      await ctx.answerCbQuery();
      return askRole(ctx);
    }
    const role = data?.action === 'role' && flow?.name === 'request' && flow.step === 'role' ? parseRole(data.arg) : undefined;
    if (unknownPrivate && (role === 'staff' || role === 'viewer')) {
      await ctx.answerCbQuery();
      startFlow(ctx, { name: 'request', step: 'scope', role }, deps.clock());
      return replyHtml(ctx, requestAskScopeMessage(role), deps.sleep);
    }
    const unit = data?.action === 'unit' ? deps.regions.get(data.arg) : undefined;
    if (unknownPrivate && unit && flow?.name === 'request' && flow.step === 'scope') {
      await ctx.answerCbQuery();
      return submit(ctx, flow.role, unit.code);
    }
    await ctx.answerCbQuery(expiredButtonAnswer);
  });

  feature.on('text', async (ctx, next) => {
    const flow = currentFlow(ctx);
    if (flow?.name !== 'request' || !isPrivate(ctx) || ctx.message.text.startsWith('/')) return next();
    if (!isUnknown(ctx)) {
      endFlow(ctx);
      return next();
    }
    if (flow.step === 'scope') return chooseScope(ctx, flow.role, ctx.message.text);
    const role = parseRole(ctx.message.text);
    if (role !== 'staff' && role !== 'viewer') return replyHtml(ctx, inviteRoleNotUnderstood(), deps.sleep);
    startFlow(ctx, { name: 'request', step: 'scope', role }, deps.clock());
    await replyHtml(ctx, requestAskScopeMessage(role), deps.sleep);
  });

  return feature;
}

/** The button offered to an unknown person with /start. */
export const requestAccessButton = (label: string) => [[Markup.button.callback(label, encodeCallback(FEATURE, 'req'))]];
