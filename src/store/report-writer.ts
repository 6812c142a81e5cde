import { join } from 'node:path';
import { z } from 'zod';
import type { AuditRepo } from './audit-repo.js';
import { createNodeFileLayer, makeDir, type AppendHandle, type FileLayer } from './file-layer.js';
import type { ReportsRepo, SaveInput, SaveOutcome, StoredReport } from './reports-repo.js';
import { ActorSchema, AuditEntrySchema, type AuditAction, type AuditEntry, type Revision, type Verification } from './schema.js';

/** What the caller says about a report for the audit trail; the action and revision number are the writer's. */
export interface ReportAudit {
  details?: Record<string, unknown>;
}

export type ReportSaveOutcome = SaveOutcome & {
  /** The revision is stored but its audit line could not be written yet: it is retried, never dropped. */
  auditPending: boolean;
};

/** One line of audit/pending.jsonl: an audit line promised for a revision about to be written. */
const PendingSchema = z.object({ unitCode: z.string(), week: z.string(), rev: z.number().int().positive(), at: z.iso.datetime(), entry: AuditEntrySchema });
type Pending = z.infer<typeof PendingSchema>;

/** Past this size, and with no save in flight, the promise log (every promise in it kept) is emptied. */
const PENDING_LOG_MAX_BYTES = 256 * 1024;

const actionOf = (rev: number): AuditAction => (rev > 1 ? 'report.correct' : 'report.submit');

const isDecision = (action: AuditAction): boolean => action === 'report.verify' || action === 'report.return';

/** Does an audit line describe this revision (or, with `decision`, this coordinator's decision on it)? */
const describes = (e: AuditEntry, unitCode: string, week: string, rev: number, decision?: AuditAction): boolean =>
  (decision ? e.action === decision : e.action === 'report.submit' || e.action === 'report.correct') && e.unitCode === unitCode && e.week === week && e.details?.rev === rev;

/**
 * A report revision and its audit line live in two files. So that a crash between the two writes can never leave a
 * revision without its line unnoticed, the line is first promised: appended to audit/pending.jsonl (an append, not a
 * file of its own: a promise costs one small write). Then the revision is written, then the line appended to the
 * trail. At start-up (or on a retry after a failed append) every promise is kept: the line is appended where the
 * revision exists and the line does not; then the promise log is emptied. A torn last promise (a crash mid-append)
 * promised a revision that was never attempted, and is dropped.
 */
