import type { Baseline } from '../domain/baseline.js';
import { aggregateCoverage, nationalCoverage, nonAsnCoverage, unitCoverage, type AggregateCoverage, type NonAsnCoverage, type UnitSnapshot } from '../domain/coverage.js';
import { deadlineFor, type Deadline } from '../domain/deadline.js';
import { PARTICIPANT_FIELDS, participantsOf, type Figures, type ParticipantField } from '../domain/figures.js';
import { paceToTarget, RECENT_PACE_WEEKS, type Pace, type WeekPoint } from '../domain/pace.js';
import { weeksOf, type Period } from '../domain/periods.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { compareWeeks, shiftWeek, weekYear, type WeekKey } from '../domain/weeks.js';
import type { StoredReport } from '../store/reports-repo.js';
import type { Store } from '../store/store.js';
import { verificationStateOf, type UnverifiedInTotals, type VerificationState } from '../domain/verification.js';

/** What a rekap is about: one unit, a province with its kab/kota, or the nation with its provinces. */
export type RekapScope = Unit | 'national';

export type ReportStatus = 'sudah' | 'terlambat' | 'belum';

/** One unit's reports over the weeks a rekap needs, and the one before them (its latest figures may be older). */
export interface UnitHistory {
  unit: Unit;
  byWeek: Map<WeekKey, StoredReport>;
  before?: StoredReport | undefined;
}

/**
 * The report that stands for `week`: the week's own, or the latest before it (a stock carries until a new report). A
 * "belum ada data" week stands for nothing: the figures before it carry on. With `verifiedOnly`, only a revision a
 * coordinator verified stands (UNVERIFIED_IN_TOTALS=exclude).
 */
export function standingAt(h: UnitHistory, week: WeekKey, verifiedOnly = false): StoredReport | undefined {
  const usable = (r: StoredReport | undefined): boolean => r !== undefined && !r.latest.noData && (!verifiedOnly || verificationStateOf(r) === 'verified');
  let best = usable(h.before) ? h.before : undefined;
  for (const [w, r] of h.byWeek) {
    if (usable(r) && compareWeeks(w, week) <= 0 && (!best || compareWeeks(w, best.week) > 0)) best = r;
  }
  return best;
}

export async function loadHistory(store: Store, unit: Unit, from: WeekKey, to: WeekKey): Promise<UnitHistory> {
  const byWeek = new Map<WeekKey, StoredReport>();
  for (const week of weeksOf({ from, to, kind: 'range' })) {
    const r = await store.reports.get(unit.code, week);
    if (r) byWeek.set(week, r);
  }
  return { unit, byWeek, before: await store.reports.latest(unit.code, from) };
}

/** Reported (with figures or as "belum ada data"), late (after the week's deadline, holidays counted) or not, for one week. */
export function statusOf(h: UnitHistory, week: WeekKey, deadline: Deadline): ReportStatus {
  const first = h.byWeek.get(week)?.revisions[0];
  if (!first) return 'belum';
  const due = deadlineFor(week, h.unit.zone.iana, deadline, h.unit.provinceCode).at;
  return first.late === true || Date.parse(first.at) > due.getTime() ? 'terlambat' : 'sudah';
}

const snapshotAt = (store: Store, h: UnitHistory, week: WeekKey): UnitSnapshot => {
  const r = standingAt(h, week);
  const own = h.byWeek.get(week);
  return {
    unit: h.unit,
    currentWeek: week,
    latest: r
      ? { week: r.week, figures: r.latest.figures, at: new Date(r.latest.at), by: r.latest.by.name, source: r.latest.source, revisions: r.revisions.length, verification: verificationStateOf(r) }
      : undefined,
    baseline: store.baselines.forYear(h.unit.code, weekYear(r?.week ?? week)),
    noDataThisWeek: own?.latest.noData,
  };
};

