import { canGrant, NATIONAL, validScope, type Access, type Role, type Scope } from '../domain/access.js';
import { callbackButton } from '../domain/callback-data.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import {
  coordinatorScopeMessage,
  expiredButtonAnswer,
  inviteAskRoleMessage,
  inviteAskScopeMessage,
  inviteRoleNotUnderstood,
  nationalNotForRoleMessage,
  notAllowedMessage,
  outOfScopeMessage,
  parseRole,
  ROLE_CHOICES,
  typeAnotherRegionHint,
} from '../messages/access.js';
import { nonTextAnswerMessage } from '../messages/common.js';
import { lines } from '../messages/html.js';
import { resolveUnit } from './resolve-unit.js';
import type { Flow } from './state.js';
import { decline, finish, refuse, say, stay, type FlowInput, type StepResult } from './step.js';

export const INVITE_FEATURE = 'inv';

export type InviteState = Extract<Flow, { name: 'invite' }>;
/** Create the invite (its link is the wiring's to make: it needs the bot's username and the store). */
export type InviteEffect = { kind: 'issue'; role: Role; scope: Scope };
export interface InviteFacts {
  access: Access;
  regions: RegionDirectory;
}
type Result = StepResult<InviteState, InviteEffect>;

/** The roles this person may hand out: admins make coordinators too. */
export const grantableRoles = (access: Access): Role[] =>
  access.role === 'admin' ? ['coordinator', 'staff', 'viewer'] : access.role === 'coordinator' ? ['staff', 'viewer'] : [];

/** /undang: the role question, or a refusal for people who may invite no one. */
export function startInvite(facts: InviteFacts): Result {
  const roles = grantableRoles(facts.access);
  if (roles.length === 0) return decline(say(notAllowedMessage()));
  const buttons = roles.map((role) => [callbackButton(ROLE_CHOICES[role], INVITE_FEATURE, 'role', role)]);
  return stay({ name: 'invite', step: 'role' }, say(inviteAskRoleMessage(), buttons));
}

function chooseRole(state: InviteState, role: Role | undefined, facts: InviteFacts): Result {
  if (!role) return stay(state, say(inviteRoleNotUnderstood()));
  if (!grantableRoles(facts.access).includes(role)) return stay(state, say(notAllowedMessage()));
  return stay({ name: 'invite', step: 'scope', role }, say(inviteAskScopeMessage(role)));
}

function create(state: InviteState, role: Role, scope: Scope, facts: InviteFacts): Result {
  if (!validScope(role, scope)) return stay(state, say(role === 'coordinator' ? coordinatorScopeMessage() : nationalNotForRoleMessage()));
  if (!canGrant(facts.access, role, scope)) {
    const what = scope === NATIONAL ? 'cakupan nasional' : (facts.regions.get(scope)?.name ?? scope);
    return stay(state, say(lines(outOfScopeMessage(what), typeAnotherRegionHint())));
  }
  return finish([], [{ kind: 'issue', role, scope }]);
}

/** One input to the invite flow. Every press is checked against the state and the person's access as they are now. */
export function inviteStep(state: InviteState | undefined, input: FlowInput, facts: InviteFacts): Result {
  if (!state || grantableRoles(facts.access).length === 0) return refuse(expiredButtonAnswer);
  if (input.kind === 'press') {
    if (input.action === 'role' && state.step === 'role') {
      const role = parseRole(input.arg);
      return role ? chooseRole(state, role, facts) : refuse(expiredButtonAnswer);
    }
    const unit = input.action === 'unit' && state.step === 'scope' ? facts.regions.get(input.arg) : undefined;
    // A button from a finished flow, or forged data: nothing changes.
    if (!unit || state.step !== 'scope') return refuse(expiredButtonAnswer);
    return create(state, state.role, unit.code, facts);
  }
  if (input.kind === 'other') return stay(state, say(nonTextAnswerMessage(input.what)));
  if (state.step === 'role') return chooseRole(state, parseRole(input.text), facts);
  // A unit the role cannot hold is let through, so that create() explains the rule instead of "out of scope".
  const role = state.role;
  const answer = resolveUnit(
    facts.regions,
    input.text,
    (code) => canGrant(facts.access, role, code) || !validScope(role, code),
    { feature: INVITE_FEATURE, action: 'unit' },
    typeAnotherRegionHint(),
  );
  if (answer.kind === 'ask') return stay(state, say(answer.message, answer.buttons));
  return create(state, role, answer.kind === 'national' ? NATIONAL : answer.unit.code, facts);
}
