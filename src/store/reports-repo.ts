import { basename, dirname, join } from 'node:path';
import { sameFigures, type Figures } from '../domain/figures.js';
import { compareWeeks, type WeekKey, weekYear } from '../domain/weeks.js';
import { createAppender, mendTail, parseJsonLines, readOrEmpty, tornAt, tornMessage } from './append-log.js';
import { createNodeFileLayer, makeDir, type FileLayer } from './file-layer.js';
import { createLru } from './lru.js';
import { ReportLineSchema, type Actor, type ReportFile, type ReportLine, type Revision, type Verification, type WeekReport } from './schema.js';

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

/** reports/<year>/<code>.jsonl: one line per revision or decision, in the order they were made. */
export const REPORT_FILE = /^(\d{2}(?:\.\d{2})?)\.jsonl$/;

/** The lines of one unit's year, read back into its weeks (each line checked). */
export function parseReportLines(path: string, unitCode: string, year: number, text: string): ReportFile {
  const weeks = new Map<string, WeekReport>();
  for (const line of parseJsonLines(path, text, ReportLineSchema)) {
    const report = weeks.get(line.week) ?? { week: line.week, revisions: [] };
    if ('decision' in line) report.verification = line.decision;
    else {
      const { week: _week, ...revision } = line;
      report.revisions.push(revision);
    }
    weeks.set(line.week, report);
  }
  const reports = [...weeks.values()].filter((r) => r.revisions.length > 0).sort((a, b) => compareWeeks(a.week as WeekKey, b.week as WeekKey));
  return { unitCode, year, reports };
}

/**
 * Weekly reports with every revision, one append-only file per unit per ISO week-year: a revision (or a coordinator's
 * decision) is one line appended, never a rewrite, so a save costs the same on the first week and the 260th. Files are
 * read on first use and let go past a bound. A torn last line (a crash mid-append) is set aside in reports-torn/ when
 * the file is read, with a log line; a line that does not parse elsewhere fails the reads that need that file.
 */
