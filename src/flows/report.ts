import { canReport, type Access } from '../domain/access.js';
import { callbackButton, type CallbackButton } from '../domain/callback-data.js';
import { coordinatorWeeks, deadlineFor, isEnterableByCoordinator, isLate, isReportable, reportableWeeks, type Deadline } from '../domain/deadline.js';
import { splitRegionAndPeriod } from '../domain/periods.js';
import { fieldsFor, figureWarnings, NONASN_PROGRAMMES, validateFigures, warningKey, type FieldKey, type Figures } from '../domain/figures.js';
import { parseCount } from '../domain/numbers.js';
import { parseQuickEntry } from '../domain/quick-entry.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { shiftWeek, weekOf, weekYear, type WeekKey, weekNumber } from '../domain/weeks.js';
import { flowCancelledMessage, typeAnotherRegionHint } from '../messages/access.js';
import { nonTextAnswerMessage } from '../messages/common.js';
import { countErrorText } from '../messages/figures.js';
import { lines, type Html } from '../messages/html.js';
import { FIELD_LABELS } from '../messages/labels.js';
import {
  acceptedLine,
  alreadySentAnswer,
  apology,
  baselineAskSourceMessage,
  baselineAskTotalMessage,
  baselineChangeTotalMessage,
  CANCEL_LABEL,
  CONFIRM_LABEL,
  confirmNotUnderstood,
  EDIT_LABEL,
  figureError,
  fieldErrorMessage,
  fieldQuestion,
  countError,
  DRAFT_BACK_LABEL,
  DRAFT_DISCARD_LABEL,
  DRAFT_WORKFORCE_LABEL,
  draftOpenMessage,
  draftOpenNotUnderstood,
  noPreviousValueMessage,
  notReportableWeekMessage,
  pickFieldMessage,
  quickEntryProblems,
  reportAskUnitMessage,
  reportAskWeekMessage,
  reportCorrectionMessage,
  reportNotAllowedMessage,
  reportStartMessage,
  ruleErrorMessage,
  sameAsLabel,
  SEND_LABEL,
  summaryMessage,
  summaryNotUnderstood,
  warningsMessage,
  weekChoiceLabel,
  weekNotUnderstood,
  workforceAskUnitMessage,
  workforceErrorText,
  workforceNotAllowedMessage,
  WORKFORCE_LABEL,
  NO_DATA_LABEL,
  NO_DATA_PRESET,
  noDataAskReasonMessage,
  noDataSummaryMessage,
  noDataHasFiguresMessage,
  noDataReasonTooLong,
  oneWeekOnlyMessage,
  type Earlier,
} from '../messages/report.js';
import { periodErrorMessage } from '../messages/rekap.js';
import { resolveUnit } from './resolve-unit.js';
import type { ReportFlow } from './state.js';

type Interruptible = NonNullable<ReportFlow['interrupted']>['step'];
/** The steps of a draft /penduduk does not interrupt: before a week is chosen there is nothing to lose. */
const NOT_A_DRAFT_YET: readonly string[] = ['unit', 'week', 'draft_open'];
/** The steps at which a draft's figures are complete, so its workforce can be changed as the summary's last item. */
const COMPLETE: readonly string[] = ['confirm', 'summary', 'pick'];
import { decline, finish, refuse, say, stay, type FlowInput, type StepResult } from './step.js';

export const REPORT_FEATURE = 'lap';
const MAX_SOURCE_LENGTH = 120;

/** The report being entered: its shape (and the check made when it is read back) is flows/state.ts. */
export type ReportState = ReportFlow;

export type ReportEffect =
  | {
      kind: 'save';
      unitCode: string;
      week: WeekKey;
      figures: Figures;
      onBehalf: boolean;
      /** Sent after the week's deadline. */
      late: boolean;
      /** warningKey of every warning of these figures: all confirmed on the way here. */
      warnings: string[];
      workforce: { total: number; source: string } | undefined;
    }
  | { kind: 'workforce'; unitCode: string; year: number; total: number; source: string }
  /** "Belum ada data" for the week, with why: on time for completeness, no figures. */
  | { kind: 'no_data'; unitCode: string; week: WeekKey; reason: string; onBehalf: boolean; late: boolean };

/** What `/lapor` was given besides the unit: a week, a quick entry, "belum ada data" (with or without a reason). */
export interface ReportOptions {
  week?: WeekKey | undefined;
  quick?: string | undefined;
  noData?: { reason?: string | undefined } | undefined;
}

const MAX_REASON_LENGTH = 200;

/** What the flow may read: who is asking, the regions, the time and deadline, and the stored figures. */
export interface ReportFacts {
  access: Access;
  regions: RegionDirectory;
  now: Date;
  deadline: Deadline;
  /** The stored report of a week, if any: its latest figures, how many revisions it has, and whether it says "belum ada data". */
  reportOf: (unitCode: string, week: WeekKey) => Promise<{ figures: Figures; revisions: number; noData?: boolean } | undefined>;
  /** The unit's latest report of a week before `week`. */
  latestBefore: (unitCode: string, week: WeekKey) => Promise<{ week: WeekKey; figures: Figures } | undefined>;
  /** The workforce for a year, or the latest earlier one (Sakernas comes once a year). */
  workforceFor: (unitCode: string, year: number) => { year: number; total: number; source: string } | undefined;
  newId: () => string;
}

