import type { Baseline } from '../domain/baseline.js';
import type { NonAsnCoverage } from '../domain/coverage.js';
import type { Share } from '../domain/exact.js';
import type { Figures, ParticipantField } from '../domain/figures.js';
import type { Pace } from '../domain/pace.js';
import type { Period } from '../domain/periods.js';
import type { Unit } from '../domain/regions/directory.js';
import type { VerificationState } from '../domain/verification.js';
import type { WeekKey } from '../domain/weeks.js';

/** What a view is about: one unit, a province with its kab/kota, or the nation with its provinces. */
export type Scope = Unit | 'national';

/** A target as a view names it: its value's year, source and reference, and whether the year's value is interpolated. */
export interface TargetRef {
  bp: number;
  year: number;
  source: string;
  reference: string;
  interpolated: boolean;
}

/** Whether a unit's report of a week arrived, and when: on time, late (after the deadline, holidays counted), not at all. */
export type ReportStatus = 'sudah' | 'terlambat' | 'belum';

/** The figures that stand for a unit in a week: its own report of the week, or one carried from an earlier week. */
export interface Standing {
  /** The week of the report these figures come from. */
  week: WeekKey;
  figures: Figures;
  participants: number;
  segments: Record<ParticipantField, number>;
  at: Date;
  by: string;
  source: 'chat' | 'import' | 'demo';
  revisions: number;
  verification: VerificationState;
  late: boolean;
  /** Weeks between `week` and the week asked about (0: this week's own report). */
  ageWeeks: number;
  /** Older than STALE_AFTER_WEEKS: shown with its week and marked. */
  stale: boolean;
}

/** Why the newest figures of a unit do not stand (the figures before them, if any, stand instead). */
export type SetAsideReason = 'returned' | 'unverified' | 'too_old';

/** This week's own report of a unit: its first arrival, its revisions and where its check stands. */
export interface OwnReport {
  at: Date;
  by: string;
  revisions: number;
  late: boolean;
  noData?: string | undefined;
  verification: VerificationState;
}

/** One reporting unit in one week: everything every view says about it. */
export interface UnitWeek {
  unit: Unit;
  week: WeekKey;
  status: ReportStatus;
  own?: OwnReport | undefined;
  /** The latest earlier week with any report (for "terakhir minggu ke-"), when there is no own report. */
  lastWeek?: WeekKey | undefined;
  standing?: Standing | undefined;
  /** The newest figures that do not stand, and why. */
  setAside?: { week: WeekKey; reason: SetAsideReason } | undefined;
  /** What stood the week before (for an area's change over the same units). */
  previous?: Standing | undefined;
  /** The unit's own report of the week just before the standing figures' week, when it stands (a unit's change). */
  before?: Standing | undefined;
  /** Figures too old to stand (older than CARRY_FORWARD_WEEKS): shown in the unit's own view only, marked. */
  tooOld?: Standing | undefined;
  /** The baseline of the standing figures' year (or of the week's year without figures). */
  baseline?: Baseline | undefined;
  /** Participants / workforce, exact: only with standing figures and a baseline (never for a province government). */
  coverage?: Share | undefined;
  formal?: Share | undefined;
  informal?: Share | undefined;
  /** The unit's target in basis points, and the gap (hundredths of a point) between the shown coverage and it. */
  targetBp?: number | undefined;
  /** Where that target comes from: its series' source and reference (the scope's main target, /target). */
  target?: TargetRef | undefined;
  gapHundredths?: number | undefined;
  pace?: Pace | undefined;
  nonAsn?: NonAsnCoverage | undefined;
  demo: boolean;
}

/** How many reporting units of an area (kab/kota and province governments) reported a week. Completeness counts these. */
export interface ReportingCounts {
  units: number;
  reported: number;
  onTime: number;
  late: number;
  noData: number;
  awaiting: number;
  returned: number;
  missing: number;
}

/** The change of an area since the week before, over the kab/kota counted in both weeks (never a change of who reported). */
export interface SameUnitsChange {
  fromWeek: WeekKey;
  units: number;
  participants: number;
  /** Shown coverage (tenths of a percent) of those units in each week, when they all have a workforce. */
  fromTenths?: number | undefined;
  toTenths?: number | undefined;
  /** The counted kab/kota are the same in both weeks (the area's own figures are comparable as they stand). */
  sameSet: boolean;
}

