import type { Baseline } from '../../src/domain/baseline.js';
import type { Figures } from '../../src/domain/figures.js';
import type { WeekKey } from '../../src/domain/weeks.js';
import type { Store } from '../../src/store/store.js';

export const PANGKALPINANG_W48: Figures = {
  active_pu: 38_905,
  active_bpu: 11_200,
  active_jakon: 2_205,
  active_pmi: 58,
  nonasn_total: 4_120,
  nonasn_jkk: 4_120,
  nonasn_jkm: 4_120,
  nonasn_jht: 1_030,
  nonasn_jp: 0,
};

export const figuresWith = (overrides: Figures): Figures => ({ ...PANGKALPINANG_W48, ...overrides });

export async function seedReport(
  store: Store,
  unitCode: string,
  week: WeekKey,
  figures: Figures,
  options: { by?: string; at?: Date } = {},
): Promise<void> {
  await store.reports.save({
    unitCode,
    week,
    figures,
    by: { telegramId: 3003, name: options.by ?? 'Budi Santoso' },
    source: 'chat',
    at: options.at ?? new Date('2026-11-24T02:00:00Z'),
  });
}

export async function seedBaseline(store: Store, unitCode: string, baseline: Partial<Baseline> = {}): Promise<void> {
  await store.baselines.upsert(
    unitCode,
    { year: 2026, workforce_total: 104_000, workforce_source: 'Sakernas Agustus 2025', ...baseline },
    { telegramId: null, name: 'Operator' },
    new Date('2026-11-01T00:00:00Z'),
  );
}

/** Non-ASN only, as a province unit reports. */
export const PROVINCE_NONASN: Figures = {
  nonasn_total: 6_800,
  nonasn_jkk: 6_800,
  nonasn_jkm: 6_800,
  nonasn_jht: 2_100,
  nonasn_jp: 450,
};
