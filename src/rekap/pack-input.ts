import { audienceUnits } from '../domain/audience.js';
import { NATIONAL } from '../domain/access.js';
import { STALE_AFTER_WEEKS } from '../domain/coverage.js';
import type { Deadline } from '../domain/deadline.js';
import { NONASN_PROGRAMMES } from '../domain/figures.js';
import type { PackInput, PackNonAsnRow, PackRankRow, PackTarget, PackTrendPoint } from '../domain/pack.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import type { UnverifiedInTotals } from '../domain/verification.js';
import { compareWeeks, weekKey, weeksBetween, weeksInYear, weekYear, type WeekKey } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import type { Meeting } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { buildRekap, type Rekap, type RekapRow, type RekapScope } from './data.js';
import { scopeSlug } from './service.js';

/**
 * The one adapter from the read side to the session pack: everything else of the pack (narrative, deck, brief) reads
 * PackInput only. When the read side changes, only this file follows it.
 */

export interface PackDeps {
  store: Store;
  regions: RegionDirectory;
  deadline: Deadline;
  unverified?: UnverifiedInTotals | undefined;
}

const isStaleAt = (latest: WeekKey | undefined, week: WeekKey): boolean => latest !== undefined && weeksBetween(latest, week) > STALE_AFTER_WEEKS;

