import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuditRepo } from './audit-repo.js';
import type { ReportsRepo, SaveInput, SaveOutcome } from './reports-repo.js';
import { ActorSchema, AuditEntrySchema, type AuditAction, type AuditEntry, type Revision } from './schema.js';

/** What the caller says about a report for the audit trail; the action and revision number are the writer's. */
export interface ReportAudit {
  details?: Record<string, unknown>;
}

export type ReportSaveOutcome = SaveOutcome & {
  /** The revision is stored but its audit line could not be written yet: it is retried, never dropped. */
  auditPending: boolean;
};

/** audit/pending/<id>.json: an audit line promised for a revision about to be written. */
const PendingSchema = z.object({ unitCode: z.string(), week: z.string(), rev: z.number().int().positive(), at: z.iso.datetime(), entry: AuditEntrySchema });
type Pending = z.infer<typeof PendingSchema>;

const actionOf = (rev: number): AuditAction => (rev > 1 ? 'report.correct' : 'report.submit');

/** Does an audit line describe this revision? */
const describes = (e: AuditEntry, unitCode: string, week: string, rev: number): boolean =>
  (e.action === 'report.submit' || e.action === 'report.correct') && e.unitCode === unitCode && e.week === week && e.details?.rev === rev;

/**
 * A report revision and its audit line live in two files. So that a crash between the two writes can never leave a
 * revision without its line unnoticed, the line is first promised in audit/pending/ (a small file of its own), then
 * the revision is written, then the line appended and the promise removed. A promise found at start-up, or on a
 * retry of the same report, is kept: the line is appended if the revision exists and the line does not.
 */
export async function createReportWriter(dir: string, deps: { reports: ReportsRepo; audit: AuditRepo; log?: (message: string, fields: Record<string, unknown>) => void }) {
  const pendingDir = join(dir, 'audit', 'pending');
  await mkdir(pendingDir, { recursive: true });
  const fileOf = (unitCode: string, week: string, rev: number): string => join(pendingDir, `${unitCode}_${week}_${rev}.json`);

  async function promise(p: Pending): Promise<string> {
    const path = fileOf(p.unitCode, p.week, p.rev);
    const tmp = join(pendingDir, `.${p.unitCode}_${p.week}_${p.rev}.tmp`);
    await writeFile(tmp, JSON.stringify(p));
    await rename(tmp, path);
    return path;
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

  /** Keeps every promise left by a crash or a failed append. Returns how many lines were written. */
  async function recover(): Promise<number> {
    let written = 0;
    for (const file of await readdir(pendingDir)) {
      if (file.startsWith('.')) {
        await rm(join(pendingDir, file), { force: true });
        continue;
      }
      const path = join(pendingDir, file);
      let pending: Pending;
      try {
        pending = PendingSchema.parse(JSON.parse(await readFile(path, 'utf8')));
      } catch {
        // Torn while being written: the revision was never attempted after it.
        await rm(path, { force: true });
        continue;
      }
      const report = await deps.reports.get(pending.unitCode, pending.week as SaveInput['week']);
      const revision = report?.revisions.find((r) => r.rev === pending.rev && r.at === pending.at);
      if (revision && (await ensureLine(pending.unitCode, pending.week, revision, pending.entry))) {
        written++;
        deps.log?.('audit line written after a crash', { unitCode: pending.unitCode, week: pending.week, rev: pending.rev });
      }
      await rm(path, { force: true });
    }
    return written;
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
    const path = await promise({ unitCode: input.unitCode, week: input.week, rev, at, entry });
    let outcome: SaveOutcome;
    try {
      outcome = await deps.reports.save(input);
    } catch (e) {
      await rm(path, { force: true }).catch(() => undefined);
      throw e;
    }
    try {
      if (outcome.saved) await deps.audit.append(entry);
      // A retry of a report a crash cut short: the revision is there, its line may not be.
      else await ensureLine(input.unitCode, input.week, outcome.report.latest);
    } catch (error) {
      deps.log?.('audit line not written; kept to be written again', { unitCode: input.unitCode, week: input.week, rev, error });
      if (!outcome.saved) await rm(path, { force: true }).catch(() => undefined);
      else leftBehind = true;
      return { ...outcome, auditPending: outcome.saved };
    }
    await rm(path, { force: true });
    return { ...outcome, auditPending: false };
  }

  return { save, recover };
}

export type ReportWriter = Awaited<ReturnType<typeof createReportWriter>>;