/** A province (from its kab/kota) or the nation (from every kab/kota) in one week. Coverage counts kab/kota. */
export interface AreaWeek {
  scope: Unit | 'national';
  week: WeekKey;
  /** The kab/kota of the area. */
  members: UnitWeek[];
  /** The province governments of the area (one for a province, 38 for the nation): they report non-ASN only. */
  governments: UnitWeek[];
  /** Nationally: each province as an area. */
  provinces?: AreaWeek[] | undefined;
  /** Kab/kota whose figures stand this week (counted in participants). */
  counted: number;
  /** Of the counted, those with a workforce baseline: the units of the coverage's numerator and denominator. */
  coverageMembers: number;
  stale: number;
  /** Counted figures no coordinator has verified yet (UNVERIFIED_IN_TOTALS=count). */
  unverifiedCounted: number;
  /** Kab/kota whose newest figures were left out (returned, unverified under `exclude`, too old). */
  setAside: Record<SetAsideReason, number>;
  participants: number;
  segments: Record<ParticipantField, number>;
  coverage?: Share | undefined;
  /** The coverage's workforce as a share of the area's workforce (all kab/kota's, or the area's own baseline). */
  workforceShare?: Share | undefined;
  /** The area's whole workforce, and where it comes from (the sum of every kab/kota's, or the area's own estimate). */
  areaWorkforce?: { value: number; basis: 'members' | 'own' } | undefined;
  /** The province's own baseline (Sakernas at province level): carries its target; shown, never a denominator. */
  ownBaseline?: Baseline | undefined;
  /** Every kab/kota counted with a workforce: the figure is final for the week, not "sementara". */
  complete: boolean;
  targetBp?: number | undefined;
  target?: TargetRef | undefined;
  /** Only for a complete area (a partial figure is not compared with the area's target). */
  gapHundredths?: number | undefined;
  /** Only for a complete area: a partial one's shortfall would be made up by the units that did not report. */
  pace?: Pace | undefined;
  change?: SameUnitsChange | undefined;
  /** Non-ASN of the province government's own report (a province), summed over the units that report it (the nation). */
  nonAsn?: NonAsnCoverage | undefined;
  /** Non-ASN summed over every unit of the area with standing non-ASN figures (kab/kota and governments). */
  nonAsnSum?: NonAsnCoverage | undefined;
  reporting: ReportingCounts;
  demo: boolean;
}

/** One week of a scope's series. */
export interface SeriesPoint {
  week: WeekKey;
  participants: number;
  /** The scope's kab/kota (M of "N dari M"). */
  members: number;
  counted: number;
  coverageMembers: number;
  coverage?: Share | undefined;
  workforceShare?: Share | undefined;
  targetBp?: number | undefined;
  /** The counted kab/kota differ from the week before's: the line is broken here, never joined across. */
  compositionChanged: boolean;
  reporting: ReportingCounts;
}

/** A series' change from its first to its last week with coverage, over the kab/kota counted in both. */
export interface SeriesChange {
  fromWeek: WeekKey;
  toWeek: WeekKey;
  units: number;
  fromTenths: number;
  toTenths: number;
  /** The same kab/kota throughout: the line's own ends may be compared. */
  sameSet: boolean;
}

/** A row of the Tren sheet: a unit in a week, its own report of that week (if any). */
export interface TrendRow {
  unit: Unit;
  week: WeekKey;
  status: ReportStatus;
  figures?: Figures | undefined;
  participants?: number | undefined;
  workforce?: number | undefined;
  coverage?: Share | undefined;
  revisions: number;
  verification?: VerificationState | undefined;
  noData?: string | undefined;
  demo: boolean;
}

/** A scope over a period: its last week in full, the series of every week, and (for the spreadsheet) the long rows. */
export interface ScopeReport {
  scope: Scope;
  period: Period;
  week: WeekKey;
  /** The last week: an area, or a single unit. */
  area?: AreaWeek | undefined;
  unit?: UnitWeek | undefined;
  series: SeriesPoint[];
  seriesChange?: SeriesChange | undefined;
  trend: TrendRow[];
  demo: boolean;
}

/** A report awaiting a coordinator's decision: its latest revision, who sent it and when, its change. */
export interface AwaitingReport {
  unit: Unit;
  week: WeekKey;
  rev: number;
  by: string;
  at: Date;
  late: boolean;
  participants?: number | undefined;
  change?: number | undefined;
}
