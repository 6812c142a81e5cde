import type { Baseline } from '../domain/baseline.js';
import { nonAsnCoverage, segmentsOf, STALE_AFTER_WEEKS } from '../domain/coverage.js';
import { deadlineFor, type Deadline } from '../domain/deadline.js';
import { BASELINE_SERIES } from '../domain/targets.js';
import { basisPointsOf, gapHundredths, shareOf, tenthsOf } from '../domain/exact.js';
import { participantsOf } from '../domain/figures.js';
import { paceToTarget, RECENT_PACE_WEEKS, type WeekPoint } from '../domain/pace.js';
import type { Unit } from '../domain/regions/directory.js';
import { verificationStateOf, type UnverifiedInTotals } from '../domain/verification.js';
import { compareWeeks, shiftWeek, weeksBetween, weekYear, type WeekKey } from '../domain/weeks.js';
import type { StoredReport } from '../store/reports-repo.js';
import type { ReportStatus, SetAsideReason, Standing, TargetRef, UnitWeek } from './types.js';

/**
 * A figure is carried forward at most this many weeks: a stock a month old still stands for its unit (marked with its
 * week, and as stale after STALE_AFTER_WEEKS); an older one no longer counts in any total.
 */
export const CARRY_FORWARD_WEEKS = 4;

/** One unit's reports over the weeks a view needs (and, before them, its latest report, for "terakhir minggu ke-"). */
export interface UnitHistory {
  unit: Unit;
  byWeek: Map<WeekKey, StoredReport>;
  /** The latest report before the loaded weeks. */
  before?: StoredReport | undefined;
}

export interface UnitRules {
  deadline: Deadline;
  unverified: UnverifiedInTotals;
  baselineFor: (code: string, year: number) => Baseline | undefined;
  /** A scope's main target for a year (the series /target chose, the RPJMD, or the baseline's); none: no target. */
  targetFor?: ((code: string, year: number) => TargetRef | undefined) | undefined;
}

/** A scope's target for a year: its main series when the rules know them, else the baseline's own target_pct. */
export const targetOf = (rules: Pick<UnitRules, 'targetFor'>, code: string, year: number, baseline: Baseline | undefined): TargetRef | undefined =>
  rules.targetFor
    ? rules.targetFor(code, year)
    : baseline?.target_pct !== undefined
      ? { bp: basisPointsOf(baseline.target_pct), year: baseline.year, source: BASELINE_SERIES.source, reference: BASELINE_SERIES.reference, interpolated: false }
      : undefined;

/** Why a report with figures does not stand (undefined: it stands), age aside. */
function refusal(r: StoredReport, unverified: UnverifiedInTotals): SetAsideReason | undefined {
  const state = verificationStateOf(r);
  if (state === 'returned') return 'returned';
  if (unverified === 'exclude' && state !== 'verified' && state !== 'not_needed') return 'unverified';
  return undefined;
}

const reportAt = (h: UnitHistory, week: WeekKey): StoredReport | undefined =>
  h.byWeek.get(week) ?? (h.before && h.before.week === week ? h.before : undefined);

/** The newest report with figures at or before `week` within `back` weeks, and what stands. */
function standingReport(h: UnitHistory, week: WeekKey, unverified: UnverifiedInTotals): { stands?: StoredReport; setAside?: { week: WeekKey; reason: SetAsideReason } } {
  let setAside: { week: WeekKey; reason: SetAsideReason } | undefined;
  for (let k = 0; k <= CARRY_FORWARD_WEEKS; k++) {
    const r = reportAt(h, shiftWeek(week, -k));
    if (!r || r.latest.noData) continue;
    const why = refusal(r, unverified);
    if (why === undefined) return { stands: r, setAside };
    setAside ??= { week: r.week, reason: why };
  }
  // Nothing stands within the carry limit: say so when an older report with figures exists.
  if (!setAside) {
    const older = [...h.byWeek.values(), ...(h.before ? [h.before] : [])]
      .filter((r) => !r.latest.noData && compareWeeks(r.week, week) <= 0)
      .sort((a, b) => compareWeeks(b.week, a.week))[0];
    if (older) setAside = { week: older.week, reason: 'too_old' };
  }
  return { setAside };
}

const toStanding = (r: StoredReport, week: WeekKey): Standing => {
  const ageWeeks = weeksBetween(r.week, week);
  return {
    week: r.week,
    figures: r.latest.figures,
    participants: participantsOf(r.latest.figures),
    segments: segmentsOf(r.latest.figures),
    at: new Date(r.latest.at),
    by: r.latest.by.name,
    source: r.latest.source,
    revisions: r.revisions.length,
    verification: verificationStateOf(r),
    late: r.revisions[0]?.late === true,
    ageWeeks,
    stale: ageWeeks > STALE_AFTER_WEEKS,
  };
};

