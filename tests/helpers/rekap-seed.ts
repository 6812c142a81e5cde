import type { Figures } from '../../src/domain/figures.js';
import { shiftWeek, type WeekKey } from '../../src/domain/weeks.js';
import type { Store } from '../../src/store/store.js';

/** Kepulauan Bangka Belitung's kab/kota, with a working population each (round figures for readable sums). */
export const BABEL = [
  { code: '19.01', workforce: 160_000 },
  { code: '19.02', workforce: 90_000 },
  { code: '19.03', workforce: 100_000 },
  { code: '19.04', workforce: 95_000 },
  { code: '19.05', workforce: 110_000 },
  { code: '19.06', workforce: 70_000 },
  { code: '19.71', workforce: 104_000 },
] as const;

export const OPERATOR = { telegramId: null, name: 'Operator' };

/**
 * `weeks` weeks of reports up to `last` for every Babel kab/kota (each grows by 100 PU a week; unit i starts with
 * 10.000 x (i+1) PU), baselines with targets for 2026 (the province's own: 45%), and the province's own non-ASN.
 * `skip` leaves units out of the last week. Every report is sent on the Tuesday of its week (before the deadline).
 */
export async function seedBabel(store: Store, last: WeekKey, weeks: number, options: { skip?: string[]; lateCodes?: string[] } = {}): Promise<void> {
  const total = BABEL.reduce((s, u) => s + u.workforce, 0);
  await store.baselines.upsert('19', { year: 2026, workforce_total: total, workforce_source: 'Sakernas Agustus 2025', target_pct: 45 }, OPERATOR, new Date('2026-01-05T00:00:00Z'));
  for (const [i, u] of BABEL.entries()) {
    await store.baselines.upsert(u.code, { year: 2026, workforce_total: u.workforce, workforce_source: 'Sakernas Agustus 2025', target_pct: 35 }, OPERATOR, new Date('2026-01-05T00:00:00Z'));
    for (let k = weeks - 1; k >= 0; k--) {
      const week = shiftWeek(last, -k);
      if (k === 0 && options.skip?.includes(u.code)) continue;
      const figures: Figures = { active_pu: 10_000 * (i + 1) + 100 * (weeks - k), active_bpu: 2_000, active_jakon: 300, active_pmi: 10, nonasn_total: 1_000, nonasn_jkk: 1_000, nonasn_jkm: 1_000, nonasn_jht: 400, nonasn_jp: 0 };
      const late = k === 0 && options.lateCodes?.includes(u.code);
      await store.reportWriter.save({ unitCode: u.code, week, figures, by: { telegramId: 3003, name: 'Budi Santoso' }, source: 'chat', at: tuesdayOf(week, late ? 6 : 1) });
    }
  }
  await store.reportWriter.save({ unitCode: '19', week: last, figures: { nonasn_total: 6_800, nonasn_jkk: 6_800, nonasn_jkm: 6_800, nonasn_jht: 2_100, nonasn_jp: 450 }, by: { telegramId: 3004, name: 'Sari' }, source: 'chat', at: tuesdayOf(last, 1) });
}

/** 10.00 WIB on day `day` (0 = Monday) of the week: 03.00Z. */
function tuesdayOf(week: WeekKey, day: number): Date {
  const year = Number(week.slice(0, 4));
  const n = Number(week.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (n - 1) * 7 * 86_400_000;
  return new Date(monday + day * 86_400_000 + 3 * 3600_000);
}
