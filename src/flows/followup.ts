import type { Access } from '../domain/access.js';
import { callbackButton } from '../domain/callback-data.js';
import {
  checkDocument,
  FOLLOWUP_STATUS_CODES,
  FOLLOWUP_STATUSES,
  followupStatusOfCode,
  MAX_NOTE,
  type FollowupDocument,
  type FollowupItem,
  type FollowupStatus,
} from '../domain/followups.js';
import { expiredButtonAnswer, flowCancelledMessage, notAllowedMessage } from '../messages/access.js';
import { FOLLOWUP_LABELS, followupText, type ItemView } from '../messages/followups.js';
import type { FollowupFlow } from './state.js';
import { finish, refuse, say, stay, type FlowInput, type StepResult } from './step.js';

export const FOLLOWUP_FEATURE = 'tl';

export type FollowupState = FollowupFlow;
export type FollowupEffect = { kind: 'update'; itemId: string; status: FollowupStatus; note?: string; document?: FollowupDocument };

export interface FollowupFacts {
  access: Access;
  /** The item, if this person may update it (its unit's staff, a coordinator in scope, an admin). */
  updatable: (id: string) => FollowupItem | undefined;
  view: (item: FollowupItem) => ItemView;
}
type Result = StepResult<FollowupState, FollowupEffect>;

const button = (label: string, action: string, state: FollowupState) => callbackButton(label, FOLLOWUP_FEATURE, action, state.id);

const statusButtons = (state: FollowupState) => [
  FOLLOWUP_STATUSES.slice(0, 2).map((s) => button(FOLLOWUP_LABELS.status(s), `s${FOLLOWUP_STATUS_CODES[s]}`, state)),
  FOLLOWUP_STATUSES.slice(2).map((s) => button(FOLLOWUP_LABELS.status(s), `s${FOLLOWUP_STATUS_CODES[s]}`, state)),
  [button(FOLLOWUP_LABELS.cancel, 'x', state)],
];

/** Updating an item starts with its status; a closed item is not updated (a coordinator reopens it first). */
export function startFollowupUpdate(id: string, item: FollowupItem, view: ItemView): Result {
  if (item.closed) return finish([say(followupText.alreadyClosed())]);
  const state: FollowupState = { name: 'followup', id, itemId: item.id, step: 'status' };
  return stay(state, say(followupText.askStatus(view), statusButtons(state)));
}

const save = (state: FollowupState, extra: { note?: string; document?: FollowupDocument }): Result =>
  state.status ? finish([], [{ kind: 'update', itemId: state.itemId, status: state.status, ...extra }]) : stay(state, say(followupText.useButtons()));

/**
 * A unit's staff (or a coordinator) update one item: a status by button, then a short note, a document (a decree, a
 * budget page) or nothing. The item is looked up and the person's right to it checked again on every input.
 */
export function followupStep(state: FollowupState | undefined, input: FlowInput, facts: FollowupFacts): Result {
  if (!state) return refuse(expiredButtonAnswer);
  const item = facts.updatable(state.itemId);
  if (!item) return input.kind === 'press' && input.arg !== state.id ? refuse(expiredButtonAnswer) : finish([say(notAllowedMessage())]);
  if (item.closed) return finish([say(followupText.alreadyClosed())]);
  if (input.kind === 'press') {
    if (input.arg !== state.id) return refuse(expiredButtonAnswer);
    if (input.action === 'x') return finish([say(flowCancelledMessage())]);
    if (input.action === 'skip') return state.step === 'note' ? save(state, {}) : refuse(expiredButtonAnswer);
    const status = input.action.startsWith('s') ? followupStatusOfCode(input.action.slice(1)) : undefined;
    if (!status || state.step !== 'status') return refuse(expiredButtonAnswer);
    const next: FollowupState = { ...state, step: 'note', status };
    return stay(next, say(followupText.askNote(status), [[button(FOLLOWUP_LABELS.skip, 'skip', next), button(FOLLOWUP_LABELS.cancel, 'x', next)]]));
  }
  if (state.step !== 'note') return stay(state, say(followupText.useButtons()));
  if (input.kind === 'other') {
    if (!input.document) return stay(state, say(followupText.notADocument()));
    const document = checkDocument(input.document);
    if (!document.ok) return stay(state, say(followupText.documentProblem(document.error)));
    const caption = input.document.caption?.trim();
    if (caption && caption.length > MAX_NOTE) return stay(state, say(followupText.noteTooLong(MAX_NOTE)));
    return save(state, { document: document.value, ...(caption ? { note: caption } : {}) });
  }
  const note = input.text.trim();
  if (note === '') return stay(state, say(followupText.emptyText()));
  if (note.length > MAX_NOTE) return stay(state, say(followupText.noteTooLong(MAX_NOTE)));
  return save(state, { note });
}
