import { callbackButton, type CallbackButton } from '../domain/callback-data.js';
import { returnLabel, verifyLabel, type AwaitingReport } from '../messages/verification.js';

export const VERIFY_FEATURE = 'vrf';
/** Buttons for at most this many reports in one message (two a report); the rest wait for the next list. */
export const MAX_DECISIONS = 20;

/** `vrf:ok|rt:<code>~<week>~<rev>`: a decision names the exact revision, so a correction in between voids it. */
export const decisionArg = (r: { unit: { code: string }; week: string; rev: number }): string => `${r.unit.code}~${r.week}~${r.rev}`;

export const decisionButtons = (reports: readonly AwaitingReport[]): CallbackButton[][] =>
  reports.slice(0, MAX_DECISIONS).map((r, i) => [callbackButton(verifyLabel(i, r.unit), VERIFY_FEATURE, 'ok', decisionArg(r)), callbackButton(returnLabel(i, r.unit), VERIFY_FEATURE, 'rt', decisionArg(r))]);
