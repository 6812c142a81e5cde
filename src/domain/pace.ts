import { basisPointsOf, ceilDiv, roundDiv, targetParticipants as targetOf } from './exact.js';
import { shiftWeek, weekKey, weeksBetween, weeksInYear, weekYear, type WeekKey } from './weeks.js';

/** Weeks the recent pace is averaged over. */
export const RECENT_PACE_WEEKS = 4;

/** Participants of one unit or area at the end of one week. */
export interface WeekPoint {
  week: WeekKey;
  participants: number;
}

export interface Pace {
  /** The target, in participants, at the latest known workforce. */
  targetParticipants: number;
  /** Participants still missing (0 when the target is reached). */
  shortfall: number;
  /** The target's year: the target is to be reached by its last ISO week. */
  targetYear: number;
  /** Weeks after the latest report up to the end of the target's year (0 when it has ended). */
  weeksLeft: number;
  /** Participants needed each week from now to reach the target in time (an integer, rounded up); undefined when no week is left. */
  neededPerWeek?: number | undefined;
  /** Average weekly growth over the last weeks with reports (up to RECENT_PACE_WEEKS), an integer rounded half away from zero; undefined without history. */
  recentPerWeek?: number | undefined;
  /** Over how many weeks `recentPerWeek` is averaged. */
  recentWeeks?: number | undefined;
  status: 'reached' | 'on_pace' | 'behind' | 'no_history' | 'year_over';
}

/**
 * The pace needed to reach a coverage target: (target% x workforce - participants) / weeks left to the end of the
 * target's year, beside the average weekly growth of the last four weeks. `history` holds the points before `latest`
 * (any order; gaps allowed): the pace is taken from the oldest of them within four weeks.
 */
export function paceToTarget(input: {
  latest: WeekPoint;
  history: readonly WeekPoint[];
  workforce: number;
  targetPct: number;
  /** The year of the baseline that carries the target; a target carried into a later year applies to that year. */
  targetYear: number;
}): Pace {
  const { latest, workforce, targetPct } = input;
  const targetYear = Math.max(input.targetYear, weekYear(latest.week));
  const targetParticipants = targetOf(basisPointsOf(targetPct), workforce);
  const shortfall = Math.max(0, targetParticipants - latest.participants);
  const weeksLeft = Math.max(0, weeksBetween(latest.week, weekKey(targetYear, weeksInYear(targetYear))));
  const earliest = shiftWeek(latest.week, -RECENT_PACE_WEEKS);
  const base = input.history
    .filter((p) => p.week >= earliest && p.week < latest.week)
    .sort((a, b) => (a.week < b.week ? -1 : 1))[0];
  const recentWeeks = base ? weeksBetween(base.week, latest.week) : undefined;
  // Both rounded once, here: every view shows these integers, and the verdict below compares what is shown.
  const recentPerWeek = base && recentWeeks ? roundDiv(latest.participants - base.participants, recentWeeks) : undefined;
  const neededPerWeek = weeksLeft > 0 ? ceilDiv(shortfall, weeksLeft) : undefined;
  let status: Pace['status'];
  if (shortfall === 0) status = 'reached';
  else if (weeksLeft === 0) status = 'year_over';
  else if (recentPerWeek === undefined) status = 'no_history';
  else status = recentPerWeek >= (neededPerWeek ?? Infinity) ? 'on_pace' : 'behind';
  return { targetParticipants, shortfall, targetYear, weeksLeft, neededPerWeek, recentPerWeek, recentWeeks, status };
}
