import { audienceUnits } from '../domain/audience.js';
import { NATIONAL } from '../domain/access.js';
import { gapHundredths, shareOf, shownPct, tenthsOf } from '../domain/exact.js';
import { valueFor } from '../domain/targets.js';
import { NONASN_PROGRAMMES } from '../domain/figures.js';
import type { PackInput, PackNonAsnRow, PackRankRow, PackTarget, PackTrendPoint } from '../domain/pack.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { compareWeeks, weekKey, weeksBetween, weeksInYear, weekYear, type WeekKey } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import type { Meeting } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { scopeName } from '../messages/rekap.js';
import { rankedLines, rekapLines, type RekapLine } from '../queries/lines.js';
import type { ReadSide } from '../queries/read-side.js';
import type { AreaWeek, ScopeReport, Scope as RekapScope, SeriesPoint, UnitWeek } from '../queries/types.js';
import { scopeSlug } from './service.js';

/**
 * The one adapter from the read side to the session pack: everything else of the pack (narrative, deck, brief) reads
 * PackInput only. When the read side changes, only this file follows it.
 */

export interface PackDeps {
  store: Store;
  readSide: ReadSide;
  regions: RegionDirectory;
}

/** The next scheduled monitoring session whose audience holds the scope (nationally: one organised nationally). */
export function nextSessionFor(deps: Pick<PackDeps, 'store' | 'regions'>, scope: RekapScope, now: Date): Meeting | undefined {
  const upcoming = deps.store.meetings
    .all()
    .filter((m) => m.status === 'scheduled' && Date.parse(m.startsAt) > now.getTime())
    .filter((m) => (scope === 'national' ? m.scope === NATIONAL : audienceUnits(m.audience, m.scope, deps.regions).some((u) => u.code === scope.code)));
  return [...upcoming].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

/** The pack of a scope at a week: its figures for the year up to that week, as the read side gives them to every view. */
export async function buildPackInput(deps: PackDeps, scope: RekapScope, week: WeekKey, now: Date, session?: Meeting): Promise<PackInput> {
  const period = { from: weekKey(weekYear(week), 1), to: week, kind: 'range' as const };
  const report = await deps.readSide.report(scope, period, { trend: false });
  const area = report.area;
  const unit = report.unit;
  const share = area ? area.coverage : unit?.coverage;
  const pct = share ? shownPct(share) : undefined;
  const pace = area ? area.pace : unit?.pace;
  const baseline = area ? area.ownBaseline : unit?.baseline;
  const participants = area ? area.participants : (unit?.standing?.participants ?? 0);

  // Every target series of the scope with its source (they disagree: RPJMN, RKP, RPJMD, BPJS), the main one first;
  // the gap is the shown coverage against each, the pace only against the main one (as /cakupan gives it).
  const code = scope === 'national' ? 'national' : scope.code;
  const year = weekYear(week);
  const main = deps.store.targets.mainSeriesFor(code);
  const tenths = share ? tenthsOf(share) : undefined;
  const targets: PackTarget[] = deps.store.targets
    .seriesFor(code)
    .map((series) => ({ series, value: valueFor(series, year) }))
    .filter((x): x is { series: typeof x.series; value: NonNullable<typeof x.value> } => x.value !== undefined)
    .map(({ series, value }) => {
      const isMain = series.id === main?.id;
      return {
        year: value.year,
        pct: value.bp / 100,
        source: `${value.source}${value.interpolated ? ' (nilai antara, interpolasi)' : ''}`,
        reference: value.reference || undefined,
        main: isMain,
        gapPoints: tenths !== undefined ? gapHundredths(value.bp, tenths) / 100 : undefined,
        pace: isMain && pace ? { targetParticipants: pace.targetParticipants, shortfall: pace.shortfall, targetYear: pace.targetYear, weeksLeft: pace.weeksLeft, neededPerWeek: pace.neededPerWeek, status: pace.status } : undefined,
      };
    })
    .sort((a, b) => Number(b.main) - Number(a.main));

  // Changes are the read side's: over the kab/kota counted in both weeks, put on this week's shown coverage.
  let previousPct: number | undefined;
  let previousParticipants: number | undefined;
  let changeUnits: number | undefined;
  if (area?.change && pct !== undefined && area.change.fromTenths !== undefined && area.change.toTenths !== undefined) {
    previousPct = pct - (area.change.toTenths - area.change.fromTenths) / 10;
    previousParticipants = participants - area.change.participants;
    changeUnits = area.change.sameSet ? undefined : area.change.units;
  } else if (unit?.standing && unit.before) {
    previousParticipants = unit.before.participants;
    const before = shareOf(unit.before.participants, unit.baseline?.workforce_total);
    previousPct = before && pct !== undefined ? shownPct(before) : undefined;
  }
  const sc = report.seriesChange;
  const first = report.series.find((p) => p.coverage !== undefined);

  const units = area ? [...area.governments, ...area.members] : unit ? [unit] : [];
  const members = area ? area.members : unit ? [unit] : [];
  const counted = members.filter((m) => m.standing !== undefined);
  const missing =
    scope === 'national'
      ? (area?.provinces ?? []).filter((p) => p.reporting.missing > 0).map((p) => `${(p.scope as Unit).baseName} (${p.reporting.missing})`)
      : units.filter((u) => u.status === 'belum').map((u) => (u.unit.kind === 'provinsi' ? `Pemerintah ${u.unit.name}` : u.unit.name));

  return {
    scope: {
      code: scope === 'national' ? 'national' : scope.code,
      kind: scope === 'national' ? 'nasional' : scope.kind,
      name: scopeName(scope),
      slug: scopeSlug(scope),
      zone: scope === 'national' ? WIB.label : scope.zone.label,
    },
    week,
    generatedAt: now.toISOString(),
    session: session ? { title: session.title, startsAt: session.startsAt, zone: session.zone, place: session.place } : undefined,
    coverage: {
      participants,
      basisParticipants: share?.num ?? 0,
      workforce: share?.den,
      workforceSource: area ? workforceSourceOf(area) : baseline?.workforce_source,
      pct,
      previousPct,
      previousParticipants,
      startWeek: sc?.fromWeek ?? first?.week,
      startPct: sc && pct !== undefined ? pct - (sc.toTenths - sc.fromTenths) / 10 : undefined,
      startParticipants: undefined,
      recentPerWeek: pace?.recentPerWeek,
      recentWeeks: pace?.recentWeeks,
      partial: area !== undefined && !area.complete,
      stale: area ? area.stale > 0 : unit?.standing?.stale === true,
      changeUnits,
      startUnits: sc && !sc.sameSet ? sc.units : undefined,
      coverageMembers: area?.coverageMembers,
      members: area?.members.length,
    },
    targets,
    trend: trendWithPath(report.series, targets[0]),
    ranking: await rankingOf(deps, scope, week, report),
    segments: area ? { ...area.segments } : { ...(unit?.standing?.segments ?? { active_pu: 0, active_bpu: 0, active_jakon: 0, active_pmi: 0 }) },
    nonAsn: (area ? [...area.members, ...area.governments] : unit ? [unit] : []).filter((u) => scope !== 'national' || u.unit.kind === 'provinsi').map(nonAsnRow),
    completeness: {
      total: area ? area.reporting.units : 1,
      onTime: area ? area.reporting.onTime : unit?.status === 'sudah' ? 1 : 0,
      late: area ? area.reporting.late : unit?.status === 'terlambat' ? 1 : 0,
      withData: counted.length,
      members: members.length,
      verified: counted.filter((m) => m.standing?.verification === 'verified').length,
      unverified: counted.filter((m) => m.standing?.verification !== 'verified').length,
      stale: counted.filter((m) => m.standing?.stale).length,
      missing,
    },
    demo: report.demo,
  };
}

/** Where an area's workforce comes from: the sum of its kab/kota's baselines, named by their source. */
function workforceSourceOf(a: AreaWeek): string | undefined {
  const sources = [...new Set(a.members.filter((m) => m.coverage).map((m) => m.baseline?.workforce_source).filter((x): x is string => x !== undefined))];
  if (sources.length === 0) return undefined;
  return `jumlah ${a.coverageMembers} kab/kota, ${sources.join('; ')}`;
}

/** The series with the straight path from the year's first coverage to the main target at the end of its year. */
function trendWithPath(series: readonly SeriesPoint[], target: PackTarget | undefined): PackTrendPoint[] {
  const startPoint = series.find((p) => p.coverage !== undefined);
  const startPct = startPoint?.coverage ? shownPct(startPoint.coverage) : undefined;
  const end = target ? weekKey(target.year, weeksInYear(target.year)) : undefined;
  const span = startPoint && end ? weeksBetween(startPoint.week, end) : 0;
  return series.map((p) => ({
    week: p.week,
    participants: p.participants,
    pct: p.coverage ? shownPct(p.coverage) : undefined,
    targetPathPct:
      target && startPoint && startPct !== undefined && span > 0 && compareWeeks(p.week, startPoint.week) >= 0
        ? startPct + ((target.pct - startPct) * weeksBetween(startPoint.week, p.week)) / span
        : undefined,
    reported: p.reporting.reported,
    total: p.reporting.units,
  }));
}

function rankRow(r: RekapLine, week: WeekKey, selfCode: string | undefined): PackRankRow {
  const area = r.kind === 'area';
  return {
    code: r.unit?.code ?? '',
    name: r.unit ? (r.unit.kind === 'provinsi' ? r.unit.baseName : r.unit.name) : '',
    participants: r.participants ?? 0,
    pct: r.coverage ? shownPct(r.coverage) : undefined,
    latestWeek: r.latestWeek,
    // A province's figure stands on part of its kab/kota; a kab/kota's is carried from an earlier week.
    partial: area ? r.partial !== undefined : r.latestWeek !== undefined && r.latestWeek !== week,
    stale: r.stale,
    unverified: area ? (r.verified?.verified ?? 0) < (r.verified?.counted ?? 0) : r.verification !== undefined && r.verification !== 'verified',
    self: r.unit?.code === selfCode,
  };
}

/** The league table's order (complete ranked, then partial, then without coverage), as /peringkat has it. */
const ranked = (lines: readonly RekapLine[], week: WeekKey, self: string | undefined): PackRankRow[] => {
  const { ranked: complete, partial, unranked } = rankedLines(lines);
  return [...complete, ...partial, ...unranked].map((r) => rankRow(r, week, self));
};

/** A kab/kota among its province's, a province's kab/kota, or the provinces nationally. */
async function rankingOf(deps: PackDeps, scope: RekapScope, week: WeekKey, report: ScopeReport): Promise<PackInput['ranking']> {
  if (scope === 'national') return { level: 'provinsi', within: scopeName('national'), rows: ranked(rekapLines(report).rows, week, undefined) };
  if (scope.kind === 'provinsi') return { level: 'kabkota', within: scope.name, rows: ranked(rekapLines(report).rows, week, undefined) };
  const province = deps.regions.get(scope.provinceCode);
  if (!province) return undefined;
  const around = await deps.readSide.week(province, week);
  return { level: 'kabkota', within: province.name, rows: ranked(rekapLines(around).rows, week, scope.code) };
}

/** A reporting government's non-ASN workers, as it reported them (its latest standing figures). */
function nonAsnRow(u: UnitWeek): PackNonAsnRow {
  const programmes = Object.fromEntries(NONASN_PROGRAMMES.map((p) => [p, { count: u.nonAsn?.programmes[p].count ?? 0, pct: u.nonAsn?.programmes[p].pct }])) as PackNonAsnRow['programmes'];
  return { code: u.unit.code, name: `Pemerintah ${u.unit.name}`, week: u.standing?.week, total: u.nonAsn?.total, programmes };
}
