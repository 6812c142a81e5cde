import { validateBaseline, type Baseline } from '../domain/baseline.js';
import { NONASN_FIELDS, PARTICIPANT_FIELDS, validateFigures, type Figures } from '../domain/figures.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { shiftWeek, weekOf, weekRange, weekYear } from '../domain/weeks.js';
import { BudgetLineSchema, KendalaSchema, RegulationSchema, VillagesSchema } from '../domain/profile.js';
import { localDateOf } from '../domain/when.js';
import { WIB } from '../domain/zones.js';
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
  await seedDemoProfiles(store, now);
  return reports;
}

/**
 * Demo profiles (issue 20.4), as invented as the figures: Pangkalpinang has a regulation, a budget line for non-ASN
 * JHT in the APBD-P and an open kendala; some other Babel units are partly filled, three have nothing.
 */
async function seedDemoProfiles(store: Store, now: Date): Promise<void> {
  const year = localDateOf(now, WIB.iana).year;
  const at = now.toISOString();
  const by = DEMO_ACTOR;
  let n = 0;
  const id = () => `de0000${String(++n).padStart(2, '0')}`;
  const regulation = (code: string, r: { kind: 'perda' | 'perkada' | 'se' | 'keputusan' | 'mou'; number: string; year: number; subject: string }) =>
    store.profiles.putRegulation(code, RegulationSchema.parse({ id: id(), ...r, at, by }));
  const budget = (code: string, b: { purpose: 'nonasn' | 'rentan' | 'desa' | 'pemilu'; source: 'apbd' | 'apbdp' | 'apbdes' | 'csr'; pagu: number; realisasi: number; people: number; note?: string }) =>
    store.profiles.putBudget(code, BudgetLineSchema.parse({ id: id(), year, purpose: b.purpose, source: b.source, paguSen: b.pagu * 100, realisasiSen: b.realisasi * 100, people: b.people, ...(b.note ? { note: b.note } : {}), at, by }));
  const kendala = (code: string, text: string) => store.profiles.addKendala(code, KendalaSchema.parse({ id: id(), text, at, by }));
  const villages = (code: string, desa: number, covered: number) => store.profiles.setVillages(code, VillagesSchema.parse({ desa, covered, at, by }));

  await regulation('19.71', { kind: 'perkada', number: '12', year: year - 2, subject: 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pegawai Non-ASN dan Pekerja Rentan (contoh)' });
  await budget('19.71', { purpose: 'nonasn', source: 'apbdp', pagu: 1_236_000_000, realisasi: 412_000_000, people: 1_650, note: 'iuran JHT' });
  await villages('19.71', 0, 0);
  await kendala('19.71', 'JHT non-ASN belum dianggarkan karena keterbatasan anggaran daerah');
  await regulation('19', { kind: 'perkada', number: '45', year: year - 1, subject: 'Optimalisasi Jaminan Sosial Ketenagakerjaan (contoh)' });
  await budget('19', { purpose: 'rentan', source: 'apbd', pagu: 2_239_339_680, realisasi: 1_493_319_120, people: 9_800 });
  await regulation('19.01', { kind: 'se', number: '560/112/DISNAKER', year, subject: 'Pendaftaran Pekerja Rentan dalam Program BPJS Ketenagakerjaan (contoh)' });
  await villages('19.01', 62, 40);
  await budget('19.02', { purpose: 'desa', source: 'apbdes', pagu: 750_000_000, realisasi: 310_500_000, people: 1_240 });
  await kendala('19.02', 'Sebagian desa belum menganggarkan iuran BPD dalam APBDes (contoh)');
  await regulation('19.04', { kind: 'mou', number: `PKS/21/${year - 1}`, year: year - 1, subject: 'Kerja sama perlindungan pekerja rentan (contoh)' });
}
