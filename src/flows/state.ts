import { z } from 'zod';
import { ALL_FIELDS, type FieldKey } from '../domain/fields.js';
import { AudienceSchema, EntitySchema, FiguresSchema, isoInstant, RoleSchema, unitCode } from '../domain/records.js';
import { BUDGET_PURPOSES, BUDGET_SOURCES, DocumentRefSchema, REGULATION_KINDS } from '../domain/profile.js';

/**
 * The persisted state of every guided flow, checked when it is read back (sessions.json can be edited, or written by
 * an older version). Bump FLOW_STATE_VERSION whenever a flow's state changes shape: a state of another version that
 * does not fit the current schema ends politely instead of resuming at a wrong step.
 */
export const FLOW_STATE_VERSION = 3;

const weekKey = z.string().regex(/^\d{4}-W\d{2}$/) as unknown as z.ZodType<`${number}-W${string}`>;
const fieldKey = z.enum(ALL_FIELDS as [FieldKey, ...FieldKey[]]);
const flowId = z.string().regex(/^[0-9a-f]{8}$/);
const listKind = z.enum(['provinces', 'units']);

export const ReportFlowSchema = z.object({
  name: z.literal('report'),
  /** Ties buttons to this flow: a button from an earlier report is refused. */
  id: flowId,
  step: z.union([z.enum(['unit', 'week', 'baseline_total', 'baseline_source', 'confirm', 'summary', 'pick', 'nodata_reason', 'nodata_confirm', 'draft_open']), fieldKey]),
  /** /penduduk arrived while this draft was open (step `draft_open`): the step to go back to, and what it named. */
  interrupted: z.object({ step: z.union([z.enum(['confirm', 'summary', 'pick', 'baseline_total', 'baseline_source', 'nodata_reason', 'nodata_confirm']), fieldKey]), workforceQuery: z.string().max(200) }).optional(),
  unitCode: unitCode.optional(),
  week: weekKey.optional(),
  answers: FiguresSchema,
  /** The baseline asked for when the unit has none for the week's year, or changed from the summary. */
  baseline: z.object({ total: z.number().int().positive().optional(), source: z.string().optional(), skipped: z.boolean().optional() }).optional(),
  onBehalf: z.boolean(),
  /** The report already stored for this week: this is a correction. */
  correcting: z.boolean(),
  /** After changing one field from the summary, go back to it. */
  returnToSummary: z.boolean(),
  warningsConfirmed: z.boolean(),
  /** warningKey of every warning confirmed in this flow (or already stored): those are not asked again. */
  confirmedWarnings: z.array(z.string()).optional(),
  /** The latest question's message id: a message sent before it was typed ahead (or sent twice). */
  askedMessageId: z.number().int(),
  /** The last typed answer taken, and its message id: the same text sent again before the next question is a double send. */
  lastAnswer: z.object({ text: z.string().max(4096), messageId: z.number().int() }).optional(),
  /** /penduduk: only the workforce of the year is being corrected, no report. */
  baselineOnly: z.boolean().optional(),
  /** "Belum ada data" for the week: why (the steps nodata_reason and nodata_confirm). */
  noDataReason: z.string().max(200).optional(),
  /** What `/lapor` was given besides a unit still to be chosen: a week, a quick entry, "belum ada data". */
  requested: z.object({ week: weekKey.optional(), quick: z.string().max(2000).optional(), noData: z.object({ reason: z.string().optional() }).optional() }).optional(),
});

export const BroadcastFlowSchema = z.object({
  name: z.literal('broadcast'),
  id: flowId,
  step: z.enum(['text', 'audience', 'audience_list', 'preview', 'when']),
  body: z.object({ text: z.string(), entities: z.array(EntitySchema) }).optional(),
  audience: AudienceSchema.optional(),
  listKind: listKind.optional(),
  notBefore: isoInstant.optional(),
});

/** A monitoring session being scheduled (or rescheduled: `meetingId`). */
export const MeetingFlowSchema = z.object({
  name: z.literal('meeting'),
  id: flowId,
  step: z.enum(['title', 'date', 'time', 'length', 'place', 'agenda', 'audience', 'audience_list', 'preview', 'rs_date', 'rs_time', 'rs_confirm']),
  meetingId: flowId.optional(),
  draft: z.object({
    title: z.string().optional(),
    date: z.object({ year: z.number().int(), month: z.number().int(), day: z.number().int() }).optional(),
    startsAt: isoInstant.optional(),
    zone: z.enum(['WIB', 'WITA', 'WIT']).optional(),
    minutes: z.number().int().positive().optional(),
    place: z.string().optional(),
    agenda: z.string().optional(),
    audience: AudienceSchema.optional(),
  }),
  listKind: listKind.optional(),
});

