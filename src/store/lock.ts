import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreLockedError } from './errors.js';

export const LOCK_FILE = 'store.lock';
/** The owner touches its lock this often, so a lock written elsewhere can be judged by its age. */
export const LOCK_HEARTBEAT_MS = 10_000;
/** A lock not touched for this long has no living owner (six missed heartbeats). */
export const LOCK_STALE_MS = 60_000;

/** What a lock file says of its owner. Older locks have only pid and host. */
interface LockOwner {
  pid?: number;
  host?: string;
  /** The kernel's boot id: a pid from another boot is not this boot's process. */
  bootId?: string;
  /** The owner's start time in clock ticks since boot: PID 1 of a restarted container is a new process. */
  startTime?: string;
  instance?: string;
}

const readProc = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
};

const bootId = (): string | undefined => readProc('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/<pid>/stat; the process name before it may hold spaces and brackets. */
function startTimeOf(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type LockVerdict = { held: true; why: 'same_process' | 'alive' | 'fresh'; ageMs: number } | { held: false };

/**
 * Is the owner of a lock still there? On this machine and boot, a pid is checked together with its start time (PID 1
 * of a restarted container, or a pid reused after a crash, is another process). A lock from another host (a new pod
 * on the same volume), or one too old to say, is judged by its heartbeat: untouched for LOCK_STALE_MS means no owner.
 */
export function judgeLock(owner: LockOwner, ageMs: number, self = selfIdentity()): LockVerdict {
  const sameHost = owner.host === self.host;
  const sameBoot = owner.bootId === undefined || self.bootId === undefined || owner.bootId === self.bootId;
  if (sameHost && !sameBoot) return { held: false };
  const fresh = ageMs < LOCK_STALE_MS;
  if (sameHost && owner.pid !== undefined) {
    if (owner.pid === process.pid && (owner.startTime === undefined || owner.startTime === self.startTime)) {
      return { held: true, why: 'same_process', ageMs };
    }
    if (!isAlive(owner.pid)) return { held: false };
    if (owner.startTime !== undefined) {
      const now = startTimeOf(owner.pid);
      if (now !== undefined) return now === owner.startTime ? { held: true, why: 'alive', ageMs } : { held: false };
    }
  }
  return fresh ? { held: true, why: 'fresh', ageMs } : { held: false };
}

function selfIdentity() {
  return { host: hostname(), bootId: bootId(), startTime: startTimeOf(process.pid) };
}

/**
 * One process owns a data folder: two lowdb writers on one file lose writes. The lock names its owner well enough
 * to tell, after a crash, whether that owner is gone (see judgeLock), and is touched every LOCK_HEARTBEAT_MS.
 */
export async function acquireLock(dir: string): Promise<{ release: () => Promise<void> }> {
  const path = join(dir, LOCK_FILE);
  const self = selfIdentity();
  const instance = randomBytes(8).toString('hex');
  const body = JSON.stringify({ pid: process.pid, ...self, instance, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, body, { flag: 'wx', mode: 0o600 });
      const heartbeat = setInterval(() => {
        const now = new Date();
        utimes(path, now, now).catch(() => undefined);
      }, LOCK_HEARTBEAT_MS);
      heartbeat.unref();
      return {
        release: async () => {
          clearInterval(heartbeat);
          // Only our own lock: never remove one another process took over.
          const current = await readFile(path, 'utf8').catch(() => '');
          if (current === body) await rm(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        // Created but not written (a full disk): an empty lock must not block the next start.
        await rm(path, { force: true }).catch(() => undefined);
        throw e;
      }
      let owner: LockOwner;
      try {
        owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
      } catch {
        // An unreadable lock file is a leftover of a crash while it was written: no owner.
        await rm(path, { force: true });
        continue;
      }
      const ageMs = Date.now() - (await stat(path).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
      const verdict = judgeLock(owner, ageMs, self);
      if (verdict.held) {
        throw new StoreLockedError(dir, { pid: owner.pid, host: owner.host, why: verdict.why, ageMs: verdict.ageMs, staleAfterMs: LOCK_STALE_MS });
      }
      await rm(path, { force: true });
    }
  }
  throw new StoreLockedError(dir, { why: 'fresh', ageMs: 0, staleAfterMs: LOCK_STALE_MS });
}
