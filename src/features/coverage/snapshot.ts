import type { UnitSnapshot, ReportSnapshot } from '../../domain/coverage.js';
import type { Unit } from '../../domain/regions/directory.js';
import { shiftWeek, weekOf, weekYear } from '../../domain/weeks.js';
import type { StoredReport } from '../../store/reports-repo.js';
import type { Store } from '../../store/store.js';
import { verificationStateOf } from '../../domain/verification.js';

export const toSnapshot = (r: StoredReport): ReportSnapshot => ({
  week: r.week,
  figures: r.latest.figures,
  at: new Date(r.latest.at),
  by: r.latest.by.name,
  source: r.latest.source,
  revisions: r.revisions.length,
  verification: verificationStateOf(r),
  late: r.revisions[0]?.late === true,
});

/** What the store knows of one unit now: latest report, the week before it, and the baseline for its year. */
export async function loadUnitSnapshot(store: Store, unit: Unit, now: Date): Promise<UnitSnapshot> {
  const currentWeek = weekOf(now, unit.zone.iana);
  const latest = await store.reports.latest(unit.code);
  const before = latest ? await store.reports.get(unit.code, shiftWeek(latest.week, -1)) : undefined;
  // A "belum ada data" week before is no figure to compare with.
  const previous = before && !before.latest.noData ? before : undefined;
  const thisWeek = await store.reports.get(unit.code, currentWeek);
  const year = weekYear(latest?.week ?? currentWeek);
  return {
    unit,
    currentWeek,
    latest: latest ? toSnapshot(latest) : undefined,
    previous: previous ? toSnapshot(previous) : undefined,
    baseline: store.baselines.forYear(unit.code, year),
    noDataThisWeek: thisWeek?.latest.noData,
  };
}
