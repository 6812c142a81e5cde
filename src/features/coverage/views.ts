import type { RegionDirectory, Unit } from '../../domain/regions/directory.js';
import type { UnverifiedInTotals } from '../../domain/verification.js';
import { nationalCoverageMessage, provinceCoverageMessage, unitCoverageMessage } from '../../messages/coverage.js';
import type { Html } from '../../messages/html.js';
import type { ReadSide } from '../../queries/read-side.js';

/** The coverage message for a kab/kota, a province with its kab/kota, or the nation: this week, from the read side. */
export async function coverageView(readSide: ReadSide, regions: RegionDirectory, target: Unit | 'national', now: Date, unverified: UnverifiedInTotals): Promise<Html> {
  const report = await readSide.week(target, readSide.currentWeek(target, now));
  if (report.unit) return unitCoverageMessage(report.unit, target === 'national' ? undefined : regions.get(target.provinceCode));
  const area = report.area;
  if (!area) throw new Error('a scope report has a unit or an area');
  return target === 'national' ? nationalCoverageMessage(area, unverified) : provinceCoverageMessage(area, unverified);
}
