import { Composer } from 'telegraf';
import { NATIONAL, ownScope } from '../../domain/access.js';
import { callbackButton } from '../../domain/callback-data.js';
import type { Unit } from '../../domain/regions/directory.js';
import { canVerify, RETURN_REASONS, type ReturnReason, unitsVerifiedBy } from '../../domain/verification.js';
import type { WeekKey } from '../../domain/weeks.js';
import { actorOf } from '../../bot/actor.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { readScopeArgument } from '../../bot/scope-argument.js';
import { scopeArgumentProblem } from '../../messages/scope-argument.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import { noAccessAnswer, personWithRole } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { lines } from '../../messages/html.js';
import {
  askReturnReasonMessage,
  awaitingMessage,
  decisionDoneMessage,
  notVerifierAnswer,
  notVerifierMessage,
  NATIONAL_SCOPE_NAME,
  RETURN_REASON_TEXT,
  returnedAnswer,
  returnedToStaffMessage,
  staleDecisionAnswer,
  verifiedAnswer,
} from '../../messages/verification.js';
import { decisionArg, decisionButtons, VERIFY_FEATURE } from '../../scheduler/decision-buttons.js';
import { unitChats } from '../../queries/recipients.js';

/**
 * /verifikasi (/verify): the reports awaiting a coordinator's decision in their scope, each with ✅ (verify) and ↩️
 * (return to the unit's staff with a reason). Every press is checked again: the presser must verify that unit, and
 * the revision named must still be the latest without a decision (a correction in between, or another coordinator's
 * press, voids it). Decisions are audited; a returned report goes back to its staff through the outbox.
 */
export function verificationFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { store, regions } = deps;

  /** The units this person verifies: a province coordinator its kab/kota, a national one the province governments, an admin all. */
  const unitsOf = (ctx: BotContext): Unit[] => {
    if (ctx.access.role === 'admin') return [...regions.provinces, ...regions.provinces.flatMap((p) => regions.regenciesOf(p.code))];
    const scope = ownScope(ctx.access);
    if (ctx.access.role !== 'coordinator' || scope === undefined) return [];
    return unitsVerifiedBy(regions, scope === NATIONAL ? NATIONAL : scope);
  };
  const scopeName = (ctx: BotContext): string => {
    if (ctx.access.role === 'admin') return 'seluruh wilayah';
    const scope = ownScope(ctx.access);
    return scope === undefined || scope === NATIONAL ? NATIONAL_SCOPE_NAME : (regions.get(scope)?.name ?? scope);
  };

  /** The list for the person's whole scope, or (`/verifikasi Babel`) for the region named, within what they verify. */
  const listFor = async (ctx: BotContext, named?: Unit) => {
    const units = named ? unitsOf(ctx).filter((u) => (named.kind === 'provinsi' ? u.provinceCode === named.code : u.code === named.code)) : unitsOf(ctx);
    const reports = await deps.readSide.awaiting(units, deps.clock());
    return { message: awaitingMessage(reports, named ? named.name : scopeName(ctx), false), buttons: decisionButtons(reports) };
  };

  feature.command(['verify', 'verifikasi'], async (ctx) => {
    if (ctx.access.role === 'unknown') return replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
    if (ctx.access.role !== 'admin' && ctx.access.role !== 'coordinator') return replyHtml(ctx, notVerifierMessage(), deps.sleep);
    const arg = readScopeArgument(regions, ctx.access, ctx.payload);
    if (arg.kind === 'not_found' || arg.kind === 'ambiguous' || arg.kind === 'out_of_scope') return replyHtml(ctx, scopeArgumentProblem(arg, '/verifikasi Babel'), deps.sleep);
    const { message, buttons } = await listFor(ctx, arg.kind === 'unit' ? arg.unit : undefined);
    await replyHtml(ctx, message, deps.sleep, { buttons });
  });

  /** `<code>~<week>~<rev>[~<reason>]` back into a unit, week and revision that exist. */
  const read = (arg: string): { unit: Unit; week: WeekKey; rev: number; reason?: string | undefined } | undefined => {
    const [code, week, rev, reason] = arg.split('~');
    const unit = code ? regions.get(code) : undefined;
    if (!unit || !week || !/^\d{4}-W\d{2}$/.test(week) || !rev || !/^\d{1,4}$/.test(rev)) return undefined;
    return { unit, week: week as WeekKey, rev: Number(rev), reason };
  };

  feature.action(new RegExp(`^${VERIFY_FEATURE}:`), async (ctx) => {
    const data = pressedData(ctx);
    const target = data ? read(data.arg) : undefined;
    if (!data || !target) return ctx.answerCbQuery(staleDecisionAnswer);
    if (!canVerify(ctx.access, target.unit)) return ctx.answerCbQuery(ctx.access.role === 'unknown' ? noAccessAnswer : notVerifierAnswer, { show_alert: true });
    const by = actorOf(ctx);
    const byName = personWithRole(by.name, ctx.access.role === 'unknown' ? undefined : ctx.access, regions);
    const now = deps.clock();

    if (data.action === 'rt') {
      // Which reason: buttons on a message of its own, so the list stays as it was.
      const current = await store.reports.get(target.unit.code, target.week);
      if (current?.latest.rev !== target.rev || current.verification?.rev === target.rev) return ctx.answerCbQuery(staleDecisionAnswer, { show_alert: true });
      await ctx.answerCbQuery();
      const buttons = RETURN_REASONS.map((r, i) => [callbackButton(RETURN_REASON_TEXT[r], VERIFY_FEATURE, 'why', `${decisionArg({ unit: target.unit, week: target.week, rev: target.rev })}~${i}`)]);
      return replyHtml(ctx, askReturnReasonMessage(target.unit, target.week), deps.sleep, { buttons });
    }
    if (data.action !== 'ok' && data.action !== 'why') return ctx.answerCbQuery(staleDecisionAnswer);
    const reason: ReturnReason | undefined = data.action === 'why' ? RETURN_REASONS[Number(target.reason)] : undefined;
    if (data.action === 'why' && !reason) return ctx.answerCbQuery(staleDecisionAnswer);
    const state = data.action === 'ok' ? 'verified' : 'returned';
    // The decision and its audit line, under one promise (a crash between them is mended at the next start).
    const decided = await store.reportWriter.decide(target.unit.code, target.week, { rev: target.rev, state, by, at: now.toISOString(), ...(reason ? { reason } : {}) });
    if (!decided) return ctx.answerCbQuery(staleDecisionAnswer, { show_alert: true });
    await ctx.answerCbQuery(state === 'verified' ? verifiedAnswer(target.unit) : returnedAnswer(target.unit));
    if (reason) {
      await deps.outbox.enqueue({
        id: `ret-${target.unit.code}-${target.week}-r${target.rev}`,
        kind: 'notice',
        title: `Laporan dikembalikan ${target.unit.name} ${target.week}`,
        bodies: { default: { format: 'html', text: returnedToStaffMessage(target.unit, target.week, byName, reason).text } },
        recipients: unitChats(store, target.unit.code, ['staff']).map((chatId) => ({ chatId, variant: 'default' })),
        atLeastOnce: true,
      });
    }
    const done = decisionDoneMessage(target.unit, target.week, state, byName, reason);
    if (data.action === 'why') return editOrReplyHtml(ctx, done, deps.sleep);
    // From a list: the list again, without what was just decided.
    const { message, buttons } = await listFor(ctx);
    await editOrReplyHtml(ctx, lines(done, '', message), deps.sleep, { buttons });
  });

  return feature;
}