/** The next scheduled monitoring session whose audience holds the scope (nationally: one organised nationally). */
export function nextSessionFor(deps: Pick<PackDeps, 'store' | 'regions'>, scope: RekapScope, now: Date): Meeting | undefined {
  const upcoming = deps.store.meetings
    .all()
    .filter((m) => m.status === 'scheduled' && Date.parse(m.startsAt) > now.getTime())
    .filter((m) => (scope === 'national' ? m.scope === NATIONAL : audienceUnits(m.audience, m.scope, deps.regions).some((u) => u.code === scope.code)));
  return [...upcoming].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

/** The pack of a scope at a week: its figures for the year up to that week, as the rekap computes them. */
export async function buildPackInput(deps: PackDeps, scope: RekapScope, week: WeekKey, now: Date, session?: Meeting): Promise<PackInput> {
  const yearStart = weekKey(weekYear(week), 1);
  const period = { from: yearStart, to: week, kind: 'range' as const };
  const rekap = await buildRekap(deps.store, deps.regions, deps.deadline, scope, period, deps.unverified, { trend: false });
  const isArea = scope === 'national' || scope.kind === 'provinsi';
  const headline: RekapRow | undefined = isArea ? rekap.total : rekap.rows[0];
  const agg = rekap.totalAggregate;

  const targets: PackTarget[] = [];
  const baseline = headline?.baseline;
  if (headline?.targetPct !== undefined && baseline) {
    const pace = headline.pace;
    targets.push({
      year: baseline.year,
      pct: headline.targetPct,
      // Today a scope holds one target, with its yearly baseline; the series with their sources replace it here.
      source: `data dasar ${baseline.year}`,
      main: true,
      gapPoints: headline.gapPoints,
      pace: pace ? { targetParticipants: pace.targetParticipants, shortfall: pace.shortfall, targetYear: pace.targetYear, weeksLeft: pace.weeksLeft, neededPerWeek: pace.neededPerWeek, status: pace.status } : undefined,
    });
  }

  const trend = trendWithPath(rekap, targets[0]);
  const previous = trend[trend.length - 2];
  const start = trend.find((p) => p.pct !== undefined);
  const withData = agg.membersWithData + (agg.unverified === 'exclude' ? agg.membersUnverified : 0);
  const counted = rekap.scope === 'national' ? rekap.statuses.filter((s) => s.unit.kind !== 'provinsi') : rekap.statuses;

  const missing =
    scope === 'national'
      ? rekap.rows
          .filter((r) => r.reported && r.reported.onTime + r.reported.late < r.reported.total)
          .map((r) => `${r.unit.baseName} (${(r.reported?.total ?? 0) - (r.reported?.onTime ?? 0) - (r.reported?.late ?? 0)})`)
      : counted.filter((s) => s.status === 'belum').map((s) => (s.unit.kind === 'provinsi' ? `Pemerintah ${s.unit.name}` : s.unit.name));

  return {
    scope: {
      code: scope === 'national' ? 'national' : scope.code,
      kind: scope === 'national' ? 'nasional' : scope.kind,
      name: scope === 'national' ? 'Nasional' : scope.name,
      slug: scopeSlug(scope),
      zone: scope === 'national' ? WIB.label : scope.zone.label,
    },
    week,
    generatedAt: now.toISOString(),
    session: session ? { title: session.title, startsAt: session.startsAt, zone: session.zone, place: session.place } : undefined,
    coverage: {
      participants: agg.participants,
      basisParticipants: agg.basisParticipants,
      workforce: agg.workforce,
      workforceSource: baseline?.workforce_source,
      pct: agg.pct,
      previousPct: previous?.pct,
      previousParticipants: previous && previous.participants > 0 ? previous.participants : undefined,
      startWeek: start?.week,
      startPct: start?.pct,
      startParticipants: start?.participants,
      // The rekap's own recent pace (as /cakupan shows it): an area's sum would count units that only began reporting.
      recentPerWeek: headline?.pace?.recentPerWeek,
      recentWeeks: headline?.pace?.recentWeeks,
      partial: agg.members > 0 && withData < agg.members,
      stale: agg.membersStale > 0,
    },
    targets,
    trend,
    ranking: await rankingOf(deps, scope, week, rekap),
    segments: { ...agg.segments },
    nonAsn: nonAsnRows(rekap),
    completeness: {
      total: counted.length,
      onTime: counted.filter((s) => s.status === 'sudah').length,
      late: counted.filter((s) => s.status === 'terlambat').length,
      withData,
      verified: withData - agg.membersUnverified,
      unverified: agg.membersUnverified,
      stale: agg.membersStale,
      missing,
    },
    demo: rekap.demo,
  };
}

/** The series with the straight path from the year's first coverage to the main target at the end of its year. */
function trendWithPath(rekap: Rekap, target: PackTarget | undefined): PackTrendPoint[] {
  const start = rekap.series.find((p) => p.pct !== undefined);
  const end = target ? weekKey(target.year, weeksInYear(target.year)) : undefined;
  const span = start && end ? weeksBetween(start.week, end) : 0;
  return rekap.series.map((p) => ({
    week: p.week,
    participants: p.participants,
    pct: p.pct,
    targetPathPct:
      target && start?.pct !== undefined && span > 0 && compareWeeks(p.week, start.week) >= 0
        ? start.pct + ((target.pct - start.pct) * weeksBetween(start.week, p.week)) / span
        : undefined,
    reported: p.reported,
    total: p.total,
  }));
}

function rankRow(r: RekapRow, week: WeekKey, selfCode: string | undefined): PackRankRow {
  const area = r.kind === 'area';
  return {
    code: r.unit.code,
    name: r.unit.kind === 'provinsi' ? r.unit.baseName : r.unit.name,
    participants: r.participants,
    pct: r.pct,
    latestWeek: r.latestWeek,
    // A province misses kab/kota figures; a kab/kota shows figures carried from an earlier week.
    partial: area ? (r.verified?.withData ?? 0) < (r.reported?.total ?? 0) : r.latestWeek !== undefined && r.latestWeek !== week,
    stale: isStaleAt(r.latestWeek, week),
    unverified: area ? (r.verified?.verified ?? 0) < (r.verified?.withData ?? 0) : r.verification !== undefined && r.verification !== 'verified',
    self: r.unit.code === selfCode,
  };
}

const ranked = (rows: PackRankRow[]): PackRankRow[] => [
  ...rows.filter((r) => r.pct !== undefined).sort((a, b) => (b.pct ?? 0) - (a.pct ?? 0)),
  ...rows.filter((r) => r.pct === undefined),
];

/** A kab/kota among its province's, a province's kab/kota, or the provinces nationally. */
async function rankingOf(deps: PackDeps, scope: RekapScope, week: WeekKey, rekap: Rekap): Promise<PackInput['ranking']> {
  if (scope === 'national') return { level: 'provinsi', within: 'Nasional', rows: ranked(rekap.rows.map((r) => rankRow(r, week, undefined))) };
  if (scope.kind === 'provinsi') return { level: 'kabkota', within: scope.name, rows: ranked(rekap.rows.filter((r) => r.kind === 'unit').map((r) => rankRow(r, week, undefined))) };
  const province = deps.regions.get(scope.provinceCode);
  if (!province) return undefined;
  const around = await buildRekap(deps.store, deps.regions, deps.deadline, province, { from: week, to: week, kind: 'week' }, deps.unverified, { trend: false });
  return { level: 'kabkota', within: province.name, rows: ranked(around.rows.filter((r) => r.kind === 'unit').map((r) => rankRow(r, week, scope.code))) };
}

/** Each reporting government's non-ASN workers: the kab/kota and the province's own, or nationally the provinces' own. */
function nonAsnRows(rekap: Rekap): PackNonAsnRow[] {
  return rekap.rows.map((r) => {
    const programmes = Object.fromEntries(
      NONASN_PROGRAMMES.map((p) => [p, { count: r.nonAsn?.programmes[p].count ?? 0, pct: r.nonAsn?.programmes[p].pct }]),
    ) as PackNonAsnRow['programmes'];
    return {
      code: r.unit.code,
      name: `Pemerintah ${r.unit.name}`,
      week: r.kind === 'area' ? undefined : r.latestWeek,
      total: r.nonAsn?.total,
      programmes,
    };
  });
}