/** A row of the Rekap sheet, the ranking and the pushed text: a kab/kota, a province (aggregated) or a province's own non-ASN row. */
export interface RekapRow {
  unit: Unit;
  /** `unit`: a kab/kota; `area`: a province from its kab/kota; `own`: a province government's own (non-ASN) report. */
  kind: 'unit' | 'area' | 'own';
  latestWeek?: WeekKey | undefined;
  segments: Record<ParticipantField, number>;
  participants: number;
  /** Participants of the week before the period's last (for "change"); undefined without figures then. */
  previousParticipants?: number | undefined;
  baseline?: Baseline | undefined;
  workforce?: number | undefined;
  pct?: number | undefined;
  targetPct?: number | undefined;
  gapPoints?: number | undefined;
  pace?: Pace | undefined;
  nonAsn?: NonAsnCoverage | undefined;
  /** This week's status for a unit; for an area, how many of its kab/kota reported and how many of them late. */
  status?: ReportStatus | undefined;
  reported?: { onTime: number; late: number; total: number } | undefined;
  revisions?: number | undefined;
  /** The coordinators' check of the figures shown (a unit's), or how many of an area's are verified. */
  verification?: VerificationState | undefined;
  verified?: { verified: number; withData: number } | undefined;
  /** This week: "belum ada data", and why. */
  noData?: string | undefined;
  demo: boolean;
}

/** One row of the Tren sheet: a unit in a week, its own report of that week (if any). */
export interface TrendRow {
  unit: Unit;
  week: WeekKey;
  status: ReportStatus;
  figures?: Figures | undefined;
  participants?: number | undefined;
  workforce?: number | undefined;
  pct?: number | undefined;
  revisions: number;
  verification?: VerificationState | undefined;
  noData?: string | undefined;
  demo: boolean;
}

/** A point of a coverage trend: the scope's coverage as it stood at the end of each week. */
export interface TrendPoint {
  week: WeekKey;
  participants: number;
  pct?: number | undefined;
  targetPct?: number | undefined;
  reported: number;
  total: number;
}

export interface Rekap {
  scope: RekapScope;
  period: Period;
  /** The week the Rekap sheet describes: the period's last. */
  week: WeekKey;
  rows: RekapRow[];
  total: RekapRow | undefined;
  totalAggregate: AggregateCoverage;
  trend: TrendRow[];
  series: TrendPoint[];
  /** Reporting units of the scope (kab/kota and province governments) and their statuses this week. */
  statuses: Array<{ unit: Unit; status: ReportStatus }>;
  demo: boolean;
}

const isDemo = (r: StoredReport | undefined): boolean => r?.latest.source === 'demo';

/** The units whose reports a scope's figures are built from. */
export function reportingUnitsOf(regions: RegionDirectory, scope: RekapScope): Unit[] {
  if (scope === 'national') return regions.provinces.flatMap((p) => [p, ...regions.regenciesOf(p.code)]);
  if (scope.kind === 'provinsi') return [scope, ...regions.regenciesOf(scope.code)];
  return [scope];
}

/** Points of participants before `week` for the pace (the aggregate's history is computed the same way). */
const pointsBefore = (week: WeekKey, at: (w: WeekKey) => number | undefined): WeekPoint[] => {
  const points: WeekPoint[] = [];
  for (let k = 1; k <= RECENT_PACE_WEEKS; k++) {
    const w = shiftWeek(week, -k);
    const p = at(w);
    if (p !== undefined) points.push({ week: w, participants: p });
  }
  return points;
};

const paceFrom = (latest: WeekPoint | undefined, history: WeekPoint[], baseline: Baseline | undefined, workforce: number | undefined): Pace | undefined =>
  latest && baseline?.target_pct !== undefined && workforce !== undefined
    ? paceToTarget({ latest, history, workforce, targetPct: baseline.target_pct, targetYear: baseline.year })
    : undefined;

/**
 * Everything a rekap shows for a scope and period, from the store: per-unit rows of the scope's next level with
 * gap and pace, a totals row, the long trend of every reporting unit, and the scope's weekly coverage series.
 */
