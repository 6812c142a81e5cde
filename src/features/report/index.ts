import { randomBytes } from 'node:crypto';
import { Composer, Markup } from 'telegraf';
import { canReport } from '../../domain/access.js';
import { deadlineOf, isReportable, reportableWeeks } from '../../domain/deadline.js';
import {
  fieldsFor,
  figureWarnings,
  NONASN_PROGRAMMES,
  warningKey,
  validateFigures,
  type FieldKey,
  type Figures,
} from '../../domain/figures.js';
import { parseCount } from '../../domain/numbers.js';
import { parseQuickEntry } from '../../domain/quick-entry.js';
import type { Unit } from '../../domain/regions/directory.js';
import { shiftWeek, weekYear, type WeekKey } from '../../domain/weeks.js';
import { actorOf } from '../../bot/actor.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext, ReportFlow } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { currentFlow, endFlow, isPrivate, startFlow } from '../../bot/flow.js';
import { askHtml, replyHtml, type ReplyOptions } from '../../bot/reply.js';
import { nonTextKind } from '../../bot/non-text.js';
import { nonTextAnswerMessage } from '../../messages/common.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import { flowCancelledMessage, privateOnlyMessage, typeAnotherRegionHint } from '../../messages/access.js';
import { lines, type Html } from '../../messages/html.js';
import { FIELD_LABELS } from '../../messages/labels.js';
import {
  acceptedLine,
  alreadySentAnswer,
  baselineAskSourceMessage,
  baselineAskTotalMessage,
  baselineChangeTotalMessage,
  apology,
  workforceAskUnitMessage,
  workforceErrorText,
  workforceNotAllowedMessage,
  workforceSavedMessage,
  workforceUnchangedMessage,
  WORKFORCE_LABEL,
  CANCEL_LABEL,
  CONFIRM_LABEL,
  confirmNotUnderstood,
  countError,
  EDIT_LABEL,
  figureError,
  fieldErrorMessage,
  fieldQuestion,
  noPreviousValueMessage,
  notReportableWeekMessage,
  pickFieldMessage,
  quickEntryProblems,
  reportAskUnitMessage,
  reportAskWeekMessage,
  reportCorrectionMessage,
  reportNotAllowedMessage,
  reportSavedMessage,
  reportStartMessage,
  ruleErrorMessage,
  type Earlier,
  sameAsLabel,
  SEND_LABEL,
  summaryMessage,
  summaryNotUnderstood,
  warningsMessage,
  weekChoiceLabel,
  weekNotUnderstood,
} from '../../messages/report.js';
import { countErrorText } from '../../messages/figures.js';

const FEATURE = 'lap';
const MAX_SOURCE_LENGTH = 120;

const newFlow = (): ReportFlow => ({
  name: 'report',
  id: randomBytes(4).toString('hex'),
  step: 'unit',
  answers: {},
  onBehalf: false,
  correcting: false,
  returnToSummary: false,
  warningsConfirmed: false,
  askedMessageId: 0,
});

/** `lap:<action>:<flow id>[.<index>]`: a button only acts on the flow (and question) that sent it. */
const button = (label: string, action: string, flow: ReportFlow, index?: number) =>
  Markup.button.callback(label, encodeCallback(FEATURE, action, index === undefined ? flow.id : `${flow.id}.${index}`));

/**
 * /submit (/lapor): the guided weekly report for the person's unit (staff), or for a unit in scope on its behalf
 * (coordinators, admins). Asks each field with its label and an example, offers last week's value, echoes each
 * parsed number, asks again on an error, confirms soft warnings, and ends with a summary to send, change or cancel.
 * `/lapor pu=... bpu=...` goes straight to the summary. State lives in the persisted session.
 */
