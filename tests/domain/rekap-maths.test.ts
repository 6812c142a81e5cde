import { describe, expect, it } from 'vitest';
import { categoryOf, COVERAGE_CATEGORIES } from '../../src/domain/categories.js';
import { paceToTarget } from '../../src/domain/pace.js';
import { parsePeriod, periodSlug, weeksOf } from '../../src/domain/periods.js';

const current = '2026-W48' as const;

describe('parsePeriod', () => {
  it('reads every documented way of naming a period', () => {
    expect(parsePeriod('', current)).toEqual({ ok: true, value: { from: current, to: current, kind: 'week' } });
    expect(parsePeriod('2026-w47', current)).toMatchObject({ ok: true, value: { from: '2026-W47', to: '2026-W47' } });
    expect(parsePeriod('minggu 47', current)).toMatchObject({ ok: true, value: { from: '2026-W47' } });
    expect(parsePeriod('Minggu ke-7', current)).toMatchObject({ ok: true, value: { from: '2026-W07' } });
    // As officials type it in a hurry.
    expect(parsePeriod('mingu 47', current)).toMatchObject({ ok: true, value: { from: '2026-W47' } });
    expect(parsePeriod('mgg ke 47', current)).toMatchObject({ ok: true, value: { from: '2026-W47' } });
    expect(parsePeriod('2026-W40..2026-W48', current)).toMatchObject({ ok: true, value: { from: '2026-W40', to: '2026-W48', kind: 'range' } });
    expect(parsePeriod('minggu 40 s.d. 48', current)).toMatchObject({ ok: true, value: { from: '2026-W40', to: '2026-W48' } });
    expect(parsePeriod('2025-W50..2026-W02', current)).toMatchObject({ ok: true, value: { from: '2025-W50', to: '2026-W02' } });
    // A past year: all its weeks (2020 has 53); the current year: up to this week.
    expect(parsePeriod('2020', current)).toMatchObject({ ok: true, value: { from: '2020-W01', to: '2020-W53', kind: 'year' } });
    expect(parsePeriod('2026', current)).toMatchObject({ ok: true, value: { from: '2026-W01', to: current, kind: 'year' } });
  });

  it('refuses what cannot be a period, each with its reason', () => {
    expect(parsePeriod('kemarin', current)).toEqual({ ok: false, error: { kind: 'format' } });
    expect(parsePeriod('minggu 60', current)).toEqual({ ok: false, error: { kind: 'no_such_week', text: 'minggu 60' } });
    expect(parsePeriod('2026-W49', current)).toEqual({ ok: false, error: { kind: 'future', week: '2026-W49' } });
    expect(parsePeriod('2027', current)).toMatchObject({ ok: false, error: { kind: 'future' } });
    expect(parsePeriod('minggu 48..40', current)).toEqual({ ok: false, error: { kind: 'reversed' } });
    expect(parsePeriod('2022-W01..2026-W48', current)).toMatchObject({ ok: false, error: { kind: 'too_long' } });
  });

  it('lists the weeks across a year end and names the file part', () => {
    const p = { from: '2025-W51', to: '2026-W02', kind: 'range' } as const;
    expect(weeksOf(p)).toEqual(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
    expect(weeksOf({ from: '2020-W52', to: '2021-W01', kind: 'range' })).toEqual(['2020-W52', '2020-W53', '2021-W01']);
    expect(periodSlug(p)).toBe('2025-W51-2026-W02');
    expect(periodSlug({ from: current, to: current, kind: 'week' })).toBe(current);
    expect(periodSlug({ from: '2026-W01', to: current, kind: 'year' })).toBe('2026');
  });
});

describe('paceToTarget', () => {
  const history = [
    { week: '2026-W44' as const, participants: 98_664 },
    { week: '2026-W46' as const, participants: 99_500 },
  ];

  it('divides the shortfall by the weeks left in the target year and averages the last four weeks', () => {
    // 40% of 300.000 = 120.000; 100.000 now; 2026 has 53 weeks, so 5 weeks after W48.
    const pace = paceToTarget({ latest: { week: '2026-W48', participants: 100_000 }, history, workforce: 300_000, targetPct: 40, targetYear: 2026 });
    expect(pace).toMatchObject({ targetParticipants: 120_000, shortfall: 20_000, weeksLeft: 5, neededPerWeek: 4_000, recentWeeks: 4, status: 'behind' });
    expect(pace.recentPerWeek).toBeCloseTo(334);
  });

  it('says when the pace is enough, when it is reached, and when the year is over', () => {
    const fast = [{ week: '2026-W47' as const, participants: 95_000 }];
    expect(paceToTarget({ latest: { week: '2026-W48', participants: 100_000 }, history: fast, workforce: 300_000, targetPct: 35, targetYear: 2026 }).status).toBe('on_pace');
    expect(paceToTarget({ latest: { week: '2026-W48', participants: 130_000 }, history, workforce: 300_000, targetPct: 40, targetYear: 2026 })).toMatchObject({ shortfall: 0, status: 'reached' });
    expect(paceToTarget({ latest: { week: '2026-W53', participants: 100_000 }, history, workforce: 300_000, targetPct: 40, targetYear: 2026 })).toMatchObject({ weeksLeft: 0, status: 'year_over', neededPerWeek: undefined });
    // No report in the four weeks before: no recent pace, said as such.
    expect(paceToTarget({ latest: { week: '2026-W48', participants: 100_000 }, history: [{ week: '2026-W40', participants: 1 }], workforce: 300_000, targetPct: 40, targetYear: 2026 })).toMatchObject({ status: 'no_history', recentPerWeek: undefined });
  });

  it('carries an older baseline target into the year of the latest report', () => {
    const pace = paceToTarget({ latest: { week: '2026-W10', participants: 100_000 }, history: [], workforce: 300_000, targetPct: 40, targetYear: 2025 });
    expect(pace).toMatchObject({ targetYear: 2026, weeksLeft: 43 });
  });
});

describe('categoryOf', () => {
  it('puts each percentage in the band whose lower edge it reaches, edges included', () => {
    const edges = COVERAGE_CATEGORIES.bands.map((b) => b.fromPct);
    expect(edges).toEqual([...edges].sort((a, b) => a - b));
    expect(categoryOf(0)).toBe('sangat_rendah');
    expect(categoryOf(19.99)).toBe('sangat_rendah');
    expect(categoryOf(20)).toBe('rendah');
    expect(categoryOf(59.9)).toBe('sedang');
    expect(categoryOf(60)).toBe('tinggi');
    expect(categoryOf(140)).toBe('tinggi');
  });
});
