import type { Baseline } from '../domain/baseline.js';
import { segmentsOf, type NonAsnCoverage } from '../domain/coverage.js';
import { gapHundredths, shareOf, tenthsOf, type Share } from '../domain/exact.js';
import { NONASN_PROGRAMMES, PARTICIPANT_FIELDS } from '../domain/figures.js';
import { paceToTarget } from '../domain/pace.js';
import type { Unit } from '../domain/regions/directory.js';
import { shiftWeek, weekYear, type WeekKey } from '../domain/weeks.js';
import type { AreaWeek, ReportingCounts, SameUnitsChange, SetAsideReason, Standing, TargetRef, UnitWeek } from './types.js';

/**
 * The rules of an area (a province from its kab/kota, or the nation from every kab/kota), written once:
 * - participants: the sum over the kab/kota whose figures stand this week (see unit-week.ts);
 * - coverage: the participants over the workforce of the SAME kab/kota: those whose figures stand and that have a
 *   workforce baseline. The province's own Sakernas estimate is never a denominator (it would put units that did not
 *   report under the line); it carries the province's target and is shown beside the sum of its kab/kota;
 * - partial: fewer kab/kota in the coverage than the area has; every view then says "N dari M kab/kota" and the
 *   share of the area's workforce they hold (the sum of every kab/kota's baseline, or the own estimate when a
 *   kab/kota has none);
 * - the gap to the target is shown for any coverage; the weekly pace needed only for a complete area;
 * - a change since last week compares the kab/kota counted in both weeks, never who reported.
 */

const counts = (units: readonly UnitWeek[]): ReportingCounts => {
  const c: ReportingCounts = { units: units.length, reported: 0, onTime: 0, late: 0, noData: 0, awaiting: 0, returned: 0, missing: 0 };
  for (const u of units) {
    if (u.status === 'belum') {
      c.missing++;
      continue;
    }
    c.reported++;
    if (u.status === 'terlambat') c.late++;
    else c.onTime++;
    if (u.own?.noData !== undefined) c.noData++;
    if (u.own?.verification === 'pending') c.awaiting++;
    if (u.own?.verification === 'returned') c.returned++;
  }
  return c;
};

const sumShares = (parts: ReadonlyArray<{ num: number; den: number }>): Share | undefined =>
  shareOf(parts.reduce((a, p) => a + p.num, 0), parts.reduce((a, p) => a + p.den, 0));

/** Non-ASN added up over units (each unit's own non-ASN count and its programmes), none when no unit reports it. */
export function sumNonAsn(parts: ReadonlyArray<NonAsnCoverage | undefined>): NonAsnCoverage | undefined {
  const present = parts.filter((p): p is NonAsnCoverage => p !== undefined);
  if (present.length === 0) return undefined;
  const total = present.reduce((a, p) => a + p.total, 0);
  const programmes = Object.fromEntries(
    NONASN_PROGRAMMES.map((k) => {
      const count = present.reduce((a, p) => a + p.programmes[k].count, 0);
      return [k, { count, pct: total > 0 ? (count / total) * 100 : undefined }];
    }),
  ) as NonAsnCoverage['programmes'];
  return { total, programmes };
}

/** The change since the week before over the kab/kota counted in both weeks. */
function sameUnitsChange(members: readonly UnitWeek[], week: WeekKey, baselineFor: (code: string, year: number) => Baseline | undefined): SameUnitsChange | undefined {
  const both = members.filter((m): m is UnitWeek & { standing: Standing; previous: Standing } => m.standing !== undefined && m.previous !== undefined);
  if (both.length === 0) return undefined;
  const nowCounted = members.filter((m) => m.standing).length;
  const thenCounted = members.filter((m) => m.previous).length;
  const participants = both.reduce((a, m) => a + m.standing.participants - m.previous.participants, 0);
  const withWorkforce = both.every((m) => m.coverage !== undefined && baselineFor(m.unit.code, weekYear(m.previous.week)) !== undefined);
  let fromTenths: number | undefined;
  let toTenths: number | undefined;
  if (withWorkforce) {
    const to = sumShares(both.map((m) => m.coverage as Share));
    const from = sumShares(both.map((m) => ({ num: m.previous.participants, den: baselineFor(m.unit.code, weekYear(m.previous.week))?.workforce_total ?? 0 })));
    toTenths = to ? tenthsOf(to) : undefined;
    fromTenths = from ? tenthsOf(from) : undefined;
  }
  return { fromWeek: shiftWeek(week, -1), units: both.length, participants, fromTenths, toTenths, sameSet: both.length === nowCounted && both.length === thenCounted };
}