export async function createReportWriter(
  dir: string,
  deps: { reports: ReportsRepo; audit: AuditRepo; log?: (message: string, fields: Record<string, unknown>) => void; fs?: FileLayer },
) {
  const fs = deps.fs ?? createNodeFileLayer({ fsync: false });
  const auditDir = join(dir, 'audit');
  await makeDir(fs, auditDir);
  const logPath = join(auditDir, 'pending.jsonl');
  // Promise files of earlier versions (audit/pending/<id>.json) are kept at start-up like lines of the log.
  const legacyDir = join(auditDir, 'pending');
  let handle: AppendHandle | undefined;
  let bytes = 0;
  let inFlight = 0;

  async function logHandle(): Promise<AppendHandle> {
    if (handle) return handle;
    handle = await fs.openAppend(logPath);
    // The promise log's own name must survive a power cut, or its promises go with it.
    if (fs.fsync) await fs.syncDir(auditDir);
    return handle;
  }

  /**
   * With fsync on, the promise is on disk before the revision is written: a power cut after the revision reached the
   * disk but before its audit line did would otherwise leave a revision no line describes and no promise recalls
   * (found by tests/store/power-cut.test.ts).
   */
  async function promise(p: Pending): Promise<void> {
    const line = `${JSON.stringify(p)}\n`;
    const log = await logHandle();
    await log.write(line);
    if (fs.fsync) await log.datasync();
    bytes += Buffer.byteLength(line);
  }

  /** Appends the line for a stored revision unless the trail already has it. */
  async function ensureLine(unitCode: string, week: string, revision: Revision, entry?: AuditEntry): Promise<boolean> {
    if (await deps.audit.has(revision.at, (e) => describes(e, unitCode, week, revision.rev))) return false;
    await deps.audit.append(
      entry ?? {
        at: revision.at,
        actor: ActorSchema.parse(revision.by),
        action: actionOf(revision.rev),
        unitCode,
        week,
        details: { rev: revision.rev, source: revision.source, ...(revision.onBehalf ? { onBehalf: true } : {}), restored: true },
      },
    );
    return true;
  }

  /** Every promise on record, from the log and from the files of earlier versions. */
  async function promises(): Promise<Pending[]> {
    const out: Pending[] = [];
    const text = await fs
      .readFile(logPath)
      .then((b) => b.toString('utf8'))
      .catch(() => '');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        out.push(PendingSchema.parse(JSON.parse(line)));
      } catch {
        // Torn while being written: the revision was never attempted after it.
      }
    }
    for (const { name } of await fs.readdir(legacyDir).catch(() => [])) {
      try {
        out.push(PendingSchema.parse(JSON.parse((await fs.readFile(join(legacyDir, name))).toString('utf8'))));
      } catch {
        // A torn promise of an earlier version: likewise never attempted.
      }
    }
    return out;
  }

  /** Is what a promise promised stored (the revision, or the decision on it)? */
  async function stored(p: Pending): Promise<boolean> {
    const report = await deps.reports.get(p.unitCode, p.week as SaveInput['week']);
    if (isDecision(p.entry.action)) return report?.verification?.rev === p.rev && report.verification.at === p.at;
    return report?.revisions.some((r) => r.rev === p.rev && r.at === p.at) === true;
  }

  /** The promises whose revision (or decision) exists without its line (after a crash or a failed append). */
  async function unkept(): Promise<Pending[]> {
    const out: Pending[] = [];
    for (const p of await promises()) {
      if (!(await stored(p))) continue;
      const decision = isDecision(p.entry.action) ? p.entry.action : undefined;
      if (!(await deps.audit.has(p.at, (e) => describes(e, p.unitCode, p.week, p.rev, decision)))) out.push(p);
    }
    return out;
  }

  /** Keeps every promise left by a crash or a failed append, then empties the log. Returns how many lines were written. */
  async function recover(): Promise<number> {
    let written = 0;
    for (const p of await unkept()) {
      await deps.audit.append(p.entry);
      written++;
      deps.log?.('audit line written after a crash', { unitCode: p.unitCode, week: p.week, rev: p.rev, action: p.entry.action });
    }
    await empty();
    await fs.rm(legacyDir, { recursive: true, force: true });
    return written;
  }

  /** Every promise in the log is kept: start it afresh. */
  async function empty(): Promise<void> {
    await fs.truncate(logPath, 0).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    bytes = 0;
  }

  /** Set when an append failed: the next save first tries again what was left. */
  let leftBehind = false;

  /** Saves a revision with its audit line (see above). The same figures twice add nothing, and mend a missing line. */
  async function save(input: SaveInput, audit: ReportAudit = {}): Promise<ReportSaveOutcome> {
    if (leftBehind) {
      leftBehind = false;
      await recover().catch(() => {
        leftBehind = true;
      });
    }
    inFlight++;
    try {
      const current = await deps.reports.get(input.unitCode, input.week);
      const rev = (current?.latest.rev ?? 0) + 1;
      const at = input.at.toISOString();
      const entry: AuditEntry = {
        at,
        actor: input.by,
        action: actionOf(rev),
        unitCode: input.unitCode,
        week: input.week,
        details: { ...audit.details, rev },
      };
      await promise({ unitCode: input.unitCode, week: input.week, rev, at, entry });
      const outcome = await deps.reports.save(input);
      try {
        if (outcome.saved) await deps.audit.append(entry);
        // A retry of a report a crash cut short: the revision is there, its line may not be.
        else await ensureLine(input.unitCode, input.week, outcome.report.latest);
      } catch (error) {
        deps.log?.('audit line not written; kept to be written again', { unitCode: input.unitCode, week: input.week, rev, error });
        if (outcome.saved) leftBehind = true;
        return { ...outcome, auditPending: outcome.saved };
      }
      return { ...outcome, auditPending: false };
    } finally {
      inFlight--;
      if (inFlight === 0 && !leftBehind && bytes > PENDING_LOG_MAX_BYTES) await empty();
    }
  }

  /**
   * A coordinator's decision on one revision, with its audit line, under the same promise: a crash between the two
   * writes is mended at the next start. Undefined when the revision is no longer the latest or already decided.
   */
  async function decide(unitCode: string, week: SaveInput['week'], decision: Verification, details: Record<string, unknown> = {}): Promise<StoredReport | undefined> {
    const entry: AuditEntry = {
      at: decision.at,
      actor: decision.by,
      action: decision.state === 'verified' ? 'report.verify' : 'report.return',
      unitCode,
      week,
      details: { ...details, rev: decision.rev, ...(decision.reason ? { reason: decision.reason } : {}) },
    };
    inFlight++;
    try {
      await promise({ unitCode, week, rev: decision.rev, at: decision.at, entry });
      const decided = await deps.reports.decide(unitCode, week, decision);
      if (!decided) return undefined;
      try {
        await deps.audit.append(entry);
      } catch (error) {
        deps.log?.('audit line not written; kept to be written again', { unitCode, week, rev: decision.rev, error });
        leftBehind = true;
      }
      return decided;
    } finally {
      inFlight--;
    }
  }

  async function close(): Promise<void> {
    await handle?.close();
    handle = undefined;
  }

  return { save, decide, recover, unkept: async () => (await unkept()).length, close };
}

export type ReportWriter = Awaited<ReturnType<typeof createReportWriter>>;
