import { NONASN_PROGRAMMES, PARTICIPANT_FIELDS, type Figures, type ParticipantField } from './figures.js';

/**
 * The pieces of coverage that belong to one report's figures. How figures stand for a unit and add up for an area
 * (carry-forward, set-aside, partial areas, rounding) is the read side's (src/queries/).
 */

/** A report older than this many weeks is flagged as out of date. */
export const STALE_AFTER_WEEKS = 2;

export type Programme = (typeof NONASN_PROGRAMMES)[number];

export interface NonAsnCoverage {
  total: number;
  programmes: Record<Programme, { count: number; pct: number | undefined }>;
}

const percentOf = (part: number, whole: number | undefined): number | undefined =>
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
