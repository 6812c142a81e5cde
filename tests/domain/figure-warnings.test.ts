import { describe, expect, it } from 'vitest';
import { CHANGE_THRESHOLDS, figureWarnings, warningKey, type Figures } from '../../src/domain/figures.js';
import { figureWarningText } from '../../src/messages/figures.js';

const W47: Figures = { active_pu: 38_700, active_bpu: 11_000, active_jakon: 658, active_pmi: 59, nonasn_total: 4_120, nonasn_jkk: 4_120, nonasn_jkm: 4_120, nonasn_jht: 1_000, nonasn_jp: 0 };
const texts = (figures: Figures, workforce?: number) => figureWarnings(figures, { previous: W47, workforce }).map(figureWarningText);

describe('sharp changes week on week (issue 23.7)', () => {
  it('warns on sharp rises as on falls', () => {
    expect(texts({ ...W47, active_pmi: 2_300, active_jakon: 12_500 })).toEqual([
      'Peserta aktif Jasa Konstruksi naik 19 kali lipat dibanding laporan sebelumnya (658 → 12.500).',
      'Peserta aktif Pekerja Migran Indonesia naik 39 kali lipat dibanding laporan sebelumnya (59 → 2.300).',
    ]);
    expect(texts({ ...W47, active_bpu: 18_000 })).toEqual(['Peserta aktif Bukan Penerima Upah (pekerja informal) naik 63,6% dibanding laporan sebelumnya (11.000 → 18.000).']);
    expect(texts({ ...W47, nonasn_jp: 4_120 })).toEqual(['Non-ASN terlindungi JP naik dari nol dibanding laporan sebelumnya (0 → 4.120).']);
    expect(texts({ ...W47, active_bpu: 38_500 })[0]).toContain('naik 3,5 kali lipat');
  });

  it('`1,5 jt` for a workforce of 72.000: the rise and the workforce, each to confirm', () => {
    const warnings = figureWarnings({ ...W47, active_pu: 1_500_000 }, { previous: W47, workforce: 72_000 });
    expect(warnings.map((w) => w.kind)).toEqual(['stock_rise', 'above_workforce']);
    expect(warnings.map(figureWarningText)[0]).toBe('Peserta aktif Penerima Upah (pekerja formal) naik 39 kali lipat dibanding laporan sebelumnya (38.700 → 1.500.000).');
    expect(warnings.map(warningKey)[0]).toBe('rise:active_pu:38700:1500000');
  });

  it('leaves ordinary growth, and small units’ small steps, alone', () => {
    expect(texts({ ...W47, active_pu: 40_000, active_bpu: 15_000, active_jakon: 700 })).toEqual([]);
    // +35 people is +59% for a unit of 59 migrant workers, but under the threshold's 100 people.
    expect(texts({ ...W47, active_pmi: 94 })).toEqual([]);
  });

  it('keeps every threshold with its reason', () => {
    expect(CHANGE_THRESHOLDS.map((t) => t.direction).sort()).toEqual(['drop', 'rise']);
    for (const t of CHANGE_THRESHOLDS) expect(t.reason.length).toBeGreaterThan(40);
  });
});
