import { z } from 'zod';
import { ActorSchema, isoInstant, unitCode } from './records.js';
import { err, ok, type Result } from './result.js';
import { localDateOf, toInstant, type LocalDate } from './when.js';

/**
 * What a monitoring session decided (its notulen) and the follow-up items (tindak lanjut) it gave units: each item is
 * one unit's task, with a due date, living until a coordinator closes it. Pure: no store, no Telegram.
 */
export const FOLLOWUP_STATUSES = ['belum', 'proses', 'selesai', 'terkendala'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];
/** One letter per status in a button's callback data. */
export const FOLLOWUP_STATUS_CODES: Record<FollowupStatus, string> = { belum: 'b', proses: 'p', selesai: 's', terkendala: 'k' };
export const followupStatusOfCode = (code: string): FollowupStatus | undefined => FOLLOWUP_STATUSES.find((s) => FOLLOWUP_STATUS_CODES[s] === code);

/** Longest "what" of an item, conclusions, a note, a figure: short enough to read in a chat. */
export const MAX_ITEM_TEXT = 500;
export const MAX_CONCLUSIONS = 3000;
export const MAX_NOTE = 500;
/** Items one notulen may carry (each becomes a button row for every unit). */
export const MAX_ITEMS = 20;
/**
 * A document attached to an update: Telegram lets a bot download files of at most 20 MB (getFile), so a larger one
 * could never be fetched again for an export; file names are kept short for chat lines.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_NAME = 120;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id8 = z.string().regex(/^[0-9a-f]{8}$/);

export const FollowupDocumentSchema = z.object({
  fileId: z.string().min(1).max(256),
  fileName: z.string().min(1).max(MAX_FILE_NAME),
  size: z.number().int().nonnegative().optional(),
});
export type FollowupDocument = z.infer<typeof FollowupDocumentSchema>;

export const FollowupUpdateSchema = z.object({
  at: isoInstant,
  by: ActorSchema,
  status: z.enum(FOLLOWUP_STATUSES),
  note: z.string().max(MAX_NOTE).optional(),
  document: FollowupDocumentSchema.optional(),
});
export type FollowupUpdate = z.infer<typeof FollowupUpdateSchema>;

export const FollowupItemSchema = z.object({
  id: id8,
  meetingId: id8,
  /** Its number within the notulen (items given to several units share it). */
  n: z.number().int().positive(),
  what: z.string().min(1).max(MAX_ITEM_TEXT),
  unitCode,
  /** The last day it should be done, in the unit's own zone. */
  due: localDate,
  /** The figure it should move (free text: "JHT non-ASN dianggarkan di APBD-P 2026"). */
  figure: z.string().max(MAX_ITEM_TEXT).optional(),
  status: z.enum(FOLLOWUP_STATUSES),
  createdAt: isoInstant,
  createdBy: ActorSchema,
  /** Every status change, oldest first; the last is who touched it last. */
  updates: z.array(FollowupUpdateSchema),
  closed: z.object({ at: isoInstant, by: ActorSchema }).optional(),
  /** Reopenings by a coordinator, kept for the record. */
  reopened: z.array(z.object({ at: isoInstant, by: ActorSchema })).optional(),
});
export type FollowupItem = z.infer<typeof FollowupItemSchema>;

/** A session's record: its conclusions; the items are kept beside it. */
export const NotulenSchema = z.object({
  meetingId: id8,
  conclusions: z.string().min(1).max(MAX_CONCLUSIONS),
  recordedAt: isoInstant,
  recordedBy: ActorSchema,
});
export type Notulen = z.infer<typeof NotulenSchema>;

/** An item as the notulen flow drafts it, before it is split per unit. */
export interface DraftItem {
  what: string;
  units: string[];
  due: string;
  figure?: string | undefined;
}

