import type { Access } from '../domain/access.js';
import { callbackButton, type CallbackButton } from '../domain/callback-data.js';
import { parseCount, parseRupiah } from '../domain/numbers.js';
import {
  BUDGET_PURPOSES,
  BUDGET_SOURCES,
  canEditProfile,
  FIRST_REGULATION_YEAR,
  MAX_DESA,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_NAME,
  MAX_KENDALA,
  MAX_NOTE,
  MAX_REGULATION_NUMBER,
  MAX_SUBJECT,
  REGULATION_KINDS,
  sameBudgetLine,
  sameRegulation,
  type BudgetLine,
  type DocumentRef,
  type Kendala,
  type Regulation,
  type UnitProfile,
  type Villages,
} from '../domain/profile.js';
import type { Actor } from '../domain/records.js';
import { expiredButtonAnswer, flowCancelledMessage } from '../messages/access.js';
import { nonTextAnswerMessage } from '../messages/common.js';
import { countErrorText } from '../messages/figures.js';
import type { Html } from '../messages/html.js';
import {
  BUDGET_PURPOSE_LABELS,
  BUDGET_SOURCE_LABELS,
  budgetSummary,
  PROFILE_LABELS,
  profileAsk,
  profileText,
  regulationSummary,
  REGULATION_KIND_LABELS,
  rupiahErrorText,
  villagesSummary,
} from '../messages/profile.js';
import type { ProfileFlow } from './state.js';
import { finish, refuse, say, stay, type FlowInput, type StepResult } from './step.js';

export const PROFILE_FEATURE = 'prf';

export type ProfileState = ProfileFlow;
export type ProfilePart = 'regulation' | 'budget' | 'villages' | 'kendala';
type Draft = ProfileState['draft'];

/** A document sent while a regulation is entered (the wiring reads it from Telegram's message). */
export type ProfileInput = FlowInput | { kind: 'document'; fileId: string; name: string | undefined; size: number | undefined };

export type ProfileEffect =
  | { kind: 'regulation'; unitCode: string; regulation: Regulation }
  | { kind: 'budget'; unitCode: string; line: BudgetLine }
  | { kind: 'villages'; unitCode: string; villages: Villages }
  | { kind: 'kendala'; unitCode: string; kendala: Kendala };

export interface ProfileFacts {
  access: Access;
  now: Date;
  /** This year in the unit's zone: regulations up to it, budgets up to the next one (an APBD is set the year before). */
  year: number;
  actor: Actor;
  unitName: (code: string) => string | undefined;
  profile: (code: string) => UnitProfile | undefined;
}

type Result = StepResult<ProfileState, ProfileEffect>;

/** Typed instead of pressing "Lewati". */
const SKIP_WORDS = /^(?:lewati|lewat|skip|tidak ada|tidak|-)$/i;

/** Longest answer read at all: longer texts are refused before any rule. */
const MAX_ANSWER = 2000;

const button = (label: string, action: string, state: ProfileState): CallbackButton => callbackButton(label, PROFILE_FEATURE, action, state.id);
const cancelRow = (state: ProfileState): CallbackButton[] => [button(PROFILE_LABELS.cancel, 'x', state)];
const choiceButtons = <K extends string>(labels: Record<K, string>, keys: readonly K[], state: ProfileState): CallbackButton[][] => [
  ...keys.map((k) => [button(labels[k], k, state)]),
  cancelRow(state),
];
const confirmButtons = (state: ProfileState): CallbackButton[][] => [[button(PROFILE_LABELS.save, 'save', state), button(PROFILE_LABELS.cancel, 'x', state)]];
const skipButtons = (state: ProfileState): CallbackButton[][] => [[button(PROFILE_LABELS.skip, 'skip', state), button(PROFILE_LABELS.cancel, 'x', state)]];

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A typed answer where buttons are offered: a choice's key, its label, or its position (`1`, `2`...). */
export function matchChoice<K extends string>(text: string, labels: Record<K, string>, keys: readonly K[]): K | undefined {
  const t = norm(text);
  if (t === '') return undefined;
  const byNumber = /^\d+$/.test(t) ? keys[Number(t) - 1] : undefined;
  if (byNumber) return byNumber;
  return keys.find((k) => norm(k) === t || norm(labels[k]) === t) ?? keys.find((k) => norm(labels[k]).startsWith(t) && t.length >= 3);
}

const goTo = (state: ProfileState, step: ProfileState['step'], draft: Draft, message: Html, buttons?: CallbackButton[][]): Result =>
  stay({ ...state, step, draft }, say(message, buttons));