/** The flow's answer: a step, and whether its last reply is a question (answers sent before it are not answers to it). */
export type ReportResult = StepResult<ReportState, ReportEffect> & { asks?: true };

const newState = (id: string): ReportState => ({
  name: 'report',
  id,
  step: 'unit',
  answers: {},
  onBehalf: false,
  correcting: false,
  returnToSummary: false,
  warningsConfirmed: false,
  askedMessageId: 0,
});

/** `lap:<action>:<flow id>[.<index>]`: a button only acts on the flow (and question) that sent it. */
const button = (label: string, action: string, state: ReportState, index?: number) =>
  callbackButton(label, REPORT_FEATURE, action, index === undefined ? state.id : `${state.id}.${index}`);

const ask = (state: ReportState, message: Html, buttons?: CallbackButton[][]): ReportResult => ({
  ...stay<ReportState, ReportEffect>(state, say(message, buttons)),
  asks: true,
});

/** The options `/lapor` was given, kept in the state while the unit was asked for. */
const requestedOf = (s: ReportState): ReportOptions => ({
  week: s.requested?.week,
  quick: s.requested?.quick,
  noData: s.requested?.noData,
});

/** The report flow, with the facts it reads: every function here is pure but for reading those facts. */
function reportFlow(facts: ReportFacts) {
  const unitOf = (s: ReportState): Unit | undefined => (s.unitCode ? facts.regions.get(s.unitCode) : undefined);

  const earlierOf = async (s: ReportState): Promise<Earlier | undefined> => {
    if (!s.unitCode || !s.week) return undefined;
    const found = await facts.latestBefore(s.unitCode, s.week);
    return found ? { week: found.week, figures: found.figures, lastWeek: found.week === shiftWeek(s.week, -1) } : undefined;
  };

  const workforceOf = (s: ReportState): number | undefined =>
    s.baseline?.total ?? (s.unitCode && s.week ? facts.workforceFor(s.unitCode, weekYear(s.week))?.total : undefined);

  /** The workforce of the exact year (no carrying forward). */
  const workforceOfYear = (s: ReportState): { total: number; source: string } | undefined => {
    if (!s.unitCode || !s.week) return undefined;
    const year = weekYear(s.week);
    const w = facts.workforceFor(s.unitCode, year);
    return w?.year === year ? w : undefined;
  };

  const workforceLine = (s: ReportState) => {
    if (!s.week || !s.unitCode) return undefined;
    const typed = s.baseline;
    if (typed?.total !== undefined && typed.source !== undefined) return { year: weekYear(s.week), total: typed.total, source: typed.source, changed: true };
    const stored = facts.workforceFor(s.unitCode, weekYear(s.week));
    return stored ? { ...stored, changed: false } : undefined;
  };

  const currentWarningKeys = async (s: ReportState, figures: Figures): Promise<string[]> => {
    const earlier = await earlierOf(s);
    return figureWarnings(figures, { previous: earlier?.figures, workforce: workforceOf(s) }).map(warningKey);
  };

  const confirmWarnings = async (s: ReportState): Promise<ReportState> => ({
    ...s,
    warningsConfirmed: true,
    confirmedWarnings: [...new Set([...(s.confirmedWarnings ?? []), ...(await currentWarningKeys(s, s.answers))])],
  });

  /** Why a non-ASN programme's value cannot be: above this report's non-ASN total. */
  const aboveTotal = (s: ReportState, field: FieldKey, value: number): string | undefined => {
    const total = field === 'nonasn_total' ? undefined : s.answers.nonasn_total;
    if (total === undefined || !(NONASN_PROGRAMMES as readonly string[]).includes(field) || value <= total) return undefined;
    return figureError({ kind: 'above_total', field: field as (typeof NONASN_PROGRAMMES)[number], value, total });
  };

  const askField = async (s: ReportState, field: FieldKey, before?: Html): Promise<ReportResult> => {
    const unit = unitOf(s);
    if (!unit) return finish([say(flowCancelledMessage())]);
    const fields = fieldsFor(unit.kind);
    const index = fields.indexOf(field);
    const earlier = await earlierOf(s);
    const stored = s.correcting || s.returnToSummary ? s.answers[field] : undefined;
    const reuse = stored ?? earlier?.figures[field];
    const next: ReportState = { ...s, step: field };
    // A value this report's own non-ASN total already rules out is not offered as a button.
    const buttons = reuse !== undefined && aboveTotal(s, field, reuse) === undefined ? [[button(sameAsLabel(reuse), 'same', next, index)]] : [];
    // A new report may say, at its first question, that the week has no data yet.
    if (index === 0 && !s.correcting && !s.returnToSummary) buttons.push([button(NO_DATA_LABEL, 'nd', next)]);
    return ask(next, lines(before, fieldQuestion(field, index + 1, fields.length, earlier, stored)), buttons.length > 0 ? buttons : undefined);
  };

  /** "Belum ada data": the reason, then a summary to send. A week with figures stays a week with figures. */
  const askNoDataReason = (s: ReportState): ReportResult => {
    const unit = unitOf(s);
    if (!unit || !s.week) return finish([say(flowCancelledMessage())]);
    const next: ReportState = { ...s, step: 'nodata_reason' };
    return ask(next, noDataAskReasonMessage(unit, s.week), [[button(NO_DATA_PRESET, 'ndr', next)], [button(CANCEL_LABEL, 'cancel', next)]]);
  };

  const noDataSummary = (s: ReportState, reason: string): ReportResult => {
    const unit = unitOf(s);
    if (!unit || !s.week) return finish([say(flowCancelledMessage())]);
    const next: ReportState = { ...s, step: 'nodata_confirm', noDataReason: reason };
    return ask(next, noDataSummaryMessage(unit, s.week, reason, s.onBehalf, lateNow(unit, s.week)), [[button(SEND_LABEL, 'nds', next), button(CANCEL_LABEL, 'cancel', next)]]);
  };

  const lateNow = (unit: Unit, week: WeekKey): boolean => isLate(week, facts.now, unit.zone.iana, facts.deadline, unit.provinceCode);

  /** The weeks offered to this person now, newest first: staff only those within their grace (maybe none). */
  const weeksFor = (unit: Unit): WeekKey[] =>
    (facts.access.role === 'staff' ? reportableWeeks : coordinatorWeeks)(facts.now, unit.zone.iana, facts.deadline, unit.provinceCode);

  /** May this person send this week now: staff within the week's grace, coordinators any week of the past year. */
  const mayEnter = (unit: Unit, week: WeekKey): boolean =>
    facts.access.role === 'staff'
      ? isReportable(week, facts.now, unit.zone.iana, facts.deadline, unit.provinceCode)
      : isEnterableByCoordinator(week, facts.now, unit.zone.iana);

  const sendNoData = async (s: ReportState): Promise<ReportResult> => {
    const unit = unitOf(s);
    const week = s.week;
    const reason = s.noDataReason;
    if (!unit || !week || !reason) return finish([say(flowCancelledMessage())]);
    if (!canReport(facts.access, unit.code)) return finish([say(reportNotAllowedMessage())]);
    if (!mayEnter(unit, week)) return finish([say(notReportableWeekMessage(week, unit))]);
    const existing = await facts.reportOf(unit.code, week);
    if (existing && !existing.noData) return finish([say(noDataHasFiguresMessage(unit, week))]);
    return finish([], [{ kind: 'no_data', unitCode: unit.code, week, reason, onBehalf: s.onBehalf, late: lateNow(unit, week) }]);
  };

  /** After the last field (or a change): whole-report rules, then warnings to confirm, then the summary. */
  const review = async (s: ReportState, before?: Html): Promise<ReportResult> => {
    const unit = unitOf(s);
    if (!unit || !s.week) return finish([say(flowCancelledMessage())]);
    const checked = validateFigures(s.answers, unit.kind);
    if (!checked.ok) {
      const first = checked.error[0];
      if (first) return askField({ ...s, returnToSummary: true }, first.field, lines(before, ruleErrorMessage(figureError(first))));
    }
    const earlier = await earlierOf(s);
    const warnings = figureWarnings(s.answers, { previous: earlier?.figures, workforce: workforceOf(s) });
    const confirmed = new Set(s.confirmedWarnings ?? []);
    const open = warnings.filter((w) => !confirmed.has(warningKey(w)));
    if (open.length > 0) {
      const next: ReportState = { ...s, step: 'confirm', warningsConfirmed: false };
      return ask(next, lines(before, warningsMessage(open)), [[button(CONFIRM_LABEL, 'ok', next), button(EDIT_LABEL, 'edit', next)]]);
    }
    const next: ReportState = { ...s, step: 'summary' };
    const summary = summaryMessage({
      unit,
      week: s.week,
      fields: fieldsFor(unit.kind),
      answers: s.answers,
      earlier,
      workforce: workforceLine(s),
      onBehalf: s.onBehalf,
      correcting: s.correcting,
    });
    return ask(next, lines(before, summary), [[button(SEND_LABEL, 'send', next)], [button(EDIT_LABEL, 'edit', next), button(CANCEL_LABEL, 'cancel', next)]]);
  };

  const pickField = (s: ReportState): ReportResult => {
    const unit = unitOf(s);
    if (!unit) return finish([say(flowCancelledMessage())]);
    const fields = fieldsFor(unit.kind);
    const next: ReportState = { ...s, step: 'pick' };
    const buttons = fields.map((f, i) => [button(`${i + 1}. ${FIELD_LABELS[f]}`, 'f', next, i)]);
    // The workforce can be corrected here too (it is the coverage's denominator); a province unit has none.
    if (unit.kind !== 'provinsi') buttons.push([button(`${fields.length + 1}. ${WORKFORCE_LABEL}`, 'f', next, fields.length)]);
    return ask(next, pickFieldMessage(), buttons);
  };

  const askWorkforce = (s: ReportState, before?: Html): ReportResult => {
    const unit = unitOf(s);
    if (!unit || !s.week) return finish([say(flowCancelledMessage())]);
    const typed = s.baseline;
    const current = typed?.total !== undefined && typed.source !== undefined ? { total: typed.total, source: typed.source } : workforceOfYear(s);
    return ask({ ...s, step: 'baseline_total' }, lines(before, baselineChangeTotalMessage(unit, weekYear(s.week), current)));
  };

  const editField = async (s: ReportState, index: number): Promise<ReportResult> => {
    const unit = unitOf(s);
    if (unit && unit.kind !== 'provinsi' && index === fieldsFor(unit.kind).length) return askWorkforce({ ...s, returnToSummary: true });
    const field = unit ? fieldsFor(unit.kind)[index] : undefined;
    if (!field) return pickField(s);
    return askField({ ...s, returnToSummary: true }, field);
  };

  /** A parsed number for the current field: checked against the non-ASN total, then the next question. */
  const acceptValue = async (s: ReportState, field: FieldKey, value: number): Promise<ReportResult> => {
    const unit = unitOf(s);
    if (!unit) return finish([say(flowCancelledMessage())]);
    const error = aboveTotal(s, field, value);
    if (error) return askField(s, field, ruleErrorMessage(error));
    const next: ReportState = { ...s, answers: { ...s.answers, [field]: value } };
    const fields = fieldsFor(unit.kind);
    const following = fields[fields.indexOf(field) + 1];
    if (s.returnToSummary || following === undefined) return review(next, acceptedLine(field, value));
    return askField(next, following, acceptedLine(field, value));
  };

  const quickEntry = async (s: ReportState, unit: Unit, text: string): Promise<ReportResult> => {
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
    if (Object.values(problems).some((list) => list.length > 0)) return finish([say(quickEntryProblems(problems))]);
    return review({ ...s, answers: parsed.figures });
  };

  /** The week is known: a correction starts from the stored report; a new one may first need the workforce. */
  const startWeek = async (s: ReportState, week: WeekKey, options: ReportOptions = {}): Promise<ReportResult> => {
    const unit = unitOf(s);
    if (!unit) return finish([say(flowCancelledMessage())]);
    const stored = await facts.reportOf(unit.code, week);
    // A "belum ada data" week has no figures to correct: figures sent for it are a first report with figures.
    const existing = stored && !stored.noData ? stored : undefined;
    const withWeek: ReportState = { ...s, week, correcting: existing !== undefined };
    if (options.noData) {
      if (existing) return finish([say(noDataHasFiguresMessage(unit, week))]);
      const reason = options.noData.reason?.trim();
      if (reason && reason.length > MAX_REASON_LENGTH) return askNoDataReason(withWeek);
      return reason ? noDataSummary(withWeek, reason) : askNoDataReason(withWeek);
    }
    const quick = options.quick;
    if (quick !== undefined) return quickEntry(withWeek, unit, quick);
    if (existing) {
      // The stored figures passed their warnings when they were sent: a correction asks only about what it changes.
      const stored = { ...existing.figures };
      const confirmedWarnings = await currentWarningKeys(withWeek, stored);
      return review({ ...withWeek, answers: stored, confirmedWarnings }, reportCorrectionMessage(unit, week, existing.revisions));
    }
    const year = weekYear(week);
    const intro = reportStartMessage(unit, week, s.onBehalf, fieldsFor(unit.kind).length, deadlineFor(week, unit.zone.iana, facts.deadline, unit.provinceCode));
    if (facts.workforceFor(unit.code, year)?.year !== year) {
      return ask({ ...withWeek, step: 'baseline_total' }, lines(intro, '', baselineAskTotalMessage(unit, year)));
    }
    const first = fieldsFor(unit.kind)[0];
    return first ? askField(withWeek, first, lines(intro)) : finish([say(flowCancelledMessage())]);
  };

  const startUnit = async (s: ReportState, unit: Unit, options: ReportOptions = {}): Promise<ReportResult> => {
    const withUnit: ReportState = { ...s, unitCode: unit.code, onBehalf: facts.access.role !== 'staff' };
    if (options.week) {
      if (!mayEnter(unit, options.week)) return finish([say(notReportableWeekMessage(options.week, unit))]);
      return startWeek(withUnit, options.week, options);
    }
    const [current, previous] = weeksFor(unit);
    if (current === undefined) return finish([say(notReportableWeekMessage(weekOf(facts.now, unit.zone.iana), unit))]);
    if (previous === undefined || options.quick !== undefined || options.noData) return startWeek(withUnit, current, options);
    const next: ReportState = { ...withUnit, step: 'week' };
    const due = deadlineFor(previous, unit.zone.iana, facts.deadline, unit.provinceCode);
    return ask(next, reportAskWeekMessage(unit, deadlineFor(current, unit.zone.iana, facts.deadline, unit.provinceCode), due, facts.deadline.graceMs ?? 0, facts.now), [
      [button(weekChoiceLabel(current, true), 'wk', next, 0), button(weekChoiceLabel(previous, false), 'wk', next, 1)],
    ]);
  };

  /** /penduduk: the workforce of the current year alone. */
  const startWorkforce = (s: ReportState, unit: Unit): ReportResult => {
    // The week only names the year: the workforce is corrected whatever the reporting deadline.
    const week = weekOf(facts.now, unit.zone.iana);
    return askWorkforce({ ...s, unitCode: unit.code, week, baselineOnly: true, onBehalf: facts.access.role !== 'staff' });
  };

  /** Send: the rules again (roles and the deadline may have changed while the summary waited), then the save. */
  const send = async (s: ReportState): Promise<ReportResult> => {
    const unit = unitOf(s);
    const week = s.week;
    if (!unit || !week) return finish([say(flowCancelledMessage())]);
    if (!canReport(facts.access, unit.code)) return finish([say(reportNotAllowedMessage())]);
    if (!mayEnter(unit, week)) return finish([say(notReportableWeekMessage(week, unit))]);
    const checked = validateFigures(s.answers, unit.kind);
    if (!checked.ok) return review(s);
    const typed = s.baseline;
    const workforce = typed?.total !== undefined && typed.source !== undefined ? { total: typed.total, source: typed.source } : undefined;
    const warnings = await currentWarningKeys(s, checked.value);
    return finish([], [{ kind: 'save', unitCode: unit.code, week, figures: checked.value, onBehalf: s.onBehalf, late: lateNow(unit, week), warnings, workforce }]);
  };

  /** The answer to the workforce question (from the summary, /penduduk, or a unit without one for the year). */
  const workforceTotal = async (s: ReportState, text: string, lower: string): Promise<ReportResult> => {
    const unit = unitOf(s);
    if (!unit || !s.week) return finish([say(flowCancelledMessage())]);
    const changing = s.returnToSummary || s.baselineOnly === true;
    if (/^(lewati|lewat|skip|nanti)$/.test(lower)) {
      if (s.baselineOnly) return finish([say(flowCancelledMessage())]);
      if (s.returnToSummary) return review(s);
      const first = fieldsFor(unit.kind)[0];
      return first ? askField({ ...s, baseline: { skipped: true } }, first) : finish([]);
    }
    const n = parseCount(text);
    if (!n.ok || n.value === 0) {
      const why = workforceErrorText(n.ok ? undefined : n.error);
      if (changing) return askWorkforce(s, apology(why));
      return ask(s, lines(apology(why), baselineAskTotalMessage(unit, weekYear(s.week))));
    }
    const currentSource = s.baseline?.source ?? workforceOfYear(s)?.source;
    return ask({ ...s, step: 'baseline_source', baseline: { ...s.baseline, total: n.value, skipped: false } }, baselineAskSourceMessage(n.value, changing ? currentSource : undefined));
  };

  const workforceSource = async (s: ReportState, text: string): Promise<ReportResult> => {
    const unit = unitOf(s);
    if (!unit || !s.week) return finish([say(flowCancelledMessage())]);
    const currentSource = workforceOfYear(s)?.source;
    const source = text === '=' ? currentSource : text;
    const total = s.baseline?.total;
    if (source === undefined || source === '' || source.length > MAX_SOURCE_LENGTH || total === undefined) {
      return ask(s, baselineAskSourceMessage(total ?? 0, currentSource));
    }
    const withBaseline: ReportState = { ...s, baseline: { total, source } };
    if (s.baselineOnly) {
      if (!canReport(facts.access, unit.code)) return finish([say(workforceNotAllowedMessage())]);
      return finish([], [{ kind: 'workforce', unitCode: unit.code, year: weekYear(s.week), total, source }]);
    }
    if (s.returnToSummary) return review(withBaseline);
    const first = fieldsFor(unit.kind)[0];
    return first ? askField(withBaseline, first) : finish([]);
  };

  /** A typed answer, by the step it answers. */
  const typed = async (s: ReportState, raw: string): Promise<ReportResult> => {
    const text = raw.trim();
    const lower = text.toLowerCase();
    const unit = unitOf(s);
    switch (s.step) {
      case 'unit': {
        const allowed = (code: string): boolean => canReport(facts.access, code) && (!s.baselineOnly || code.includes('.'));
        const answer = resolveUnit(facts.regions, text, allowed, { feature: REPORT_FEATURE, action: 'u' }, typeAnotherRegionHint());
        if (answer.kind === 'unit') return s.baselineOnly ? startWorkforce(s, answer.unit) : startUnit(s, answer.unit, requestedOf(s));
        if (answer.kind === 'ask') return ask(s, answer.message, answer.buttons);
        return ask(s, s.baselineOnly ? workforceAskUnitMessage() : reportAskUnitMessage());
      }
      case 'week': {
        if (!unit) return finish([say(flowCancelledMessage())]);
        const weeks = weeksFor(unit);
        const byNumber = weeks.find((w) => weekNumber(w) === Number(lower.replace(/\D/g, '')) && /\d/.test(lower));
        const week = /lalu|sebelum/.test(lower) ? weeks[1] : /ini|sekarang/.test(lower) ? weeks[0] : byNumber;
        return week ? startWeek(s, week) : stay(s, say(weekNotUnderstood()));
      }
      case 'nodata_reason':
        if (text.length > MAX_REASON_LENGTH) return ask(s, noDataReasonTooLong(MAX_REASON_LENGTH));
        return noDataSummary(s, text);
      case 'nodata_confirm':
        if (/^(kirim|simpan|ya|benar|sudah)$/.test(lower)) return sendNoData(s);
        return stay(s, say(summaryNotUnderstood()));
      case 'draft_open':
        if (/^(kembali|lanjut|lanjutkan|laporan)\b/.test(lower)) return resume(s);
        return stay(s, say(draftOpenNotUnderstood()));
      case 'baseline_total':
        return workforceTotal(s, text, lower);
      case 'baseline_source':
        return workforceSource(s, text);
      case 'confirm':
        if (/^(ya|y|benar|sudah|betul|ok|oke)\b/.test(lower)) return review(await confirmWarnings(s));
        if (/^(ubah|tidak|bukan|salah|ganti)\b/.test(lower)) return pickField(s);
        return stay(s, say(confirmNotUnderstood()));
      case 'summary':
      case 'pick': {
        if (s.step === 'summary' && /^(kirim|simpan|ya|benar|sudah)$/.test(lower)) return send(s);
        if (/^(ubah|ganti|edit)$/.test(lower)) return pickField(s);
        const number = /^(?:ubah\s+)?(\d{1,2})$/.exec(lower);
        if (number) return editField(s, Number(number[1]) - 1);
        return stay(s, say(s.step === 'summary' ? summaryNotUnderstood() : pickFieldMessage()));
      }
      default: {
        const field = s.step;
        // `=` or `sama` (the button reads "Sama: 4.145", and officials type what they read).
        if (text === '=' || /^sama\b/.test(lower)) {
          const reuse = (s.correcting || s.returnToSummary ? s.answers[field] : undefined) ?? (await earlierOf(s))?.figures[field];
          return reuse === undefined ? stay(s, say(noPreviousValueMessage())) : acceptValue(s, field, reuse);
        }
        const n = parseCount(text);
        if (!n.ok) return askField(s, field, fieldErrorMessage(field, countError(n.error)));
        return acceptValue(s, field, n.value);
      }
    }
  };

  /** A press, checked against the flow and question it belongs to. */
  const pressed = async (s: ReportState, action: string, arg: string): Promise<ReportResult> => {
    if (action === 'u') {
      const unit = facts.regions.get(arg);
      if (s.step !== 'unit' || !unit || !canReport(facts.access, unit.code)) return refuse(alreadySentAnswer);
      return s.baselineOnly ? startWorkforce(s, unit) : startUnit(s, unit, requestedOf(s));
    }
    const [flowId, indexText] = arg.split('.');
    const index = indexText === undefined ? undefined : Number(indexText);
    const unit = unitOf(s);
    const fields = unit ? fieldsFor(unit.kind) : [];
    const valid =
      flowId === s.id &&
      ((action === 'wk' && s.step === 'week' && (index === 0 || index === 1)) ||
        (action === 'same' && index !== undefined && fields[index] === s.step) ||
        (action === 'ok' && s.step === 'confirm') ||
        (action === 'nd' && fields[0] === s.step && !s.correcting && !s.returnToSummary) ||
        (action === 'ndr' && s.step === 'nodata_reason') ||
        (action === 'nds' && s.step === 'nodata_confirm') ||
        (action === 'cancel' && (s.step === 'nodata_reason' || s.step === 'nodata_confirm')) ||
        (action === 'edit' && (s.step === 'confirm' || s.step === 'summary')) ||
        (action === 'f' && s.step === 'pick' && index !== undefined && (fields[index] !== undefined || (index === fields.length && unit?.kind !== 'provinsi'))) ||
        ((action === 'send' || action === 'cancel') && s.step === 'summary') ||
        ((action === 'db' || action === 'dd') && s.step === 'draft_open') ||
        (action === 'dw' && s.step === 'draft_open' && COMPLETE.includes(s.interrupted?.step ?? '') && unit?.kind !== 'provinsi'));
    if (!valid || !unit) return refuse(alreadySentAnswer);
    switch (action) {
      case 'wk': {
        const weeks = weeksFor(unit);
        const week = weeks[index ?? 0] ?? weeks[0];
        return week ? startWeek(s, week) : finish([say(flowCancelledMessage())]);
      }
      case 'same': {
        const field = s.step as FieldKey;
        const reuse = s.answers[field] ?? (await earlierOf(s))?.figures[field];
        return reuse === undefined ? stay(s, say(noPreviousValueMessage())) : acceptValue(s, field, reuse);
      }
      case 'ok':
        return review(await confirmWarnings(s));
      case 'nd':
        return askNoDataReason(s);
      case 'ndr':
        return noDataSummary(s, NO_DATA_PRESET);
      case 'nds':
        return sendNoData(s);
      case 'edit':
        return pickField(s);
      case 'f':
        return editField(s, index ?? 0);
      case 'send':
        return send(s);
      case 'db':
        return resume(s);
      case 'dw':
        return workforceInDraft(s);
      case 'dd':
        // The person chose to leave the draft: /penduduk as they typed it.
        return startWorkforceCorrection(facts, s.interrupted?.workforceQuery ?? '');
      default:
        return finish([say(flowCancelledMessage())]);
    }
  };

  /** The draft /penduduk interrupted, back where it stood: its question again, or its summary. */
  const resume = async (s: ReportState): Promise<ReportResult> => {
    const step = s.interrupted?.step;
    const { interrupted: _done, ...rest } = s;
    const back: ReportState = { ...rest, step: step ?? 'summary' };
    const unit = unitOf(back);
    if (!unit || !back.week) return finish([say(flowCancelledMessage())]);
    const field = fieldsFor(unit.kind).find((f) => f === step);
    if (field) return askField(back, field);
    if (step === 'baseline_total' || step === 'baseline_source') {
      return back.returnToSummary ? askWorkforce(back) : ask({ ...back, step: 'baseline_total' }, baselineAskTotalMessage(unit, weekYear(back.week)));
    }
    if (step === 'nodata_reason') return askNoDataReason(back);
    if (step === 'nodata_confirm' && back.noDataReason) return noDataSummary(back, back.noDataReason);
    return review(back);
  };

  /** /penduduk while this draft is open: ask first; nothing is thrown away unless the person says so. */
  const interrupt = (s: ReportState, query: string, sameUnit: boolean): ReportResult => {
    const unit = unitOf(s);
    if (!unit || !s.week) return finish([say(flowCancelledMessage())]);
    const inDraft = sameUnit && unit.kind !== 'provinsi' && COMPLETE.includes(s.step);
    const next: ReportState = { ...s, step: 'draft_open', interrupted: { step: s.step as Interruptible, workforceQuery: query.slice(0, 200) } };
    const buttons = [...(inDraft ? [[button(DRAFT_WORKFORCE_LABEL, 'dw', next)]] : []), [button(DRAFT_BACK_LABEL, 'db', next)], [button(DRAFT_DISCARD_LABEL, 'dd', next)]];
    return ask(next, draftOpenMessage(unit, s.week, inDraft), buttons);
  };

  /** Change the workforce as the summary's last item: saved with the report. */
  const workforceInDraft = (s: ReportState): ReportResult => {
    const { interrupted: _done, ...rest } = s;
    return askWorkforce({ ...rest, step: 'summary', returnToSummary: true });
  };

  return { newState, startUnit, startWorkforce, typed, pressed, askField, unitOf, resume, interrupt, workforceInDraft };
}

