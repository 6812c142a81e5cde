import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { NATIONAL_TARGETS } from '../domain/national-targets.js';
import { ActorSchema, type Actor } from '../domain/records.js';
import { mainSeriesOf, sameSource, valueFor, type TargetEntry, type TargetFor, type TargetScope, type TargetSeries, BASELINE_SERIES } from '../domain/targets.js';
import type { AuditRepo } from './audit-repo.js';
import type { BaselinesRepo } from './baselines-repo.js';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';

const scopeSchema = z.union([z.string().regex(/^\d{2}(?:\.\d{2})?$/), z.literal('national')]);
const StoredSeriesSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}$/),
  scope: scopeSchema,
  source: z.string().min(1),
  reference: z.string().min(1),
  points: z.array(z.object({ year: z.number().int(), bp: z.number().int().min(1).max(10_000) })),
  createdAt: z.string(),
  createdBy: ActorSchema,
  /** Removed series are kept, marked, as revoked grants are: the audit trail can always name what it removed. */
  removedAt: z.string().optional(),
  removedBy: ActorSchema.optional(),
});
type StoredSeries = z.infer<typeof StoredSeriesSchema>;

export const TargetsFileSchema = z.object({
  series: z.array(StoredSeriesSchema),
  /** The series a coordinator chose as a scope's main target (otherwise the rule in domain/targets.ts decides). */
  main: z.array(z.object({ scope: scopeSchema, seriesId: z.string(), at: z.string(), by: ActorSchema })),
});

/** The id of the series a unit's baselines' `target_pct` forms (one per scope, derived, never stored). */
export const BASELINE_SERIES_ID = 'baseline';

export type AddResult =
  | { kind: 'created'; series: TargetSeries }
  | { kind: 'added'; series: TargetSeries }
  | { kind: 'changed'; series: TargetSeries; previousBp: number }
  | { kind: 'unchanged'; series: TargetSeries };

/**
 * targets.json: the target series coordinators enter, and which one is each scope's main target. The national series
 * shipped with the bot (domain/national-targets.ts) and each unit's baseline `target_pct` (a series of source
 * "baseline", derived on reading so that it can never disagree with the baselines) are added to what a scope holds.
 * Every change writes its audit line here, so the chat and the CSV import audit alike.
 */
