import type { ReportsRepo } from './reports-repo.js';

export interface WarmUpResult {
  /** Year files read. */
  files: number;
  ms: number;
  /** Growth of the JavaScript heap while warming (what the files hold in memory). */
  heapGrowthMb: number;
  stopped: boolean;
}

/** Gives the event loop its turn: whatever came in (an update, an answer's I/O) runs before the next file. */
const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Reads the year files of `years` for every unit ahead of use, in the background after the bot's first poll, so
 * that a first answer (a unit's /cakupan, the national view) finds them in memory. Paced: one file, then the event
 * loop's turn, so no answer waits behind more than one file's read. `stop()` ends it between files (at shutdown).
 */
export function warmUpReports(reports: Pick<ReportsRepo, 'warm'>, unitCodes: readonly string[], years: readonly number[], clock: () => number) {
  let stopping = false;
  const done = (async (): Promise<WarmUpResult> => {
    const start = clock();
    const heapBefore = process.memoryUsage().heapUsed;
    let files = 0;
    for (const year of years) {
      for (const code of unitCodes) {
        if (stopping) break;
        await yieldTurn();
        // A file that does not read fails the answers that need it, as without the warm-up; the rest are warmed.
        if (await reports.warm(code, year).catch(() => false)) files++;
      }
    }
    return { files, ms: clock() - start, heapGrowthMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, stopped: stopping };
  })();
  return {
    done,
    stop(): Promise<WarmUpResult> {
      stopping = true;
      return done;
    },
  };
}
