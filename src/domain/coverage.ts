import type { Baseline } from './baseline.js';
import {
  NONASN_PROGRAMMES,
  PARTICIPANT_FIELDS,
  participantsOf,
  type Figures,
  type ParticipantField,
} from './figures.js';
import type { Unit } from './regions/directory.js';
import { weeksBetween, type WeekKey } from './weeks.js';
import type { UnverifiedInTotals, VerificationState } from './verification.js';

/** A report older than this many weeks is flagged as out of date. */
export const STALE_AFTER_WEEKS = 2;

export interface ReportSnapshot {
  week: WeekKey;
  figures: Figures;
  at: Date;
  by: string;
  source: 'chat' | 'import' | 'demo';
  revisions: number;
  /** Where a coordinator's check of these figures stands (undefined: not tracked, as in older callers). */
  verification?: VerificationState | undefined;
  late?: boolean | undefined;
}

/** What is known of one unit at one moment: the input of every coverage view. */
export interface UnitSnapshot {
  unit: Unit;
  /** The current ISO week in the unit's own zone. */
  currentWeek: WeekKey;
  latest?: ReportSnapshot | undefined;
  /** The unit's report for the week before `latest.week`, when there is one. */
  previous?: ReportSnapshot | undefined;
  baseline?: Baseline | undefined;
  /** This week's report when it carries no figures ("belum ada data"): reported, and `latest` stays the last figures. */
  noDataThisWeek?: { reason: string } | undefined;
}

export type Programme = (typeof NONASN_PROGRAMMES)[number];

export interface NonAsnCoverage {
  total: number;
  programmes: Record<Programme, { count: number; pct: number | undefined }>;
}

export interface UnitCoverage {
  participants: number;
  segments: Record<ParticipantField, number>;
  workforce?: number | undefined;
  pct?: number | undefined;
  formalPct?: number | undefined;
  informalPct?: number | undefined;
  targetPct?: number | undefined;
  /** Coverage minus target, in percentage points. */
  gapPoints?: number | undefined;
  nonAsn?: NonAsnCoverage | undefined;
}

export const percentOf = (part: number, whole: number | undefined): number | undefined =>
  whole !== undefined && whole > 0 ? (part / whole) * 100 : undefined;

export function segmentsOf(f: Figures): Record<ParticipantField, number> {
  return Object.fromEntries(PARTICIPANT_FIELDS.map((k) => [k, f[k] ?? 0])) as Record<ParticipantField, number>;
}

export function nonAsnCoverage(f: Figures): NonAsnCoverage | undefined {
  const total = f.nonasn_total;
  if (total === undefined) return undefined;
  const programmes = Object.fromEntries(
    NONASN_PROGRAMMES.map((p) => [p, { count: f[p] ?? 0, pct: percentOf(f[p] ?? 0, total) }]),
  ) as NonAsnCoverage['programmes'];
  return { total, programmes };
}

/** Capaian UC = (PU + BPU + Jakon + PMI) / penduduk bekerja. Formal = PU / formal workforce; informal = BPU / informal. */
export function unitCoverage(figures: Figures, baseline: Baseline | undefined): UnitCoverage {
  const participants = participantsOf(figures);
  const pct = percentOf(participants, baseline?.workforce_total);
  const target = baseline?.target_pct;
  return {
    participants,
    segments: segmentsOf(figures),
    workforce: baseline?.workforce_total,
    pct,
    formalPct: percentOf(figures.active_pu ?? 0, baseline?.workforce_formal),
    informalPct: percentOf(figures.active_bpu ?? 0, baseline?.workforce_informal),
    targetPct: target,
    gapPoints: pct !== undefined && target !== undefined ? pct - target : undefined,
    nonAsn: nonAsnCoverage(figures),
  };
}

export const isStale = (s: UnitSnapshot): boolean =>
  s.latest !== undefined && weeksBetween(s.latest.week, s.currentWeek) > STALE_AFTER_WEEKS;

/** Reported this week: with figures, or as "belum ada data" (on time for completeness, no figures). */
export const reportedThisWeek = (s: UnitSnapshot): boolean => s.latest?.week === s.currentWeek || s.noDataThisWeek !== undefined;

/** Is this member's latest figure counted in an area's totals? All of them, or only verified ones. */
const counted = (m: UnitSnapshot, unverified: UnverifiedInTotals): boolean =>
  m.latest !== undefined && (unverified === 'count' || m.latest.verification === undefined || m.latest.verification === 'verified');