/** The first question of the part chosen, for a unit the person may edit. */
export function startProfileEntry(id: string, unitCode: string, part: ProfilePart, facts: ProfileFacts): Result {
  const unit = facts.unitName(unitCode) ?? unitCode;
  if (!canEditProfile(facts.access, unitCode)) return finish([say(profileText.notAllowed(unit))]);
  const base = (step: ProfileState['step']): ProfileState => ({ name: 'profile', id, unitCode, step, draft: {} });
  switch (part) {
    case 'regulation': {
      const s = base('reg_kind');
      return stay(s, say(profileAsk.regulationKind(unit), choiceButtons(REGULATION_KIND_LABELS, REGULATION_KINDS, s)));
    }
    case 'budget':
      return stay(base('bud_year'), say(profileAsk.budgetYear(unit)));
    case 'villages':
      return stay(base('vil_desa'), say(profileAsk.villagesDesa(unit)));
    case 'kendala':
      return stay(base('ken_text'), say(profileAsk.kendala(unit)));
  }
}

/** A year as four digits within [from, to]. */
function readYear(text: string, from: number, to: number): number | Html {
  const t = text.trim();
  const year = /^\d{4}$/.test(t) ? Number(t) : NaN;
  return year >= from && year <= to ? year : profileText.badYear(t, from, to);
}

function draftRegulation(state: ProfileState, facts: ProfileFacts): Regulation | undefined {
  const d = state.draft;
  if (!d.kind || !d.number || !d.year || !d.subject) return undefined;
  return { id: state.id, kind: d.kind, number: d.number, year: d.year, subject: d.subject, ...(d.document ? { document: d.document } : {}), at: facts.now.toISOString(), by: facts.actor };
}

function draftBudget(state: ProfileState, facts: ProfileFacts): BudgetLine | undefined {
  const d = state.draft;
  if (!d.year || !d.purpose || !d.source || d.paguSen === undefined || d.realisasiSen === undefined || d.people === undefined) return undefined;
  return {
    id: state.id,
    year: d.year,
    purpose: d.purpose,
    source: d.source,
    paguSen: d.paguSen,
    realisasiSen: d.realisasiSen,
    people: d.people,
    ...(d.note ? { note: d.note } : {}),
    at: facts.now.toISOString(),
    by: facts.actor,
  };
}

function regulationConfirm(state: ProfileState, draft: Draft, unit: string, facts: ProfileFacts): Result {
  const next: ProfileState = { ...state, step: 'reg_confirm', draft };
  const r = draftRegulation(next, facts);
  if (!r) return stay(state, say(profileText.useButtons()));
  const replaces = (facts.profile(state.unitCode)?.regulations ?? []).some((x) => sameRegulation(x, r));
  return stay(next, say(regulationSummary(unit, r, replaces), confirmButtons(next)));
}

function budgetConfirm(state: ProfileState, draft: Draft, unit: string, facts: ProfileFacts): Result {
  const next: ProfileState = { ...state, step: 'bud_confirm', draft };
  const b = draftBudget(next, facts);
  if (!b) return stay(state, say(profileText.useButtons()));
  const replaced = (facts.profile(state.unitCode)?.budget ?? []).find((x) => sameBudgetLine(x, b));
  return stay(next, say(budgetSummary(unit, b, replaced), confirmButtons(next)));
}

/** After realisasi: above pagu is possible (a late payment of last year's arrears) but asked once. */
function afterRealisasi(state: ProfileState, draft: Draft): Result {
  if ((draft.realisasiSen ?? 0) > (draft.paguSen ?? 0)) {
    const next: ProfileState = { ...state, step: 'bud_over', draft };
    return stay(next, say(profileText.realisasiOver({ paguSen: draft.paguSen ?? 0, realisasiSen: draft.realisasiSen ?? 0 }), [
      [button(PROFILE_LABELS.confirmOver, 'yes', next), button(PROFILE_LABELS.changeRealisasi, 'redo', next)],
    ]));
  }
  return goTo(state, 'bud_people', draft, profileAsk.budgetPeople());
}

function choose(state: ProfileState, key: string): Result | undefined {
  switch (state.step) {
    case 'reg_kind': {
      const kind = REGULATION_KINDS.find((k) => k === key);
      return kind ? goTo(state, 'reg_number', { ...state.draft, kind }, profileAsk.regulationNumber()) : undefined;
    }
    case 'bud_purpose': {
      const purpose = BUDGET_PURPOSES.find((k) => k === key);
      if (!purpose) return undefined;
      const next: ProfileState = { ...state, step: 'bud_source', draft: { ...state.draft, purpose } };
      return stay(next, say(profileAsk.budgetSource(), choiceButtons(BUDGET_SOURCE_LABELS, BUDGET_SOURCES, next)));
    }
    case 'bud_source': {
      const source = BUDGET_SOURCES.find((k) => k === key);
      return source ? goTo(state, 'bud_pagu', { ...state.draft, source }, profileAsk.budgetPagu()) : undefined;
    }
    default:
      return undefined;
  }
}

