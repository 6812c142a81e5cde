import { describe, expect, it } from 'vitest';
import { countdownIn, countdownText } from '../../src/messages/when.js';

// A session on Friday 27 November 2026 at 09.00 WIB (10.00 WITA, 11.00 WIT); the scheduler's tick lands a few
// seconds after each reminder's due time (issue 23.18).
const AT = new Date('2026-11-27T02:00:00Z');
const at = (iso: string) => AT.getTime() - Date.parse(iso);

describe('the time left, as a person says it', () => {
  it.each([
    ['2026-11-24T02:00:07Z', 'WIB', '3 hari lagi'],
    ['2026-11-24T01:59:53Z', 'WIB', '3 hari lagi'],
    ['2026-11-26T02:00:07Z', 'WIB', 'besok, pukul 09.00 WIB'],
    ['2026-11-26T02:00:07Z', 'WITA', 'besok, pukul 10.00 WITA'],
    ['2026-11-26T02:00:07Z', 'WIT', 'besok, pukul 11.00 WIT'],
    ['2026-11-26T16:30:00Z', 'WIB', 'besok, pukul 09.00 WIB'],
    ['2026-11-26T17:30:00Z', 'WIB', 'hari ini, pukul 09.00 WIB'],
    // 18.00 WIT on Thursday 26 is 01.00 WIB Friday: the same day in WIB and WITA, tomorrow in WIT.
    ['2026-11-26T18:00:00Z', 'WIB', 'hari ini, pukul 09.00 WIB'],
    ['2026-11-26T14:00:00Z', 'WIT', 'besok, pukul 11.00 WIT'],
    ['2026-11-27T01:00:07Z', 'WIB', '1 jam lagi'],
    ['2026-11-27T00:30:00Z', 'WIB', '1 jam 30 menit lagi'],
    ['2026-11-27T01:30:04Z', 'WIB', '30 menit lagi'],
    ['2026-11-27T01:55:30Z', 'WIB', '5 menit lagi'],
    ['2026-11-27T01:59:45Z', 'WIB', 'kurang dari 1 menit lagi'],
  ])('at %s in %s: %s', (now, zone, expected) => {
    expect(countdownIn(at(now), AT, zone)).toBe(expected);
  });

  it('rounds, without a zone (an item stored before slots named one), to hours or days', () => {
    expect(countdownText(at('2026-11-24T02:00:07Z'))).toBe('3 hari lagi');
    expect(countdownText(at('2026-11-26T02:00:07Z'))).toBe('1 hari lagi');
    expect(countdownText(at('2026-11-27T01:00:07Z'))).toBe('1 jam lagi');
  });
});