/** The figures that stand for a unit in `week` (see CARRY_FORWARD_WEEKS and the set-aside rules), if any. */
export function standingAt(h: UnitHistory, week: WeekKey, unverified: UnverifiedInTotals): Standing | undefined {
  const { stands } = standingReport(h, week, unverified);
  return stands ? toStanding(stands, week) : undefined;
}

/** On time, late (after the week's deadline, holidays counted) or not reported: by the week's first revision. */
export function statusOf(h: UnitHistory, week: WeekKey, deadline: Deadline): ReportStatus {
  const first = h.byWeek.get(week)?.revisions[0];
  if (!first) return 'belum';
  const due = deadlineFor(week, h.unit.zone.iana, deadline, h.unit.provinceCode).at;
  return first.late === true || Date.parse(first.at) > due.getTime() ? 'terlambat' : 'sudah';
}

/**
 * One unit in one week, by the rules every view shares. `light` (a series point) leaves out what a week of a series
 * never shows: the week before, the pace, formal and informal shares.
 */
export function unitWeek(h: UnitHistory, week: WeekKey, rules: UnitRules, light = false): UnitWeek {
  const u = h.unit;
  const ownReport = h.byWeek.get(week);
  const { stands, setAside } = standingReport(h, week, rules.unverified);
  const standing = stands ? toStanding(stands, week) : undefined;
  const previous = light ? undefined : standingAt(h, shiftWeek(week, -1), rules.unverified);
  const weekBefore = standing && !light ? shiftWeek(standing.week, -1) : undefined;
  const beforeStanding = weekBefore ? standingAt(h, weekBefore, rules.unverified) : undefined;
  const old = !standing && setAside?.reason === 'too_old' ? reportAt(h, setAside.week) : undefined;
  const baseline = rules.baselineFor(u.code, weekYear(standing?.week ?? week));
  const isGovernment = u.kind === 'provinsi';
  const coverage = standing && !isGovernment ? shareOf(standing.participants, baseline?.workforce_total) : undefined;
  const target = isGovernment ? undefined : targetOf(rules, u.code, weekYear(standing?.week ?? week), baseline);
  const targetBp = target?.bp;
  let pace: UnitWeek['pace'];
  if (!light && standing && coverage && target) {
    const history: WeekPoint[] = [];
    for (let k = 1; k <= RECENT_PACE_WEEKS; k++) {
      const w = shiftWeek(standing.week, -k);
      const s = standingAt(h, w, rules.unverified);
      if (s) history.push({ week: w, participants: s.participants });
    }
    pace = paceToTarget({ latest: { week: standing.week, participants: standing.participants }, history, workforce: coverage.den, targetPct: target.bp / 100, targetYear: target.year });
  }
  let lastWeek: WeekKey | undefined;
  if (!ownReport) {
    for (const [w] of h.byWeek) if (compareWeeks(w, week) < 0 && (!lastWeek || compareWeeks(w, lastWeek) > 0)) lastWeek = w;
    lastWeek ??= h.before?.week;
  }
  return {
    unit: u,
    week,
    status: statusOf(h, week, rules.deadline),
    own: ownReport
      ? {
          at: new Date(ownReport.revisions[0]?.at ?? ownReport.latest.at),
          by: ownReport.revisions[0]?.by.name ?? ownReport.latest.by.name,
          revisions: ownReport.revisions.length,
          late: ownReport.revisions[0]?.late === true,
          noData: ownReport.latest.noData?.reason,
          verification: verificationStateOf(ownReport),
        }
      : undefined,
    lastWeek,
    standing,
    setAside,
    previous,
    before: beforeStanding && beforeStanding.week === weekBefore ? beforeStanding : undefined,
    tooOld: old ? toStanding(old, week) : undefined,
    baseline,
    coverage,
    formal: standing && !isGovernment && !light ? shareOf(standing.figures.active_pu ?? 0, baseline?.workforce_formal) : undefined,
    informal: standing && !isGovernment && !light ? shareOf(standing.figures.active_bpu ?? 0, baseline?.workforce_informal) : undefined,
    targetBp,
    target,
    gapHundredths: coverage && targetBp !== undefined ? gapHundredths(targetBp, tenthsOf(coverage)) : undefined,
    pace,
    nonAsn: standing ? nonAsnCoverage(standing.figures) : undefined,
    demo: standing?.source === 'demo' || (ownReport?.latest.source === 'demo'),
  };
}

/** Growth over `k` weeks of the kab/kota whose figures stand both then and now (an area's recent pace). */
export const growthOf =
  (histories: readonly UnitHistory[], week: WeekKey, unverified: UnverifiedInTotals) =>
  (k: number): { participants: number; units: number } | undefined => {
    let participants = 0;
    let units = 0;
    for (const h of histories) {
      const now = standingAt(h, week, unverified);
      const then = standingAt(h, shiftWeek(week, -k), unverified);
      if (now && then) {
        participants += now.participants - then.participants;
        units++;
      }
    }
    return units > 0 ? { participants, units } : undefined;
  };
