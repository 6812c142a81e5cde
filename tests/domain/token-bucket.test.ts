import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from '../../src/domain/token-bucket.js';

describe('token buckets (flood control and outbox pacing count with one)', () => {
  it('gives a burst, then one token per refill interval, per key', () => {
    const b = createTokenBuckets({ burst: 3, refillPerMs: 1 / 1000 });
    expect([b.take(1, 0), b.take(1, 0), b.take(1, 0), b.take(1, 0)]).toEqual([true, true, true, false]);
    expect(b.take(2, 0)).toBe(true);
    expect(b.readyAt(1, 0)).toBe(1000);
    expect(b.take(1, 999)).toBe(false);
    expect(b.take(1, 1000)).toBe(true);
    expect(b.take(1, 10_000)).toBe(true);
  });

  it('lets a spend go below zero, so the next token comes later', () => {
    const b = createTokenBuckets({ burst: 1, refillPerMs: 1 / 1000 });
    b.spend(7, 0);
    b.spend(7, 0);
    expect(b.readyAt(7, 0)).toBe(2000);
  });
});
