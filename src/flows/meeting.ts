import { isCoordinatorOrAdmin, type Access } from '../domain/access.js';
import { callbackButton } from '../domain/callback-data.js';
import { parseMeetingLength } from '../domain/durations.js';
import type { Actor, Meeting } from '../domain/records.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { localDateOf, parseLocalDate, parseLocalTime, toInstant, ZONE_IANA } from '../domain/when.js';
import type { Zone, ZoneLabel } from '../domain/zones.js';
import { expiredButtonAnswer, flowCancelledMessage, notAllowedMessage } from '../messages/access.js';
import { askAudienceListMessage, askAudienceMessage } from '../messages/broadcast.js';
import { nonTextAnswerMessage } from '../messages/common.js';
import { lines } from '../messages/html.js';
import { lengthErrorText, meetingAsk, meetingPreviewMessage, meetingText, MEETING_LABELS, type NoticeParties } from '../messages/meetings.js';
import { whenErrorText } from '../messages/when.js';
import { audienceButtons, listKindOf, readAudienceList } from './audience-picker.js';
import type { MeetingFlow } from './state.js';
import { finish, refuse, say, stay, type FlowInput, type StepResult } from './step.js';

export const MEETING_FEATURE = 'jdw';
/** Longest title, place or agenda a meeting takes. */
const MAX_TEXT = 1000;

/** The meeting being scheduled or moved: its shape (and the check made when it is read back) is flows/state.ts. */
export type MeetingState = MeetingFlow;

export type MeetingEffect = { kind: 'save'; meeting: Meeting } | { kind: 'reschedule'; meetingId: string; startsAt: string };

export interface MeetingFacts {
  access: Access;
  regions: RegionDirectory;
  now: Date;
  /** The organiser's scope (the audience is resolved within it) and zone. */
  scope: string;
  zone: Zone;
  actor: Actor;
  chatId: number;
  /** A stored meeting, if this person may manage it. */
  managed: (id: string) => Meeting | undefined;
  /** Who a meeting reaches: its units and chats. */
  reach: (m: Meeting) => { units: number; chats: number };
  parties: (m: Meeting) => NoticeParties;
  zoneNamed: (label: ZoneLabel) => Zone;
}
type Result = StepResult<MeetingState, MeetingEffect>;

const button = (label: string, action: string, state: MeetingState) => callbackButton(label, MEETING_FEATURE, action, state.id);
const ask = (state: MeetingState, step: MeetingState['step'], draft: MeetingState['draft'], message: Parameters<typeof say>[0]): Result =>
  stay({ ...state, step, draft }, say(message));

export const startMeeting = (id: string): Result => stay({ name: 'meeting', id, step: 'title', draft: {} }, say(meetingAsk.title()));

/** Reschedule a stored meeting: a new date, then a new time, then a confirmation. */
export const startReschedule = (id: string, meeting: Meeting, facts: Pick<MeetingFacts, 'now' | 'zone'>): Result =>
  stay({ name: 'meeting', id, step: 'rs_date', meetingId: meeting.id, draft: {} }, say(lines(meetingText.rescheduling(meeting.title), meetingAsk.date(todayOf(facts)))));

const todayOf = (facts: Pick<MeetingFacts, 'now' | 'zone'>) => localDateOf(facts.now, facts.zone.iana);

/** The meeting the draft describes, once every answer is in. */
export function draftMeeting(state: MeetingState, facts: MeetingFacts): Meeting | undefined {
  const d = state.draft;
  if (!d.title || !d.startsAt || !d.zone || !d.minutes || !d.place || !d.agenda || !d.audience) return undefined;
  return {
    id: state.id,
    title: d.title,
    startsAt: d.startsAt,
    zone: d.zone,
    durationMinutes: d.minutes,
    place: d.place,
    agenda: d.agenda,
    audience: d.audience,
    scope: facts.scope,
    createdBy: facts.actor,
    organiserChatId: facts.chatId,
    createdAt: facts.now.toISOString(),
    version: 1,
    status: 'scheduled',
    attendance: [],
  };
}

function preview(state: MeetingState, facts: MeetingFacts): Result {
  const m = draftMeeting(state, facts);
  if (!m) return stay(state, say(meetingText.useButtons()));
  const next: MeetingState = { ...state, step: 'preview' };
  const reach = facts.reach(m);
  return stay(next, say(meetingPreviewMessage(m, facts.zoneNamed(m.zone), facts.parties(m), reach.chats, reach.units), [[button(MEETING_LABELS.save, 'save', next), button(MEETING_LABELS.cancel, 'x', next)]]));
}

/** A time for the date in the draft: the zone written, or the organiser's; never in the past. */
function startsAt(state: MeetingState, text: string, facts: MeetingFacts): { at: Date; zone: ZoneLabel } | string {
  const time = parseLocalTime(text);
  if (!time.ok) return whenErrorText(time.error);
  const zone = time.value.zone ?? facts.zone.label;
  const date = state.draft.date;
  if (!date) return whenErrorText({ kind: 'date_format', input: text });
  const at = toInstant(date, time.value, ZONE_IANA[zone]);
  if (at <= facts.now) return whenErrorText({ kind: 'past', input: text });
  return { at, zone };
}