export function reportFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { store, regions } = deps;

  const unitOf = (flow: ReportFlow): Unit | undefined => (flow.unitCode ? regions.get(flow.unitCode) : undefined);
  /** The unit's latest report before this week, to offer its values and show changes against. */
  const earlierOf = async (flow: ReportFlow): Promise<Earlier | undefined> => {
    if (!flow.unitCode || !flow.week) return undefined;
    const found = await store.reports.latest(flow.unitCode, flow.week);
    return found ? { week: found.week, figures: found.latest.figures, lastWeek: found.week === shiftWeek(flow.week, -1) } : undefined;
  };
  const previousOf = async (flow: ReportFlow): Promise<Figures | undefined> => (await earlierOf(flow))?.figures;

  /** Sends a question and records it: answers sent before it are not answers to it. */
  const ask = async (ctx: BotContext, flow: ReportFlow, message: Html, options: ReplyOptions = {}): Promise<void> => {
    const id = await askHtml(ctx, message, deps.sleep, options);
    startFlow(ctx, { ...flow, askedMessageId: id ?? flow.askedMessageId }, deps.clock());
  };

  const askField = async (ctx: BotContext, flow: ReportFlow, field: FieldKey, before?: Html): Promise<void> => {
    const unit = unitOf(flow);
    if (!unit) return;
    const fields = fieldsFor(unit.kind);
    const index = fields.indexOf(field);
    const earlier = await earlierOf(flow);
    const previous = earlier?.figures[field];
    const stored = flow.correcting || flow.returnToSummary ? flow.answers[field] : undefined;
    const reuse = stored ?? previous;
    const buttons = reuse !== undefined ? [[button(sameAsLabel(reuse), 'same', flow, index)]] : undefined;
    await ask(ctx, { ...flow, step: field }, lines(before, fieldQuestion(field, index + 1, fields.length, earlier, stored)), {
      buttons,
    });
  };

  /** The workforce stored for the week's year (or the latest earlier one), before this flow changes it. */
  const storedWorkforce = (flow: ReportFlow): { year: number; total: number; source: string } | undefined => {
    if (!flow.unitCode || !flow.week) return undefined;
    const b = store.baselines.forYear(flow.unitCode, weekYear(flow.week));
    return b ? { year: b.year, total: b.workforce_total, source: b.workforce_source } : undefined;
  };
  const workforceLine = (flow: ReportFlow) => {
    if (!flow.week) return undefined;
    const typed = flow.baseline;
    if (typed?.total !== undefined && typed.source !== undefined) return { year: weekYear(flow.week), total: typed.total, source: typed.source, changed: true };
    const stored = storedWorkforce(flow);
    return stored ? { ...stored, changed: false } : undefined;
  };

  const workforceOf = (flow: ReportFlow): number | undefined =>
    flow.baseline?.total ?? (flow.unitCode && flow.week ? store.baselines.forYear(flow.unitCode, weekYear(flow.week))?.workforce_total : undefined);

  /** After the last field (or a change): whole-report rules, then warnings to confirm, then the summary. */
  const review = async (ctx: BotContext, flow: ReportFlow, before?: Html): Promise<void> => {
    const unit = unitOf(flow);
    if (!unit || !flow.week) return;
    const checked = validateFigures(flow.answers, unit.kind);
    if (!checked.ok) {
      const first = checked.error[0];
      if (first) {
        return askField(ctx, { ...flow, returnToSummary: true }, first.field, lines(before, ruleErrorMessage(figureError(first))));
      }
    }
    const earlier = await earlierOf(flow);
    const warnings = figureWarnings(flow.answers, { previous: earlier?.figures, workforce: workforceOf(flow) });
    const confirmed = new Set(flow.confirmedWarnings ?? []);
    const open = warnings.filter((w) => !confirmed.has(warningKey(w)));
    if (open.length > 0) {
      return ask(ctx, { ...flow, step: 'confirm', warningsConfirmed: false }, lines(before, warningsMessage(open)), {
        buttons: [[button(CONFIRM_LABEL, 'ok', flow), button(EDIT_LABEL, 'edit', flow)]],
      });
    }
    await ask(
      ctx,
      { ...flow, step: 'summary' },
      lines(
        before,
        summaryMessage({
          unit,
          week: flow.week,
          fields: fieldsFor(unit.kind),
          answers: flow.answers,
          earlier,
          workforce: workforceLine(flow),
          onBehalf: flow.onBehalf,
          correcting: flow.correcting,
        }),
      ),
      {
        buttons: [
          [button(SEND_LABEL, 'send', flow)],
          [button(EDIT_LABEL, 'edit', flow), button(CANCEL_LABEL, 'cancel', flow)],
        ],
      },
    );
  };

  /** The warnings of the figures as they stand, all confirmed. */
  const currentWarningKeys = async (flow: ReportFlow, figures: Figures): Promise<string[]> => {
    const earlier = await earlierOf(flow);
    return figureWarnings(figures, { previous: earlier?.figures, workforce: workforceOf(flow) }).map(warningKey);
  };
  const confirmWarnings = async (flow: ReportFlow): Promise<ReportFlow> => ({
    ...flow,
    warningsConfirmed: true,
    confirmedWarnings: [...new Set([...(flow.confirmedWarnings ?? []), ...(await currentWarningKeys(flow, flow.answers))])],
  });

  const pickField = async (ctx: BotContext, flow: ReportFlow): Promise<void> => {
    const unit = unitOf(flow);
    if (!unit) return;
    const fields = fieldsFor(unit.kind);
    const buttons = fields.map((f, i) => [button(`${i + 1}. ${FIELD_LABELS[f]}`, 'f', flow, i)]);
    // The workforce can be corrected here too (it is the coverage's denominator); a province unit has none.
    if (unit.kind !== 'provinsi') buttons.push([button(`${fields.length + 1}. ${WORKFORCE_LABEL}`, 'f', flow, fields.length)]);
    await ask(ctx, { ...flow, step: 'pick' }, pickFieldMessage(), { buttons });
  };

  const askWorkforce = async (ctx: BotContext, flow: ReportFlow, before?: Html): Promise<void> => {
    const unit = unitOf(flow);
    if (!unit || !flow.week) return;
    const year = weekYear(flow.week);
    const stored = store.baselines.recordOf(unit.code, year);
    const current = flow.baseline?.total !== undefined && flow.baseline.source !== undefined
      ? { total: flow.baseline.total, source: flow.baseline.source }
      : stored ? { total: stored.workforce_total, source: stored.workforce_source } : undefined;
    await ask(ctx, { ...flow, step: 'baseline_total' }, lines(before, baselineChangeTotalMessage(unit, year, current)));
  };

  const editField = async (ctx: BotContext, flow: ReportFlow, index: number): Promise<void> => {
    const unit = unitOf(flow);
    if (unit && unit.kind !== 'provinsi' && index === fieldsFor(unit.kind).length) return askWorkforce(ctx, { ...flow, returnToSummary: true });
    const field = unit ? fieldsFor(unit.kind)[index] : undefined;
    if (!field) return pickField(ctx, flow);
    await askField(ctx, { ...flow, returnToSummary: true }, field);
  };

  /** A parsed number for the current field: checked against the non-ASN total, then the next question. */
  const acceptValue = async (ctx: BotContext, flow: ReportFlow, field: FieldKey, value: number): Promise<void> => {
    const unit = unitOf(flow);
    if (!unit) return;
    const total = field === 'nonasn_total' ? undefined : flow.answers.nonasn_total;
    if (total !== undefined && (NONASN_PROGRAMMES as readonly string[]).includes(field) && value > total) {
      const text = figureError({ kind: 'above_total', field: field as (typeof NONASN_PROGRAMMES)[number], value, total });
      return askField(ctx, flow, field, ruleErrorMessage(text));
    }
    const next: ReportFlow = { ...flow, answers: { ...flow.answers, [field]: value } };
    const fields = fieldsFor(unit.kind);
    const following = fields[fields.indexOf(field) + 1];
    if (flow.returnToSummary || following === undefined) return review(ctx, next, acceptedLine(field, value));
    await askField(ctx, next, following, acceptedLine(field, value));
  };

  /** The week is known: a correction starts from the stored report; a new one may first need the baseline. */
  const startWeek = async (ctx: BotContext, flow: ReportFlow, week: WeekKey, quick?: string): Promise<void> => {
    const unit = unitOf(flow);
    if (!unit) return;
    const existing = await store.reports.get(unit.code, week);
    const withWeek: ReportFlow = { ...flow, week, correcting: existing !== undefined };
    if (quick !== undefined) return quickEntry(ctx, withWeek, unit, quick);
    if (existing) {
      // The stored figures passed their warnings when they were sent: a correction asks only about what it changes.
      const stored = { ...existing.latest.figures };
      const confirmedWarnings = await currentWarningKeys(withWeek, stored);
      return review(ctx, { ...withWeek, answers: stored, confirmedWarnings }, reportCorrectionMessage(unit, week, existing.revisions.length));
    }
    const year = weekYear(week);
    const intro = reportStartMessage(unit, week, flow.onBehalf, fieldsFor(unit.kind).length);
    if (store.baselines.forYear(unit.code, year)?.year !== year) {
      return ask(ctx, { ...withWeek, step: 'baseline_total' }, lines(intro, '', baselineAskTotalMessage(unit, year)));
    }
    const first = fieldsFor(unit.kind)[0];
    if (first) await askField(ctx, withWeek, first, lines(intro));
  };

  const startUnit = async (ctx: BotContext, flow: ReportFlow, unit: Unit, quick?: string): Promise<void> => {
    const now = deps.clock();
    const withUnit: ReportFlow = { ...flow, unitCode: unit.code, onBehalf: ctx.access.role !== 'staff' };
    const weeks = reportableWeeks(now, unit.zone.iana, deps.reportDeadline);
    const [current, previous] = weeks;
    if (current === undefined) return;
    if (previous === undefined || quick !== undefined) return startWeek(ctx, withUnit, current, quick);
    await ask(ctx, { ...withUnit, step: 'week' }, reportAskWeekMessage(unit, deadlineOf(current, unit.zone.iana, deps.reportDeadline)), {
      buttons: [[button(weekChoiceLabel(current, true), 'wk', withUnit, 0), button(weekChoiceLabel(previous, false), 'wk', withUnit, 1)]],
    });
  };

  const quickEntry = async (ctx: BotContext, flow: ReportFlow, unit: Unit, text: string): Promise<void> => {
    const parsed = parseQuickEntry(text, unit.kind);
    const hard = parsed.errors.length === 0 && parsed.missing.length === 0 ? validateFigures(parsed.figures, unit.kind) : undefined;
    const problems = {
      unknownKeys: parsed.unknownKeys,
      missing: parsed.missing,
      notAllowed: parsed.notAllowed,
      duplicates: parsed.duplicates,
      errors: parsed.errors.map((e) => ({ field: e.field, text: countErrorText(e.error) })),
      hardErrors: hard && !hard.ok ? hard.error.map(figureError) : [],
    };
    if (Object.values(problems).some((list) => list.length > 0)) {
      endFlow(ctx);
      return replyHtml(ctx, quickEntryProblems(problems), deps.sleep);
    }
    await review(ctx, { ...flow, answers: parsed.figures });
  };

  /** The workforce typed in chat, kept with the year's other figures and its history; audited with old and new. */
  const saveWorkforce = async (unit: Unit, year: number, total: number, source: string, by: ReturnType<typeof actorOf>, now: Date) => {
    const result = await store.baselines.setWorkforce(unit.code, year, total, source, by, now);
    if (result.changed) {
      const from = result.previous?.year === year ? result.previous.workforce_total : undefined;
      await store.audit.record({ at: now, actor: by, action: 'baseline.set', scope: unit.code, details: { year, source: 'chat', to: total, workforceSource: source, ...(from !== undefined ? { from } : {}) } });
    }
    return result;
  };

  /** /penduduk: the workforce alone, saved as soon as its source is given. */
  const finishWorkforce = async (ctx: BotContext, flow: ReportFlow, total: number, source: string): Promise<void> => {
    const unit = unitOf(flow);
    if (!unit || !flow.week) return;
    endFlow(ctx);
    if (!canReport(ctx.access, unit.code)) return replyHtml(ctx, workforceNotAllowedMessage(), deps.sleep);
    const year = weekYear(flow.week);
    const result = await saveWorkforce(unit, year, total, source, actorOf(ctx), deps.clock());
    if (!result.changed) return replyHtml(ctx, workforceUnchangedMessage(unit, year), deps.sleep);
    const from = result.previous?.year === year ? result.previous.workforce_total : undefined;
    await replyHtml(ctx, workforceSavedMessage(unit, year, from, total, source), deps.sleep);
  };

  const startWorkforce = async (ctx: BotContext, flow: ReportFlow, unit: Unit): Promise<void> => {
    const week = reportableWeeks(deps.clock(), unit.zone.iana, deps.reportDeadline)[0];
    if (!week) return;
    await askWorkforce(ctx, { ...flow, unitCode: unit.code, week, baselineOnly: true, onBehalf: ctx.access.role !== 'staff' });
  };

  const send = async (ctx: BotContext, flow: ReportFlow): Promise<void> => {
    const unit = unitOf(flow);
    const week = flow.week;
    if (!unit || !week) return;
    const now = deps.clock();
    // Roles and the deadline may have changed while the summary waited.
    if (!canReport(ctx.access, unit.code)) {
      endFlow(ctx);
      return replyHtml(ctx, reportNotAllowedMessage(), deps.sleep);
    }
    if (!isReportable(week, now, unit.zone.iana, deps.reportDeadline)) {
      endFlow(ctx);
      return replyHtml(ctx, notReportableWeekMessage(week, unit), deps.sleep);
    }
    const checked = validateFigures(flow.answers, unit.kind);
    if (!checked.ok) return review(ctx, flow);
    const by = actorOf(ctx);
    const baseline = flow.baseline;
    if (baseline?.total !== undefined && baseline.source !== undefined) {
      await saveWorkforce(unit, weekYear(week), baseline.total, baseline.source, by, now);
    }
    // Every warning of the figures sent was confirmed on the way here (review asks until none is open).
    const warnings = await currentWarningKeys(flow, checked.value);
    const outcome = await store.reportWriter.save(
      { unitCode: unit.code, week, figures: checked.value, by, source: 'chat', onBehalf: flow.onBehalf, at: now },
      { details: { onBehalf: flow.onBehalf, warningsConfirmed: warnings.length > 0, ...(warnings.length > 0 ? { warnings } : {}) } },
    );
    if (outcome.auditPending) deps.logger.error('report saved without its audit line; kept to be written again', { unitCode: unit.code, week });
    endFlow(ctx);
    await replyHtml(ctx, reportSavedMessage(unit, week, outcome.saved ? outcome.rev : 0, outcome.saved, outcome.auditPending), deps.sleep);
  };

  // ---- entry -------------------------------------------------------------------------------------------------

  // /penduduk: staff correct their unit's workforce; coordinators and admins a unit's in scope.
  feature.command(['workforce', 'penduduk'], async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    const access = ctx.access;
    if (access.role !== 'staff' && access.role !== 'coordinator' && access.role !== 'admin') {
      return replyHtml(ctx, workforceNotAllowedMessage(), deps.sleep);
    }
    const flow: ReportFlow = { ...newFlow(), baselineOnly: true };
    const query = ctx.payload.trim();
    const own = access.role === 'staff' ? regions.get(access.scope) : undefined;
    if (query === '' && own && own.kind !== 'provinsi') return startWorkforce(ctx, flow, own);
    if (query === '') return ask(ctx, flow, workforceAskUnitMessage());
    const answer = resolveUnit(regions, query, (code) => canReport(access, code) && code.includes('.'), { feature: FEATURE, action: 'u' }, typeAnotherRegionHint());
    if (answer.kind === 'unit') return startWorkforce(ctx, flow, answer.unit);
    if (answer.kind === 'ask') return ask(ctx, flow, answer.message, { buttons: answer.buttons });
    await ask(ctx, flow, workforceAskUnitMessage());
  });

  feature.command(['submit', 'lapor'], async (ctx) => {
    if (!isPrivate(ctx)) return replyHtml(ctx, privateOnlyMessage(ctx.botInfo.username), deps.sleep);
    const access = ctx.access;
    if (access.role !== 'staff' && access.role !== 'coordinator' && access.role !== 'admin') {
      return replyHtml(ctx, reportNotAllowedMessage(), deps.sleep);
    }
    const payload = ctx.payload.trim();
    const quickAt = payload.search(/[A-Za-z_]+\s*[=:]/);
    const unitQuery = (quickAt >= 0 ? payload.slice(0, quickAt) : payload).trim();
    const quick = quickAt >= 0 ? payload.slice(quickAt) : undefined;
    const flow = newFlow();
    const own = access.role === 'staff' ? regions.get(access.scope) : undefined;
    if (unitQuery === '' && own) return startUnit(ctx, flow, own, quick);
    if (unitQuery === '') return ask(ctx, flow, reportAskUnitMessage());
    const answer = resolveUnit(regions, unitQuery, (code) => canReport(access, code), { feature: FEATURE, action: 'u' });
    if (answer.kind === 'unit') return startUnit(ctx, flow, answer.unit, quick);
    if (answer.kind === 'ask') return ask(ctx, flow, answer.message, { buttons: answer.buttons });
    await ask(ctx, flow, reportAskUnitMessage());
  });

  // ---- buttons -----------------------------------------------------------------------------------------------

  feature.action(/^lap:/, async (ctx) => {
    const data = pressedData(ctx);
    const flow = currentFlow(ctx);
    const report = flow?.name === 'report' ? flow : undefined;
    if (!data || !report) return void (await ctx.answerCbQuery(alreadySentAnswer));
    if (data.action === 'u') {
      const unit = regions.get(data.arg);
      if (report.step !== 'unit' || !unit || !canReport(ctx.access, unit.code)) return void (await ctx.answerCbQuery(alreadySentAnswer));
      await ctx.answerCbQuery();
      return report.baselineOnly ? startWorkforce(ctx, report, unit) : startUnit(ctx, report, unit);
    }
    const [flowId, indexText] = data.arg.split('.');
    const index = indexText === undefined ? undefined : Number(indexText);
    const unit = unitOf(report);
    const fields = unit ? fieldsFor(unit.kind) : [];
    const valid =
      flowId === report.id &&
      ((data.action === 'wk' && report.step === 'week' && (index === 0 || index === 1)) ||
        (data.action === 'same' && index !== undefined && fields[index] === report.step) ||
        (data.action === 'ok' && report.step === 'confirm') ||
        (data.action === 'edit' && (report.step === 'confirm' || report.step === 'summary')) ||
        (data.action === 'f' && report.step === 'pick' && index !== undefined && (fields[index] !== undefined || (index === fields.length && unit?.kind !== 'provinsi'))) ||
        ((data.action === 'send' || data.action === 'cancel') && report.step === 'summary'));
    if (!valid || !unit) return void (await ctx.answerCbQuery(alreadySentAnswer));
    await ctx.answerCbQuery();
    switch (data.action) {
      case 'wk': {
        const weeks = reportableWeeks(deps.clock(), unit.zone.iana, deps.reportDeadline);
        const week = weeks[index ?? 0] ?? weeks[0];
        return week ? startWeek(ctx, report, week) : undefined;
      }
      case 'same': {
        const field = report.step as FieldKey;
        const reuse = report.answers[field] ?? (await previousOf(report))?.[field];
        return reuse === undefined ? replyHtml(ctx, noPreviousValueMessage(), deps.sleep) : acceptValue(ctx, report, field, reuse);
      }
      case 'ok':
        return review(ctx, await confirmWarnings(report));
      case 'edit':
        return pickField(ctx, report);
      case 'f':
        return editField(ctx, report, index ?? 0);
      case 'send':
        return send(ctx, report);
      case 'cancel':
        endFlow(ctx);
        return replyHtml(ctx, flowCancelledMessage(), deps.sleep);
    }
  });

  // ---- typed answers -------------------------------------------------------------------------------------------

  feature.on('text', async (ctx, next) => {
    const flow = currentFlow(ctx);
    const text = ctx.message.text.trim();
    if (flow?.name !== 'report' || !isPrivate(ctx) || text.startsWith('/')) return next();
    // Sent before the question it would answer: a double send, or typed ahead. Answered once, not twice.
    if (ctx.message.message_id < flow.askedMessageId) return;
    const lower = text.toLowerCase();
    const unit = unitOf(flow);
    switch (flow.step) {
      case 'unit': {
        const answer = resolveUnit(regions, text, (code) => canReport(ctx.access, code), { feature: FEATURE, action: 'u' }, typeAnotherRegionHint());
        if (answer.kind === 'unit') return flow.baselineOnly ? startWorkforce(ctx, flow, answer.unit) : startUnit(ctx, flow, answer.unit);
        return ask(ctx, flow, answer.kind === 'ask' ? answer.message : reportAskUnitMessage(), {
          buttons: answer.kind === 'ask' ? answer.buttons : undefined,
        });
      }
      case 'week': {
        if (!unit) return;
        const weeks = reportableWeeks(deps.clock(), unit.zone.iana, deps.reportDeadline);
        const byNumber = weeks.find((w) => Number(w.slice(6)) === Number(lower.replace(/\D/g, '')) && /\d/.test(lower));
        const week = /lalu|sebelum/.test(lower) ? weeks[1] : /ini|sekarang/.test(lower) ? weeks[0] : byNumber;
        return week ? startWeek(ctx, flow, week) : replyHtml(ctx, weekNotUnderstood(), deps.sleep);
      }
      case 'baseline_total': {
        if (!unit || !flow.week) return;
        const changing = flow.returnToSummary || flow.baselineOnly === true;
        if (/^(lewati|lewat|skip|nanti)$/.test(lower)) {
          if (flow.baselineOnly) {
            endFlow(ctx);
            return replyHtml(ctx, flowCancelledMessage(), deps.sleep);
          }
          if (flow.returnToSummary) return review(ctx, flow);
          const first = fieldsFor(unit.kind)[0];
          return first ? askField(ctx, { ...flow, baseline: { skipped: true } }, first) : undefined;
        }
        const n = parseCount(text);
        if (!n.ok || n.value === 0) {
          const why = workforceErrorText(n.ok ? undefined : n.error);
          if (changing) return askWorkforce(ctx, flow, apology(why));
          return ask(ctx, flow, lines(apology(why), baselineAskTotalMessage(unit, weekYear(flow.week))));
        }
        const currentSource = flow.baseline?.source ?? store.baselines.recordOf(unit.code, weekYear(flow.week))?.workforce_source;
        return ask(ctx, { ...flow, step: 'baseline_source', baseline: { ...flow.baseline, total: n.value, skipped: false } }, baselineAskSourceMessage(n.value, changing ? currentSource : undefined));
      }
      case 'baseline_source': {
        if (!unit || !flow.week) return;
        const currentSource = store.baselines.recordOf(unit.code, weekYear(flow.week))?.workforce_source;
        const source = text === '=' ? currentSource : text;
        const total = flow.baseline?.total;
        if (source === undefined || source === '' || source.length > MAX_SOURCE_LENGTH || total === undefined) {
          return ask(ctx, flow, baselineAskSourceMessage(total ?? 0, currentSource));
        }
        const withBaseline: ReportFlow = { ...flow, baseline: { total, source } };
        if (flow.baselineOnly) return finishWorkforce(ctx, flow, total, source);
        if (flow.returnToSummary) return review(ctx, withBaseline);
        const first = fieldsFor(unit.kind)[0];
        return first ? askField(ctx, withBaseline, first) : undefined;
      }
      case 'confirm':
        if (/^(ya|y|benar|sudah|betul|ok|oke)\b/.test(lower)) return review(ctx, await confirmWarnings(flow));
        if (/^(ubah|tidak|bukan|salah|ganti)\b/.test(lower)) return pickField(ctx, flow);
        return replyHtml(ctx, confirmNotUnderstood(), deps.sleep);
      case 'summary':
      case 'pick': {
        if (flow.step === 'summary' && /^(kirim|simpan|ya|benar|sudah)$/.test(lower)) return send(ctx, flow);
        if (/^(ubah|ganti|edit)$/.test(lower)) return pickField(ctx, flow);
        const number = /^(?:ubah\s+)?(\d{1,2})$/.exec(lower);
        if (number) return editField(ctx, flow, Number(number[1]) - 1);
        return replyHtml(ctx, flow.step === 'summary' ? summaryNotUnderstood() : pickFieldMessage(), deps.sleep);
      }
      default: {
        const field = flow.step;
        if (text === '=') {
          const reuse = (flow.correcting || flow.returnToSummary ? flow.answers[field] : undefined) ?? (await previousOf(flow))?.[field];
          if (reuse === undefined) return replyHtml(ctx, noPreviousValueMessage(), deps.sleep);
          return acceptValue(ctx, flow, field, reuse);
        }
        const n = parseCount(text);
        if (!n.ok) return askField(ctx, flow, field, fieldErrorMessage(field, countError(n.error)));
        return acceptValue(ctx, flow, field, n.value);
      }
    }
  });

  // A sticker, photo or voice note while a number is awaited: the question again, with the reason.
  feature.on('message', async (ctx, next) => {
    const flow = currentFlow(ctx);
    const kind = nonTextKind(ctx);
    if (flow?.name !== 'report' || kind === undefined || !isPrivate(ctx)) return next();
    const unit = unitOf(flow);
    const field = unit ? fieldsFor(unit.kind).find((f) => f === flow.step) : undefined;
    if (field) return askField(ctx, flow, field, nonTextAnswerMessage(kind));
    if (flow.step === 'baseline_total' && unit && flow.week) {
      return ask(ctx, flow, lines(nonTextAnswerMessage(kind), baselineAskTotalMessage(unit, weekYear(flow.week))));
    }
    return next();
  });

  return feature;
}
