import { z } from 'zod';
import {
  AccessRequestSchema,
  RevisionSchema,
  VerificationSchema,
  AuditEntrySchema,
  BaselineRecordSchema,
  ChatLinkSchema,
  InactiveChatSchema,
  InviteSchema,
  isoInstant,
  MeetingSchema,
  unitCode,
  UserSchema,
  WeekReportSchema,
} from '../domain/records.js';

// The records are the domain's; this file says how they lie in the data folder's files.
export * from '../domain/records.js';

/** Bump with a migration in migrations.ts whenever a stored shape changes. */
export const SCHEMA_VERSION = 2;

export const MetaSchema = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: isoInstant,
});
export type Meta = z.infer<typeof MetaSchema>;

/** One line of reports/<ISO year>/<unit code>.jsonl: a revision of a week, or a coordinator's decision on one. */
export const ReportLineSchema = z.union([
  z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/), decision: VerificationSchema }),
  RevisionSchema.extend({ week: z.string().regex(/^\d{4}-W\d{2}$/) }),
]);
export type ReportLine = z.infer<typeof ReportLineSchema>;

/** One unit's reports for one ISO week-year, as read back from its lines (and as schema 1 stored it, in .json). */
export const ReportFileSchema = z.object({
  unitCode,
  year: z.number().int(),
  reports: z.array(WeekReportSchema),
});
export type ReportFile = z.infer<typeof ReportFileSchema>;

export const BaselinesFileSchema = z.object({ baselines: z.array(BaselineRecordSchema) });
export type BaselinesFile = z.infer<typeof BaselinesFileSchema>;

export const UsersFileSchema = z.object({ users: z.array(UserSchema) });
export type UsersFile = z.infer<typeof UsersFileSchema>;

export const SessionEntrySchema = z.object({ data: z.unknown(), updatedAt: isoInstant });
export const SessionsFileSchema = z.object({ sessions: z.record(z.string(), SessionEntrySchema) });
export type SessionsFile = z.infer<typeof SessionsFileSchema>;

/** audit/<YYYY-MM-DD>.json (UTC day): appended to, never edited. */
export const AuditFileSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditFile = z.infer<typeof AuditFileSchema>;

export const InvitesFileSchema = z.object({ invites: z.array(InviteSchema) });

export const RequestsFileSchema = z.object({ requests: z.array(AccessRequestSchema) });

export const ChatsFileSchema = z.object({
  chats: z.array(ChatLinkSchema),
  inactive: z.array(InactiveChatSchema).default([]),
});

export const MeetingsFileSchema = z.object({ meetings: z.array(MeetingSchema) });