export async function createReportsRepo(
  dir: string,
  options: { maxOpenFiles: number; fsync?: boolean; log?: ((message: string, fields: Record<string, unknown>) => void) | undefined; fs?: FileLayer },
) {
  const fs = options.fs ?? createNodeFileLayer({ fsync: options.fsync === true });
  const root = join(dir, 'reports');
  const asideDir = join(dir, 'reports-torn');
  await makeDir(fs, root);
  const appender = createAppender({ fs, fsync: options.fsync === true, asideDir, log: options.log });
  /** year -> unit codes with a file, from the folder listing. */
  const index = new Map<number, Set<string>>();
  for (const entry of await fs.readdir(root)) {
    if (!entry.isDirectory() || !/^\d{4}$/.test(entry.name)) continue;
    const units = new Set<string>();
    for (const file of await fs.readdir(join(root, entry.name))) {
      const m = REPORT_FILE.exec(file.name);
      if (m?.[1]) units.add(m[1]);
    }
    index.set(Number(entry.name), units);
    // A process killed between a new file's first line and its folder's fsync left the name only in the cache.
    if (options.fsync === true) await fs.syncDir(join(root, entry.name));
  }
  if (options.fsync === true) await fs.syncDir(root);
  /** Raised by every revision saved: answers built from reports are cached against it. */
  let version = 0;
  /** Files a save is working on: never let go mid-write (a re-read could miss the revision being written). */
  const busy = new Map<string, number>();
  const pathOf = (unitCode: string, year: number): string => join(root, String(year), `${unitCode}.jsonl`);

  const read = async (path: string, unitCode: string, year: number): Promise<ReportFile> => {
    let bytes = await readOrEmpty(fs, path);
    if (tornAt(bytes) !== undefined) {
      const torn = await mendTail(fs, path, asideDir);
      if (torn) options.log?.(tornMessage(torn, 'report'), { file: torn.file, keptAt: torn.keptAt, bytes: torn.bytes });
      bytes = await readOrEmpty(fs, path);
    }
    return parseReportLines(path, unitCode, year, bytes.toString('utf8'));
  };

  /** Files read, keyed by their path, most recently used last; past `maxOpenFiles` the least recent are let go. */
  const loaded = createLru<ReportFile>({
    max: options.maxOpenFiles,
    load: (path) => read(path, REPORT_FILE.exec(basename(path))?.[1] ?? '', Number(basename(dirname(path)))),
    pinned: (path) => busy.has(path),
  });
  const fileOf = (unitCode: string, year: number): Promise<ReportFile> => loaded.get(pathOf(unitCode, year));

  const yearsOf = (unitCode: string): number[] =>
    [...index.entries()]
      .filter(([, units]) => units.has(unitCode))
      .map(([year]) => year)
      .sort((a, b) => b - a);

  // Start-up reads no report file: each is read and validated on first use (cli check validates them all), so
  // opening costs the same whatever the history; a corrupt file fails the queries that need it, not the bot.

  async function get(unitCode: string, week: WeekKey): Promise<StoredReport | undefined> {
    if (!index.get(yearOf(week))?.has(unitCode)) return undefined;
    const file = await fileOf(unitCode, yearOf(week));
    const r = file.reports.find((x) => x.week === week);
    return r ? toStored(unitCode, r) : undefined;
  }

  /** The unit's latest report with figures of a week before `before` (or of any week, without it): "belum ada data" weeks are passed over. */
  async function latest(unitCode: string, before?: WeekKey): Promise<StoredReport | undefined> {
    for (const year of yearsOf(unitCode)) {
      if (before !== undefined && year > yearOf(before)) continue;
      const file = await fileOf(unitCode, year);
      let best: WeekReport | undefined;
      for (const r of file.reports) {
        if (!hasFigures(r)) continue;
        if (before !== undefined && compareWeeks(r.week as WeekKey, before) >= 0) continue;
        if (!best || compareWeeks(r.week as WeekKey, best.week as WeekKey) > 0) best = r;
      }
      if (best) return toStored(unitCode, best);
    }
    return undefined;
  }

  /** Runs `body` with the unit's year file held (never let go mid-write), creating the year's folder if needed. */
  async function holding<T>(unitCode: string, year: number, body: (path: string, isNewFile: boolean) => Promise<T>): Promise<T> {
    let units = index.get(year);
    if (!units) {
      await makeDir(fs, join(root, String(year)));
      units = new Set();
      index.set(year, units);
    }
    const path = pathOf(unitCode, year);
    busy.set(path, (busy.get(path) ?? 0) + 1);
    try {
      const isNew = !units.has(unitCode);
      const out = await body(path, isNew);
      units.add(unitCode);
      return out;
    } finally {
      const left = (busy.get(path) ?? 1) - 1;
      if (left > 0) busy.set(path, left);
      else busy.delete(path);
    }
  }

  /** One line appended; a new file's name is made durable too (it lives in the folder). */
  async function appendLine(path: string, line: ReportLine, isNewFile: boolean): Promise<void> {
    await appender.append(path, `${JSON.stringify(line)}\n`);
    if (isNewFile && options.fsync) await fs.syncDir(dirname(path));
  }

  /** Adds a revision unless the figures equal the latest one: the same report saved twice adds nothing. */
  function save(input: SaveInput): Promise<SaveOutcome> {
    const year = yearOf(input.week);
    return holding(input.unitCode, year, async (path, isNewFile) => {
      const file = await fileOf(input.unitCode, year);
      const report = file.reports.find((r) => r.week === input.week);
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
      await appendLine(path, { week: input.week, ...revision }, isNewFile);
      const decision: Verification | undefined = input.verifiedBy && !input.noData ? { rev: revision.rev, state: 'verified', by: input.verifiedBy, at: revision.at } : undefined;
      // Memory learns the revision only once it is on disk.
      const target = report ?? { week: input.week, revisions: [] };
      target.revisions.push(revision);
      if (!report) {
        file.reports.push(target);
        file.reports.sort((a, b) => compareWeeks(a.week as WeekKey, b.week as WeekKey));
      }
      version++;
      if (decision) {
        await appendLine(path, { week: input.week, decision }, false);
        target.verification = decision;
      }
      return { saved: true, rev: revision.rev, report: toStored(input.unitCode, target) };
    });
  }

  /**
   * A coordinator verifies or returns one revision. Refused (undefined) when that revision is no longer the latest or
   * a decision on it was already made: two coordinators pressing at once do not both decide.
   */
  function decide(unitCode: string, week: WeekKey, decision: Verification): Promise<StoredReport | undefined> {
    if (!index.get(yearOf(week))?.has(unitCode)) return Promise.resolve(undefined);
    return holding(unitCode, yearOf(week), async (path) => {
      const file = await fileOf(unitCode, yearOf(week));
      const report = file.reports.find((r) => r.week === week);
      const last = report?.revisions[report.revisions.length - 1];
      if (!report || !last || last.rev !== decision.rev || last.noData || report.verification?.rev === decision.rev) return undefined;
      await appendLine(path, { week, decision }, false);
      report.verification = decision;
      version++;
      return toStored(unitCode, report);
    });
  }

  /** Reads the unit's year file ahead of use (the warm-up); false when the unit has no file that year. */
  async function warm(unitCode: string, year: number): Promise<boolean> {
    if (!index.get(year)?.has(unitCode)) return false;
    await fileOf(unitCode, year);
    return true;
  }

  return { get, latest, save, decide, warm, version: (): number => version, close: appender.close };
}

export type ReportsRepo = Awaited<ReturnType<typeof createReportsRepo>>;
