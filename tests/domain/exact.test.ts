import { describe, expect, it } from 'vitest';
import { basisPointsOf, ceilDiv, gapHundredths, roundDiv, shownPct, targetParticipants, tenthsOf } from '../../src/domain/exact.js';
import { formatBasisPoints, formatHundredthsPoints, formatShare, formatTenthsChange } from '../../src/domain/format.js';
import { paceToTarget } from '../../src/domain/pace.js';

describe('exact shares, rounded once', () => {
  it('round half up on the exact value, not on a float (0,4145 is 41,5%, as a spreadsheet shows it)', () => {
    expect(tenthsOf({ num: 4145, den: 10_000 })).toBe(415);
    expect(tenthsOf({ num: 4144, den: 10_000 })).toBe(414);
    expect(formatShare({ num: 52_368, den: 104_000 })).toBe('50,4%');
    expect(shownPct({ num: 1, den: 3 })).toBe(33.3);
    // 189.742 / 573.239 = 33,0999...%: shown as 33,1% with one decimal.
    expect(formatShare({ num: 189_742, den: 573_239 })).toBe('33,1%');
  });

  it('hold targets as basis points, so ceil(target x workforce) has no floating-point error', () => {
    // 0,55 x 104.000 in floating point is 57.200,000000000007: ceil gave 57.201 and 1.209 a week instead of 1.208.
    expect(Math.ceil(0.55 * 104_000)).toBe(57_201);
    expect(targetParticipants(basisPointsOf(55), 104_000)).toBe(57_200);
    expect(basisPointsOf(32.15)).toBe(3215);
    expect(targetParticipants(3215, 1_000_001)).toBe(321_501);
    const pace = paceToTarget({ latest: { week: '2026-W48', participants: 52_368 }, history: [], workforce: 104_000, targetPct: 55, targetYear: 2026 });
    expect(pace.targetParticipants).toBe(57_200);
    expect(pace.shortfall).toBe(4_832);
    expect(pace.neededPerWeek).toBe(ceilDiv(4_832, pace.weeksLeft));
  });

  it('give a gap and a change that a reader gets by subtracting the shown figures', () => {
    // 50,4% shown against a 55,0% target: 4,6 points, whatever the unrounded difference (4,646...).
    expect(gapHundredths(5500, tenthsOf({ num: 52_368, den: 104_000 }))).toBe(-460);
    expect(formatHundredthsPoints(-460)).toBe('4,6 poin');
    expect(formatHundredthsPoints(95)).toBe('0,95 poin');
    expect(formatBasisPoints(3215)).toBe('32,15%');
    expect(formatBasisPoints(5500)).toBe('55,0%');
    // 32,1 - 25,8 is 6,3 points, never 6,4.
    expect(formatTenthsChange(321 - 258)).toBe('+6,3 poin');
  });

  it('round integer divisions as said: half away from zero, and up for what is needed', () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(roundDiv(4829, 4)).toBe(1207);
    expect(ceilDiv(4_832, 4)).toBe(1_208);
    expect(ceilDiv(0, 4)).toBe(0);
  });
});
