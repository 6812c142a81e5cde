import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseDeadline, type Deadline } from './domain/deadline.js';
import { parseOffsets, type Offset, type OffsetError } from './domain/durations.js';
import { err, ok, type Result } from './domain/result.js';
import { CONFIG_TEXT } from './messages/config.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const idList = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d+(?:\s*,\s*\d+)*$/.test(s), {
    message: CONFIG_TEXT.idList,
  })
  .transform((s) => (s === '' ? [] : s.split(',').map((x) => Number(x.trim()))));

const positiveInt = (fallback: number) =>
  z.coerce.number({ message: CONFIG_TEXT.positiveInt }).int().positive().default(fallback);

/** A setting written as people write it, read by the domain's own parser; `describe` words its error. */
/** One offset (`2h`, `30m`, `0m` is not one: the deadline itself is `1m`). */
function singleOffset(s: string): Result<number, OffsetError> {
  const parsed = parseOffsets(s);
  if (!parsed.ok) return parsed;
  if (parsed.value.length !== 1) return err({ kind: 'offset', input: s });
  return ok(parsed.value[0]?.ms ?? 0);
}

const parsedWith = <T, E>(fallback: string, parse: (s: string) => Result<T, E>, describe: (e: E) => string) =>
  z
    .string()
    .default(fallback)
    .transform((s, ctx) => {
      const parsed = parse(s);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: describe(parsed.error) });
        return z.NEVER;
      }
      return parsed.value;
    });

/** Every key the bot reads; `.env.example` lists the same keys. */
const ConfigSchema = z.object({
  BOT_TOKEN: z
    .string({ message: CONFIG_TEXT.tokenMissing })
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, { message: CONFIG_TEXT.tokenShape }),
  TELEGRAM_API_ROOT: z
    .url({ message: CONFIG_TEXT.url })
    .default('https://api.telegram.org')
    .transform((s) => s.replace(/\/+$/, '')),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  ADMIN_IDS: idList.default([]),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: CONFIG_TEXT.logLevel(LOG_LEVELS) }).default('info'),
  BACKUP_KEEP: positiveInt(7),
  INVITE_TTL_DAYS: positiveInt(7),
  RATE_LIMIT_BURST: positiveInt(20),
  RATE_LIMIT_PER_MINUTE: positiveInt(60),
  REPORT_DEADLINE: parsedWith('Jumat 15.00', parseDeadline, () => CONFIG_TEXT.deadline),
  /** How long after a week's deadline its staff may still send it (marked late); after that only coordinators. */
  LATE_GRACE: parsedWith('3d', singleOffset, CONFIG_TEXT.offset),
  /** Whether figures no coordinator has verified yet count in province and national totals (marked) or not. */
  UNVERIFIED_IN_TOTALS: z.enum(['count', 'exclude'], { message: CONFIG_TEXT.unverifiedInTotals }).default('count'),
  /** on: a report is fsynced (file, folder, audit line) before the sender is told it was received; off: the OS writes it soon after. */
  FSYNC: z.enum(['on', 'off'], { message: CONFIG_TEXT.fsync }).default('on'),
  FLOW_TIMEOUT_HOURS: positiveInt(24),
  SEND_RATE: positiveInt(25),
  LATE_REMINDERS: parsedWith('1d,2h', parseOffsets, CONFIG_TEXT.offset),
  SESSION_REMINDERS: parsedWith('3d,1d,1h', parseOffsets, CONFIG_TEXT.offset),
  SCHEDULER_TICK_SECONDS: positiveInt(30),
  /** How long after each weekly deadline the rekap is pushed to coordinators and linked groups; `off` for never. */
  REKAP_AFTER_DEADLINE: parsedWith('2h', (s: string): Result<number | undefined, OffsetError> => (/^\s*(off|mati)\s*$/i.test(s) ? ok(undefined) : singleOffset(s)), CONFIG_TEXT.offset),
  /** How long before the first weekly deadline of a year the holiday calendar does not know, admins and coordinators are told. */
  CALENDAR_WARNING: parsedWith('45d', (s: string): Result<number | undefined, OffsetError> => (/^\s*(off|mati)\s*$/i.test(s) ? ok(undefined) : singleOffset(s)), CONFIG_TEXT.offset),
  /** Webhook mode when set: Telegram posts updates to this https URL (its path is the one served). */
  WEBHOOK_URL: z
    .url({ message: CONFIG_TEXT.webhookUrl })
    .refine((u) => /^https?:$/.test(new URL(u).protocol) && new URL(u).pathname.length > 1, { message: CONFIG_TEXT.webhookUrl })
    .optional(),
  WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, { message: CONFIG_TEXT.webhookSecret }).optional(),
  /** Where the webhook server listens: behind a reverse proxy with TLS, on this machine by default. */
  WEBHOOK_HOST: z.string().trim().min(1).default('127.0.0.1'),
  WEBHOOK_PORT: z.coerce.number({ message: CONFIG_TEXT.port }).int().min(1, { message: CONFIG_TEXT.port }).max(65_535, { message: CONFIG_TEXT.port }).default(8080),
})
  .refine((c) => c.WEBHOOK_URL === undefined || c.WEBHOOK_SECRET !== undefined, { message: CONFIG_TEXT.webhookSecretMissing, path: ['WEBHOOK_SECRET'] });