/** /lapor [unit] [pu=... bpu=...]: staff report their unit; coordinators and admins a unit in scope. */
export async function startReport(facts: ReportFacts, payload: string): Promise<ReportResult> {
  const access = facts.access;
  if (access.role !== 'staff' && access.role !== 'coordinator' && access.role !== 'admin') return decline(say(reportNotAllowedMessage()));
  const flow = reportFlow(facts);
  // `[unit] [minggu 47] [belum ada data[: alasan] | pu=... bpu=...]`: a report drafted offline arrives as one message.
  const noDataAt = payload.search(/\bbelum\s+ada\s+data\b/i);
  const quickAt = noDataAt >= 0 ? -1 : payload.search(/[A-Za-z_]+\s*[=:]/);
  const cut = noDataAt >= 0 ? noDataAt : quickAt;
  const head = (cut >= 0 ? payload.slice(0, cut) : payload).trim();
  const quick = quickAt >= 0 ? payload.slice(quickAt) : undefined;
  const noData = noDataAt >= 0 ? { reason: payload.slice(noDataAt).replace(/^belum\s+ada\s+data\s*[:,.\-–]?\s*/i, '').trim() || undefined } : undefined;
  const split = splitRegionAndPeriod(head, weekOf(facts.now, 'Asia/Jayapura'));
  if (!split.period.ok) return decline(say(periodErrorMessage(split.period.error)));
  if (split.named && split.period.value.from !== split.period.value.to) return decline(say(oneWeekOnlyMessage()));
  const options: ReportOptions = { quick, noData, week: split.named ? split.period.value.from : undefined };
  const unitQuery = split.region;
  const hasOptions = options.week !== undefined || options.quick !== undefined || options.noData !== undefined;
  // Kept while the unit is asked for, so a choice by button or name carries on with the week and the figures given.
  const state: ReportState = {
    ...newState(facts.newId()),
    ...(hasOptions
      ? { requested: { ...(options.week ? { week: options.week } : {}), ...(options.quick !== undefined ? { quick: options.quick } : {}), ...(options.noData ? { noData: options.noData.reason ? { reason: options.noData.reason } : {} } : {}) } }
      : {}),
  };
  const own = access.role === 'staff' ? facts.regions.get(access.scope) : undefined;
  if (unitQuery === '' && own) return flow.startUnit(state, own, options);
  if (unitQuery === '') return ask(state, reportAskUnitMessage());
  const answer = resolveUnit(facts.regions, unitQuery, (code) => canReport(access, code), { feature: REPORT_FEATURE, action: 'u' });
  if (answer.kind === 'unit') return flow.startUnit(state, answer.unit, options);
  if (answer.kind === 'ask') return ask(state, answer.message, answer.buttons);
  return ask(state, reportAskUnitMessage());
}