export async function buildRekap(
  store: Store,
  regions: RegionDirectory,
  deadline: Deadline,
  scope: RekapScope,
  period: Period,
  unverified: UnverifiedInTotals = 'count',
  /** The long Tren rows (every unit x week) are for the spreadsheet; charts and tables do without them. */
  options: { trend?: boolean } = {},
): Promise<Rekap> {
  const week = period.to;
  // Four weeks before the period feed the pace and the first week's change.
  const from = shiftWeek(period.from, -RECENT_PACE_WEEKS);
  const histories = new Map<string, UnitHistory>();
  for (const unit of reportingUnitsOf(regions, scope)) histories.set(unit.code, await loadHistory(store, unit, from, week));
  const historyOf = (u: Unit): UnitHistory => histories.get(u.code) as UnitHistory;

  const unitRow = (u: Unit, kind: 'unit' | 'own'): RekapRow => {
    const h = historyOf(u);
    const r = standingAt(h, week);
    const baseline = store.baselines.forYear(u.code, weekYear(r?.week ?? week));
    const cov = r ? unitCoverage(r.latest.figures, baseline) : undefined;
    const participantsAt = (w: WeekKey): number | undefined => {
      const s = standingAt(h, w);
      return s ? participantsOf(s.latest.figures) : undefined;
    };
    const latestPoint = r && kind === 'unit' ? { week: r.week, participants: participantsOf(r.latest.figures) } : undefined;
    return {
      unit: u,
      kind,
      latestWeek: r?.week,
      segments: cov?.segments ?? Object.fromEntries(PARTICIPANT_FIELDS.map((k) => [k, 0])) as Record<ParticipantField, number>,
      participants: cov?.participants ?? 0,
      previousParticipants: kind === 'unit' ? participantsAt(shiftWeek(week, -1)) : undefined,
      baseline,
      workforce: kind === 'unit' ? baseline?.workforce_total : undefined,
      pct: kind === 'unit' ? cov?.pct : undefined,
      targetPct: kind === 'unit' ? baseline?.target_pct : undefined,
      gapPoints: kind === 'unit' ? cov?.gapPoints : undefined,
      pace: kind === 'unit' ? paceFrom(latestPoint, latestPoint ? pointsBefore(latestPoint.week, participantsAt) : [], baseline, baseline?.workforce_total) : undefined,
      nonAsn: r ? nonAsnCoverage(r.latest.figures) : undefined,
      status: statusOf(h, week, deadline),
      revisions: h.byWeek.get(week)?.revisions.length,
      verification: r ? verificationStateOf(r) : undefined,
      noData: h.byWeek.get(week)?.latest.noData?.reason,
      demo: isDemo(r),
    };
  };

  /** A province from its kab/kota as it stood at `w`. */
  const provinceAt = (p: Unit, w: WeekKey): AggregateCoverage => {
    const members = regions.regenciesOf(p.code).map((u) => snapshotAt(store, historyOf(u), w));
    return aggregateCoverage(members, store.baselines.forYear(p.code, weekYear(w)), unverified);
  };

  const areaRow = (p: Unit): RekapRow => {
    const agg = provinceAt(p, week);
    const members = regions.regenciesOf(p.code);
    const statuses = members.map((u) => statusOf(historyOf(u), week, deadline));
    const baseline = store.baselines.forYear(p.code, weekYear(week));
    const participantsAt = (w: WeekKey): number | undefined => {
      const a = provinceAt(p, w);
      return a.membersWithData > 0 ? a.participants : undefined;
    };
    const latest = agg.membersWithData > 0 ? { week, participants: agg.participants } : undefined;
    const own = standingAt(historyOf(p), week);
    return {
      unit: p,
      kind: 'area',
      latestWeek: latestWeekOf(members.map(historyOf), week),
      segments: agg.segments,
      participants: agg.participants,
      previousParticipants: participantsAt(shiftWeek(week, -1)),
      baseline,
      workforce: agg.workforce,
      pct: agg.pct,
      targetPct: agg.targetPct,
      gapPoints: agg.gapPoints,
      // The pace needs the province's own workforce: a partial denominator would understate what is missing.
      pace: agg.basis === 'own' ? paceFrom(latest, latest ? pointsBefore(week, participantsAt) : [], baseline, agg.workforce) : undefined,
      nonAsn: own ? nonAsnCoverage(own.latest.figures) : undefined,
      reported: { onTime: statuses.filter((s) => s === 'sudah').length, late: statuses.filter((s) => s === 'terlambat').length, total: members.length },
      verified: { verified: agg.membersWithData + (unverified === 'count' ? -agg.membersUnverified : 0), withData: agg.membersWithData + (unverified === 'exclude' ? agg.membersUnverified : 0) },
      demo: members.some((u) => isDemo(standingAt(historyOf(u), week))),
    };
  };

  const scopeAt = (w: WeekKey): AggregateCoverage => {
    if (scope === 'national') return nationalCoverage(regions.provinces.map((p) => provinceAt(p, w)));
    if (scope.kind === 'provinsi') return provinceAt(scope, w);
    return aggregateCoverage([snapshotAt(store, historyOf(scope), w)], store.baselines.forYear(scope.code, weekYear(w)));
  };

  let rows: RekapRow[];
  let total: RekapRow | undefined;
  if (scope === 'national') {
    rows = regions.provinces.map(areaRow);
    total = nationalRow(regions, rows, scopeAt(week), scopeAt(shiftWeek(week, -1)));
  } else if (scope.kind === 'provinsi') {
    rows = [...regions.regenciesOf(scope.code).map((u) => unitRow(u, 'unit')), unitRow(scope, 'own')];
    total = areaRow(scope);
  } else {
    rows = [unitRow(scope, 'unit')];
    total = undefined;
  }

  const weeks = weeksOf(period);
  const trend: TrendRow[] = [];
  for (const w of options.trend === false ? [] : weeks) {
    for (const h of histories.values()) {
      const r = h.byWeek.get(w);
      const baseline = store.baselines.forYear(h.unit.code, weekYear(w));
      const cov = r ? unitCoverage(r.latest.figures, baseline) : undefined;
      trend.push({
        unit: h.unit,
        week: w,
        status: statusOf(h, w, deadline),
        figures: r?.latest.figures,
        participants: r && h.unit.kind !== 'provinsi' ? cov?.participants : undefined,
        workforce: baseline?.workforce_total,
        pct: h.unit.kind !== 'provinsi' ? cov?.pct : undefined,
        revisions: r?.revisions.length ?? 0,
        verification: r ? verificationStateOf(r) : undefined,
        noData: r?.latest.noData?.reason,
        demo: isDemo(r),
      });
    }
  }
  const units = [...histories.values()];
  const series: TrendPoint[] = weeks.map((w) => {
    const agg = scopeAt(w);
    const counted = units.filter((h) => h.unit.kind !== 'provinsi' || scope !== 'national');
    // A week before any report has no coverage (not 0%): a chart starts where the figures start.
    return {
      week: w,
      participants: agg.participants,
      pct: agg.membersWithData > 0 ? agg.pct : undefined,
      targetPct: agg.targetPct,
      reported: counted.filter((h) => h.byWeek.has(w)).length,
      total: counted.length,
    };
  });
  const statuses = units.map((h) => ({ unit: h.unit, status: statusOf(h, week, deadline) }));
  return {
    scope,
    period,
    week,
    rows,
    total,
    totalAggregate: scopeAt(week),
    trend,
    series,
    statuses,
    demo: units.some((h) => [...h.byWeek.values(), h.before].some(isDemo)),
  };
}