export async function createTargetsRepo(dir: string, deps: { audit: AuditRepo; baselines: BaselinesRepo; fs?: FileLayer }) {
  const { db } = await openJsonFile(deps.fs ?? createNodeFileLayer({ fsync: false }), join(dir, 'targets.json'), TargetsFileSchema, () => ({ series: [], main: [] }));

  const toSeries = (s: StoredSeries): TargetSeries => ({ id: s.id, scope: s.scope, source: s.source, reference: s.reference, points: [...s.points].sort((a, b) => a.year - b.year), origin: 'entered' });

  const baselineSeries = (scope: TargetScope): TargetSeries | undefined => {
    if (scope === 'national') return undefined;
    const points = deps.baselines
      .yearsOf(scope)
      .filter((b) => b.target_pct !== undefined)
      // Baselines hold a percentage with at most two decimals: to basis points exactly.
      .map((b) => ({ year: b.year, bp: Math.round((b.target_pct ?? 0) * 100) }));
    return points.length === 0 ? undefined : { id: BASELINE_SERIES_ID, scope, source: BASELINE_SERIES.source, reference: BASELINE_SERIES.reference, points, origin: 'baseline' };
  };

  /** Every series a scope holds: shipped (national), entered, then the baseline's. */
  function seriesFor(scope: TargetScope): TargetSeries[] {
    const shipped = scope === 'national' ? NATIONAL_TARGETS.map((s) => ({ ...s, points: [...s.points] })) : [];
    const entered = db.data.series.filter((s) => s.scope === scope && s.removedAt === undefined).map(toSeries);
    const baseline = baselineSeries(scope);
    return [...shipped, ...entered, ...(baseline ? [baseline] : [])];
  }

  const chosenFor = (scope: TargetScope): string | undefined => db.data.main.find((m) => m.scope === scope)?.seriesId;

  /** The scope's main series (chosen, or by the rule: RPJMD, RPJMN, entered, baseline). */
  const mainSeriesFor = (scope: TargetScope): TargetSeries | undefined => mainSeriesOf(seriesFor(scope), chosenFor(scope));

  /** The main target for a year: value, source, reference; interpolated (and labelled so) between stated years. */
  function mainTargetFor(scope: TargetScope, year: number): TargetFor | undefined {
    const main = mainSeriesFor(scope);
    return main ? valueFor(main, year) : undefined;
  }

  const isChosen = (scope: TargetScope, id: string): boolean => chosenFor(scope) === id;

  /**
   * Adds a year's value to the scope's series of the same source (a new series when there is none): a value already
   * there is changed (audited with the old one), an equal one leaves everything as it is.
   */
  async function addPoint(scope: TargetScope, entry: TargetEntry, by: Actor, at: Date, via: 'chat' | 'import'): Promise<AddResult> {
    const before = structuredClone(db.data);
    let stored = db.data.series.find((s) => s.scope === scope && s.removedAt === undefined && sameSource(s.source, entry.source));
    let result: AddResult['kind'];
    let previousBp: number | undefined;
    if (!stored) {
      stored = { id: randomBytes(4).toString('hex'), scope, source: entry.source, reference: entry.reference, points: [{ year: entry.year, bp: entry.bp }], createdAt: at.toISOString(), createdBy: by };
      db.data.series.push(stored);
      result = 'created';
    } else {
      const point = stored.points.find((p) => p.year === entry.year);
      if (point && point.bp === entry.bp && stored.reference === entry.reference) return { kind: 'unchanged', series: toSeries(stored) };
      if (point) {
        previousBp = point.bp;
        point.bp = entry.bp;
        result = 'changed';
      } else {
        stored.points.push({ year: entry.year, bp: entry.bp });
        result = 'added';
      }
      stored.reference = entry.reference;
    }
    await persist(db, () => Object.assign(db.data, before));
    await deps.audit.record({ at, actor: by, action: 'target.set', scope, details: { seriesId: stored.id, source: stored.source, reference: entry.reference, year: entry.year, bp: entry.bp, ...(previousBp !== undefined ? { previousBp } : {}), via } });
    const series = toSeries(stored);
    return result === 'changed' ? { kind: 'changed', series, previousBp: previousBp ?? 0 } : { kind: result, series };
  }

  /** Makes a series the scope's main target. False when the scope holds no such series. */
  async function setMain(scope: TargetScope, seriesId: string, by: Actor, at: Date): Promise<TargetSeries | undefined> {
    const series = seriesFor(scope).find((s) => s.id === seriesId);
    if (!series) return undefined;
    const before = structuredClone(db.data);
    db.data.main = [...db.data.main.filter((m) => m.scope !== scope), { scope, seriesId, at: at.toISOString(), by }];
    await persist(db, () => Object.assign(db.data, before));
    await deps.audit.record({ at, actor: by, action: 'target.main', scope, details: { seriesId, source: series.source } });
    return series;
  }

  /** Removes an entered series (shipped and baseline series cannot be): kept in the file, marked removed. */
  async function remove(scope: TargetScope, seriesId: string, by: Actor, at: Date): Promise<TargetSeries | undefined> {
    const stored = db.data.series.find((s) => s.scope === scope && s.id === seriesId && s.removedAt === undefined);
    if (!stored) return undefined;
    const before = structuredClone(db.data);
    stored.removedAt = at.toISOString();
    stored.removedBy = by;
    // A removed main target leaves the choice to the rule again.
    db.data.main = db.data.main.filter((m) => !(m.scope === scope && m.seriesId === seriesId));
    await persist(db, () => Object.assign(db.data, before));
    await deps.audit.record({ at, actor: by, action: 'target.remove', scope, details: { seriesId, source: stored.source, reference: stored.reference, points: stored.points } });
    return toSeries(stored);
  }

  return { seriesFor, mainSeriesFor, mainTargetFor, isChosen, addPoint, setMain, remove };
}

export type TargetsRepo = Awaited<ReturnType<typeof createTargetsRepo>>;
