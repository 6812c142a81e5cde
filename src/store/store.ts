import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createAuditRepo, type AuditRepo } from './audit-repo.js';
import { createReportWriter, type ReportWriter } from './report-writer.js';
import { backupDataDir } from './backup.js';
import { createBaselinesRepo, type BaselinesRepo } from './baselines-repo.js';
import { openJsonFile } from './json-file.js';
import { createNodeFileLayer, DIR_MODE, type FileLayer } from './file-layer.js';
import { acquireLock } from './lock.js';
import { MIGRATIONS, planMigrations, type Migration } from './migrations.js';
import { createReportsRepo, type ReportsRepo } from './reports-repo.js';
import { MetaSchema, SCHEMA_VERSION } from './schema.js';
import { createSessionsRepo, type SessionsRepo } from './sessions-repo.js';
import { createUpdatesRepo, type UpdatesRepo } from './updates-repo.js';
import { createHolidaysRepo, type HolidaysRepo } from './holidays-repo.js';
import { createTargetsRepo, type TargetsRepo } from './targets-repo.js';
import { createBoardsRepo, type BoardsRepo } from './boards-repo.js';
import { createUsersRepo, type UsersRepo } from './users-repo.js';
import { createChatsRepo, type ChatsRepo } from './chats-repo.js';
import { createInvitesRepo, type InvitesRepo } from './invites-repo.js';
import { createRequestsRepo, type RequestsRepo } from './requests-repo.js';
import { createOutboxRepo, type OutboxRepo } from './outbox-repo.js';
import { createMeetingsRepo, type MeetingsRepo } from './meetings-repo.js';
import { createProfilesRepo, type ProfilesRepo } from './profiles-repo.js';
import { createFollowupsRepo, type FollowupsRepo } from './followups-repo.js';

export interface StoreOptions {
  clock: () => Date;
  /** How many backups to keep. */
  backupKeep?: number;
  /** Report files kept in memory at most (the least recently used are let go, and read again when needed). */
  maxOpenFiles?: number;
  /**
   * Before a report counts as saved, its file and folder (and the audit line) are fsynced, so a power cut cannot take
   * back a report the sender was told was received. Off: the operating system writes them within seconds.
   */
  fsync?: boolean;
  migrations?: readonly Migration[];
  schemaVersion?: number;
  /** Where the store tells the operator what it mended on its own (an audit line after a crash). */
  log?: (message: string, fields: Record<string, unknown>) => void;
  /** The file system under the store (tests put a crash file system here); the real one by default. */
  fs?: FileLayer;
}

export interface Store {
  readonly dir: string;
  readonly reports: ReportsRepo;
  readonly baselines: BaselinesRepo;
  readonly users: UsersRepo;
  readonly invites: InvitesRepo;
  readonly requests: RequestsRepo;
  readonly chats: ChatsRepo;
  readonly outbox: OutboxRepo;
  readonly meetings: MeetingsRepo;
  /** Sessions' notulen and their follow-up items. */
  readonly followups: FollowupsRepo;
  readonly sessions: SessionsRepo;
  /** Webhook updates already handled (webhook mode). */
  readonly updates: UpdatesRepo;
  /** Days off added or removed by operators (the curated list is domain/holidays.ts). */
  readonly holidays: HolidaysRepo;
  /** Live status boards in chats. */
  readonly boards: BoardsRepo;
  /** Each region's profile: regulations, budget lines, villages, kendala. */
  readonly profiles: ProfilesRepo;
  /** Coverage target series with their sources, and each scope's main one (domain/targets.ts). */
  readonly targets: TargetsRepo;
  readonly audit: AuditRepo;
  /** The one way to save a weekly report: the revision and its audit line, which a crash cannot separate. */
  readonly reportWriter: ReportWriter;
  backup(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens the data folder: takes the single-owner lock, checks the schema version (migrating after a backup),
 * and loads and validates every file. Any failure releases the lock and writes nothing.
 */
export async function createStore(dir: string, options: StoreOptions): Promise<Store> {
  const { clock, backupKeep = 7, maxOpenFiles = 4000 } = options;
  const current = options.schemaVersion ?? SCHEMA_VERSION;
  const fs = options.fs ?? createNodeFileLayer({ fsync: options.fsync ?? true });
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  // The folder holds names, Telegram ids and roles: readable by the bot's user only, even when an older version (or
  // an operator's mkdir) made it readable by all.
  await chmod(dir, DIR_MODE).catch(() => undefined);
  const lock = await acquireLock(dir);
  try {
    const { db: meta, existed } = await openJsonFile(fs, join(dir, 'meta.json'), MetaSchema, () => ({
      schemaVersion: current,
      createdAt: clock().toISOString(),
    }));
    const plan = planMigrations(meta.data.schemaVersion, current, options.migrations ?? MIGRATIONS);
    if (plan.length > 0) {
      await backupDataDir(dir, clock(), Number.MAX_SAFE_INTEGER, fs);
      for (const step of plan) {
        await step.run(dir);
        meta.data.schemaVersion = step.from + 1;
        await meta.write();
      }
    } else if (!existed) {
      await meta.write();
    }

    const reports = await createReportsRepo(dir, { maxOpenFiles, fsync: options.fsync ?? true, log: options.log, fs });
    const baselines = await createBaselinesRepo(dir, fs);
    const users = await createUsersRepo(dir, fs);
    const invites = await createInvitesRepo(dir, fs);
    const requests = await createRequestsRepo(dir, fs);
    const chats = await createChatsRepo(dir, fs);
    const outbox = await createOutboxRepo(dir, fs);
    const meetings = await createMeetingsRepo(dir, fs);
    const followups = await createFollowupsRepo(dir, fs);
    const sessions = await createSessionsRepo(dir, clock, fs);
    const audit = await createAuditRepo(dir, { fsync: options.fsync ?? true, ...(options.log ? { log: options.log } : {}), fs });
    const updates = await createUpdatesRepo(dir, fs);
    const holidays = await createHolidaysRepo(dir, fs);
    const boards = await createBoardsRepo(dir, fs);
    const profiles = await createProfilesRepo(dir, fs);
    const targets = await createTargetsRepo(dir, { audit, baselines, fs });
    const reportWriter = await createReportWriter(dir, { reports, audit, ...(options.log ? { log: options.log } : {}), fs });
    await reportWriter.recover();
    let closed = false;
    return {
      dir,
      reports,
      baselines,
      users,
      invites,
      requests,
      chats,
      outbox,
      meetings,
      followups,
      sessions,
      updates,
      holidays,
      boards,
      profiles,
      targets,
      audit,
      reportWriter,
      backup: () => backupDataDir(dir, clock(), backupKeep, fs),
      async close() {
        if (closed) return;
        closed = true;
        await reportWriter.close();
        await reports.close();
        await audit.close();
        await lock.release();
      },
    };
  } catch (e) {
    await lock.release();
    throw e;
  }
}
