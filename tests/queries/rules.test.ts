import { describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/domain/baseline.js';
import { tenthsOf } from '../../src/domain/exact.js';
import type { Figures } from '../../src/domain/figures.js';
import type { Unit } from '../../src/domain/regions/directory.js';
import { shiftWeek, type WeekKey } from '../../src/domain/weeks.js';
import { WIB } from '../../src/domain/zones.js';
import { areaWeek } from '../../src/queries/area.js';
import { CARRY_FORWARD_WEEKS, growthOf, targetOf, unitWeek, type UnitHistory, type UnitRules } from '../../src/queries/unit-week.js';
import type { StoredReport } from '../../src/store/reports-repo.js';

const WEEK: WeekKey = '2026-W48';
const unit = (code: string): Unit => ({ code, kind: code.length === 2 ? 'provinsi' : 'kabupaten', name: `Unit ${code}`, baseName: code, provinceCode: code.slice(0, 2), zone: WIB });
const figures = (pu: number): Figures => ({ active_pu: pu, active_bpu: 0, active_jakon: 0, active_pmi: 0 });
const report = (code: string, week: WeekKey, f: Figures | 'nodata', decision?: 'verified' | 'returned'): StoredReport => {
  const revision = { rev: 1, figures: f === 'nodata' ? {} : f, at: '2026-11-24T02:00:00.000Z', by: { telegramId: 1, name: 'Petugas' }, source: 'chat' as const, ...(f === 'nodata' ? { noData: { reason: 'data BPJS belum turun' } } : {}) };
  return { unitCode: code, week, latest: revision, revisions: [revision], verification: decision ? { rev: 1, state: decision, by: { telegramId: 2, name: 'Koordinator' }, at: '2026-11-25T02:00:00.000Z' } : undefined };
};
const history = (code: string, reports: StoredReport[]): UnitHistory => ({ unit: unit(code), byWeek: new Map(reports.map((r) => [r.week, r])) });
const baselines = new Map<string, Baseline>();
const rules = (unverified: 'count' | 'exclude' = 'count'): UnitRules => ({ deadline: { weekday: 5, hour: 15, minute: 0 }, unverified, baselineFor: (code) => baselines.get(code) });
const base = (workforce: number, target?: number): Baseline => ({ year: 2026, workforce_total: workforce, workforce_source: 'Sakernas Agustus 2025', target_pct: target });

describe('what stands for a unit in a week', () => {
  it('carries the latest figures forward up to the limit, marked stale after two weeks, and then no longer', () => {
    const h = history('19.01', [report('19.01', '2026-W44', figures(1000))]);
    expect(unitWeek(h, '2026-W46', rules()).standing?.stale).toBe(false);
    const carried = unitWeek(h, WEEK, rules());
    expect(carried.standing?.week).toBe('2026-W44');
    expect(carried.standing?.ageWeeks).toBe(CARRY_FORWARD_WEEKS);
    expect(carried.standing?.stale).toBe(true);
    const tooOld = unitWeek(h, shiftWeek(WEEK, 1), rules());
    expect(tooOld.standing).toBeUndefined();
    expect(tooOld.setAside).toEqual({ week: '2026-W44', reason: 'too_old' });
    expect(tooOld.tooOld?.participants).toBe(1000);
  });

  it('never takes "belum ada data" as 0: the figures before it stand, and the week counts as reported', () => {
    const h = history('19.01', [report('19.01', '2026-W47', figures(1000)), report('19.01', WEEK, 'nodata')]);
    const u = unitWeek(h, WEEK, rules());
    expect(u.status).toBe('sudah');
    expect(u.own?.noData).toBe('data BPJS belum turun');
    expect(u.standing?.participants).toBe(1000);
    expect(u.standing?.week).toBe('2026-W47');
  });

  it('sets a returned report aside until it is corrected: the previous accepted figures stand, marked', () => {
    const h = history('19.01', [report('19.01', '2026-W47', figures(1000), 'verified'), report('19.01', WEEK, figures(9000), 'returned')]);
    const u = unitWeek(h, WEEK, rules());
    expect(u.standing?.participants).toBe(1000);
    expect(u.setAside).toEqual({ week: WEEK, reason: 'returned' });
  });

  it('with UNVERIFIED_IN_TOTALS=exclude, lets only verified figures stand', () => {
    const h = history('19.01', [report('19.01', '2026-W47', figures(1000), 'verified'), report('19.01', WEEK, figures(1200))]);
    expect(unitWeek(h, WEEK, rules('count')).standing?.participants).toBe(1200);
    const excluded = unitWeek(h, WEEK, rules('exclude'));
    expect(excluded.standing?.participants).toBe(1000);
    expect(excluded.setAside?.reason).toBe('unverified');
  });
});

describe('an area from its kab/kota', () => {
  const make = (week: WeekKey, hs: UnitHistory[], own?: Baseline) =>
    areaWeek({ scope: unit('19'), week, members: hs.map((h) => unitWeek(h, week, rules())), governments: [], ownBaseline: own, target: targetOf({}, '19', 2026, own), baselineFor: (code) => baselines.get(code), grownSince: growthOf(hs, week, 'count') });

  it('takes coverage over the same kab/kota above and below the line, and says how partial it is', () => {
    baselines.set('19.01', base(4000));
    baselines.set('19.02', base(6000));
    const a = make(WEEK, [history('19.01', [report('19.01', WEEK, figures(1000))]), history('19.02', [])], base(12_000, 30));
    expect(a.participants).toBe(1000);
    // 1.000 / 4.000 (the one kab/kota with figures), never 1.000 / 12.000 (the province's own estimate).
    expect(a.coverage).toEqual({ num: 1000, den: 4000 });
    expect(a.complete).toBe(false);
    expect(a.workforceShare).toEqual({ num: 4000, den: 10_000 });
    expect(a.areaWorkforce).toEqual({ value: 10_000, basis: 'members' });
    // No gap and no pace over part of an area: the kab/kota not yet counted would change both.
    expect(a.targetBp).toBe(3000);
    expect(a.gapHundredths).toBeUndefined();
    expect(a.pace).toBeUndefined();
  });

  it('compares a week with the one before over the kab/kota counted in both, not over who reported', () => {
    baselines.set('19.01', base(4000));
    baselines.set('19.02', base(6000));
    const hs = [
      history('19.01', [report('19.01', '2026-W47', figures(1000)), report('19.01', WEEK, figures(1100))]),
      // 19.02 reports for the first time this week: its 3.000 participants are not growth.
      history('19.02', [report('19.02', WEEK, figures(3000))]),
    ];
    const a = make(WEEK, hs);
    expect(a.participants).toBe(4100);
    expect(a.change).toMatchObject({ units: 1, participants: 100, sameSet: false });
    expect(a.change?.fromTenths).toBe(250);
    expect(a.change?.toTenths).toBe(275);
    expect(tenthsOf(a.coverage ?? { num: 0, den: 1 })).toBe(410);
  });

  it('gives the pace for a complete area, from the growth of the same kab/kota', () => {
    baselines.set('19.01', base(4000));
    const hs = [history('19.01', [report('19.01', shiftWeek(WEEK, -4), figures(900)), report('19.01', WEEK, figures(1000))])];
    const a = make(WEEK, hs, base(5000, 30));
    expect(a.complete).toBe(true);
    expect(a.pace?.targetParticipants).toBe(1200);
    expect(a.pace?.recentPerWeek).toBe(25);
  });
});
