import { isCoordinatorOrAdmin, type Access } from '../domain/access.js';
import type { Audience } from '../domain/audience.js';
import { callbackButton } from '../domain/callback-data.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import type { MessageBody } from '../domain/records.js';
import { localDateOf, parseLocalDate, parseLocalTime, splitDateTime, toInstant, ZONE_IANA } from '../domain/when.js';
import type { Zone } from '../domain/zones.js';
import { expiredButtonAnswer, flowCancelledMessage, notAllowedMessage } from '../messages/access.js';
import {
  askAudienceListMessage,
  askAudienceMessage,
  askScheduleMessage,
  audienceLabel,
  broadcastAskTextMessage,
  broadcastHeader,
  broadcastNeedsTextMessage,
  broadcastPreviewMessage,
  broadcastTooLongMessage,
  CANCEL_BROADCAST_LABEL,
  SCHEDULE_LABEL,
  scheduleProblemMessage,
  SEND_NOW_LABEL,
  SEND_SCHEDULED_LABEL,
  useButtonsMessage,
} from '../messages/broadcast.js';
import { nonTextAnswerMessage } from '../messages/common.js';
import { MAX_MESSAGE_LENGTH } from '../messages/html.js';
import { whenErrorText } from '../messages/when.js';
import { audienceButtons, listKindOf, readAudienceList } from './audience-picker.js';
import type { BroadcastFlow } from './state.js';
import { decline, finish, refuse, say, stay, type FlowInput, type Reply, type StepResult } from './step.js';

export const BROADCAST_FEATURE = 'bc';

/** The notice being prepared: its shape (and the check made when it is read back) is flows/state.ts. */
export type BroadcastState = BroadcastFlow;
/** Queue the notice through the outbox (the wiring records it and answers with a progress button). */
export type BroadcastEffect = { kind: 'send'; id: string; body: MessageBody; audience: Audience; notBefore: Date | undefined };

export interface BroadcastFacts {
  access: Access;
  regions: RegionDirectory;
  now: Date;
  /** The person's own scope (the empty scope covers no unit) and the zone they read and write times in. */
  scope: string;
  zone: Zone;
  /** The sender as recipients should know them: name, role and unit. */
  sender: string;
  /** How many units and chats (groups among them) an audience reaches, and the units nobody can receive for, by name. */
  reach: (audience: Audience) => { units: number; chats: number; groups: number; unreached: string[] };
  newId: () => string;
}
type Result = StepResult<BroadcastState, BroadcastEffect>;

const button = (label: string, action: string, state: BroadcastState) => callbackButton(label, BROADCAST_FEATURE, action, state.id);

/** The notice as recipients see it: a bold header naming the sender, then the author's text and formatting. */
export function noticeBody(state: BroadcastState, sender: string): MessageBody {
  const header = broadcastHeader(sender);
  const prefix = `${header}\n\n`;
  const entities = (state.body?.entities ?? []).map((e) => ({ ...e, offset: e.offset + prefix.length }));
  return { format: 'entities', text: prefix + (state.body?.text ?? ''), entities: [{ type: 'bold', offset: 0, length: header.length }, ...entities] };
}

export function startBroadcast(facts: BroadcastFacts): Result {
  if (!isCoordinatorOrAdmin(facts.access)) return decline(say(notAllowedMessage()));
  return stay({ name: 'broadcast', id: facts.newId(), step: 'text' }, say(broadcastAskTextMessage()));
}

/** The notice as it will arrive, then who it reaches and when, with the buttons to send, schedule or cancel. */
function preview(state: BroadcastState, facts: BroadcastFacts): Result {
  if (!state.audience || !state.body) return stay(state, say(useButtonsMessage()));
  const body = noticeBody(state, facts.sender);
  const reach = facts.reach(state.audience);
  const when = state.notBefore ? { at: new Date(state.notBefore), zone: facts.zone } : undefined;
  const next: BroadcastState = { ...state, step: 'preview' };
  const copy: Reply = body.format === 'entities' ? { copy: { text: body.text, entities: body.entities } } : { message: useButtonsMessage() };
  return stay(
    next,
    copy,
    say(broadcastPreviewMessage({ audience: audienceLabel(state.audience, facts.regions, facts.scope), ...reach, when }), [
      when ? [button(SEND_SCHEDULED_LABEL, 'go', next)] : [button(SEND_NOW_LABEL, 'go', next), button(SCHEDULE_LABEL, 'when', next)],
      [button(CANCEL_BROADCAST_LABEL, 'x', next)],
    ]),
  );
}

