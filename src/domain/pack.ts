import type { ParticipantField, ProgrammeField } from './fields.js';
import type { Pace } from './pace.js';
import type { WeekKey } from './weeks.js';
import type { ZoneLabel } from './zones.js';

/**
 * Everything the session pack (the deck, the one-page brief and the narrative) shows, as plain serialisable data. One
 * adapter builds it from the read side (src/rekap/pack-input.ts); the deck, the brief and the narrative depend on this
 * type alone, so the read side can change under them without touching them.
 */
export interface PackInput {
  scope: PackScope;
  /** The week whose figures the pack shows. */
  week: WeekKey;
  /** When the pack was made (ISO instant). */
  generatedAt: string;
  /** The monitoring session it is made for, when one is scheduled for the scope. */
  session?: PackSession | undefined;
  coverage: PackCoverage;
  /** Every target series known for the scope, the main one first; empty when none is recorded. */
  targets: PackTarget[];
  /** The scope's coverage week by week from the first week of the year, with the path to the main target. */
  trend: PackTrendPoint[];
  ranking?: PackRanking | undefined;
  /** Active participants by segment at the data week. */
  segments: Record<ParticipantField, number>;
  /** Non-ASN government workers and the programmes covering them, per reporting government. */
  nonAsn: PackNonAsnRow[];
  completeness: PackCompleteness;
  /** Built from demonstration data: every file says so. */
  demo: boolean;
}

export interface PackScope {
  /** A unit code, or `national`. */
  code: string;
  kind: 'nasional' | 'provinsi' | 'kabupaten' | 'kota';
  /** "Provinsi Kepulauan Bangka Belitung", "Kota Pangkal Pinang", "Nasional". */
  name: string;
  /** Lower-case, hyphenated: for file names. */
  slug: string;
  /** The zone the scope reads times in (the nation: WIB). */
  zone: ZoneLabel;
}

export interface PackSession {
  title: string;
  /** ISO instant. */
  startsAt: string;
  /** The zone the organiser wrote the time in. */
  zone: ZoneLabel;
  place: string;
}

export interface PackCoverage {
  participants: number;
  /** Participants in the numerator of `pct` (all of them, unless only the members with a baseline are counted). */
  basisParticipants: number;
  workforce?: number | undefined;
  workforceSource?: string | undefined;
  pct?: number | undefined;
  /** The week before the data week. */
  previousPct?: number | undefined;
  previousParticipants?: number | undefined;
  /** The first week of the year with a coverage figure. */
  startWeek?: WeekKey | undefined;
  startPct?: number | undefined;
  startParticipants?: number | undefined;
  /** Average weekly growth of participants over the last weeks with figures (up to four). */
  recentPerWeek?: number | undefined;
  recentWeeks?: number | undefined;
  /** Some members' figures are missing from the totals (an area whose kab/kota have not all reported figures). */
  partial: boolean;
  /** Some figures in the totals are older than the stale limit (carried from weeks ago). */
  stale: boolean;
  /** The kab/kota a change since last week, and since the year's first figures, compares: the same ones in both weeks. */
  changeUnits?: number | undefined;
  startUnits?: number | undefined;
  /** The kab/kota the coverage stands on, and of how many (a partial figure). */
  coverageMembers?: number | undefined;
  members?: number | undefined;
}

export interface PackTarget {
  year: number;
  pct: number;
  /** Where the target comes from ("RPJMD Provinsi ...", "data dasar 2026"). */
  source: string;
  reference?: string | undefined;
  main: boolean;
  /** Coverage minus the target, in points (undefined without coverage). */
  gapPoints?: number | undefined;
  pace?: Pick<Pace, 'targetParticipants' | 'shortfall' | 'targetYear' | 'weeksLeft' | 'neededPerWeek' | 'status'> | undefined;
}

export interface PackTrendPoint {
  week: WeekKey;
  participants: number;
  pct?: number | undefined;
  /** Where coverage should stand this week on a straight path from the year's start to the main target. */
  targetPathPct?: number | undefined;
  reported: number;
  total: number;
}

export interface PackRanking {
  /** What is ranked: the kab/kota of a province, or the provinces of the nation. */
  level: 'kabkota' | 'provinsi';
  /** The province the kab/kota belong to ("Provinsi ..."), or "Nasional". */
  within: string;
  /** Best first; rows without coverage last. */
  rows: PackRankRow[];
}

export interface PackRankRow {
  code: string;
  name: string;
  participants: number;
  pct?: number | undefined;
  latestWeek?: WeekKey | undefined;
  /** Part of the figures are missing (a province with kab/kota without figures). */
  partial: boolean;
  /** The figures are older than the stale limit. */
  stale: boolean;
  /** Some figures shown are not verified by a coordinator yet. */
  unverified: boolean;
  /** The pack's own scope (a kab/kota among its province's). */
  self: boolean;
}

export interface PackNonAsnRow {
  code: string;
  /** "Pemerintah Kota Pangkal Pinang". */
  name: string;
  week?: WeekKey | undefined;
  /** Undefined: this government has not reported its non-ASN workers. */
  total?: number | undefined;
  programmes: Record<ProgrammeField, { count: number; pct?: number | undefined }>;
}

export interface PackCompleteness {
  /** Reporting units expected at the data week. */
  total: number;
  onTime: number;
  late: number;
  /** Kab/kota whose figures are in the totals (coverage counts kab/kota). */
  withData: number;
  /** The scope's kab/kota (the M of "N dari M kab/kota"). */
  members: number;
  /** Of `withData`: checked and approved by a coordinator; the rest await verification or were sent back. */
  verified: number;
  unverified: number;
  /** Units whose latest figures are older than the stale limit. */
  stale: number;
  /** Who has not reported at the data week: units, or nationally provinces with how many of theirs are missing. */
  missing: string[];
}
