import { isCoordinatorOrAdmin, type Access } from '../domain/access.js';
import { parseUnitList } from '../domain/audience.js';
import { callbackButton } from '../domain/callback-data.js';
import { checkDueDate, MAX_CONCLUSIONS, MAX_ITEM_TEXT, MAX_ITEMS, type DraftItem } from '../domain/followups.js';
import type { Meeting } from '../domain/records.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { localDateOf, parseLocalDate } from '../domain/when.js';
import type { Zone } from '../domain/zones.js';
import { expiredButtonAnswer, flowCancelledMessage, notAllowedMessage } from '../messages/access.js';
import { listProblemsMessage } from '../messages/broadcast.js';
import { nonTextAnswerMessage } from '../messages/common.js';
import { FOLLOWUP_LABELS, followupText, notulenAsk, notulenPreviewMessage, notulenText } from '../messages/followups.js';
import { meetingText } from '../messages/meetings.js';
import { whenErrorText } from '../messages/when.js';
import type { NotulenFlow } from './state.js';
import { finish, refuse, say, stay, type FlowInput, type StepResult } from './step.js';

export const NOTULEN_FEATURE = 'ntl';

export type NotulenState = NotulenFlow;
export type NotulenEffect = { kind: 'save'; meetingId: string; conclusions: string; items: DraftItem[] };

export interface NotulenFacts {
  access: Access;
  regions: RegionDirectory;
  now: Date;
  /** The organiser's zone: a due date is read, and "today" is counted, in it. */
  zone: Zone;
  /** The session, if this person may record its notulen (it has started, and they manage it). */
  meeting: (id: string) => Meeting | undefined;
  /** The codes of the session's audience: items go to its units only. */
  audience: (m: Meeting) => readonly string[];
  /** How many chats the record would reach. */
  reach: (m: Meeting) => number;
  /** A unit's name, as the preview shows it. */
  unitName: (code: string) => string;
}
type Result = StepResult<NotulenState, NotulenEffect>;

const button = (label: string, action: string, state: NotulenState) => callbackButton(label, NOTULEN_FEATURE, action, state.id);

export const startNotulen = (id: string, m: Meeting, zone: Zone): Result =>
  stay({ name: 'notulen', id, meetingId: m.id, step: 'conclusions', items: [], current: {} }, say(notulenAsk.conclusions(m, zone)));

/** Asks for the next item's "what", with a way out once there is something to record. */
const askWhat = (state: NotulenState): Result => {
  const next: NotulenState = { ...state, step: 'what', current: {} };
  const n = state.items.length + 1;
  return stay(next, say(notulenAsk.whatOrDone(n), [[button(FOLLOWUP_LABELS.noMoreItems, 'done', next)]]));
};

function preview(state: NotulenState, m: Meeting, facts: NotulenFacts): Result {
  const next: NotulenState = { ...state, step: 'preview', current: {} };
  const drafts = state.items.map((item) => ({ item, units: item.units.map(facts.unitName) }));
  return stay(
    next,
    say(notulenPreviewMessage(m, state.conclusions ?? '', drafts, facts.reach(m)), [[button(FOLLOWUP_LABELS.save, 'save', next), button(FOLLOWUP_LABELS.cancel, 'x', next)]]),
  );
}

function press(state: NotulenState, action: string, m: Meeting, facts: NotulenFacts): Result {
  switch (action) {
    case 'done':
      return state.step === 'what' ? preview(state, m, facts) : refuse(expiredButtonAnswer);
    case 'skip':
      return state.step === 'figure' ? addItem(state, undefined) : refuse(expiredButtonAnswer);
    case 'save':
      if (state.step !== 'preview' || !state.conclusions) return refuse(expiredButtonAnswer);
      return finish([], [{ kind: 'save', meetingId: m.id, conclusions: state.conclusions, items: state.items }]);
    case 'x':
      return finish([say(flowCancelledMessage())]);
    default:
      return refuse(expiredButtonAnswer);
  }
}

function addItem(state: NotulenState, figure: string | undefined): Result {
  const c = state.current;
  if (!c.what || !c.units || !c.due) return stay(state, say(followupText.useButtons()));
  const items = [...state.items, { what: c.what, units: c.units, due: c.due, ...(figure ? { figure } : {}) }];
  const next: NotulenState = { ...state, items, current: {} };
  if (items.length >= MAX_ITEMS) return stay({ ...next, step: 'what' }, say(notulenText.tooManyItems(MAX_ITEMS), [[button(FOLLOWUP_LABELS.noMoreItems, 'done', next)]]));
  return askWhat(next);
}

/**
 * Recording what a session decided: the organiser (or a coordinator in scope) writes the conclusions, then each
 * follow-up item (what, which of the session's units, by when, optionally the figure it should move), sees a preview
 * and saves; the wiring stores it, sends it to the audience and audits it. Every input is re-checked here.
 */
export function notulenStep(state: NotulenState | undefined, input: FlowInput, facts: NotulenFacts): Result {
  if (!isCoordinatorOrAdmin(facts.access)) return state ? finish([say(notAllowedMessage())]) : refuse(expiredButtonAnswer);
  if (!state) return refuse(expiredButtonAnswer);
  // The session is looked up afresh on every input: one cancelled or out of scope meanwhile ends the flow.
  const m = facts.meeting(state.meetingId);
  if (!m) return input.kind === 'press' && input.arg !== state.id ? refuse(expiredButtonAnswer) : finish([say(flowCancelledMessage())]);
  if (input.kind === 'press') return input.arg === state.id ? press(state, input.action, m, facts) : refuse(expiredButtonAnswer);
  if (input.kind === 'other') return stay(state, say(nonTextAnswerMessage(input.what)));
  const text = input.text.trim();
  if (text === '') return stay(state, say(followupText.emptyText()));
  switch (state.step) {
    case 'conclusions':
      if (text.length > MAX_CONCLUSIONS) return stay(state, say(notulenText.tooLong(MAX_CONCLUSIONS)));
      return askWhat({ ...state, conclusions: text });
    case 'what':
      if (text.length > MAX_ITEM_TEXT) return stay(state, say(notulenText.tooLong(MAX_ITEM_TEXT)));
      return stay({ ...state, step: 'units', current: { what: text } }, say(notulenAsk.units()));
    case 'units': {
      const parsed = parseUnitList(text, facts.regions, m.scope, false);
      if (!parsed.ok) return stay(state, say(listProblemsMessage(parsed.error)));
      const audience = new Set(facts.audience(m));
      const outside = parsed.value.filter((c) => !audience.has(c));
      if (outside.length > 0) return stay(state, say(notulenText.notInAudience(outside.map(facts.unitName))));
      return stay({ ...state, step: 'due', current: { ...state.current, units: parsed.value } }, say(notulenAsk.due()));
    }
    case 'due': {
      const date = parseLocalDate(text, localDateOf(facts.now, facts.zone.iana));
      if (!date.ok) return stay(state, say(meetingText.problem(whenErrorText(date.error))));
      const due = checkDueDate(date.value, facts.now, facts.zone.iana);
      if (!due.ok) return stay(state, say(notulenText.dueInPast()));
      const next: NotulenState = { ...state, step: 'figure', current: { ...state.current, due: due.value } };
      return stay(next, say(notulenAsk.figure(), [[button(FOLLOWUP_LABELS.skip, 'skip', next)]]));
    }
    case 'figure':
      if (text.length > MAX_ITEM_TEXT) return stay(state, say(notulenText.tooLong(MAX_ITEM_TEXT)));
      return addItem(state, text);
    case 'preview':
      return stay(state, say(followupText.useButtons()));
  }
}
