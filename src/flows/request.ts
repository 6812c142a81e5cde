import { NATIONAL, validScope, type Access, type Scope } from '../domain/access.js';
import { callbackButton, type CallbackButton } from '../domain/callback-data.js';
import type { AccessRequest } from '../domain/records.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import {
  alreadyRegisteredMessage,
  expiredButtonAnswer,
  inviteRoleNotUnderstood,
  parseRole,
  requestAskRoleMessage,
  requestAskScopeMessage,
  requestPendingMessage,
  ROLE_CHOICES,
  staffNeedsUnitMessage,
} from '../messages/access.js';
import { nonTextAnswerMessage } from '../messages/common.js';
import { resolveUnit } from './resolve-unit.js';
import type { Flow } from './state.js';
import { decline, finish, refuse, say, stay, type FlowInput, type StepResult } from './step.js';

export const REQUEST_FEATURE = 'req';

type AskedRole = 'staff' | 'viewer';
export type RequestState = Extract<Flow, { name: 'request' }>;
/** Record the request and put it before its approvers (the wiring knows who they are and how to reach them). */
export type RequestEffect = { kind: 'submit'; role: AskedRole; scope: Scope };
export interface RequestFacts {
  access: Access;
  regions: RegionDirectory;
  /** The person's request still awaiting a decision, if any: one at a time. */
  pending: AccessRequest | undefined;
}
type Result = StepResult<RequestState, RequestEffect>;

/** The button /start offers a stranger. */
export const requestOfferButton = (label: string): CallbackButton[][] => [[callbackButton(label, REQUEST_FEATURE, 'start')]];

const askedRole = (text: string): AskedRole | undefined => {
  const role = parseRole(text);
  return role === 'staff' || role === 'viewer' ? role : undefined;
};

/** A stranger asks for access: which role, or the request already waiting. */
export function startRequest(facts: RequestFacts): Result {
  if (facts.access.role !== 'unknown') return decline(say(alreadyRegisteredMessage()));
  if (facts.pending) return decline(say(requestPendingMessage(facts.pending, facts.regions)));
  const buttons = (['staff', 'viewer'] as const).map((role) => [callbackButton(ROLE_CHOICES[role], REQUEST_FEATURE, 'role', role)]);
  return stay({ name: 'request', step: 'role' }, say(requestAskRoleMessage(), buttons));
}

function submit(state: RequestState, role: AskedRole, scope: Scope): Result {
  if (!validScope(role, scope)) return stay(state, say(staffNeedsUnitMessage()));
  return finish([], [{ kind: 'submit', role, scope }]);
}

/** One input to the request flow; a person who has meanwhile been given a role is told so and the flow ends. */
export function requestStep(state: RequestState | undefined, input: FlowInput, facts: RequestFacts): Result {
  if (input.kind === 'press' && input.action === 'start') return startRequest(facts);
  if (facts.access.role !== 'unknown') return state ? finish([say(alreadyRegisteredMessage())]) : refuse(expiredButtonAnswer);
  if (!state) return refuse(expiredButtonAnswer);
  if (input.kind === 'press') {
    const role = input.action === 'role' && state.step === 'role' ? askedRole(input.arg) : undefined;
    if (role) return stay({ name: 'request', step: 'scope', role }, say(requestAskScopeMessage(role)));
    const unit = input.action === 'unit' && state.step === 'scope' ? facts.regions.get(input.arg) : undefined;
    if (unit && state.step === 'scope') return submit(state, state.role, unit.code);
    return refuse(expiredButtonAnswer);
  }
  if (input.kind === 'other') return stay(state, say(nonTextAnswerMessage(input.what)));
  if (state.step === 'role') {
    const role = askedRole(input.text);
    return role ? stay({ name: 'request', step: 'scope', role }, say(requestAskScopeMessage(role))) : stay(state, say(inviteRoleNotUnderstood()));
  }
  const answer = resolveUnit(facts.regions, input.text, () => true, { feature: REQUEST_FEATURE, action: 'unit' });
  if (answer.kind === 'ask') return stay(state, say(answer.message, answer.buttons));
  return submit(state, state.role, answer.kind === 'national' ? NATIONAL : answer.unit.code);
}
