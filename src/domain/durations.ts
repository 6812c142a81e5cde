import { err, ok, type Result } from './result.js';

/** An offset before an event, as operators write it: `3d`, `1d`, `2h`, `30m` (hari, jam, menit also work). */
export interface Offset {
  label: string;
  ms: number;
}

const UNITS: Record<string, number> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  hari: 86_400_000,
  jam: 3_600_000,
  menit: 60_000,
};

/** `3d,1d,1h` -> offsets, largest first. */
export type OffsetError = { kind: 'offset'; input: string };

export function parseOffsets(text: string): Result<Offset[], OffsetError> {
  const out: Offset[] = [];
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)\s*(d|h|m|hari|jam|menit)$/i.exec(raw);
    const factor = m ? UNITS[(m[2] ?? '').toLowerCase()] : undefined;
    if (!m || factor === undefined || Number(m[1]) === 0) {
      return err({ kind: 'offset', input: raw });
    }
    out.push({ label: `${Number(m[1])}${(m[2] ?? '').toLowerCase()[0] ?? ''}`, ms: Number(m[1]) * factor });
  }
  return ok(out.sort((a, b) => b.ms - a.ms));
}

/**
 * The one reminder to send now for an event at `at`: the latest offset whose moment has come, while the event has not.
 * When the bot was down through several moments, only the latest is sent (one reminder, not a burst of stale ones).
 */
export function dueOffset(offsets: readonly Offset[], at: number, now: number): Offset | undefined {
  if (now >= at) return undefined;
  let due: Offset | undefined;
  for (const o of offsets) if (at - o.ms <= now && (!due || o.ms < due.ms)) due = o;
  return due;
}

/**
 * The reminders an event at `at` will get from `now` on, as meetingJob sends them: the moments already past give one
 * reminder at the next tick (dueOffset), the others come at their time.
 */
export function reminderPlan(offsets: readonly Offset[], at: number, now: number): { atOnce: boolean; later: Offset[] } {
  if (now >= at) return { atOnce: false, later: [] };
  return { atOnce: offsets.some((o) => at - o.ms <= now), later: offsets.filter((o) => at - o.ms > now) };
}

/** `3 hari`, `1 jam`, `30 menit` */
export function describeOffset(o: Offset): string {
  if (o.ms % 86_400_000 === 0) return `${o.ms / 86_400_000} hari`;
  if (o.ms % 3_600_000 === 0) return `${o.ms / 3_600_000} jam`;
  return `${o.ms / 60_000} menit`;
}

/** A meeting's length: `2 jam`, `1,5 jam`, `90 menit`, `90`. Minutes, between 15 minutes and 12 hours. */
export type LengthError = 'format' | 'range';

export function parseMeetingLength(text: string): Result<number, LengthError> {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(jam|j|menit|mnt|m)?\s*$/i.exec(text);
  if (!m) return err('format');
  const n = Number((m[1] ?? '').replace(',', '.'));
  const unit = (m[2] ?? 'menit').toLowerCase();
  const minutes = Math.round(unit.startsWith('j') ? n * 60 : n);
  if (minutes < 15 || minutes > 12 * 60) return err('range');
  return ok(minutes);
}
