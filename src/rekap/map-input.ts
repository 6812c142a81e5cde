import { categoryOf } from '../domain/categories.js';
import { shownPct } from '../domain/exact.js';
import { CENTROIDS_SOURCE, KABKOTA_CENTROIDS } from '../domain/regions/centroids.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { weekNumber, type WeekKey } from '../domain/weeks.js';
import { MAP_TEXT } from '../messages/map.js';
import type { ReadSide } from '../queries/read-side.js';
import type { UnitWeek } from '../queries/types.js';
import type { MapInput, MapPoint } from './map.js';

/** A province, or the nation: the scopes a map shows (a kab/kota alone is one point, not a map). */
export type MapScope = Unit | 'national';

export interface MapInputDeps {
  readSide: ReadSide;
  regions: RegionDirectory;
}

const shortName = (u: Unit): string => u.name.replace(/^Kabupaten /, 'Kab. ');

/** One kab/kota as every other view shows it: the read side's standing figures, coverage rounded once. */
function pointOf(u: UnitWeek, week: WeekKey): MapPoint {
  const at = KABKOTA_CENTROIDS[u.unit.code];
  if (!at) throw new Error(`no centroid for ${u.unit.code}: run npm run centroids`);
  const pct = u.coverage ? shownPct(u.coverage) : undefined;
  return {
    code: u.unit.code,
    name: u.unit.name,
    label: shortName(u.unit),
    lat: at[0],
    lon: at[1],
    pct,
    category: pct === undefined ? undefined : categoryOf(pct),
    workforce: u.baseline?.workforce_total,
    staleWeekNo: u.standing && u.standing.week !== week ? weekNumber(u.standing.week) : undefined,
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
    const report = await deps.readSide.week(province, week);
    demo ||= report.demo;
    for (const m of report.area?.members ?? []) points.push(pointOf(m, week));
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
