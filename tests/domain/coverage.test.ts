import { describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/domain/baseline.js';
import { validateBaseline } from '../../src/domain/baseline.js';
import {
  aggregateCoverage,
  isStale,
  nationalCoverage,
  unitCoverage,
  type UnitSnapshot,
} from '../../src/domain/coverage.js';
import { figureWarnings, validateFigures, type Figures } from '../../src/domain/figures.js';
import type { Unit } from '../../src/domain/regions/directory.js';
import { WIB } from '../../src/domain/zones.js';
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
const unit = (code: string, kind: Unit['kind'] = 'kota'): Unit => ({
  code,
  kind,
  name: code,
  baseName: code,
  provinceCode: code.slice(0, 2),
  zone: WIB,
});
const snapshot = (code: string, figures: Figures | undefined, baseline?: Baseline, week = '2026-W48'): UnitSnapshot => ({
  unit: unit(code),
  currentWeek: '2026-W48',
  latest: figures
    ? { week: week as UnitSnapshot['currentWeek'], figures, at: new Date('2026-11-24T02:00:00Z'), by: 'x', source: 'chat', revisions: 1 }
    : undefined,
  baseline,
});

describe('coverage of one unit', () => {
  it('is active participants over the working population, with formal, informal and the target gap', () => {
    const c = unitCoverage(PKP, BASE);
    expect(c.participants).toBe(52_368);
    expect(c.pct).toBeCloseTo(50.354, 3);
    expect(c.formalPct).toBeCloseTo((38_905 / 58_000) * 100, 6);
    expect(c.informalPct).toBeCloseTo((11_200 / 46_000) * 100, 6);
    expect(c.gapPoints).toBeCloseTo(50.354 - 55, 3);
    expect(c.nonAsn?.programmes.nonasn_jkk.pct).toBe(100);
    expect(c.nonAsn?.programmes.nonasn_jht.pct).toBe(25);
  });

  it('has no percentage without a baseline, and none for non-ASN with no staff', () => {
    const c = unitCoverage({ ...PKP, nonasn_total: 0, nonasn_jkk: 0, nonasn_jkm: 0, nonasn_jht: 0 }, undefined);
    expect(c.pct).toBeUndefined();
    expect(c.formalPct).toBeUndefined();
    expect(c.nonAsn?.programmes.nonasn_jkk.pct).toBeUndefined();
  });

  it('reproduces the published Bangka Belitung figure: 189.742 participants, 33,10%', () => {
    const c = unitCoverage({ active_pu: 189_742 }, { ...BASE, workforce_total: 573_239 });
    expect(c.pct?.toFixed(2)).toBe('33.10');
  });

  it('flags a report more than two weeks old', () => {
    expect(isStale(snapshot('a', PKP, BASE, '2026-W46'))).toBe(false);
    expect(isStale(snapshot('a', PKP, BASE, '2026-W45'))).toBe(true);
  });
});

describe('coverage of a province and the nation', () => {
  const members = [
    snapshot('19.01', { active_pu: 1000, active_bpu: 0, active_jakon: 0, active_pmi: 0 }, { ...BASE, workforce_total: 4000 }),
    snapshot('19.02', { active_pu: 500, active_bpu: 500, active_jakon: 0, active_pmi: 0 }, undefined, '2026-W47'),
    snapshot('19.03', undefined, { ...BASE, workforce_total: 9999 }),
  ];

  it('uses the province baseline over all participants when it has one', () => {
    const a = aggregateCoverage(members, { ...BASE, workforce_total: 10_000, target_pct: 30 });
    expect(a.participants).toBe(2000);
    expect(a.basis).toBe('own');
    expect(a.pct).toBe(20);
    expect(a.gapPoints).toBe(-10);
    expect(a.membersWithData).toBe(2);
    expect(a.membersReportedThisWeek).toBe(1);
  });

  it('otherwise matches numerator and denominator over members with both', () => {
    const a = aggregateCoverage(members, undefined);
    expect(a.basis).toBe('members');
    expect(a.basisMembers).toBe(1);
    expect(a.pct).toBe(25);
  });

  it('adds the provinces up for the nation', () => {
    const p1 = aggregateCoverage(members, { ...BASE, workforce_total: 10_000 });
    const p2 = aggregateCoverage([snapshot('21.71', undefined)], undefined);
    const n = nationalCoverage([p1, p2]);
    expect(n.members).toBe(4);
    expect(n.participants).toBe(2000);
    expect(n.basisMembers).toBe(1);
    expect(n.pct).toBe(20);
  });
});

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
