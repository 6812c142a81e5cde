import { categoryOf } from '../domain/categories.js';
import type { Deadline } from '../domain/deadline.js';
import { CENTROIDS_SOURCE, KABKOTA_CENTROIDS } from '../domain/regions/centroids.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import type { UnverifiedInTotals } from '../domain/verification.js';
import type { WeekKey } from '../domain/weeks.js';
import { MAP_TEXT } from '../messages/map.js';
import type { Store } from '../store/store.js';
import { buildRekap, type RekapRow } from './data.js';
import type { MapInput, MapPoint } from './map.js';

/** A province, or the nation: the scopes a map shows (a kab/kota alone is one point, not a map). */
export type MapScope = Unit | 'national';

export interface MapInputDeps {
  store: Store;
  regions: RegionDirectory;
  deadline: Deadline;
  unverified?: UnverifiedInTotals | undefined;
}

const shortName = (u: Unit): string => u.name.replace(/^Kabupaten /, 'Kab. ');

function pointOf(row: RekapRow, week: WeekKey): MapPoint {
  const at = KABKOTA_CENTROIDS[row.unit.code];
  if (!at) throw new Error(`no centroid for ${row.unit.code}: run npm run centroids`);
  return {
    code: row.unit.code,
    name: row.unit.name,
    label: shortName(row.unit),
    lat: at[0],
    lon: at[1],
    pct: row.pct,
    category: row.pct === undefined ? undefined : categoryOf(row.pct),
    workforce: row.workforce,
    staleWeekNo: row.latestWeek !== undefined && row.latestWeek !== week ? Number(row.latestWeek.slice(6)) : undefined,
  };
}

/**
 * The one adapter from the figures to a map: every kab/kota of a province (or of the nation) as it stood in `week`,
 * from the rekap's rows (the same figures as /peringkat and /ekspor). Sized by workforce only when every kab/kota has
 * one (a missing one drawn small would read as a small workforce).
 */
export async function buildMapInput(deps: MapInputDeps, scope: MapScope, week: WeekKey, now: Date): Promise<MapInput> {
  const provinces = scope === 'national' ? deps.regions.provinces : [scope];
  const points: MapPoint[] = [];
  let demo = false;
  for (const province of provinces) {
    const rekap = await buildRekap(deps.store, deps.regions, deps.deadline, province, { from: week, to: week, kind: 'week' }, deps.unverified, { trend: false });
    demo ||= rekap.demo;
    for (const row of rekap.rows) if (row.kind === 'unit') points.push(pointOf(row, week));
  }
  const sizeBy = points.every((p) => p.workforce !== undefined) ? 'workforce' : 'uniform';
  return {
    title: MAP_TEXT.title(scope),
    subtitle: MAP_TEXT.subtitle(week, points.filter((p) => p.pct !== undefined).length, points.length),
    points,
    sizeBy,
    legend: { categories: MAP_TEXT.legend.categories(), noData: MAP_TEXT.legend.noData, stale: MAP_TEXT.legend.stale, size: MAP_TEXT.legend.size(sizeBy) },
    footer: MAP_TEXT.footer(week, now, CENTROIDS_SOURCE),
    demoMark: demo ? MAP_TEXT.demoMark : undefined,
  };
}
