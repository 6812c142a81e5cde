import { aggregateCoverage, nationalCoverage } from '../../domain/coverage.js';
import type { RegionDirectory, Unit } from '../../domain/regions/directory.js';
import { weekOf, weekYear } from '../../domain/weeks.js';
import { WIB } from '../../domain/zones.js';
import {
  nationalCoverageMessage,
  provinceCoverageMessage,
  unitCoverageMessage,
  type ProvinceRow,
} from '../../messages/coverage.js';
import type { Html } from '../../messages/html.js';
import type { Store } from '../../store/store.js';
import type { Deadline } from '../../domain/deadline.js';
import { paceOf } from '../../rekap/data.js';
import type { UnverifiedInTotals } from '../../domain/verification.js';
import { loadUnitSnapshot } from './snapshot.js';

async function provinceData(store: Store, regions: RegionDirectory, province: Unit, now: Date, unverified: UnverifiedInTotals) {
  const own = await loadUnitSnapshot(store, province, now);
  const members = [];
  for (const unit of regions.regenciesOf(province.code)) members.push(await loadUnitSnapshot(store, unit, now));
  // The province's own baseline is for the current year (or the latest earlier one).
  const ownBaseline = store.baselines.forYear(province.code, weekYear(own.currentWeek));
  own.baseline = ownBaseline;
  return { own, members, aggregate: aggregateCoverage(members, ownBaseline, unverified) };
}

/** The coverage message for any resolved unit: a kab/kota, or a province with its kab/kota. */
export async function coverageView(store: Store, regions: RegionDirectory, unit: Unit, now: Date, deadline: Deadline, unverified: UnverifiedInTotals): Promise<Html> {
  const pace = await paceOf(store, regions, deadline, unit, weekOf(now, unit.zone.iana), unverified);
  if (unit.kind === 'provinsi') {
    const { own, members, aggregate } = await provinceData(store, regions, unit, now, unverified);
    return provinceCoverageMessage(own, members, aggregate, pace);
  }
  const snapshot = await loadUnitSnapshot(store, unit, now);
  return unitCoverageMessage(snapshot, regions.get(unit.provinceCode), pace);
}

export async function nationalView(store: Store, regions: RegionDirectory, now: Date, unverified: UnverifiedInTotals): Promise<Html> {
  const rows: ProvinceRow[] = [];
  for (const province of regions.provinces) {
    const { aggregate } = await provinceData(store, regions, province, now, unverified);
    rows.push({ province, aggregate });
  }
  return nationalCoverageMessage(
    rows,
    nationalCoverage(rows.map((r) => r.aggregate)),
    weekOf(now, WIB.iana),
  );
}
