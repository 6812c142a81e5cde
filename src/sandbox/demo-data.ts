import { validateBaseline, type Baseline } from '../domain/baseline.js';
import { NONASN_FIELDS, PARTICIPANT_FIELDS, validateFigures, type Figures } from '../domain/figures.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { shiftWeek, weekOf, weekRange, weekYear } from '../domain/weeks.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';

/**
 * Demo figures for the sandbox. They are NOT official data: every report is signed "data contoh (demo)" and every
 * baseline names itself a demo figure. Kepulauan Bangka Belitung is complete; Pangkalpinang follows what the city
 * has said in public (non-ASN JKK and JKM 100%, JHT only in part, about half of its workers covered).
 */
export const DEMO_ACTOR: Actor = { telegramId: null, name: 'Data contoh (demo)' };
const DEMO_SOURCE = 'Angka contoh (demo), bukan data resmi';

interface DemoUnit {
  code: string;
  workforce: number;
  target?: number;
  formal?: number;
  informal?: number;
  /** This week's participants, in the registry's order (PU, BPU, Jakon, PMI). */
  participants?: readonly number[];
  /** Non-ASN, in the registry's order (total, JKK, JKM, JHT, JP). */
  nonAsn: readonly number[];
  /** Weeks since the last report (0 = reported this week). */
  lastReportWeeksAgo: number;
  historyWeeks: number;
}

const DEMO_UNITS: DemoUnit[] = [
  // Kepulauan Bangka Belitung: the province government reports its own non-ASN.
  { code: '19', workforce: 573_200, target: 40, nonAsn: [6_800, 6_800, 6_800, 2_100, 450], lastReportWeeksAgo: 0, historyWeeks: 8 },
  { code: '19.01', workforce: 115_000, participants: [24_500, 6_900, 1_350, 210], nonAsn: [3_900, 3_900, 3_900, 900, 0], lastReportWeeksAgo: 0, historyWeeks: 8 },
  { code: '19.02', workforce: 78_000, participants: [17_800, 5_100, 900, 95], nonAsn: [2_750, 2_750, 2_750, 1_100, 120], lastReportWeeksAgo: 0, historyWeeks: 8 },
  { code: '19.03', workforce: 72_000, participants: [11_400, 4_300, 700, 60], nonAsn: [2_300, 2_300, 2_300, 0, 0], lastReportWeeksAgo: 3, historyWeeks: 5 },
  { code: '19.04', workforce: 76_000, participants: [13_100, 4_700, 820, 75], nonAsn: [2_450, 2_450, 2_450, 610, 0], lastReportWeeksAgo: 0, historyWeeks: 8 },
  { code: '19.05', workforce: 82_000, participants: [19_900, 5_600, 1_100, 120], nonAsn: [2_600, 2_600, 2_600, 800, 0], lastReportWeeksAgo: 0, historyWeeks: 8 },
  { code: '19.06', workforce: 52_000, participants: [9_600, 3_300, 560, 45], nonAsn: [1_900, 1_900, 1_900, 350, 0], lastReportWeeksAgo: 1, historyWeeks: 7 },
  { code: '19.71', workforce: 104_000, formal: 58_000, informal: 46_000, target: 55, participants: [38_905, 11_200, 2_205, 58], nonAsn: [4_120, 4_120, 4_120, 1_650, 0], lastReportWeeksAgo: 0, historyWeeks: 8 },
  // A few other provinces, in the three time zones.
  { code: '21.71', workforce: 720_000, participants: [380_000, 45_000, 12_000, 3_500], nonAsn: [9_800, 9_800, 9_800, 4_000, 1_200], lastReportWeeksAgo: 0, historyWeeks: 4 },
  { code: '21.72', workforce: 105_000, participants: [36_000, 9_000, 1_500, 300], nonAsn: [3_100, 3_100, 3_100, 0, 0], lastReportWeeksAgo: 2, historyWeeks: 3 },
  { code: '32.73', workforce: 1_250_000, target: 50, participants: [520_000, 98_000, 21_000, 4_100], nonAsn: [14_500, 14_500, 14_500, 7_000, 2_500], lastReportWeeksAgo: 0, historyWeeks: 4 },
  { code: '32.04', workforce: 1_700_000, participants: [310_000, 120_000, 15_000, 12_000], nonAsn: [11_200, 11_200, 11_200, 0, 0], lastReportWeeksAgo: 1, historyWeeks: 3 },
  { code: '73.71', workforce: 690_000, participants: [250_000, 60_000, 9_000, 800], nonAsn: [8_900, 8_900, 8_900, 3_300, 900], lastReportWeeksAgo: 0, historyWeeks: 4 },
  { code: '91.71', workforce: 150_000, participants: [52_000, 8_000, 2_500, 20], nonAsn: [5_400, 5_400, 5_400, 1_000, 0], lastReportWeeksAgo: 0, historyWeeks: 4 },
];

