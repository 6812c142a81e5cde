import { REPORT_CSV_HEADER } from '../domain/fields.js';
import { weeksOf, type Period } from '../domain/periods.js';
import type { Unit } from '../domain/regions/directory.js';
import type { Store } from '../store/store.js';

/**
 * The scope's weekly reports over the period as CSV, with exactly the import header (`region_code,week,<fields>`):
 * each unit's latest revision of each week. Importing the file into an empty data folder gives the same reports.
 */
export async function reportsCsv(store: Store, units: readonly Unit[], period: Period): Promise<{ csv: string; rows: number }> {
  const lines = [REPORT_CSV_HEADER.join(',')];
  const weeks = weeksOf(period);
  for (const unit of units) {
    for (const week of weeks) {
      const r = await store.reports.get(unit.code, week);
      // A "belum ada data" week has no figures to write (the import header has no place for its reason).
      if (!r || r.latest.noData) continue;
      const figures = r.latest.figures;
      lines.push([unit.code, week, ...REPORT_CSV_HEADER.slice(2).map((f) => figures[f as keyof typeof figures] ?? '')].join(','));
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}
