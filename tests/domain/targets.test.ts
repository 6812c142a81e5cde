import { describe, expect, it } from 'vitest';
import { NATIONAL_TARGETS } from '../../src/domain/national-targets.js';
import { mainSeriesOf, parseTargetBp, participantsForTarget, splitTargetCommand, validateTargetEntry, valueFor, type TargetSeries } from '../../src/domain/targets.js';
import { formatTargetPct } from '../../src/messages/target-format.js';
import { targetEntryErrorText } from '../../src/messages/targets.js';

const series = (id: string, source: string, points: Array<[number, number]>, origin: TargetSeries['origin'] = 'entered'): TargetSeries => ({
  id,
  scope: '19',
  source,
  reference: 'uji',
  points: points.map(([year, bp]) => ({ year, bp })),
  origin,
});

describe('targets with their sources (issue 19)', () => {
  it('reads percentages as officials write them into exact basis points', () => {
    expect(parseTargetBp('32,15%')).toEqual({ ok: true, value: 3215 });
    expect(parseTargetBp('43.92')).toEqual({ ok: true, value: 4392 });
    expect(parseTargetBp('99,5 persen')).toEqual({ ok: true, value: 9950 });
    expect(parseTargetBp('55')).toEqual({ ok: true, value: 5500 });
    expect(parseTargetBp('0,07%')).toEqual({ ok: true, value: 7 });
    expect(parseTargetBp('100%')).toEqual({ ok: true, value: 10_000 });
    expect(parseTargetBp('0')).toMatchObject({ ok: false, error: { kind: 'zero' } });
    expect(parseTargetBp('101')).toMatchObject({ ok: false, error: { kind: 'over_100' } });
    expect(parseTargetBp('32,155')).toMatchObject({ ok: false, error: { kind: 'not_a_number' } });
    expect(parseTargetBp('-5')).toMatchObject({ ok: false, error: { kind: 'negative' } });
    expect(formatTargetPct(3215)).toBe('32,15%');
    expect(formatTargetPct(9950)).toBe('99,5%');
    expect(formatTargetPct(4500)).toBe('45,0%');
  });

  it('asks ceil(target x workforce) on integers: 55% of 104.000 is 57.200, not 57.201', () => {
    expect(Math.ceil(0.55 * 104_000)).toBe(57_201); // the floating-point answer this avoids
    expect(participantsForTarget(5500, 104_000)).toBe(57_200);
    expect(participantsForTarget(3215, 1_000)).toBe(322); // 321,5 up
    expect(participantsForTarget(3215, 2_000)).toBe(643);
    expect(participantsForTarget(10_000, 729_000)).toBe(729_000);
  });

  it('checks an entry whole and names every problem in Indonesian', () => {
    expect(validateTargetEntry({ year: '2029', value: '45,5%', source: ' RPJMD  Babel 2025-2029 ', reference: 'Perda 1/2025' })).toEqual({
      ok: true,
      value: { year: 2029, bp: 4550, source: 'RPJMD Babel 2025-2029', reference: 'Perda 1/2025' },
    });
    const bad = validateTargetEntry({ year: '29', value: 'lima puluh', source: '', reference: '' });
    expect(bad.ok).toBe(false);
    const texts = bad.ok ? [] : bad.error.map(targetEntryErrorText);
    expect(texts).toHaveLength(4);
    expect(texts.join(' ')).toContain('Tahun “29”');
    expect(texts.join(' ')).toContain('bukan persentase');
    expect(validateTargetEntry({ year: '2046', value: '50', source: 'x', reference: 'y' }).ok).toBe(false);
    expect(validateTargetEntry({ year: '2026', value: '50', source: 'x'.repeat(121), reference: 'y' }).ok).toBe(false);
  });

  it('ships the national series with their references and only the stated years', () => {
    const byId = Object.fromEntries(NATIONAL_TARGETS.map((s) => [s.id, s]));
    expect(byId.rpjmn?.points).toEqual([{ year: 2025, bp: 3215 }, { year: 2029, bp: 4392 }]);
    expect(byId.rpjmn?.reference).toContain('Nomor 12 Tahun 2025');
    expect(byId.rkp26?.points).toEqual([{ year: 2026, bp: 3499 }]);
    expect(byId.rpjpn?.points).toEqual([{ year: 2045, bp: 9950 }]);
    expect(byId.rpjpn?.reference).toContain('Nomor 59 Tahun 2024');
  });

  it('gives a stated year exactly and a year between stated ones only as a labelled interpolation', () => {
    const rpjmn = NATIONAL_TARGETS[0] as TargetSeries;
    expect(valueFor(rpjmn, 2025)).toMatchObject({ bp: 3215, interpolated: false, source: 'RPJMN 2025-2029' });
    // 32,15 + (43,92 - 32,15) x 1/4 = 35,0925: 3509 basis points, marked as drawn between 2025 and 2029.
    expect(valueFor(rpjmn, 2026)).toMatchObject({ bp: 3509, interpolated: true, between: [{ year: 2025 }, { year: 2029 }] });
    expect(valueFor(rpjmn, 2027)).toMatchObject({ bp: 3804, interpolated: true }); // 38,035 half up
    expect(valueFor(rpjmn, 2024)).toBeUndefined();
    expect(valueFor(rpjmn, 2030)).toBeUndefined();
  });

  it('takes as main the chosen series, else the RPJMD, else the RPJMN, else one entered, else the baseline', () => {
    const baseline = series('baseline', 'Target tahunan pada data dasar', [[2026, 3500]], 'baseline');
    const bpjs = series('a1', 'Target BPJS Ketenagakerjaan Kanwil', [[2026, 6728]]);
    const rpjmd = series('b2', 'RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029', [[2029, 4500]]);
    expect(mainSeriesOf([baseline], undefined)?.id).toBe('baseline');
    expect(mainSeriesOf([bpjs, baseline], undefined)?.id).toBe('a1');
    expect(mainSeriesOf([bpjs, rpjmd, baseline], undefined)?.id).toBe('b2');
    expect(mainSeriesOf([bpjs, rpjmd, baseline], 'a1')?.id).toBe('a1');
    expect(mainSeriesOf([bpjs, rpjmd, baseline], 'gone')?.id).toBe('b2');
    expect(mainSeriesOf([...NATIONAL_TARGETS], undefined)?.id).toBe('rpjmn');
    expect(mainSeriesOf([], undefined)).toBeUndefined();
  });
});

describe('the /target line (issue 19)', () => {
  it('splits region, year, value, source and reference', () => {
    expect(splitTargetCommand('Babel')).toEqual({ region: 'Babel' });
    expect(splitTargetCommand('')).toEqual({ region: '' });
    expect(splitTargetCommand('Bangka Tengah tambah 2029 45,5 persen RPJMD Kab. Bangka Tengah | Perda 3/2025')).toEqual({
      region: 'Bangka Tengah',
      add: { year: '2029', value: '45,5 persen', source: 'RPJMD Kab. Bangka Tengah', reference: 'Perda 3/2025' },
    });
    expect(splitTargetCommand('tambah 2026 35% Target BPJS')).toEqual({ region: '', add: { year: '2026', value: '35%', source: 'Target BPJS', reference: '' } });
    expect(splitTargetCommand('Babel tambah 2029')).toEqual({ region: 'Babel', add: 'incomplete' });
  });
});
