import { mkdir, open, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Low } from 'lowdb';
import { sameFigures, type Figures } from '../domain/figures.js';
import { compareWeeks, type WeekKey, weekYear } from '../domain/weeks.js';
import { openJsonFile, persist } from './json-file.js';
import { ReportFileSchema, type Actor, type ReportFile, type Revision, type Verification, type WeekReport } from './schema.js';

export interface StoredReport {
  unitCode: string;
  week: WeekKey;
  latest: Revision;
  revisions: readonly Revision[];
  /** A coordinator's decision, on the revision it names (a later revision awaits its own). */
  verification?: Verification | undefined;
}

export interface SaveInput {
  unitCode: string;
  week: WeekKey;
  figures: Figures;
  by: Actor;
  source: Revision['source'];
  onBehalf?: boolean;
  /** "Belum ada data" for the week, with why: `figures` is then empty. */
  noData?: { reason: string } | undefined;
  /** Sent after the week's deadline. */
  late?: boolean | undefined;
  /** Sent by someone who verifies this unit: the revision is verified as it is saved. */
  verifiedBy?: Actor | undefined;
  at: Date;
}

export type SaveOutcome = { saved: true; rev: number; report: StoredReport } | { saved: false; report: StoredReport };

const yearOf = weekYear;

const toStored = (unitCode: string, r: WeekReport): StoredReport => ({
  unitCode,
  week: r.week as WeekKey,
  latest: r.revisions[r.revisions.length - 1] as Revision,
  revisions: r.revisions,
  verification: r.verification,
});

/** A week whose latest revision says "belum ada data" has no figures to stand for the unit. */
const hasFigures = (r: WeekReport): boolean => !r.revisions[r.revisions.length - 1]?.noData;

/**
 * Weekly reports with every revision, one file per unit per ISO week-year: saving rewrites at most one unit's year
 * (53 weeks), so its cost does not grow with the length of history. Files are opened on first use and kept open.
 */
