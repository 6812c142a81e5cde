/**
 * Exact shares and the one rounding every view uses. People are integers; a coverage is the share num / den of two
 * integers, kept exact until it is shown; a target is held in basis points (hundredths of a percent), so that
 * `ceil(target x workforce)` is integer arithmetic with no floating-point error (0,55 x 104.000 is 57.200, not 57.201).
 */

/** num / den, both non-negative integers, den > 0. */
export interface Share {
  num: number;
  den: number;
}

export const shareOf = (num: number, den: number | undefined): Share | undefined => (den !== undefined && den > 0 ? { num, den } : undefined);

/**
 * A share in tenths of a percent, rounded half up once, exactly: 0,4145 -> 415 (41,5%). Integer arithmetic: num x 2000
 * stays far below 2^53 for any headcount in Indonesia, and the quotient is never within a float's error of an integer
 * it is not (its distance is at least 1 / (2 x den)).
 */
export const tenthsOf = (s: Share): number => Math.floor((s.num * 2000 + s.den) / (2 * s.den));

/** The shown percentage (one decimal) as a number: 41.5 for 0,4145. Charts and spreadsheets use this value. */
export const shownPct = (s: Share): number => tenthsOf(s) / 10;

/** A percentage as basis points: 55 -> 5500, 32.15 -> 3215 (targets are entered with at most two decimals). */
export const basisPointsOf = (pct: number): number => Math.round(pct * 100);

/** Participants a target asks for: ceil(bp x workforce / 10.000), in integers. */
export const targetParticipants = (bp: number, workforce: number): number => Math.floor((bp * workforce + 9_999) / 10_000);

/** Hundredths of a point between a target (bp) and a shown coverage (tenths): what a reader gets by subtracting. */
export const gapHundredths = (targetBp: number, coverageTenths: number): number => coverageTenths * 10 - targetBp;

/** Integer division rounded half away from zero (a recent weekly pace of 1.207,5 is shown as 1.208). */
export const roundDiv = (num: number, den: number): number => (num >= 0 ? Math.floor((2 * num + den) / (2 * den)) : -Math.floor((-2 * num + den) / (2 * den)));

/** Integer division rounded up (participants needed per week: never promise less than is needed). */
export const ceilDiv = (num: number, den: number): number => (num <= 0 ? 0 : Math.floor((num + den - 1) / den));
