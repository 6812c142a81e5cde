import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_FILE } from './lock.js';

export const BACKUP_DIR = 'backups';

const stampOf = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');

/**
 * Copies every data file into backups/<UTC stamp>/ and keeps the newest `keep` copies. lowdb renames each file into
 * place, so every copied file is a whole version of itself.
 */
export async function backupDataDir(dir: string, at: Date, keep: number): Promise<string> {
  const root = join(dir, BACKUP_DIR);
  await mkdir(root, { recursive: true });
  const target = join(root, stampOf(at));
  for (const entry of await readdir(dir)) {
    if (entry === BACKUP_DIR || entry === LOCK_FILE || entry.startsWith('.')) continue;
    await cp(join(dir, entry), join(target, entry), {
      recursive: true,
      filter: (src) => !src.split('/').pop()?.startsWith('.'),
    });
  }
  await mkdir(target, { recursive: true });
  const all = (await readdir(root)).filter((n) => /^\d{4}-\d{2}-\d{2}T/.test(n)).sort();
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    await rm(join(root, old), { recursive: true, force: true });
  }
  return target;
}