/**
 * /penduduk [unit]: the year's workforce alone, for a kab/kota. With a /lapor draft open (`open`), it asks first:
 * change the workforce in the draft, go back to it, or leave it; a draft is never thrown away without a word.
 */
export function startWorkforceCorrection(facts: ReportFacts, query: string, open?: ReportState): ReportResult {
  const access = facts.access;
  if (access.role !== 'staff' && access.role !== 'coordinator' && access.role !== 'admin') return decline(say(workforceNotAllowedMessage()));
  const flow = reportFlow(facts);
  if (open && !open.baselineOnly && open.unitCode && open.week && !NOT_A_DRAFT_YET.includes(open.step)) {
    const named = query === '' ? undefined : resolveUnit(facts.regions, query, (code) => canReport(access, code) && code.includes('.'), { feature: REPORT_FEATURE, action: 'u' });
    const sameUnit = named === undefined || (named.kind === 'unit' && named.unit.code === open.unitCode);
    return flow.interrupt(open, query, sameUnit);
  }
  const state: ReportState = { ...newState(facts.newId()), baselineOnly: true };
  const own = access.role === 'staff' ? facts.regions.get(access.scope) : undefined;
  if (query === '' && own && own.kind !== 'provinsi') return flow.startWorkforce(state, own);
  if (query === '') return ask(state, workforceAskUnitMessage());
  const answer = resolveUnit(facts.regions, query, (code) => canReport(access, code) && code.includes('.'), { feature: REPORT_FEATURE, action: 'u' }, typeAnotherRegionHint());
  if (answer.kind === 'unit') return flow.startWorkforce(state, answer.unit);
  if (answer.kind === 'ask') return ask(state, answer.message, answer.buttons);
  return ask(state, workforceAskUnitMessage());
}