/** `Jumat 27/11 08.00 WIB`: a time to come, in the person's zone unless another is written. */
function schedule(state: BroadcastState, text: string, facts: BroadcastFacts): Result {
  const parts = splitDateTime(text);
  const date = parts ? parseLocalDate(parts.date, localDateOf(facts.now, facts.zone.iana)) : undefined;
  const time = parts ? parseLocalTime(parts.time) : undefined;
  if (!date?.ok || !time?.ok) {
    const today = localDateOf(facts.now, facts.zone.iana);
    const why = date && !date.ok ? whenErrorText(date.error) : time && !time.ok ? whenErrorText(time.error) : whenErrorText({ kind: 'date_format', input: text });
    return stay(state, say(scheduleProblemMessage(why, true, today)));
  }
  const at = toInstant(date.value, time.value, time.value.zone ? ZONE_IANA[time.value.zone] : facts.zone.iana);
  if (at <= facts.now) return stay(state, say(scheduleProblemMessage(whenErrorText({ kind: 'past', input: text }), false)));
  return preview({ ...state, notBefore: at.toISOString() }, facts);
}

export function broadcastStep(state: BroadcastState | undefined, input: FlowInput, facts: BroadcastFacts): Result {
  if (!isCoordinatorOrAdmin(facts.access)) return state ? finish([say(notAllowedMessage())]) : refuse(expiredButtonAnswer);
  if (!state) return refuse(expiredButtonAnswer);
  if (input.kind === 'press') {
    if (input.arg !== state.id) return refuse(expiredButtonAnswer);
    switch (input.action) {
      case 'all':
        return state.step === 'audience' ? preview({ ...state, audience: { kind: 'all' } }, facts) : refuse(expiredButtonAnswer);
      case 'prov':
      case 'unit': {
        if (state.step !== 'audience') return refuse(expiredButtonAnswer);
        const listKind = listKindOf(input.action);
        return stay({ ...state, step: 'audience_list', listKind }, say(askAudienceListMessage(listKind)));
      }
      case 'when':
        return state.step === 'preview' ? stay({ ...state, step: 'when' }, say(askScheduleMessage(localDateOf(facts.now, facts.zone.iana)))) : refuse(expiredButtonAnswer);
      case 'go': {
        if (state.step !== 'preview' || !state.audience || !state.body) return refuse(expiredButtonAnswer);
        const notBefore = state.notBefore ? new Date(state.notBefore) : undefined;
        return finish([], [{ kind: 'send', id: state.id, body: noticeBody(state, facts.sender), audience: state.audience, notBefore }]);
      }
      case 'x':
        return finish([say(flowCancelledMessage())]);
      default:
        return refuse(expiredButtonAnswer);
    }
  }
  if (input.kind === 'other') return stay(state, say(nonTextAnswerMessage(input.what)));
  const text = input.text;
  switch (state.step) {
    case 'text': {
      if (text.trim() === '') return stay(state, say(broadcastNeedsTextMessage()));
      // Recipients get the header above the text in one message, which Telegram caps at 4,096 characters.
      const room = MAX_MESSAGE_LENGTH - `${broadcastHeader(facts.sender)}\n\n`.length;
      if (text.length > room) return stay(state, say(broadcastTooLongMessage(text.length, room)));
      const next: BroadcastState = { ...state, step: 'audience', body: { text, entities: input.entities ?? [] } };
      return stay(next, say(askAudienceMessage('pengumuman'), audienceButtons(facts.scope, (label, action) => button(label, action, next))));
    }
    case 'audience_list': {
      const audience = readAudienceList(text, facts.regions, facts.scope, state.listKind);
      if (!audience.ok) return stay(state, say(audience.error));
      return preview({ ...state, audience: audience.value }, facts);
    }
    case 'when':
      return schedule(state, text, facts);
    default:
      return stay(state, say(useButtonsMessage()));
  }
}
