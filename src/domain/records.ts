import { z } from 'zod';

/**
 * The records the bot keeps (reports, people, requests, the audit trail, outbox items, meetings), as zod schemas:
 * the store validates what it reads with them, and messages/ takes their types. How they are laid out in files is
 * the store's business (store/schema.ts).
 */
import { ATTENDANCE_STATUSES } from './attendance.js';
import { ALL_FIELDS, type FieldKey } from './fields.js';
import { REJECT_REASONS } from './requests.js';
import { RETURN_REASONS } from './verification-reasons.js';

const count = z.number().int().nonnegative();
export const isoInstant = z.iso.datetime();
const weekKey = z.string().regex(/^\d{4}-W\d{2}$/);
export const unitCode = z.string().regex(/^\d{2}(?:\.\d{2})?$/);

/** One optional whole number per field of the registry (domain/fields.ts); nothing else. */
export const FiguresSchema = z.strictObject(
  Object.fromEntries(ALL_FIELDS.map((key) => [key, count.optional()])) as Record<FieldKey, ReturnType<typeof count.optional>>,
);

export const ActorSchema = z.object({
  /** Telegram user id; null for an operator's command-line import. */
  telegramId: z.number().int().nullable(),
  name: z.string(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const RevisionSchema = z.object({
  rev: z.number().int().positive(),
  figures: FiguresSchema,
  at: isoInstant,
  by: ActorSchema,
  source: z.enum(['chat', 'import', 'demo']),
  /** Entered by a coordinator on the unit's behalf. */
  onBehalf: z.boolean().optional(),
  /** "Belum ada data" (the BPJS data has not come down yet, say): no figures, never shown or summed as 0. */
  noData: z.object({ reason: z.string().min(1).max(200) }).optional(),
  /** Sent after the week's deadline (within the grace period for staff, or later by a coordinator). */
  late: z.boolean().optional(),
});
export type Revision = z.infer<typeof RevisionSchema>;

/** A coordinator's decision on one revision: a later revision (a correction) awaits a decision of its own. */
export const VerificationSchema = z.object({
  rev: z.number().int().positive(),
  state: z.enum(['verified', 'returned']),
  by: ActorSchema,
  at: isoInstant,
  reason: z.enum(RETURN_REASONS).optional(),
});
export type Verification = z.infer<typeof VerificationSchema>;

export const WeekReportSchema = z.object({
  week: weekKey,
  revisions: z.array(RevisionSchema).min(1),
  verification: VerificationSchema.optional(),
});
export type WeekReport = z.infer<typeof WeekReportSchema>;

const BaselineValuesSchema = z.object({
  workforce_total: z.number().int().positive(),
  workforce_source: z.string().min(1),
  workforce_formal: count.optional(),
  workforce_informal: count.optional(),
  target_pct: z.number().positive().max(100).optional(),
  updatedAt: isoInstant,
  updatedBy: ActorSchema,
});

export const BaselineRecordSchema = BaselineValuesSchema.extend({
  unitCode,
  year: z.number().int(),
  /** Earlier versions of this year's baseline, oldest first: a correction replaces nothing silently. */
  history: z.array(BaselineValuesSchema).optional(),
});
export type BaselineRecord = z.infer<typeof BaselineRecordSchema>;

export const RoleSchema = z.enum(['coordinator', 'staff', 'viewer']);
// Keep in step with the domain's Role.
export type Role = z.infer<typeof RoleSchema>;

export const UserSchema = z.object({
  telegramId: z.number().int(),
  name: z.string(),
  username: z.string().optional(),
  role: RoleSchema,
  /** A unit code (`PP.KK` or `PP`) or `national`. */
  scope: z.union([unitCode, z.literal('national')]),
  grantedAt: isoInstant,
  grantedBy: ActorSchema,
  active: z.boolean(),
  revokedAt: isoInstant.optional(),
  revokedBy: ActorSchema.optional(),
});
export type User = z.infer<typeof UserSchema>;

/** Every action the audit trail records. A new one must be added here, and messages/ must describe it (a type error otherwise). */
export const AUDIT_ACTIONS = [
  'report.submit',
  'report.correct',
  'baseline.set',
  'user.grant',
  'user.revoke',
  'invite.create',
  'invite.use',
  'access.request',
  'access.approve',
  'access.reject',
  'chat.link',
  'chat.unlink',
  'chat.removed',
  'chat.migrate',
  'broadcast.create',
  'session.create',
  'session.reschedule',
  'session.cancel',
  'holiday.add',
  'holiday.remove',
  'profile.regulation',
  'profile.budget',
  'profile.villages',
  'profile.kendala',
  'profile.kendala_close',
  'profile.remove',
  'rekap.export',
  'report.verify',
  'report.return',
  'person.pseudonymise',
  'notulen.record',
  'followup.update',
  'followup.close',
  'followup.reopen',
  'nudge.send',
  'attendance.export',
  'target.set',
  'target.main',
  'target.remove',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEntrySchema = z.object({
  at: isoInstant,
  actor: ActorSchema,
  action: AuditActionSchema,
  unitCode: unitCode.optional(),
  week: weekKey.optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const scope = z.union([unitCode, z.literal('national')]);

/** invites.json: single-use invitations. Only a hash of the code is kept. */
export const InviteSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  role: RoleSchema,
  scope,
  createdBy: ActorSchema,
  createdAt: isoInstant,
  expiresAt: isoInstant,
  usedBy: ActorSchema.optional(),
  usedAt: isoInstant.optional(),
});
export type Invite = z.infer<typeof InviteSchema>;

/** requests.json: access asked for by people without a role. */
export const AccessRequestSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}$/),
  requester: ActorSchema.extend({ telegramId: z.number().int(), username: z.string().optional() }),
  role: z.enum(['staff', 'viewer']),
  scope,
  createdAt: isoInstant,
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: ActorSchema.optional(),
  decidedAt: isoInstant.optional(),
  /** Why it was rejected (see domain/requests.ts). */
  reason: z.enum(REJECT_REASONS).optional(),
  /** The copies sent to approvers: updated when someone decides, so no copy keeps live buttons. */
  notices: z.array(z.object({ chatId: z.number().int(), messageId: z.number().int() })).optional(),
});
export type AccessRequest = z.infer<typeof AccessRequestSchema>;