function press(state: MeetingState, action: string, facts: MeetingFacts): Result {
  switch (action) {
    case 'all':
      return state.step === 'audience' ? preview({ ...state, draft: { ...state.draft, audience: { kind: 'all' } } }, facts) : refuse(expiredButtonAnswer);
    case 'prov':
    case 'unit': {
      if (state.step !== 'audience') return refuse(expiredButtonAnswer);
      const listKind = listKindOf(action);
      return stay({ ...state, step: 'audience_list', listKind }, say(askAudienceListMessage(listKind)));
    }
    case 'save': {
      const meeting = state.step === 'preview' ? draftMeeting(state, facts) : undefined;
      return meeting ? finish([], [{ kind: 'save', meeting }]) : refuse(expiredButtonAnswer);
    }
    case 'rsok': {
      const m = state.meetingId ? facts.managed(state.meetingId) : undefined;
      if (!m || state.step !== 'rs_confirm' || !state.draft.startsAt) return refuse(expiredButtonAnswer);
      return finish([], [{ kind: 'reschedule', meetingId: m.id, startsAt: state.draft.startsAt }]);
    }
    case 'x':
      return finish([say(flowCancelledMessage())]);
    default:
      return refuse(expiredButtonAnswer);
  }
}

export function meetingStep(state: MeetingState | undefined, input: FlowInput, facts: MeetingFacts): Result {
  if (!isCoordinatorOrAdmin(facts.access)) return state ? finish([say(notAllowedMessage())]) : refuse(expiredButtonAnswer);
  if (!state) return refuse(expiredButtonAnswer);
  if (input.kind === 'press') return input.arg === state.id ? press(state, input.action, facts) : refuse(expiredButtonAnswer);
  if (input.kind === 'other') return stay(state, say(nonTextAnswerMessage(input.what)));
  const text = input.text.trim();
  if (text.length > MAX_TEXT) return stay(state, say(meetingText.tooLong(MAX_TEXT)));
  switch (state.step) {
    case 'title':
      return ask(state, 'date', { ...state.draft, title: text }, meetingAsk.date(todayOf(facts)));
    case 'date':
    case 'rs_date': {
      const date = parseLocalDate(text, todayOf(facts));
      if (!date.ok) return stay(state, say(meetingText.problem(whenErrorText(date.error, todayOf(facts)))));
      return ask(state, state.step === 'date' ? 'time' : 'rs_time', { ...state.draft, date: date.value }, meetingAsk.time(facts.zone));
    }
    case 'time':
    case 'rs_time': {
      const at = startsAt(state, text, facts);
      if (typeof at === 'string') return stay(state, say(meetingText.problem(at)));
      const draft = { ...state.draft, startsAt: at.at.toISOString(), zone: at.zone };
      if (state.step === 'time') return ask(state, 'length', draft, meetingAsk.length());
      const m = state.meetingId ? facts.managed(state.meetingId) : undefined;
      if (!m) return finish([say(flowCancelledMessage())]);
      const next: MeetingState = { ...state, step: 'rs_confirm', draft };
      // The zone the new time was typed in only reads that time: the meeting keeps its organiser's zone.
      const moved: Meeting = { ...m, startsAt: draft.startsAt };
      const reach = facts.reach(moved);
      return stay(
        next,
        say(lines(meetingText.newTime(m.title), meetingPreviewMessage(moved, facts.zoneNamed(m.zone), facts.parties(moved), reach.chats, reach.units)), [
          [button(MEETING_LABELS.confirmReschedule, 'rsok', next), button(MEETING_LABELS.cancel, 'x', next)],
        ]),
      );
    }
    case 'length': {
      const minutes = parseMeetingLength(text);
      if (!minutes.ok) return stay(state, say(meetingText.problem(`${lengthErrorText(minutes.error)}.`)));
      return ask(state, 'place', { ...state.draft, minutes: minutes.value }, meetingAsk.place());
    }
    case 'place':
      return ask(state, 'agenda', { ...state.draft, place: text }, meetingAsk.agenda());
    case 'agenda': {
      const next: MeetingState = { ...state, step: 'audience', draft: { ...state.draft, agenda: text } };
      return stay(next, say(askAudienceMessage('sesi'), audienceButtons(facts.scope, (label, action) => button(label, action, next))));
    }
    case 'audience_list': {
      const audience = readAudienceList(text, facts.regions, facts.scope, state.listKind);
      if (!audience.ok) return stay(state, say(audience.error));
      return preview({ ...state, draft: { ...state.draft, audience: audience.value } }, facts);
    }
    default:
      return stay(state, say(meetingText.useButtons()));
  }
}
