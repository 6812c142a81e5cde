import { participantsOf } from '../domain/figures.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { verificationStateOf } from '../domain/verification.js';
import { shiftWeek, weekOf } from '../domain/weeks.js';
import type { AwaitingReport } from '../messages/verification.js';
import type { Store } from '../store/store.js';

/** How many weeks back the lists of reports awaiting verification look (a correction to an old week is rare). */
export const AWAITING_WEEKS_BACK = 8;

/** The latest revisions awaiting a decision, of the given units, newest week first, oldest arrival first within it. */
export async function awaitingReports(store: Store, units: readonly Unit[], now: Date, weeksBack = AWAITING_WEEKS_BACK): Promise<AwaitingReport[]> {
  const out: AwaitingReport[] = [];
  for (const unit of units) {
    const current = weekOf(now, unit.zone.iana);
    for (let k = 0; k <= weeksBack; k++) {
      const week = shiftWeek(current, -k);
      const r = await store.reports.get(unit.code, week);
      if (!r || verificationStateOf(r) !== 'pending') continue;
      const previous = unit.kind === 'provinsi' ? undefined : await store.reports.latest(unit.code, week);
      const participants = unit.kind === 'provinsi' ? undefined : participantsOf(r.latest.figures);
      out.push({
        unit,
        week,
        rev: r.latest.rev,
        by: r.latest.by.name,
        at: new Date(r.latest.at),
        late: r.latest.late === true,
        participants,
        change: participants !== undefined && previous ? participants - participantsOf(previous.latest.figures) : undefined,
      });
    }
  }
  return out.sort((a, b) => (a.week === b.week ? a.at.getTime() - b.at.getTime() : a.week < b.week ? 1 : -1));
}

/** The units whose reports a scope verifies: a province's kab/kota, or (nationally) every province government. */
export function unitsVerifiedBy(regions: RegionDirectory, scope: string): Unit[] {
  if (scope === 'national') return [...regions.provinces];
  return [...regions.regenciesOf(scope)];
}