/** chats.json: groups linked to a reporting unit, so reminders and notices reach them. */
export const ChatLinkSchema = z.object({
  chatId: z.number().int(),
  title: z.string(),
  /** A unit (`PP.KK`, or `PP` for a province's coordinators' group), or `national` for the national coordinators' group. */
  unitCode: z.union([unitCode, z.literal('national')]),
  linkedBy: ActorSchema,
  linkedAt: isoInstant,
  active: z.boolean(),
});
export type ChatLink = z.infer<typeof ChatLinkSchema>;
/** A chat Telegram refused (the user blocked the bot, the group is gone): skipped until it writes again. */
export const InactiveChatSchema = z.object({ chatId: z.number().int(), reason: z.string(), at: isoInstant });

/** A Telegram message entity, kept as Telegram sent it (a broadcast keeps its author's formatting). */
export const EntitySchema = z.looseObject({ type: z.string(), offset: z.number().int(), length: z.number().int() });

/** One message of a `files` body: an HTML text, or a file already written under the data folder, with its caption. */
export const FilePartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('html'), text: z.string() }),
  z.object({
    kind: z.enum(['document', 'photo']),
    /** Relative to the data folder. */
    path: z.string().regex(/^outbox-files\/[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/),
    filename: z.string().min(1),
    caption: z.string().optional(),
  }),
]);
export type FilePart = z.infer<typeof FilePartSchema>;