function press(state: ProfileState, action: string, unit: string, facts: ProfileFacts): Result {
  if (action === 'x') return finish([say(flowCancelledMessage())]);
  const chosen = choose(state, action);
  if (chosen) return chosen;
  switch (`${state.step}:${action}`) {
    case 'reg_document:skip':
      return regulationConfirm(state, state.draft, unit, facts);
    case 'bud_note:skip': {
      const { note: _note, ...draft } = state.draft;
      return budgetConfirm(state, draft, unit, facts);
    }
    case 'bud_over:yes':
      return goTo(state, 'bud_people', state.draft, profileAsk.budgetPeople());
    case 'bud_over:redo':
      return goTo(state, 'bud_realisasi', state.draft, profileAsk.budgetRealisasi());
    case 'reg_confirm:save': {
      const regulation = draftRegulation(state, facts);
      return regulation ? finish([], [{ kind: 'regulation', unitCode: state.unitCode, regulation }]) : refuse(expiredButtonAnswer);
    }
    case 'bud_confirm:save': {
      const line = draftBudget(state, facts);
      return line ? finish([], [{ kind: 'budget', unitCode: state.unitCode, line }]) : refuse(expiredButtonAnswer);
    }
    case 'vil_confirm:save': {
      const { desa, covered } = state.draft;
      if (desa === undefined || covered === undefined) return refuse(expiredButtonAnswer);
      return finish([], [{ kind: 'villages', unitCode: state.unitCode, villages: { desa, covered, at: facts.now.toISOString(), by: facts.actor } }]);
    }
    default:
      return refuse(expiredButtonAnswer);
  }
}

function document(state: ProfileState, input: Extract<ProfileInput, { kind: 'document' }>, unit: string, facts: ProfileFacts): Result {
  if (state.step !== 'reg_document') return stay(state, say(profileText.documentNotNow()));
  const name = (input.name ?? '').trim() || 'dokumen';
  if (input.size !== undefined && input.size > MAX_DOCUMENT_BYTES) return stay(state, say(profileText.documentTooLarge(name, input.size), skipButtons(state)));
  if (name.length > MAX_DOCUMENT_NAME) return stay(state, say(profileText.documentNameTooLong(), skipButtons(state)));
  const doc: DocumentRef = { fileId: input.fileId, name, ...(input.size !== undefined ? { size: input.size } : {}) };
  const confirmed = regulationConfirm(state, { ...state.draft, document: doc }, unit, facts);
  return { ...confirmed, replies: [say(profileText.documentReceived(doc)), ...confirmed.replies] };
}

/** A short text within its limit, or why not. */
const shortText = (text: string, max: number): string | Html => (text === '' ? profileText.empty() : text.length > max ? profileText.tooLong(max) : text);