/** A part of a region's profile being entered (issue 20.4): a regulation, a budget line, villages or a kendala. */
export const ProfileFlowSchema = z.object({
  name: z.literal('profile'),
  id: flowId,
  unitCode,
  step: z.enum([
    'reg_kind',
    'reg_number',
    'reg_year',
    'reg_subject',
    'reg_document',
    'reg_confirm',
    'bud_year',
    'bud_purpose',
    'bud_source',
    'bud_pagu',
    'bud_realisasi',
    'bud_over',
    'bud_people',
    'bud_note',
    'bud_confirm',
    'vil_desa',
    'vil_covered',
    'vil_confirm',
    'ken_text',
  ]),
  draft: z.object({
    kind: z.enum(REGULATION_KINDS).optional(),
    number: z.string().optional(),
    year: z.number().int().optional(),
    subject: z.string().optional(),
    document: DocumentRefSchema.optional(),
    purpose: z.enum(BUDGET_PURPOSES).optional(),
    source: z.enum(BUDGET_SOURCES).optional(),
    paguSen: z.number().int().optional(),
    realisasiSen: z.number().int().optional(),
    people: z.number().int().optional(),
    note: z.string().optional(),
    desa: z.number().int().optional(),
    covered: z.number().int().optional(),
  }),
});

/** A session's notulen being recorded: its conclusions, then the follow-up items one by one, then a preview. */
export const NotulenFlowSchema = z.object({
  name: z.literal('notulen'),
  id: flowId,
  meetingId: flowId,
  step: z.enum(['conclusions', 'what', 'units', 'due', 'figure', 'preview']),
  conclusions: z.string().optional(),
  items: z.array(z.object({ what: z.string(), units: z.array(unitCode), due: z.string(), figure: z.string().optional() })),
  current: z.object({ what: z.string().optional(), units: z.array(unitCode).optional(), due: z.string().optional() }),
});

/** A unit's follow-up item being updated: a status, then a note or a document. */
export const FollowupFlowSchema = z.object({
  name: z.literal('followup'),
  id: flowId,
  itemId: flowId,
  step: z.enum(['status', 'note']),
  status: z.enum(['belum', 'proses', 'selesai', 'terkendala']).optional(),
});

export const FlowSchema = z.union([
  ReportFlowSchema,
  NotulenFlowSchema,
  FollowupFlowSchema,
  MeetingFlowSchema,
  BroadcastFlowSchema,
  ProfileFlowSchema,
  z.object({ name: z.literal('invite'), step: z.literal('role') }),
  z.object({ name: z.literal('invite'), step: z.literal('scope'), role: RoleSchema }),
  z.object({ name: z.literal('request'), step: z.literal('role') }),
  z.object({ name: z.literal('request'), step: z.literal('scope'), role: z.enum(['staff', 'viewer']) }),
]);

/**
 * Conversation state: present only while a flow runs. telegraf writes the session back whenever a handler reads
 * it, so an empty session is `undefined` (deleted), never `{}` kept for every person who ever wrote.
 */
export const SessionDataSchema = z.object({
  /** The state's version (FLOW_STATE_VERSION when written); absent in states written before versions existed. */
  v: z.number().int().optional(),
  flow: FlowSchema,
  startedAt: isoInstant,
  /** Last activity: a flow left alone past FLOW_TIMEOUT_HOURS ends. */
  updatedAt: isoInstant,
  /**
   * The ids of the updates this flow handled most recently (bounded): Telegram may deliver an update twice. A set of
   * exact ids, never "every id up to the last one": Telegram may start update ids again after a quiet week.
   */
  seenUpdates: z.array(z.number().int()),
});

export type ReportFlow = z.infer<typeof ReportFlowSchema>;
export type BroadcastFlow = z.infer<typeof BroadcastFlowSchema>;
export type MeetingFlow = z.infer<typeof MeetingFlowSchema>;
export type ProfileFlow = z.infer<typeof ProfileFlowSchema>;
export type NotulenFlow = z.infer<typeof NotulenFlowSchema>;
export type FollowupFlow = z.infer<typeof FollowupFlowSchema>;
export type Flow = z.infer<typeof FlowSchema>;
export type SessionData = z.infer<typeof SessionDataSchema>;
export type ReportStep = ReportFlow['step'];

/** The command that starts a flow again, to name when its saved state could not be resumed. */
export const restartCommandOf = (name: unknown): string | undefined =>
  ({ report: '/lapor', meeting: '/jadwal', session: '/jadwal', broadcast: '/umumkan', invite: '/undang', request: '/start', profile: '/profil', notulen: '/notulen', followup: '/tindaklanjut' })[String(name)];

/**
 * Reads a persisted session: the state if it fits this version's schema (older states are accepted as they are
 * when they still fit), or why not.
 */
export function readSession(raw: unknown): { ok: true; session: SessionData } | { ok: false; flowName: unknown } {
  const flowName = (raw as { flow?: { name?: unknown } } | null)?.flow?.name;
  // Before versions, a flow kept only the last update id: it is still a redelivery guard.
  const legacy = raw as { seenUpdates?: unknown; lastUpdateId?: unknown } | null;
  const upgraded =
    legacy && legacy.seenUpdates === undefined && typeof legacy.lastUpdateId === 'number' ? { ...legacy, seenUpdates: [legacy.lastUpdateId] } : raw;
  const parsed = SessionDataSchema.safeParse(upgraded);
  if (!parsed.success || (parsed.data.v ?? 1) > FLOW_STATE_VERSION) return { ok: false, flowName };
  return { ok: true, session: parsed.data };
}
