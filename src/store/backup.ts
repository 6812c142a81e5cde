import { join, relative } from 'node:path';
import { createNodeFileLayer, makeDir, replaceFile, type FileLayer } from './file-layer.js';
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
/**
 * Links (or copies) every file of `from` under `to`. Append-only files (`*.jsonl`: report years, audit days, promises)
 * are linked too, and their length at that moment is returned: the backup holds their first `length` bytes, whatever
 * is appended to the live file (the same inode) afterwards. `copyAppended`: copy those files instead, cut to `lengths`
 * (a restore must not share an inode with the backup it comes from).
 */
async function linkTree(
  fs: FileLayer,
  from: string,
  to: string,
  top: boolean,
  options: { base?: string; copyAppended?: { lengths: Record<string, number> } } = {},
  lengths: Record<string, number> = {},
): Promise<Record<string, number>> {
  const base = options.base ?? from;
  await fs.mkdir(to);
  const files: Array<{ source: string; target: string; rel: string }> = [];
  for (const entry of await fs.readdir(from)) {
    if (entry.name.startsWith('.')) continue;
    if (top && (entry.name === BACKUP_DIR || entry.name === LOCK_FILE || entry.name === LENGTHS_FILE)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(fs, source, target, false, { ...options, base }, lengths);
    else if (entry.isFile()) files.push({ source, target, rel: relative(base, source).split('\\').join('/') });
  }
  for (const f of files) {
    const appended = f.rel.endsWith('.jsonl');
    if (appended && options.copyAppended) {
      await copyPrefix(fs, f.source, f.target, options.copyAppended.lengths[f.rel]);
      continue;
    }
    // Linked synchronously: a link and a stat are a few microseconds each, far less than a trip through libuv's
    // thread pool, so thousands of report files take tens of milliseconds (the event loop waits that long, once a day).
    linkOrCopySync(fs, f.source, f.target);
    if (appended) lengths[f.rel] = fs.sizeSync(f.target);
  }
  // With fsync on, the folder's names are on disk before the backup (or restore) is renamed into place: a power cut
  // must never leave a complete-looking backup with files missing.
  if (fs.fsync) await fs.syncDir(to);
  return lengths;
}
/** In a backup: the length of each append-only file when it was taken. */
export const LENGTHS_FILE = 'lengths.json';

function linkOrCopySync(fs: FileLayer, source: string, target: string): void {
  try {
    fs.linkSync(source, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw e;
    fs.copyFileSync(source, target);
  }
}

/** A new file with the first `length` bytes of `source` (all of it without a length: a backup of an older version). */
async function copyPrefix(fs: FileLayer, source: string, target: string, length: number | undefined): Promise<void> {
  const bytes = await fs.readFile(source);
  await fs.writeFile(target, length === undefined ? bytes : bytes.subarray(0, length));
  if (fs.fsync) await fs.syncFile(target);
}

/** The lengths a backup recorded for its append-only files (none for backups of earlier versions). */
export async function backupLengths(backupDir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })): Promise<Record<string, number>> {
  const text = await fs
    .readFile(join(backupDir, LENGTHS_FILE))
    .then((b) => b.toString('utf8'))
    .catch(() => undefined);
  if (text === undefined) return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
}

/** The complete backups, oldest first. */
export async function listBackups(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })): Promise<string[]> {
  const names = (await fs.readdir(join(dir, BACKUP_DIR)).catch(() => [])).map((e) => e.name);
  return names.filter((n) => COMPLETE.test(n)).sort();
}

/**
 * Takes a backup into backups/<UTC stamp>/ and keeps the newest `keep` complete ones. It is written under a
 * temporary name and renamed only when whole: a start that fails half-way (a full disk) leaves no folder that
 * rotation would count as a backup and delete a good one for. Partial folders of earlier failures are removed.
 */
export async function backupDataDir(dir: string, at: Date, keep: number, fs: FileLayer = createNodeFileLayer({ fsync: false })): Promise<string> {
  const root = join(dir, BACKUP_DIR);
  await makeDir(fs, root);
  for (const { name } of await fs.readdir(root)) {
    if (name.startsWith(PARTIAL_PREFIX)) await fs.rm(join(root, name), { recursive: true, force: true });
  }
  const stamp = stampOf(at);
  const target = join(root, stamp);
  const partial = join(root, `${PARTIAL_PREFIX}${stamp}`);
  try {
    const lengths = await linkTree(fs, dir, partial, true);
    await replaceFile(fs, join(partial, LENGTHS_FILE), JSON.stringify(lengths));
    await fs.rename(partial, target);
    if (fs.fsync) await fs.syncDir(root);
  } catch (e) {
    await fs.rm(partial, { recursive: true, force: true });
    // Two backups within one second: the first stands.
    if ((e as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const all = await listBackups(dir, fs);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    await fs.rm(join(root, old), { recursive: true, force: true });
  }
  return target;
}

/**
 * Puts a backup back: the data files named in it replace the current ones (each by rename, so a crash leaves every
 * file whole), and current files the backup does not have are moved aside into backups/.replaced-<stamp>/. The store
 * must be closed (no bot running).
 */
export async function restoreBackup(dir: string, stamp: string, at: Date, fs: FileLayer = createNodeFileLayer({ fsync: false })): Promise<void> {
  const source = join(dir, BACKUP_DIR, stamp);
  if (!COMPLETE.test(stamp) || !(await listBackups(dir, fs)).includes(stamp)) throw new Error(`no complete backup ${stamp}`);
  const aside = join(dir, BACKUP_DIR, `.replaced-${stampOf(at)}`);
  for (const { name } of await fs.readdir(dir)) {
    if (name.startsWith('.') || name === BACKUP_DIR || name === LOCK_FILE) continue;
    await fs.mkdir(aside);
    await fs.rename(join(dir, name), join(aside, name));
  }
  // Links again: every later write replaces a restored file by rename, so the backup itself stays as it was. The
  // append-only files are copied, cut to the length they had when the backup was taken.
  const staging = join(dir, BACKUP_DIR, `.restoring-${stamp}`);
  await fs.rm(staging, { recursive: true, force: true });
  await linkTree(fs, source, staging, true, { copyAppended: { lengths: await backupLengths(source, fs) } });
  for (const { name } of await fs.readdir(staging)) await fs.rename(join(staging, name), join(dir, name));
  await fs.rm(staging, { recursive: true, force: true });
}
