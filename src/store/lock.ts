import { hostname } from 'node:os';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreLockedError } from './errors.js';

export const LOCK_FILE = 'store.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process owns a data folder: two lowdb writers on one file lose writes. A lock left by a process that died is
 * taken over; a live owner is refused.
 */
export async function acquireLock(dir: string): Promise<{ release: () => Promise<void> }> {
  const path = join(dir, LOCK_FILE);
  const body = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, body, { flag: 'wx' });
      return { release: () => rm(path, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: { pid?: unknown; host?: unknown } = {};
      try {
        owner = JSON.parse(await readFile(path, 'utf8')) as typeof owner;
      } catch {
        // An unreadable lock file is a leftover of a crash while it was written.
      }
      const pid = typeof owner.pid === 'number' ? owner.pid : undefined;
      // Another host's lock cannot be checked, and our own pid means a second store in this process: both refused.
      const held = owner.host !== hostname() || pid === process.pid || (pid !== undefined && isAlive(pid));
      if (pid !== undefined && held) {
        throw new StoreLockedError(dir, pid);
      }
      await rm(path, { force: true });
    }
  }
  throw new StoreLockedError(dir, -1);
}