export async function createReportsRepo(dir: string, options: { maxOpenFiles: number; fsync?: boolean }) {
  const root = join(dir, 'reports');
  await mkdir(root, { recursive: true });
  /** year -> unit codes with a file, from the folder listing. */
  const index = new Map<number, Set<string>>();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d{4}$/.test(entry.name)) continue;
    const units = new Set<string>();
    for (const file of await readdir(join(root, entry.name))) {
      const m = /^(\d{2}(?:\.\d{2})?)\.json$/.exec(file);
      if (m?.[1]) units.add(m[1]);
    }
    index.set(Number(entry.name), units);
  }
  /** Files read, most recently used last; past `maxOpenFiles` the least recent ones are let go (and re-read on use). */
  const open = new Map<string, Promise<Low<ReportFile>>>();
  /** Raised by every revision saved: answers built from reports are cached against it. */
  let version = 0;
  /** Files a save is working on: never let go mid-write (a re-read could miss the revision being written). */
  const busy = new Map<string, number>();

  const fileOf = (unitCode: string, year: number): Promise<Low<ReportFile>> => {
    const path = join(root, String(year), `${unitCode}.json`);
    let db = open.get(path);
    if (db) {
      open.delete(path);
      open.set(path, db);
      return db;
    }
    db = openJsonFile(path, ReportFileSchema, () => ({ unitCode, year, reports: [] }), { compact: true }).then((r) => r.db);
    // A failed open is not cached: the operator may restore the file while the bot runs.
    db.catch(() => open.delete(path));
    open.set(path, db);
    for (const old of open.keys()) {
      if (open.size <= options.maxOpenFiles) break;
      if (!busy.has(old) && old !== path) open.delete(old);
    }
    return db;
  };

  const yearsOf = (unitCode: string): number[] =>
    [...index.entries()]
      .filter(([, units]) => units.has(unitCode))
      .map(([year]) => year)
      .sort((a, b) => b - a);

  // Start-up reads no report file: each is read and validated on first use (cli check validates them all), so
  // opening costs the same whatever the history; a corrupt file fails the queries that need it, not the bot.

  async function get(unitCode: string, week: WeekKey): Promise<StoredReport | undefined> {
    if (!index.get(yearOf(week))?.has(unitCode)) return undefined;
    const db = await fileOf(unitCode, yearOf(week));
    const r = db.data.reports.find((x) => x.week === week);
    return r ? toStored(unitCode, r) : undefined;
  }

  /** The unit's latest report with figures of a week before `before` (or of any week, without it): "belum ada data" weeks are passed over. */
  async function latest(unitCode: string, before?: WeekKey): Promise<StoredReport | undefined> {
    for (const year of yearsOf(unitCode)) {
      if (before !== undefined && year > yearOf(before)) continue;
      const db = await fileOf(unitCode, year);
      let best: WeekReport | undefined;
      for (const r of db.data.reports) {
        if (!hasFigures(r)) continue;
        if (before !== undefined && compareWeeks(r.week as WeekKey, before) >= 0) continue;
        if (!best || compareWeeks(r.week as WeekKey, best.week as WeekKey) > 0) best = r;
      }
      if (best) return toStored(unitCode, best);
    }
    return undefined;
  }

  /** Adds a revision unless the figures equal the latest one: the same report saved twice adds nothing. */
  async function save(input: SaveInput): Promise<SaveOutcome> {
    const year = yearOf(input.week);
    let units = index.get(year);
    if (!units) {
      await mkdir(join(root, String(year)), { recursive: true });
      units = new Set();
      index.set(year, units);
    }
    const path = join(root, String(year), `${input.unitCode}.json`);
    busy.set(path, (busy.get(path) ?? 0) + 1);
    try {
      return await saveIn(input, year, units);
    } finally {
      const left = (busy.get(path) ?? 1) - 1;
      if (left > 0) busy.set(path, left);
      else busy.delete(path);
    }
  }

  async function saveIn(input: SaveInput, year: number, units: Set<string>): Promise<SaveOutcome> {
    const db = await fileOf(input.unitCode, year);
    let report = db.data.reports.find((r) => r.week === input.week);
    const last = report?.revisions[report.revisions.length - 1];
    if (report && last && sameFigures(last.figures, input.figures) && last.noData?.reason === input.noData?.reason) {
      return { saved: false, report: toStored(input.unitCode, report) };
    }
    const revision: Revision = {
      rev: (last?.rev ?? 0) + 1,
      figures: { ...input.figures },
      at: input.at.toISOString(),
      by: input.by,
      source: input.source,
      ...(input.onBehalf ? { onBehalf: true } : {}),
      ...(input.noData ? { noData: { reason: input.noData.reason } } : {}),
      ...(input.late ? { late: true } : {}),
    };
    const previousVerification = report?.verification;
    const isNew = !report;
    if (!report) {
      report = { week: input.week, revisions: [] };
      db.data.reports.push(report);
      db.data.reports.sort((a, b) => compareWeeks(a.week as WeekKey, b.week as WeekKey));
    }
    report.revisions.push(revision);
    if (input.verifiedBy && !input.noData) report.verification = { rev: revision.rev, state: 'verified', by: input.verifiedBy, at: revision.at };
    const added = report;
    await persist(db, () => {
      added.revisions.pop();
      if (previousVerification) added.verification = previousVerification;
      else delete added.verification;
      if (isNew) db.data.reports.splice(db.data.reports.indexOf(added), 1);
    });
    // The file is in place by rename: make both the file and the rename durable before the sender is told.
    if (options.fsync) await syncFileAndFolder(join(root, String(year), `${input.unitCode}.json`));
    units.add(input.unitCode);
    version++;
    return { saved: true, rev: revision.rev, report: toStored(input.unitCode, report) };
  }

  /**
   * A coordinator verifies or returns one revision. Refused (undefined) when that revision is no longer the latest or
   * a decision on it was already made: two coordinators pressing at once do not both decide.
   */
  async function decide(unitCode: string, week: WeekKey, decision: Verification): Promise<StoredReport | undefined> {
    if (!index.get(yearOf(week))?.has(unitCode)) return undefined;
    const db = await fileOf(unitCode, yearOf(week));
    const report = db.data.reports.find((r) => r.week === week);
    const last = report?.revisions[report.revisions.length - 1];
    if (!report || !last || last.rev !== decision.rev || last.noData || report.verification?.rev === decision.rev) return undefined;
    const before = report.verification;
    report.verification = decision;
    await persist(db, () => {
      if (before) report.verification = before;
      else delete report.verification;
    });
    version++;
    return toStored(unitCode, report);
  }

  return { get, latest, save, decide, version: (): number => version };
}

/** fsync a file and the folder that names it (the rename that put it there lives in the folder). */
export async function syncFileAndFolder(path: string): Promise<void> {
  for (const target of [path, dirname(path)]) {
    const handle = await open(target, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

export type ReportsRepo = Awaited<ReturnType<typeof createReportsRepo>>;