/** Weekly growth per segment, to make week-on-week changes visible (PU, BPU, Jakon, PMI). */
const WEEKLY_GROWTH = [0.004, 0.012, 0.02, 0.005] as const;

/** The demo's figures some weeks back: values in the registry's order (a field without one is 0). */
function figuresAt(u: DemoUnit, weeksBefore: number): Figures {
  const f: Figures = {};
  NONASN_FIELDS.forEach((field, i) => {
    f[field] = u.nonAsn[i] ?? 0;
  });
  // JHT coverage of non-ASN grows week by week in the demo, as budgets are found.
  f.nonasn_jht = Math.max(0, (f.nonasn_jht ?? 0) - 15 * weeksBefore);
  const participants = u.participants;
  if (participants) {
    PARTICIPANT_FIELDS.forEach((field, i) => {
      f[field] = Math.round((participants[i] ?? 0) * (1 - (WEEKLY_GROWTH[i] ?? 0) * weeksBefore));
    });
  }
  return f;
}

/** Loads the demo figures through the same validation as any submission. Returns how many reports were stored. */
export async function seedDemoData(store: Store, regions: RegionDirectory, now: Date): Promise<number> {
  let reports = 0;
  for (const u of DEMO_UNITS) {
    const unit = regions.get(u.code);
    if (!unit) throw new Error(`demo unit ${u.code} is not in the official list`);
    const current = weekOf(now, unit.zone.iana);
    const baseline: Baseline = {
      year: weekYear(current),
      workforce_total: u.workforce,
      workforce_source: DEMO_SOURCE,
      workforce_formal: u.formal,
      workforce_informal: u.informal,
      target_pct: u.target,
    };
    const checkedBaseline = validateBaseline(baseline, baseline.year);
    if (!checkedBaseline.ok) throw new Error(`demo baseline for ${u.code} is invalid`);
    await store.baselines.upsert(u.code, checkedBaseline.value, DEMO_ACTOR, now);
    for (let k = u.historyWeeks - 1; k >= u.lastReportWeeksAgo; k--) {
      const week = shiftWeek(current, -k);
      const figures = validateFigures(figuresAt(u, k), unit.kind);
      if (!figures.ok) throw new Error(`demo figures for ${u.code} ${week} are invalid`);
      // Reported on the Wednesday of that week at 09.00 local, or just now for the current week.
      const wednesday = new Date(weekRange(week, unit.zone.iana).start.getTime() + (2 * 24 + 9) * 3600_000);
      const at = wednesday < now ? wednesday : now;
      // Earlier weeks were verified by the demo coordinator; this week's reports await verification (try /verifikasi).
      const verifiedBy = k > 0 ? DEMO_ACTOR : undefined;
      await store.reports.save({ unitCode: u.code, week, figures: figures.value, by: DEMO_ACTOR, source: 'demo', at, verifiedBy });
      reports++;
    }
  }
  return reports;
}
