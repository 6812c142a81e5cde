import type { Context } from 'telegraf';
import type { Access, Role } from '../domain/access.js';
import type { FieldKey, Figures } from '../domain/figures.js';
import type { WeekKey } from '../domain/weeks.js';
import type { Audience } from '../domain/audience.js';

export type { Access } from '../domain/access.js';

export type ReportStep = 'unit' | 'week' | 'baseline_total' | 'baseline_source' | FieldKey | 'confirm' | 'summary' | 'pick';

/** The weekly report being entered: everything needed to resume it after a restart. */
export interface ReportFlow {
  name: 'report';
  /** Ties buttons to this flow: a button from an earlier report is refused. */
  id: string;
  step: ReportStep;
  unitCode?: string;
  week?: WeekKey;
  answers: Figures;
  /** The baseline asked for when the unit has none for the week's year. */
  baseline?: { total?: number; source?: string; skipped?: boolean };
  onBehalf: boolean;
  /** The report already stored for this week: this is a correction. */
  correcting: boolean;
  /** After changing one field from the summary, go back to it. */
  returnToSummary: boolean;
  warningsConfirmed: boolean;
  /** warningKey of every warning confirmed in this flow (or already stored): those are not asked again. */
  confirmedWarnings?: string[];
  /** The question being answered: a message sent before it cannot be its answer. */
  askedMessageId: number;
  /** /penduduk: only the workforce of the year is being corrected, no report. */
  baselineOnly?: boolean;
}

/** A notice for many chats being prepared. */
export interface BroadcastFlow {
  name: 'broadcast';
  id: string;
  step: 'text' | 'audience' | 'audience_list' | 'preview' | 'when';
  body?: { text: string; entities: Array<{ type: string; offset: number; length: number } & Record<string, unknown>> };
  audience?: Audience;
  listKind?: 'provinces' | 'units';
  notBefore?: string;
}

/** A monitoring session being scheduled (or rescheduled: `meetingId`). */
export interface MeetingFlow {
  name: 'meeting';
  id: string;
  step: 'title' | 'date' | 'time' | 'length' | 'place' | 'agenda' | 'audience' | 'audience_list' | 'preview' | 'rs_date' | 'rs_time' | 'rs_confirm';
  meetingId?: string;
  draft: {
    title?: string;
    date?: { year: number; month: number; day: number };
    startsAt?: string;
    zone?: 'WIB' | 'WITA' | 'WIT';
    minutes?: number;
    place?: string;
    agenda?: string;
    audience?: Audience;
  };
  listKind?: 'provinces' | 'units';
}

/** A guided conversation in progress. Persisted, so a restart resumes it. */
export type Flow =
  | ReportFlow
  | MeetingFlow
  | BroadcastFlow
  | { name: 'invite'; step: 'role' }
  | { name: 'invite'; step: 'scope'; role: Role }
  | { name: 'request'; step: 'role' }
  | { name: 'request'; step: 'scope'; role: 'staff' | 'viewer' };

/**
 * Conversation state: present only while a flow runs. telegraf writes the session back whenever a handler reads
 * it, so an empty session is `undefined` (deleted), never `{}` kept for every person who ever wrote.
 */
export interface SessionData {
  flow: Flow;
  startedAt: string;
  /** Last activity: a flow left alone past FLOW_TIMEOUT_HOURS ends. */
  updatedAt: string;
  /**
   * The ids of the updates this flow handled most recently (bounded): Telegram may deliver an update twice. A set of
   * exact ids, never "every id up to the last one": Telegram may start update ids again after a quiet week.
   */
  seenUpdates: number[];
}

export interface BotContext extends Context {
  session: SessionData | undefined;
  access: Access;
}
