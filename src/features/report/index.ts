import { randomBytes } from 'node:crypto';
import { Composer } from 'telegraf';
import { weekYear } from '../../domain/weeks.js';
import { actorOf } from '../../bot/actor.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { currentFlow, isPrivate } from '../../bot/flow.js';
import { applyStep, guidedFlow } from '../../bot/guided-flow.js';
import { replyHtml } from '../../bot/reply.js';
import {
  REPORT_FEATURE,
  reportStep,
  startReport,
  startWorkforceCorrection,
  type ReportEffect,
  type ReportFacts,
  type ReportState,
} from '../../flows/report.js';
import type { Reply } from '../../flows/step.js';
import { privateOnlyMessage } from '../../messages/access.js';
import { noDataSavedMessage, reportSavedMessage, workforceSavedMessage, workforceUnchangedMessage } from '../../messages/report.js';
import { alertTitle, warningAlertMessage } from '../../messages/verification.js';
import { figureWarningText } from '../../messages/figures.js';
import { personWithRole } from '../../messages/access.js';
import { canVerify } from '../../domain/verification.js';
import { figureWarnings, type Figures } from '../../domain/figures.js';
import type { Unit } from '../../domain/regions/directory.js';
import type { WeekKey } from '../../domain/weeks.js';
import { verifierChats } from '../../queries/recipients.js';
import type { Actor } from '../../store/schema.js';

/**
 * /submit (/lapor): the guided weekly report for the person's unit (staff), or for a unit in scope on its behalf
 * (coordinators, admins), and /penduduk: the year's workforce alone. Every rule is in flows/report.ts; this file reads
 * the store for it and carries out what it decides (save a report with its audit line, correct the workforce).
 */
export function reportFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { store, regions } = deps;

  const facts = (ctx: BotContext): ReportFacts => ({
    access: ctx.access,
    regions,
    now: deps.clock(),
    deadline: deps.reportDeadline,
    reportOf: async (unitCode, week) => {
      const r = await store.reports.get(unitCode, week);
      return r ? { figures: r.latest.figures, revisions: r.revisions.length, ...(r.latest.noData ? { noData: true } : {}) } : undefined;
    },
    latestBefore: async (unitCode, week) => {
      const r = await store.reports.latest(unitCode, week);
      return r ? { week: r.week, figures: r.latest.figures } : undefined;
    },
    workforceFor: (unitCode, year) => {
      const b = store.baselines.forYear(unitCode, year);
      return b ? { year: b.year, total: b.workforce_total, source: b.workforce_source } : undefined;
    },
    newId: () => randomBytes(4).toString('hex'),
  });

  /** The workforce typed in chat, kept with the year's other figures and its history; audited with old and new. */
  const saveWorkforce = async (unitCode: string, year: number, total: number, source: string, by: Actor, now: Date) => {
    const result = await store.baselines.setWorkforce(unitCode, year, total, source, by, now);
    const from = result.previous?.year === year ? result.previous.workforce_total : undefined;
    if (result.changed) {
      await store.audit.record({ at: now, actor: by, action: 'baseline.set', scope: unitCode, details: { year, source: 'chat', to: total, workforceSource: source, ...(from !== undefined ? { from } : {}) } });
    }
    return { changed: result.changed, from };
  };

  const perform = async (ctx: BotContext, effect: ReportEffect): Promise<Reply[]> => {
    const unit = regions.get(effect.unitCode);
    if (!unit) return [];
    const now = deps.clock();
    const by = actorOf(ctx);
    if (effect.kind === 'workforce') {
      const result = await saveWorkforce(unit.code, effect.year, effect.total, effect.source, by, now);
      return [{ message: result.changed ? workforceSavedMessage(unit, effect.year, result.from, effect.total, effect.source) : workforceUnchangedMessage(unit, effect.year) }];
    }
    // Someone who verifies this unit (its province's coordinator, an admin) vouches for what they enter themselves.
    const verifiedBy = canVerify(ctx.access, unit) ? by : undefined;
    if (effect.kind === 'no_data') {
      const outcome = await store.reportWriter.save(
        { unitCode: unit.code, week: effect.week, figures: {}, noData: { reason: effect.reason }, late: effect.late, by, source: 'chat', onBehalf: effect.onBehalf, at: now },
        { details: { onBehalf: effect.onBehalf, noData: effect.reason, ...(effect.late ? { late: true } : {}) } },
      );
      if (outcome.auditPending) deps.logger.error('report saved without its audit line; kept to be written again', { unitCode: unit.code, week: effect.week });
      return [{ message: noDataSavedMessage(unit, effect.week, effect.late) }];
    }
    if (effect.workforce) await saveWorkforce(unit.code, weekYear(effect.week), effect.workforce.total, effect.workforce.source, by, now);
    const warnings = effect.warnings;
    // The warnings as the coordinators will read them, from the figures before this revision is stored.
    const warningTexts = warnings.length > 0 ? await warningsOf(unit.code, effect.week, effect.figures) : [];
    const outcome = await store.reportWriter.save(
      { unitCode: unit.code, week: effect.week, figures: effect.figures, by, source: 'chat', onBehalf: effect.onBehalf, late: effect.late, verifiedBy, at: now },
      { details: { onBehalf: effect.onBehalf, warningsConfirmed: warnings.length > 0, ...(warnings.length > 0 ? { warnings } : {}), ...(effect.late ? { late: true } : {}) } },
    );
    if (outcome.auditPending) deps.logger.error('report saved without its audit line; kept to be written again', { unitCode: unit.code, week: effect.week });
    if (outcome.saved && warningTexts.length > 0) await alertVerifiers(unit, effect.week, outcome.rev, warningTexts, personWithRole(by.name, ctx.access.role === 'unknown' ? undefined : ctx.access, regions), now);
    return [{ message: reportSavedMessage(unit, effect.week, outcome.saved ? outcome.rev : 0, outcome.saved, outcome.auditPending, effect.late) }];
  };

  const warningsOf = async (unitCode: string, week: WeekKey, figures: Figures): Promise<string[]> => {
    const previous = await store.reports.latest(unitCode, week);
    const workforce = store.baselines.forYear(unitCode, weekYear(week))?.workforce_total;
    return figureWarnings(figures, { previous: previous?.latest.figures, workforce }).map(figureWarningText);
  };

  /** A confirmed warning goes at once to whoever verifies the unit, once per revision. */
  const alertVerifiers = async (unit: Unit, week: WeekKey, rev: number, warnings: string[], by: string, at: Date): Promise<void> => {
    const chats = verifierChats(store, unit);
    if (chats.length === 0) return;
    await deps.outbox.enqueue({
      id: `alert-${unit.code}-${week}-r${rev}`,
      kind: 'notice',
      title: alertTitle(unit, week),
      bodies: { default: { format: 'html', text: warningAlertMessage(unit, week, warnings, by, at).text } },
      recipients: chats.map((chatId) => ({ chatId, variant: 'default' })),
    });
  };

  feature.command(['submit', 'lapor'], async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    await applyStep(ctx, deps, await startReport(facts(ctx), ctx.payload.trim()), (effect) => perform(ctx, effect));
  });

  feature.command(['workforce', 'penduduk'], async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    const open = currentFlow(ctx);
    await applyStep(ctx, deps, startWorkforceCorrection(facts(ctx), ctx.payload.trim(), open?.name === 'report' ? open : undefined), (effect) => perform(ctx, effect));
  });

  feature.use(guidedFlow<ReportState, ReportEffect, ReportFacts>(deps, { name: 'report', feature: REPORT_FEATURE, facts, step: reportStep, perform, acceptsOther: true }));
  return feature;
}