export const dateKey = (d: LocalDate): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
export const dateOfKey = (key: string): LocalDate => {
  const [y, m, d] = key.split('-').map(Number);
  return { year: y ?? 1970, month: m ?? 1, day: d ?? 1 };
};
const shiftDays = (d: LocalDate, days: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

/** A due date must be a day after today in the writer's zone: today or earlier is refused. */
export function checkDueDate(date: LocalDate, now: Date, iana: string): Result<string, 'past'> {
  return dateKey(date) <= dateKey(localDateOf(now, iana)) ? err('past') : ok(dateKey(date));
}

/** The item is late from the first moment after its due date, in its unit's zone. */
export const dueEndOf = (due: string, iana: string): Date => toInstant(shiftDays(dateOfKey(due), 1), { hour: 0, minute: 0 }, iana);

/** Done for reminders and readiness: finished by its unit, or closed by a coordinator. */
export const isDone = (item: FollowupItem): boolean => item.status === 'selesai' || item.closed !== undefined;
export const isOverdue = (item: FollowupItem, now: Date, iana: string): boolean => !isDone(item) && now >= dueEndOf(item.due, iana);

/** Whole days since the item was made (its age in a coordinator's list). */
export const ageInDays = (item: FollowupItem, now: Date): number => Math.max(0, Math.floor((now.getTime() - Date.parse(item.createdAt)) / 86_400_000));

/** Reminder points: three days and one day before the due date, and the day after it; each at 09.00 in the unit's zone. */
export const FOLLOWUP_REMINDER_POINTS = [
  { label: 'h-3', days: -3 },
  { label: 'h-1', days: -1 },
  { label: 'h+1', days: 1 },
] as const;
export type ReminderPoint = (typeof FOLLOWUP_REMINDER_POINTS)[number];
const REMINDER_HOUR = 9;

export const reminderAt = (due: string, point: ReminderPoint, iana: string): Date =>
  toInstant(shiftDays(dateOfKey(due), point.days), { hour: REMINDER_HOUR, minute: 0 }, iana);

/**
 * The reminder point due now for an item: the latest one that has come, if it came after the item was made (an item
 * due tomorrow is not reminded the moment it is recorded) and the item is not done. After downtime only the latest
 * missed point is sent; the caller sends each point once (by its id).
 */
export function dueReminderPoint(item: FollowupItem, now: Date, iana: string): ReminderPoint | undefined {
  if (isDone(item)) return undefined;
  let due: ReminderPoint | undefined;
  for (const p of FOLLOWUP_REMINDER_POINTS) {
    const at = reminderAt(item.due, p, iana);
    if (at <= now && at.getTime() >= Date.parse(item.createdAt)) due = p;
  }
  return due;
}

/** What a document attached to an update may be; why not otherwise. */
export type DocumentProblem = 'too_big' | 'no_name' | 'name_too_long';
export function checkDocument(d: { fileId: string; fileName?: string | undefined; size?: number | undefined }): Result<FollowupDocument, DocumentProblem> {
  if (d.size !== undefined && d.size > MAX_DOCUMENT_BYTES) return err('too_big');
  const name = (d.fileName ?? '').trim();
  if (name === '') return err('no_name');
  if (name.length > MAX_FILE_NAME) return err('name_too_long');
  return ok({ fileId: d.fileId, fileName: name, ...(d.size !== undefined ? { size: d.size } : {}) });
}

/** Splits a drafted item into one per unit, in the order units were named. */
export function itemsOfDraft(
  meetingId: string,
  drafts: readonly DraftItem[],
  o: { ids: () => string; now: Date; by: { telegramId: number | null; name: string } },
): FollowupItem[] {
  return drafts.flatMap((d, i) =>
    d.units.map(
      (unit): FollowupItem => ({
        id: o.ids(),
        meetingId,
        n: i + 1,
        what: d.what,
        unitCode: unit,
        due: d.due,
        ...(d.figure ? { figure: d.figure } : {}),
        status: 'belum',
        createdAt: o.now.toISOString(),
        createdBy: o.by,
        updates: [],
      }),
    ),
  );
}

export const isFollowupStatus = (v: unknown): v is FollowupStatus => (FOLLOWUP_STATUSES as readonly unknown[]).includes(v);