export interface AggregateCoverage {
  members: number;
  membersWithData: number;
  membersReportedThisWeek: number;
  membersStale: number;
  participants: number;
  segments: Record<ParticipantField, number>;
  /** How the denominator was found: the area's own baseline, or the sum over members that have one. */
  basis: 'own' | 'members' | 'none';
  /** Members whose participants are in the numerator of `pct` (all with data, for an own baseline). */
  basisMembers: number;
  /** Participants of the `basisMembers`: the numerator of `pct`. */
  basisParticipants: number;
  workforce?: number | undefined;
  pct?: number | undefined;
  targetPct?: number | undefined;
  gapPoints?: number | undefined;
  /** Members whose latest figures no coordinator has verified yet (counted, marked; or left out: see `unverified`). */
  membersUnverified: number;
  /** How unverified figures were treated. */
  unverified: UnverifiedInTotals;
}

/**
 * A province (or the nation) from its kab/kota: each member's latest report counts, however old (staleness is
 * reported beside it). With the area's own workforce baseline, coverage is all participants over it; without, it is
 * computed only over the members that have both figures and a baseline, so numerator and denominator match.
 */
export function aggregateCoverage(members: UnitSnapshot[], ownBaseline: Baseline | undefined, unverified: UnverifiedInTotals = 'count'): AggregateCoverage {
  const withData = members.filter((m) => counted(m, unverified));
  const membersUnverified = members.filter((m) => m.latest !== undefined && m.latest.verification !== undefined && m.latest.verification !== 'verified').length;
  const segments = segmentsOf({});
  for (const m of withData) {
    for (const k of PARTICIPANT_FIELDS) segments[k] += m.latest?.figures[k] ?? 0;
  }
  const participants = PARTICIPANT_FIELDS.reduce((sum, k) => sum + segments[k], 0);
  let basis: AggregateCoverage['basis'] = 'none';
  let workforce: number | undefined;
  let basisParticipants = 0;
  let basisMembers = 0;
  if (ownBaseline) {
    basis = 'own';
    workforce = ownBaseline.workforce_total;
    basisParticipants = participants;
    basisMembers = withData.length;
  } else {
    const matched = withData.filter((m) => m.baseline !== undefined);
    if (matched.length > 0) {
      basis = 'members';
      workforce = matched.reduce((sum, m) => sum + (m.baseline?.workforce_total ?? 0), 0);
      basisParticipants = matched.reduce((sum, m) => sum + participantsOf(m.latest?.figures ?? {}), 0);
      basisMembers = matched.length;
    }
  }
  const pct = percentOf(basisParticipants, workforce);
  const targetPct = ownBaseline?.target_pct;
  return {
    members: members.length,
    membersWithData: withData.length,
    membersReportedThisWeek: members.filter(reportedThisWeek).length,
    membersStale: members.filter(isStale).length,
    participants,
    segments,
    basis,
    basisMembers,
    basisParticipants,
    workforce,
    pct,
    targetPct,
    gapPoints: pct !== undefined && targetPct !== undefined ? pct - targetPct : undefined,
    membersUnverified,
    unverified,
  };
}

/** The nation from its provinces: coverage over the provinces whose denominator is known. */
export function nationalCoverage(provinces: AggregateCoverage[]): AggregateCoverage {
  const segments = segmentsOf({});
  for (const p of provinces) for (const k of PARTICIPANT_FIELDS) segments[k] += p.segments[k];
  const withBasis = provinces.filter((p) => p.basis !== 'none');
  const workforce = withBasis.length > 0 ? withBasis.reduce((sum, p) => sum + (p.workforce ?? 0), 0) : undefined;
  const basisParticipants = withBasis.reduce((sum, p) => sum + p.basisParticipants, 0);
  const sum = (pick: (p: AggregateCoverage) => number): number => provinces.reduce((acc, p) => acc + pick(p), 0);
  return {
    members: sum((p) => p.members),
    membersWithData: sum((p) => p.membersWithData),
    membersReportedThisWeek: sum((p) => p.membersReportedThisWeek),
    membersStale: sum((p) => p.membersStale),
    participants: PARTICIPANT_FIELDS.reduce((acc, k) => acc + segments[k], 0),
    segments,
    basis: withBasis.length > 0 ? 'members' : 'none',
    basisMembers: withBasis.length,
    basisParticipants,
    workforce,
    pct: percentOf(basisParticipants, workforce),
    targetPct: undefined,
    gapPoints: undefined,
    membersUnverified: sum((p) => p.membersUnverified),
    unverified: provinces[0]?.unverified ?? 'count',
  };
}