function latestWeekOf(histories: UnitHistory[], week: WeekKey): WeekKey | undefined {
  let best: WeekKey | undefined;
  for (const h of histories) {
    const w = standingAt(h, week)?.week;
    if (w && (!best || compareWeeks(w, best) > 0)) best = w;
  }
  return best;
}

function nationalRow(regions: RegionDirectory, rows: RekapRow[], agg: AggregateCoverage, previous: AggregateCoverage): RekapRow {
  const sum = (pick: (r: RekapRow) => number | undefined): number => rows.reduce((acc, r) => acc + (pick(r) ?? 0), 0);
  return {
    unit: { code: '00', kind: 'provinsi', name: 'Nasional', baseName: 'Nasional', provinceCode: '00', zone: regions.provinces[0]?.zone ?? { label: 'WIB', iana: 'Asia/Jakarta' } },
    kind: 'area',
    latestWeek: rows.map((r) => r.latestWeek).filter((w): w is WeekKey => w !== undefined).sort().pop(),
    segments: agg.segments,
    participants: agg.participants,
    previousParticipants: previous.membersWithData > 0 ? previous.participants : undefined,
    workforce: agg.workforce,
    pct: agg.pct,
    reported: { onTime: sum((r) => r.reported?.onTime), late: sum((r) => r.reported?.late), total: sum((r) => r.reported?.total) },
    demo: rows.some((r) => r.demo),
  };
}

/** The gap-and-pace of one unit or province as of `week` (undefined without a target and a workforce). */
export async function paceOf(store: Store, regions: RegionDirectory, deadline: Deadline, unit: Unit, week: WeekKey, unverified: UnverifiedInTotals = 'count'): Promise<Pace | undefined> {
  if (store.baselines.forYear(unit.code, weekYear(week))?.target_pct === undefined) return undefined;
  const rekap = await buildRekap(store, regions, deadline, unit, { from: week, to: week, kind: 'week' }, unverified, { trend: false });
  return unit.kind === 'provinsi' ? rekap.total?.pace : rekap.rows[0]?.pace;
}
