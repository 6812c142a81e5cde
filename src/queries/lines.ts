import type { NonAsnCoverage } from '../domain/coverage.js';
import type { Share } from '../domain/exact.js';
import type { ParticipantField } from '../domain/figures.js';
import type { Pace } from '../domain/pace.js';
import type { Unit } from '../domain/regions/directory.js';
import type { VerificationState } from '../domain/verification.js';
import type { WeekKey } from '../domain/weeks.js';
import type { AreaWeek, ReportingCounts, ReportStatus, ScopeReport, SetAsideReason, UnitWeek } from './types.js';

/**
 * One line of a table (the league table, the ranking chart, the XLSX Rekap, the pushed rekap): a kab/kota, a
 * province as an area, a province government's own non-ASN, or the scope's total. Built here, once, so every table
 * shows the same figure with the same marks. A value that is unknown is undefined: shown blank, never 0.
 */
export interface RekapLine {
  unit: Unit | undefined;
  kind: 'unit' | 'area' | 'own' | 'total';
  latestWeek?: WeekKey | undefined;
  /** The figures are older than STALE_AFTER_WEEKS (a unit's), or some counted kab/kota's are (an area's). */
  stale: boolean;
  staleMembers?: number | undefined;
  segments?: Record<ParticipantField, number> | undefined;
  participants?: number | undefined;
  /** Participants the week before, over the same kab/kota (a unit: its own figure the week before). */
  change?: number | undefined;
  /** The workforce the coverage is taken over (a unit's baseline; an area's counted kab/kota). */
  workforce?: number | undefined;
  workforceSource?: string | undefined;
  coverage?: Share | undefined;
  /** An area whose coverage stands on part of its kab/kota: how many, of how many, and their share of its workforce. */
  partial?: { members: number; of: number; workforceShare?: Share | undefined } | undefined;
  targetBp?: number | undefined;
  gapHundredths?: number | undefined;
  pace?: Pace | undefined;
  nonAsn?: NonAsnCoverage | undefined;
  status?: ReportStatus | undefined;
  reporting?: ReportingCounts | undefined;
  verification?: VerificationState | undefined;
  verified?: { verified: number; counted: number } | undefined;
  setAside?: { week: WeekKey; reason: SetAsideReason } | undefined;
  noData?: string | undefined;
  demo: boolean;
}

export const unitLine = (u: UnitWeek, kind: 'unit' | 'own' = 'unit'): RekapLine => {
  const s = u.standing;
  const own = kind === 'own';
  return {
    unit: u.unit,
    kind,
    latestWeek: s?.week,
    stale: s?.stale === true,
    segments: own ? undefined : s?.segments,
    participants: own ? undefined : s?.participants,
    change: !own && s && u.previous ? s.participants - u.previous.participants : undefined,
    workforce: own ? undefined : u.baseline?.workforce_total,
    workforceSource: own || !u.baseline ? undefined : `${u.baseline.workforce_source} (${u.baseline.year})`,
    coverage: u.coverage,
    targetBp: u.targetBp,
    gapHundredths: u.gapHundredths,
    pace: u.pace,
    nonAsn: u.nonAsn,
    status: u.status,
    verification: s?.verification,
    setAside: u.setAside,
    noData: u.own?.noData,
    demo: u.demo,
  };
};

export const areaLine = (a: AreaWeek, kind: 'area' | 'total'): RekapLine => {
  const latest = a.members
    .map((m) => m.standing?.week)
    .filter((w): w is WeekKey => w !== undefined)
    .sort()
    .pop();
  return {
    unit: a.scope === 'national' ? undefined : a.scope,
    kind,
    latestWeek: latest,
    stale: a.stale > 0,
    staleMembers: a.stale,
    segments: a.counted > 0 ? a.segments : undefined,
    participants: a.counted > 0 ? a.participants : undefined,
    change: a.change?.sameSet ? a.change.participants : undefined,
    workforce: a.coverage?.den,
    coverage: a.coverage,
    partial: a.coverage && !a.complete ? { members: a.coverageMembers, of: a.members.length, workforceShare: a.workforceShare } : undefined,
    targetBp: a.targetBp,
    gapHundredths: a.gapHundredths,
    pace: a.pace,
    nonAsn: a.nonAsnSum,
    reporting: a.reporting,
    verified: { verified: a.members.filter((m) => m.standing?.verification === 'verified').length, counted: a.counted },
    demo: a.demo,
  };
};

/** The lines of a scope's table: its next level's units (and a province government's own row), then the total. */
export function rekapLines(r: ScopeReport): { rows: RekapLine[]; total?: RekapLine | undefined } {
  if (r.unit) return { rows: [unitLine(r.unit)] };
  const a = r.area;
  if (!a) return { rows: [] };
  if (a.scope === 'national') return { rows: (a.provinces ?? []).map((p) => areaLine(p, 'area')), total: areaLine(a, 'total') };
  return { rows: [...a.members.map((m) => unitLine(m)), ...a.governments.map((g) => unitLine(g, 'own'))], total: areaLine(a, 'total') };
}

/**
 * A league table's order: complete figures ranked by coverage (highest first), then partial areas (apart: their
 * figure stands on part of their kab/kota), then lines without coverage. Ties keep the official order.
 */
export function rankedLines(rows: readonly RekapLine[]): { ranked: RekapLine[]; partial: RekapLine[]; unranked: RekapLine[] } {
  const byCoverage = (a: RekapLine, b: RekapLine): number =>
    (b.coverage ? b.coverage.num * (a.coverage?.den ?? 1) : 0) - (a.coverage ? a.coverage.num * (b.coverage?.den ?? 1) : 0);
  const candidates = rows.filter((r) => r.kind !== 'own');
  return {
    ranked: candidates.filter((r) => r.coverage && !r.partial).sort(byCoverage),
    partial: candidates.filter((r) => r.coverage && r.partial).sort(byCoverage),
    unranked: candidates.filter((r) => !r.coverage),
  };
}
