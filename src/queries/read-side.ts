import type { Deadline } from '../domain/deadline.js';
import { shareOf, tenthsOf, type Share } from '../domain/exact.js';
import { participantsOf } from '../domain/figures.js';
import { RECENT_PACE_WEEKS } from '../domain/pace.js';
import { weeksOf, type Period } from '../domain/periods.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { verificationStateOf, type UnverifiedInTotals } from '../domain/verification.js';
import { shiftWeek, weekOf, weekYear, type WeekKey } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import type { Store } from '../store/store.js';
import { areaWeek } from './area.js';
import type { AreaWeek, AwaitingReport, ScopeReport, Scope, SeriesChange, SeriesPoint, TargetRef, TrendRow, UnitWeek } from './types.js';
import { CARRY_FORWARD_WEEKS, growthOf, statusOf, unitWeek, type UnitHistory, type UnitRules } from './unit-week.js';

/** How many weeks back the lists of reports awaiting verification look (a correction to an old week is rare). */
export const AWAITING_WEEKS_BACK = 8;

export interface ReadSideDeps {
  store: Store;
  regions: RegionDirectory;
  deadline: Deadline;
  unverified: UnverifiedInTotals;
}

export interface ReadSide {
  /** The reporting units of a scope: its kab/kota and province governments (completeness counts these). */
  unitsOf(scope: Scope): Unit[];
  /** The current week of a scope, in its own zone (the nation's week is the WIB week). */
  currentWeek(scope: Scope, now: Date): WeekKey;
  /**
   * A scope over a period: the last week in full, the series (charts and the pack draw it; `series: false` leaves it
   * empty), and with `trend` the long rows of every unit and week (the spreadsheet's).
   */
  report(scope: Scope, period: Period, options?: { trend?: boolean; series?: boolean }): Promise<ScopeReport>;
  /** A scope in one week: no series, no long rows (every text answer and table reads this). */
  week(scope: Scope, week: WeekKey): Promise<ScopeReport>;
  /** Has the unit reported the week (with figures or "belum ada data")? Reminders and readiness notes ask this. */
  hasReported(unit: Unit, week: WeekKey): Promise<boolean>;
  /** The latest revisions awaiting a decision, of the given units, newest week first, oldest arrival first within it. */
  awaiting(units: readonly Unit[], now: Date, weeksBack?: number): Promise<AwaitingReport[]>;
}

export const scopeZone = (scope: Scope) => (scope === 'national' ? WIB : scope.zone);

/** The current week of a scope, in its own zone (the nation's week is the WIB week). */
export const currentWeekOf = (scope: Scope, now: Date): WeekKey => weekOf(now, scopeZone(scope).iana);

