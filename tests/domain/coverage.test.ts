import { describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/domain/baseline.js';
import { validateBaseline } from '../../src/domain/baseline.js';
import { figureWarnings, validateFigures, type Figures } from '../../src/domain/figures.js';
import { PANGKALPINANG_W48 } from '../helpers/seed.js';

const PKP: Figures = { ...PANGKALPINANG_W48 };
const BASE: Baseline = {
  year: 2026,
  workforce_total: 104_000,
  workforce_source: 'Sakernas Agustus 2025',
  workforce_formal: 58_000,
  workforce_informal: 46_000,
  target_pct: 55,
};
describe('validation of weekly figures', () => {
  it('refuses missing fields and non-ASN programmes above the non-ASN total', () => {
    const r = validateFigures({ ...PKP, active_pmi: undefined, nonasn_jht: 5000 }, 'kota');
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.error.map((e) => e.kind)).toEqual(['missing', 'above_total']);
  });

  it('takes only non-ASN from a province unit', () => {
    expect(validateFigures(PKP, 'provinsi').ok).toBe(false);
    const nonAsn: Figures = Object.fromEntries(Object.entries(PKP).filter(([k]) => k.startsWith('nonasn_')));
    expect(validateFigures(nonAsn, 'provinsi').ok).toBe(true);
  });

  it('warns on a drop of more than 5%, JHT above JKK, and participants above the workforce', () => {
    const warnings = figureWarnings(
      { ...PKP, active_pu: 36_000, nonasn_jht: 4_120, nonasn_jkk: 4_000 },
      { previous: PKP, workforce: 40_000 },
    );
    expect(warnings.map((w) => w.kind).sort()).toEqual(['above_workforce', 'jht_above_jkk', 'stock_drop', 'stock_rise']);
    expect(figureWarnings({ ...PKP, active_pu: 37_000 }, { previous: PKP }).map((w) => w.kind)).toEqual([]);
  });

  it('checks baselines', () => {
    expect(validateBaseline(BASE, 2026).ok).toBe(true);
    const bad = validateBaseline({ ...BASE, workforce_formal: 90_000, target_pct: 120 }, 2026);
    expect(bad.ok ? [] : bad.error.map((e) => e.kind)).toEqual(['parts_above_total', 'target_range']);
  });
});