export interface Config {
  botToken: string;
  apiRoot: string;
  dataDir: string;
  adminIds: number[];
  logLevel: LogLevel;
  backupKeep: number;
  inviteTtlDays: number;
  /** Messages one person may send at once, and per minute after that, before being asked to slow down. */
  rateLimitBurst: number;
  rateLimitPerMinute: number;
  /** Weekly reporting deadline, in each unit's own zone. */
  reportDeadline: Deadline;
  /** Milliseconds after a week's deadline during which its staff may still send it. */
  lateGraceMs: number;
  /** fsync every saved report (and its audit line) before answering. */
  fsync: boolean;
  unverifiedInTotals: 'count' | 'exclude';
  /** Milliseconds after each weekly deadline when the rekap is pushed; undefined: not pushed. */
  rekapAfterDeadlineMs: number | undefined;
  /** How long before a deadline in a year without holidays entered its keepers are told; undefined: not by message (/libur still says it). */
  calendarWarningMs: number | undefined;
  /** A guided flow left alone this long is ended. */
  flowTimeoutHours: number;
  /** Messages a second the outbox sends across all chats (Telegram allows about 30). */
  sendRate: number;
  /** Late-report reminders, before each week's deadline. */
  lateReminders: Offset[];
  /** Reminders before each monitoring session. */
  meetingReminders: Offset[];
  schedulerTickSeconds: number;
  /** Webhook mode (WEBHOOK_URL set); long polling otherwise. */
  webhook?: { url: string; path: string; secret: string; host: string; port: number } | undefined;
}

/** Pure: the environment in, a config or one clear line naming the key out. Never echoes the token. */
export function parseConfig(env: Record<string, string | undefined>): Result<Config, string> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? CONFIG_TEXT.anyKey);
    return err(CONFIG_TEXT.invalid(key, issue?.message));
  }
  const c = parsed.data;
  return ok({
    botToken: c.BOT_TOKEN,
    apiRoot: c.TELEGRAM_API_ROOT,
    dataDir: resolve(c.DATA_DIR),
    adminIds: c.ADMIN_IDS,
    logLevel: c.LOG_LEVEL,
    backupKeep: c.BACKUP_KEEP,
    inviteTtlDays: c.INVITE_TTL_DAYS,
    rateLimitBurst: c.RATE_LIMIT_BURST,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    reportDeadline: c.REPORT_DEADLINE,
    rekapAfterDeadlineMs: c.REKAP_AFTER_DEADLINE,
    calendarWarningMs: c.CALENDAR_WARNING,
    lateGraceMs: c.LATE_GRACE,
    fsync: c.FSYNC === 'on',
    unverifiedInTotals: c.UNVERIFIED_IN_TOTALS,
    flowTimeoutHours: c.FLOW_TIMEOUT_HOURS,
    sendRate: c.SEND_RATE,
    lateReminders: c.LATE_REMINDERS,
    meetingReminders: c.SESSION_REMINDERS,
    schedulerTickSeconds: c.SCHEDULER_TICK_SECONDS,
    ...(c.WEBHOOK_URL && c.WEBHOOK_SECRET
      ? { webhook: { url: c.WEBHOOK_URL, path: new URL(c.WEBHOOK_URL).pathname, secret: c.WEBHOOK_SECRET, host: c.WEBHOOK_HOST, port: c.WEBHOOK_PORT } }
      : {}),
  });
}

/** The command line needs no token: only where the data lives and how many backups to keep. */
export function parseCliConfig(
  env: Record<string, string | undefined>,
): Result<Pick<Config, 'dataDir' | 'backupKeep' | 'inviteTtlDays' | 'reportDeadline' | 'fsync'>, string> {
  const withToken = { ...env, BOT_TOKEN: '1:command-line-does-not-use-a-token' };
  const parsed = parseConfig(withToken);
  if (!parsed.ok) return parsed;
  const { dataDir, backupKeep, inviteTtlDays, reportDeadline, fsync } = parsed.value;
  return ok({ dataDir, backupKeep, inviteTtlDays, reportDeadline, fsync });
}

/**
 * The process environment over an optional `.env` file in the working directory (the environment wins).
 * The only reader of process.env.
 */
export function readEnvironment(envFile = '.env'): Record<string, string | undefined> {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseEnv(readFileSync(envFile, 'utf8')) as Record<string, string>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return { ...fromFile, ...process.env };
}