export function createReadSide(deps: ReadSideDeps): ReadSide {
  const { store, regions } = deps;
  // Targets are data with their sources (store.targets, /target): each scope's main one; the baseline's when none.
  const targetFor = (code: string, year: number): TargetRef | undefined => {
    const t = store.targets.mainTargetFor(code, year);
    return t ? { bp: t.bp, year: t.year, source: t.source, reference: t.reference, interpolated: t.interpolated } : undefined;
  };
  const rules: UnitRules = { deadline: deps.deadline, unverified: deps.unverified, baselineFor: (code, year) => store.baselines.forYear(code, year), targetFor };

  const unitsOf = (scope: Scope): Unit[] => {
    if (scope === 'national') return regions.provinces.flatMap((p) => [p, ...regions.regenciesOf(p.code)]);
    if (scope.kind === 'provinsi') return [scope, ...regions.regenciesOf(scope.code)];
    return [scope];
  };

  async function loadHistory(unit: Unit, from: WeekKey, to: WeekKey): Promise<UnitHistory> {
    const byWeek = new Map<WeekKey, Awaited<ReturnType<Store['reports']['get']>> & object>();
    for (const week of weeksOf({ from, to, kind: 'range' })) {
      const r = await store.reports.get(unit.code, week);
      if (r) byWeek.set(week, r);
    }
    return { unit, byWeek, before: await store.reports.latest(unit.code, from) };
  }

  /** A province (its kab/kota and its government) in one week, from loaded histories. */
  const provinceWeek = (province: Unit, week: WeekKey, historyOf: (u: Unit) => UnitHistory): AreaWeek => {
    const members = regions.regenciesOf(province.code).map((u) => unitWeek(historyOf(u), week, rules));
    return areaWeek({
      scope: province,
      week,
      members,
      governments: [unitWeek(historyOf(province), week, rules)],
      ownBaseline: store.baselines.forYear(province.code, weekYear(week)),
      target: targetFor(province.code, weekYear(week)),
      baselineFor: rules.baselineFor,
      grownSince: grownSince(members.map((m) => historyOf(m.unit)), week),
    });
  };

  const grownSince = (histories: readonly UnitHistory[], week: WeekKey) => growthOf(histories, week, rules.unverified);

  const nationWeek = (week: WeekKey, historyOf: (u: Unit) => UnitHistory): AreaWeek => {
    const provinces = regions.provinces.map((p) => provinceWeek(p, week, historyOf));
    const members = provinces.flatMap((p) => p.members);
    return areaWeek({
      scope: 'national',
      week,
      members,
      governments: provinces.flatMap((p) => p.governments),
      provinces,
      target: targetFor('national', weekYear(week)),
      baselineFor: rules.baselineFor,
      grownSince: grownSince(members.map((m) => historyOf(m.unit)), week),
    });
  };

  const scopeWeek = (scope: Scope, week: WeekKey, historyOf: (u: Unit) => UnitHistory): { area?: AreaWeek; unit?: UnitWeek } => {
    if (scope === 'national') return { area: nationWeek(week, historyOf) };
    if (scope.kind === 'provinsi') return { area: provinceWeek(scope, week, historyOf) };
    return { unit: unitWeek(historyOf(scope), week, rules) };
  };

  /** A series point: the scope's kab/kota (or the unit itself) in one week, by the area's rules. */
  const seriesPoint = (scope: Scope, week: WeekKey, histories: readonly UnitHistory[], previousCodes: string | undefined): { point: SeriesPoint; codes: string } => {
    const weeks = histories.map((h) => unitWeek(h, week, rules, true));
    const isUnit = scope !== 'national' && scope.kind !== 'provinsi';
    const members = weeks.filter((u) => u.unit.kind !== 'provinsi');
    const ownBaseline = scope === 'national' ? undefined : isUnit ? weeks[0]?.baseline : store.baselines.forYear(scope.code, weekYear(week));
    const target = isUnit ? weeks[0]?.target : targetFor(scope === 'national' ? 'national' : scope.code, weekYear(week));
    const area = areaWeek({ scope, week, members, governments: weeks.filter((u) => u.unit.kind === 'provinsi'), ownBaseline, target, baselineFor: rules.baselineFor });
    const codes = members.filter((m) => m.coverage !== undefined).map((m) => m.unit.code).join(',');
    return {
      codes,
      point: {
        week,
        participants: area.participants,
        members: members.length,
        counted: area.counted,
        coverageMembers: area.coverageMembers,
        coverage: area.coverage,
        workforceShare: area.workforceShare,
        targetBp: isUnit ? weeks[0]?.targetBp : area.targetBp,
        // A change of who is counted, after a week that had figures (the first figures are no change).
        compositionChanged: previousCodes !== undefined && previousCodes !== '' && previousCodes !== codes,
        reporting: area.reporting,
      },
    };
  };

  /** The change over a series, from its first to its last week with coverage, over the kab/kota in both. */
  const seriesChangeOf = (series: SeriesPoint[], histories: readonly UnitHistory[]): SeriesChange | undefined => {
    const known = series.filter((p) => p.coverage !== undefined);
    const first = known[0];
    const last = known[known.length - 1];
    if (!first || !last || first === last) return undefined;
    const from: Share[] = [];
    const to: Share[] = [];
    for (const h of histories) {
      if (h.unit.kind === 'provinsi') continue;
      const a = unitWeek(h, first.week, rules, true).coverage;
      const b = unitWeek(h, last.week, rules, true).coverage;
      if (a && b) {
        from.push(a);
        to.push(b);
      }
    }
    const sum = (xs: Share[]) => shareOf(xs.reduce((s, x) => s + x.num, 0), xs.reduce((s, x) => s + x.den, 0));
    const f = sum(from);
    const t = sum(to);
    if (!f || !t) return undefined;
    return { fromWeek: first.week, toWeek: last.week, units: from.length, fromTenths: tenthsOf(f), toTenths: tenthsOf(t), sameSet: from.length === first.coverageMembers && from.length === last.coverageMembers && series.every((p) => !p.compositionChanged) };
  };

  async function report(scope: Scope, period: Period, options: { trend?: boolean; series?: boolean } = {}): Promise<ScopeReport> {
    const week = period.to;
    // Enough weeks before the period for figures carried forward and for the recent pace of its first week.
    const from = shiftWeek(period.from, -(CARRY_FORWARD_WEEKS + RECENT_PACE_WEEKS + 1));
    const histories = new Map<string, UnitHistory>();
    for (const unit of unitsOf(scope)) histories.set(unit.code, await loadHistory(unit, from, week));
    const historyOf = (u: Unit): UnitHistory => histories.get(u.code) as UnitHistory;
    const all = [...histories.values()];

    const { area, unit } = scopeWeek(scope, week, historyOf);
    const series: SeriesPoint[] = [];
    let codes: string | undefined;
    for (const w of options.series === false ? [] : weeksOf(period)) {
      const made = seriesPoint(scope, w, all, codes);
      series.push(made.point);
      codes = made.codes;
    }
    const trend: TrendRow[] = [];
    for (const w of options.trend === false ? [] : weeksOf(period)) {
      for (const h of all) {
        const r = h.byWeek.get(w);
        const baseline = store.baselines.forYear(h.unit.code, weekYear(w));
        const figures = r && !r.latest.noData ? r.latest.figures : undefined;
        const participants = figures && h.unit.kind !== 'provinsi' ? participantsOf(figures) : undefined;
        trend.push({
          unit: h.unit,
          week: w,
          status: statusOf(h, w, deps.deadline),
          figures,
          participants,
          workforce: h.unit.kind !== 'provinsi' ? baseline?.workforce_total : undefined,
          coverage: participants !== undefined ? shareOf(participants, baseline?.workforce_total) : undefined,
          revisions: r?.revisions.length ?? 0,
          verification: r ? verificationStateOf(r) : undefined,
          noData: r?.latest.noData?.reason,
          demo: r?.latest.source === 'demo',
        });
      }
    }
    const demo = all.some((h) => [...h.byWeek.values(), h.before].some((r) => r?.latest.source === 'demo'));
    return { scope, period, week, area, unit, series, seriesChange: seriesChangeOf(series, all), trend, demo };
  }

  return {
    unitsOf,
    currentWeek: currentWeekOf,
    report,
    week: (scope, week) => report(scope, { from: week, to: week, kind: 'week' }, { trend: false, series: false }),
    hasReported: async (unit, week) => (await store.reports.get(unit.code, week)) !== undefined,
    async awaiting(units, now, weeksBack = AWAITING_WEEKS_BACK) {
      const out: AwaitingReport[] = [];
      for (const unit of units) {
        const current = weekOf(now, unit.zone.iana);
        for (let k = 0; k <= weeksBack; k++) {
          const week = shiftWeek(current, -k);
          const r = await store.reports.get(unit.code, week);
          if (!r || verificationStateOf(r) !== 'pending') continue;
          const previous = unit.kind === 'provinsi' ? undefined : await store.reports.latest(unit.code, week);
          const participants = unit.kind === 'provinsi' ? undefined : participantsOf(r.latest.figures);
          out.push({
            unit,
            week,
            rev: r.latest.rev,
            by: r.latest.by.name,
            at: new Date(r.latest.at),
            late: r.latest.late === true,
            participants,
            change: participants !== undefined && previous && !previous.latest.noData ? participants - participantsOf(previous.latest.figures) : undefined,
          });
        }
      }
      return out.sort((a, b) => (a.week === b.week ? a.at.getTime() - b.at.getTime() : a.week < b.week ? 1 : -1));
    },
  };
}
