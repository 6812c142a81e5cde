/**
 * Token buckets, one per key: `burst` at once, then refilled at `refillPerMs`. Pure: the caller passes the time. The
 * bot's flood control (per person) and the outbox's pacing (per private chat) both count with it.
 */
export function createTokenBuckets(options: { burst: number; refillPerMs: number }) {
  const buckets = new Map<number, { tokens: number; at: number }>();
  const level = (key: number, now: number): number => {
    const b = buckets.get(key);
    return b ? Math.min(options.burst, b.tokens + (now - b.at) * options.refillPerMs) : options.burst;
  };
  return {
    /** Takes a token if there is one; false (and nothing taken) if the bucket is empty. */
    take(key: number, now: number): boolean {
      const tokens = level(key, now);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return false;
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      return true;
    },
    /** Records a use even when the bucket is empty (it goes below zero and refills from there). */
    spend(key: number, now: number): void {
      buckets.set(key, { tokens: level(key, now) - 1, at: now });
    },
    /** When the next token is there. */
    readyAt(key: number, now: number): number {
      const tokens = level(key, now);
      return tokens >= 1 ? now : now + (1 - tokens) / options.refillPerMs;
    },
  };
}
