import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_FILE } from './lock.js';

export const BACKUP_DIR = 'backups';
/** A backup being written; renamed to its stamp only when complete. */
const PARTIAL_PREFIX = '.partial-';
const COMPLETE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/;

const stampOf = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');

/**
 * Every store write replaces its file by rename, never in place, so a hard link keeps the version it was taken of:
 * a backup is a folder of links, taken in milliseconds and costing only directory entries. Where a link is not
 * possible (another file system, a file system without links) the file is copied.
 */
async function linkTree(from: string, to: string, top: boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  const files: Array<{ source: string; target: string; name: string }> = [];
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (top && (entry.name === BACKUP_DIR || entry.name === LOCK_FILE)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target, false);
    else if (entry.isFile()) files.push({ source, target, name: entry.name });
  }
  // A folder's files are linked a batch at a time: thousands of report files in well under 100 ms.
  for (let i = 0; i < files.length; i += LINK_BATCH) {
    await Promise.all(files.slice(i, i + LINK_BATCH).map((f) => linkOrCopy(f.source, f.target, f.name)));
  }
}

const LINK_BATCH = 64;

async function linkOrCopy(source: string, target: string, name: string): Promise<void> {
  // Appended in place, not replaced: a link would grow with the live file, so a recent one is copied.
  if (await isAppendedTo(source, name)) return copyFile(source, target);
  await link(source, target).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOSPC' || e.code === 'EDQUOT') throw e;
    await copyFile(source, target);
  });
}

/** Audit days (`*.jsonl`) are appended to, not replaced; one written to in the last week may still grow. */
const APPEND_WINDOW_MS = 7 * 24 * 3600_000;
async function isAppendedTo(path: string, name: string): Promise<boolean> {
  if (!name.endsWith('.jsonl')) return false;
  return Date.now() - (await stat(path)).mtimeMs < APPEND_WINDOW_MS;
}

/** The complete backups, oldest first. */
export async function listBackups(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, BACKUP_DIR)).catch(() => [] as string[]);
  return names.filter((n) => COMPLETE.test(n)).sort();
}

/**
 * Takes a backup into backups/<UTC stamp>/ and keeps the newest `keep` complete ones. It is written under a
 * temporary name and renamed only when whole: a start that fails half-way (a full disk) leaves no folder that
 * rotation would count as a backup and delete a good one for. Partial folders of earlier failures are removed.
 */
export async function backupDataDir(dir: string, at: Date, keep: number): Promise<string> {
  const root = join(dir, BACKUP_DIR);
  await mkdir(root, { recursive: true });
  for (const name of await readdir(root)) {
    if (name.startsWith(PARTIAL_PREFIX)) await rm(join(root, name), { recursive: true, force: true });
  }
  const stamp = stampOf(at);
  const target = join(root, stamp);
  const partial = join(root, `${PARTIAL_PREFIX}${stamp}`);
  try {
    await linkTree(dir, partial, true);
    await rename(partial, target);
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    // Two backups within one second: the first stands.
    if ((e as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const all = await listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    await rm(join(root, old), { recursive: true, force: true });
  }
  return target;
}

/**
 * Puts a backup back: the data files named in it replace the current ones (each by rename, so a crash leaves every
 * file whole), and current files the backup does not have are moved aside into backups/.replaced-<stamp>/. The store
 * must be closed (no bot running).
 */
export async function restoreBackup(dir: string, stamp: string, at: Date): Promise<void> {
  const source = join(dir, BACKUP_DIR, stamp);
  if (!COMPLETE.test(stamp) || !(await listBackups(dir)).includes(stamp)) throw new Error(`no complete backup ${stamp}`);
  const aside = join(dir, BACKUP_DIR, `.replaced-${stampOf(at)}`);
  for (const entry of await readdir(dir)) {
    if (entry.startsWith('.') || entry === BACKUP_DIR || entry === LOCK_FILE) continue;
    await mkdir(aside, { recursive: true });
    await rename(join(dir, entry), join(aside, entry));
  }
  // Links again: every later write replaces a restored file by rename, so the backup itself stays as it was.
  const staging = join(dir, BACKUP_DIR, `.restoring-${stamp}`);
  await rm(staging, { recursive: true, force: true });
  await linkTree(source, staging, false);
  for (const entry of await readdir(staging)) await rename(join(staging, entry), join(dir, entry));
  await rm(staging, { recursive: true, force: true });
}