export const MessageBodySchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('html'), text: z.string() }),
  z.object({ format: z.literal('entities'), text: z.string(), entities: z.array(EntitySchema) }),
  /** Messages sent in order to each recipient (the weekly rekap: a text, a chart, a spreadsheet). */
  z.object({ format: z.literal('files'), parts: z.array(FilePartSchema).min(1) }),
]);
export type MessageBody = z.infer<typeof MessageBodySchema>;

export const CallbackButtonSchema = z.object({ text: z.string(), callback_data: z.string() });

/** Why a delivery failed, as a code: messages/ words it for people; `error` keeps Telegram's own text for operators. */
export const FailureReasonSchema = z.enum([
  'blocked',
  'deactivated',
  'kicked',
  'not_started',
  'chat_not_found',
  'no_rights',
  'group_deactivated',
  'rejected',
  'retries_exhausted',
  'inactive',
  'uncertain',
  'missing_body',
]);
export type FailureReason = z.infer<typeof FailureReasonSchema>;

export const DeliverySchema = z.object({
  chatId: z.number().int(),
  /** Key into the item's bodies: recipients in different zones read different times. */
  variant: z.string(),
  state: z.enum(['pending', 'sending', 'sent', 'failed', 'expired']),
  /** Parts already sent of a text split for Telegram's limit: a resumed delivery sends only the rest. */
  partsSent: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  sentAt: isoInstant.optional(),
  error: z.string().optional(),
  reason: FailureReasonSchema.optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** outbox/open/<id>.json, then outbox/done/<YYYY-MM>/<id>.json: one message for many chats, every delivery's state. */
export const OutboxItemSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/),
  kind: z.enum(['broadcast', 'reminder', 'readiness', 'late', 'notice', 'rekap', 'pack']),
  title: z.string(),
  createdAt: isoInstant,
  notBefore: isoInstant,
  /** Not sent after this instant (a reminder after its session has started). */
  expiresAt: isoInstant.optional(),
  bodies: z.record(z.string(), MessageBodySchema),
  buttons: z.array(z.array(CallbackButtonSchema)).optional(),
  /** Who gets the delivery report when every delivery has settled. */
  reportTo: z.number().int().optional(),
  /** Units of the audience that no chat speaks for (no linked group, no registered person), named in the delivery report. */
  unreached: z.array(z.string()).optional(),
  /**
   * A send cut off by a crash is made again rather than reported uncertain: for an item whose loss is worse than a
   * repeat (a delivery report: twice is better than never).
   */
  atLeastOnce: z.boolean().optional(),
  /** The event an HTML body counts down to: its countdown slot is filled in at send time. */
  countdownTo: isoInstant.optional(),
  deliveries: z.array(DeliverySchema),
  /** Telegram's file_id of each file part once uploaded (by path): later recipients get the same file without a new upload. */
  fileIds: z.record(z.string(), z.string()).optional(),
  completedAt: isoInstant.optional(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('provinces'), codes: z.array(unitCode) }),
  z.object({ kind: z.literal('units'), codes: z.array(unitCode) }),
]);

export const AttendanceSchema = z.object({
  telegramId: z.number().int(),
  name: z.string(),
  scope: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  at: isoInstant,
});
export type Attendance = z.infer<typeof AttendanceSchema>;

/** A Kemendagri monitoring session. Reminders are keyed by `version`, which every reschedule raises. */
export const MeetingSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}$/),
  title: z.string().min(1),
  startsAt: isoInstant,
  /** The zone the organiser wrote the time in. */
  zone: z.enum(['WIB', 'WITA', 'WIT']),
  durationMinutes: z.number().int().positive(),
  place: z.string().min(1),
  agenda: z.string().min(1),
  audience: AudienceSchema,
  /** The organiser's scope when it was made: the audience is resolved within it. */
  scope: z.string(),
  createdBy: ActorSchema,
  organiserChatId: z.number().int(),
  createdAt: isoInstant,
  version: z.number().int().positive(),
  status: z.enum(['scheduled', 'cancelled']),
  attendance: z.array(AttendanceSchema),
});
export type Meeting = z.infer<typeof MeetingSchema>;
