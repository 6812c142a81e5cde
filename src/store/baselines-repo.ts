import { join } from 'node:path';
import type { Baseline } from '../domain/baseline.js';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';
import { BaselinesFileSchema, type Actor, type BaselineRecord } from './schema.js';

const toBaseline = (r: BaselineRecord): Baseline => ({
  year: r.year,
  workforce_total: r.workforce_total,
  workforce_source: r.workforce_source,
  workforce_formal: r.workforce_formal,
  workforce_informal: r.workforce_informal,
  target_pct: r.target_pct,
});

const sameBaseline = (a: Baseline, b: Baseline): boolean =>
  a.workforce_total === b.workforce_total &&
  a.workforce_source === b.workforce_source &&
  a.workforce_formal === b.workforce_formal &&
  a.workforce_informal === b.workforce_informal &&
  a.target_pct === b.target_pct;

/** Yearly workforce baselines and targets per unit: a few thousand rows at most, one small file. */
export async function createBaselinesRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'baselines.json'), BaselinesFileSchema, () => ({ baselines: [] }));

  /**
   * The answers of forYear, by unit and year, until the next change: a national view or rekap asks for every unit's
   * baseline for every week, and scanning all rows each time was most of its cost.
   */
  let answers = new Map<string, Baseline | undefined>();

  /** The baseline for `year`, or the latest earlier one (Sakernas figures arrive once a year). */
  function forYear(unitCode: string, year: number): Baseline | undefined {
    const key = `${unitCode}|${year}`;
    if (answers.has(key)) return answers.get(key);
    let best: BaselineRecord | undefined;
    for (const r of db.data.baselines) {
      if (r.unitCode !== unitCode || r.year > year) continue;
      if (!best || r.year > best.year) best = r;
    }
    const answer = best ? toBaseline(best) : undefined;
    answers.set(key, answer);
    return answer;
  }

  /** Raised by every change: answers built from baselines are cached against it. */
  let version = 0;

  /** Sets a unit's baseline for a year; returns the previous one, or `unchanged` when it is the same. */
  async function upsert(
    unitCode: string,
    baseline: Baseline,
    by: Actor,
    at: Date,
  ): Promise<{ changed: boolean; previous?: Baseline | undefined }> {
    const i = db.data.baselines.findIndex((x) => x.unitCode === unitCode && x.year === baseline.year);
    const old = i >= 0 ? db.data.baselines[i] : undefined;
    const previous = old ? toBaseline(old) : undefined;
    if (previous && sameBaseline(previous, baseline)) return { changed: false, previous };
    const { unitCode: _u, year: _y, history, ...kept } = old ?? { unitCode, year: baseline.year };
    const record: BaselineRecord = {
      ...(old ? { history: [...(history ?? []), kept as Omit<BaselineRecord, 'unitCode' | 'year' | 'history'>] } : {}),
      unitCode,
      year: baseline.year,
      workforce_total: baseline.workforce_total,
      workforce_source: baseline.workforce_source,
      ...(baseline.workforce_formal !== undefined ? { workforce_formal: baseline.workforce_formal } : {}),
      ...(baseline.workforce_informal !== undefined ? { workforce_informal: baseline.workforce_informal } : {}),
      ...(baseline.target_pct !== undefined ? { target_pct: baseline.target_pct } : {}),
      updatedAt: at.toISOString(),
      updatedBy: by,
    };
    const before = [...db.data.baselines];
    if (old) db.data.baselines[i] = record;
    else db.data.baselines.push(record);
    answers = new Map();
    await persist(db, () => {
      db.data.baselines = before;
      answers = new Map();
    });
    version++;
    return { changed: true, previous };
  }

  /**
   * Corrects the workforce typed in chat for one year, keeping the year's other figures (formal, informal, target);
   * the version it replaces goes into the record's history, as a report keeps its revisions.
   */
  async function setWorkforce(unitCode: string, year: number, total: number, source: string, by: Actor, at: Date) {
    const same = db.data.baselines.find((x) => x.unitCode === unitCode && x.year === year);
    const base: Baseline = same ? toBaseline(same) : { year, workforce_total: total, workforce_source: source };
    return upsert(unitCode, { ...base, workforce_total: total, workforce_source: source }, by, at);
  }

  /** The record of exactly this year (no carrying forward), with its history. */
  const recordOf = (unitCode: string, year: number): BaselineRecord | undefined =>
    db.data.baselines.find((x) => x.unitCode === unitCode && x.year === year);

  /** Every year's baseline of a unit, by year (the target series "baseline" is read from them). */
  const yearsOf = (unitCode: string): Baseline[] =>
    db.data.baselines
      .filter((x) => x.unitCode === unitCode)
      .sort((a, b) => a.year - b.year)
      .map(toBaseline);

  return { forYear, upsert, setWorkforce, recordOf, yearsOf, version: (): number => version };
}

export type BaselinesRepo = Awaited<ReturnType<typeof createBaselinesRepo>>;