export interface AreaInput {
  scope: Unit | 'national';
  week: WeekKey;
  members: UnitWeek[];
  governments: UnitWeek[];
  provinces?: AreaWeek[] | undefined;
  ownBaseline?: Baseline | undefined;
  baselineFor: (code: string, year: number) => Baseline | undefined;
  /** The area's main target for the week's year (see unit-week.ts's targetOf). */
  target?: TargetRef | undefined;
  /** The area's participants the week `k` weeks before, over the kab/kota counted both then and now (for the pace). */
  grownSince?: ((k: number) => { participants: number; units: number } | undefined) | undefined;
}

/** A province or the nation in one week, by the rules above. */
export function areaWeek(a: AreaInput): AreaWeek {
  const counted = a.members.filter((m) => m.standing !== undefined);
  const inCoverage = counted.filter((m) => m.coverage !== undefined);
  const segments = segmentsOf({});
  for (const m of counted) for (const k of PARTICIPANT_FIELDS) segments[k] += m.standing?.segments[k] ?? 0;
  const participants = PARTICIPANT_FIELDS.reduce((acc, k) => acc + segments[k], 0);
  const coverage = sumShares(inCoverage.map((m) => m.coverage as Share));
  const everyMemberBaseline = a.members.every((m) => m.baseline !== undefined);
  const areaWorkforce =
    a.members.length > 0 && everyMemberBaseline
      ? { value: a.members.reduce((acc, m) => acc + (m.baseline?.workforce_total ?? 0), 0), basis: 'members' as const }
      : a.ownBaseline
        ? { value: a.ownBaseline.workforce_total, basis: 'own' as const }
        : undefined;
  const complete = a.members.length > 0 && inCoverage.length === a.members.length;
  const targetBp = a.target?.bp;
  let pace: AreaWeek['pace'];
  if (complete && coverage && a.target) {
    // The recent pace: growth of the kab/kota counted both then and now, put on today's total.
    const history = [];
    for (let k = 1; k <= 4; k++) {
      const grown = a.grownSince?.(k);
      if (grown) history.push({ week: shiftWeek(a.week, -k), participants: participants - grown.participants });
    }
    pace = paceToTarget({ latest: { week: a.week, participants }, history, workforce: coverage.den, targetPct: a.target.bp / 100, targetYear: a.target.year });
  }
  const setAside: Record<SetAsideReason, number> = { returned: 0, unverified: 0, too_old: 0 };
  for (const m of a.members) if (m.setAside) setAside[m.setAside.reason]++;
  const governmentNonAsn = a.scope !== 'national' ? a.governments[0]?.nonAsn : undefined;
  const nonAsnSum = sumNonAsn([...a.members, ...a.governments].map((u) => u.nonAsn));
  return {
    scope: a.scope,
    week: a.week,
    members: a.members,
    governments: a.governments,
    provinces: a.provinces,
    counted: counted.length,
    coverageMembers: inCoverage.length,
    stale: counted.filter((m) => m.standing?.stale).length,
    unverifiedCounted: counted.filter((m) => m.standing?.verification === 'pending').length,
    setAside,
    participants,
    segments,
    coverage,
    workforceShare: coverage && areaWorkforce ? shareOf(coverage.den, areaWorkforce.value) : undefined,
    areaWorkforce,
    ownBaseline: a.ownBaseline,
    complete,
    targetBp,
    target: a.target,
    // A partial figure is not compared with the area's target: the kab/kota not yet counted would change it.
    gapHundredths: complete && coverage && targetBp !== undefined ? gapHundredths(targetBp, tenthsOf(coverage)) : undefined,
    pace,
    change: sameUnitsChange(a.members, a.week, a.baselineFor),
    nonAsn: a.scope === 'national' ? nonAsnSum : governmentNonAsn,
    nonAsnSum,
    reporting: counts([...a.members, ...a.governments]),
    demo: [...a.members, ...a.governments].some((u) => u.demo),
  };
}