function typed(state: ProfileState, text: string, unit: string, facts: ProfileFacts): Result {
  const d = state.draft;
  const again = (message: Html): Result => stay(state, say(message));
  switch (state.step) {
    case 'reg_kind':
    case 'bud_purpose':
    case 'bud_source': {
      const key =
        state.step === 'reg_kind'
          ? matchChoice(text, REGULATION_KIND_LABELS, REGULATION_KINDS)
          : state.step === 'bud_purpose'
            ? matchChoice(text, BUDGET_PURPOSE_LABELS, BUDGET_PURPOSES)
            : matchChoice(text, BUDGET_SOURCE_LABELS, BUDGET_SOURCES);
      return (key && choose(state, key)) || again(profileText.unknownChoice());
    }
    case 'reg_number': {
      const number = shortText(text.replace(/^(?:nomor|no\.?)\s*/i, '').trim(), MAX_REGULATION_NUMBER);
      return typeof number === 'string' ? goTo(state, 'reg_year', { ...d, number }, profileAsk.regulationYear()) : again(number);
    }
    case 'reg_year': {
      const year = readYear(text.replace(/^tahun\s*/i, ''), FIRST_REGULATION_YEAR, facts.year);
      return typeof year === 'number' ? goTo(state, 'reg_subject', { ...d, year }, profileAsk.regulationSubject()) : again(year);
    }
    case 'reg_subject': {
      const subject = shortText(text.replace(/^tentang\s+/i, '').trim(), MAX_SUBJECT);
      return typeof subject === 'string' ? goTo(state, 'reg_document', { ...d, subject }, profileAsk.regulationDocument(), skipButtons(state)) : again(subject);
    }
    case 'bud_year': {
      const year = readYear(text.replace(/^(?:tahun|ta\.?)\s*/i, ''), FIRST_REGULATION_YEAR, facts.year + 1);
      if (typeof year !== 'number') return again(year);
      const next: ProfileState = { ...state, step: 'bud_purpose', draft: { ...d, year } };
      return stay(next, say(profileAsk.budgetPurpose(), choiceButtons(BUDGET_PURPOSE_LABELS, BUDGET_PURPOSES, next)));
    }
    case 'bud_pagu': {
      const pagu = parseRupiah(text);
      if (!pagu.ok) return again(profileText.badRupiah(rupiahErrorText(pagu.error)));
      if (pagu.value === 0) return again(profileText.paguZero());
      return goTo(state, 'bud_realisasi', { ...d, paguSen: pagu.value }, profileAsk.budgetRealisasi());
    }
    case 'bud_realisasi': {
      const realisasi = parseRupiah(text);
      if (!realisasi.ok) return again(profileText.badRupiah(rupiahErrorText(realisasi.error)));
      return afterRealisasi(state, { ...d, realisasiSen: realisasi.value });
    }
    case 'bud_people': {
      const people = parseCount(text);
      if (!people.ok) return again(profileText.badCount(countErrorText(people.error)));
      return goTo(state, 'bud_note', { ...d, people: people.value }, profileAsk.budgetNote(), skipButtons(state));
    }
    case 'bud_note': {
      if (SKIP_WORDS.test(text)) return budgetConfirm(state, d, unit, facts);
      const note = shortText(text, MAX_NOTE);
      return typeof note === 'string' ? budgetConfirm(state, { ...d, note }, unit, facts) : again(note);
    }
    case 'vil_desa': {
      const desa = parseCount(text.replace(/\bdesa\b/i, ''));
      if (!desa.ok) return again(profileText.badCount(countErrorText(desa.error)));
      if (desa.value > MAX_DESA) return again(profileText.desaOver(MAX_DESA));
      // A kota without desa: nothing more to ask.
      if (desa.value === 0) {
        const next: ProfileState = { ...state, step: 'vil_confirm', draft: { ...d, desa: 0, covered: 0 } };
        return stay(next, say(villagesSummary(unit, { desa: 0, covered: 0 }), confirmButtons(next)));
      }
      return goTo(state, 'vil_covered', { ...d, desa: desa.value }, profileAsk.villagesCovered(desa.value));
    }
    case 'vil_covered': {
      const covered = parseCount(text.replace(/\bdesa\b/i, ''));
      if (!covered.ok) return again(profileText.badCount(countErrorText(covered.error)));
      const desa = d.desa ?? 0;
      if (covered.value > desa) return again(profileText.coveredOver(covered.value, desa));
      const next: ProfileState = { ...state, step: 'vil_confirm', draft: { ...d, covered: covered.value } };
      return stay(next, say(villagesSummary(unit, { desa, covered: covered.value }), confirmButtons(next)));
    }
    case 'ken_text': {
      const t = shortText(text, MAX_KENDALA);
      if (typeof t !== 'string') return again(t);
      return finish([], [{ kind: 'kendala', unitCode: state.unitCode, kendala: { id: state.id, text: t, at: facts.now.toISOString(), by: facts.actor } }]);
    }
    case 'reg_document':
      return SKIP_WORDS.test(text) ? regulationConfirm(state, d, unit, facts) : stay(state, say(profileAsk.regulationDocument(), skipButtons(state)));
    default:
      return again(profileText.useButtons());
  }
}

/** One step of entering a profile part. Every step checks again that this person may edit the unit. */
export function profileStep(state: ProfileState | undefined, input: ProfileInput, facts: ProfileFacts): Result {
  if (!state) return refuse(expiredButtonAnswer);
  const unit = facts.unitName(state.unitCode) ?? state.unitCode;
  if (!canEditProfile(facts.access, state.unitCode)) return finish([say(profileText.notAllowed(unit))]);
  switch (input.kind) {
    case 'press':
      return input.arg === state.id ? press(state, input.action, unit, facts) : refuse(expiredButtonAnswer);
    case 'other':
      // A photo of a decree is a common way to send it: Telegram compresses photos, so ask for the file itself.
      return state.step === 'reg_document' ? stay(state, say(profileText.sendAsDocument(), skipButtons(state))) : stay(state, say(nonTextAnswerMessage(input.what)));
    case 'document':
      return document(state, input, unit, facts);
    case 'text': {
      const text = input.text.trim();
      if (text.length > MAX_ANSWER) return stay(state, say(profileText.tooLong(MAX_ANSWER)));
      return typed(state, text, unit, facts);
    }
  }
}