/**
 * One input to the report flow. A typed answer sent before the question it would answer (typed ahead) is taken as
 * the answer to the question in front of it; the same answer sent twice is taken once; a sticker or photo where a
 * number is awaited gets the question again, with why.
 */
export async function reportStep(
  state: ReportState | undefined,
  input: FlowInput,
  facts: ReportFacts,
): Promise<ReportResult> {
  if (!state) return refuse(alreadySentAnswer);
  const flow = reportFlow(facts);
  if (input.kind === 'press') return flow.pressed(forget(state), input.action, input.arg);
  if (input.kind === 'other') {
    const s = forget(state);
    const unit = flow.unitOf(s);
    const field = unit ? fieldsFor(unit.kind).find((f) => f === s.step) : undefined;
    if (field) return flow.askField(s, field, nonTextAnswerMessage(input.what));
    if (s.step === 'baseline_total' && unit && s.week) return ask(s, lines(nonTextAnswerMessage(input.what), baselineAskTotalMessage(unit, weekYear(s.week))));
    return stay(s, say(nonTextAnswerMessage(input.what)));
  }
  // Every message is answered, even one typed before the bot's latest question arrived (a fast typist, a bad
  // connection): only the very answer just taken, sent again before its next question, is a double send.
  const text = input.text.trim();
  const last = state.lastAnswer;
  const doubleSent = input.messageId !== undefined && input.messageId < state.askedMessageId && last !== undefined && input.messageId > last.messageId && text === last.text;
  if (doubleSent) return { state, replies: [], effects: [], untouched: true };
  const result = await flow.typed(forget(state), input.text);
  return input.messageId !== undefined && result.state ? { ...result, state: { ...result.state, lastAnswer: { text, messageId: input.messageId } } } : result;
}

/** A press or a photo comes between two texts: the next text is no double send of the one before. */
function forget(state: ReportState): ReportState {
  if (state.lastAnswer === undefined) return state;
  const { lastAnswer: _dropped, ...rest } = state;
  return rest;
}
