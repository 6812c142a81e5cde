import { copyFileSync, linkSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/**
 * The store's only way to the disk: a handful of primitives, each one system call's worth, so that a test can put a
 * crash file system under the store (tests/helpers/crash-fs.ts keeps what was synced apart from what was only
 * written, and cuts the power between any two calls). The durability rules (what is fsynced, and when) live in the
 * store's code above this layer, never in it: the crash test judges that code, not its own double.
 */
export interface AppendHandle {
  /** Appends; returns the bytes written (a full disk can write fewer). */
  write(data: string): Promise<number>;
  datasync(): Promise<void>;
  close(): Promise<void>;
}

export interface DirEntry {
  name: string;
  isDirectory(): boolean;
  isFile(): boolean;
}

export interface FileLayer {
  /** Fsync the writes a report depends on (FSYNC=on): see the store's options. */
  readonly fsync: boolean;
  readFile(path: string): Promise<Buffer>;
  /** A file opened for appending, created readable by the bot's user only when missing. */
  openAppend(path: string): Promise<AppendHandle>;
  /** Writes a whole file (created 0600); `exclusive` fails with EEXIST when it exists. */
  writeFile(path: string, data: string | Uint8Array, options?: { exclusive?: boolean }): Promise<void>;
  /** fsync of a file by name (a temporary file before it is renamed into place). */
  syncFile(path: string): Promise<void>;
  /** fsync of a folder: the names created, renamed or removed in it survive a power cut. */
  syncDir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Creates the folder and its missing parents (0700); returns the first folder created, undefined if none was. */
  mkdir(path: string): Promise<string | undefined>;
  readdir(path: string): Promise<DirEntry[]>;
  truncate(path: string, length: number): Promise<void>;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
  /** Synchronous on purpose: a backup links thousands of files, and a trip through libuv's pool per file costs more. */
  linkSync(from: string, to: string): void;
  copyFileSync(from: string, to: string): void;
  sizeSync(path: string): number;
}

/** Files the bot creates are readable by its user only: they hold names, Telegram ids and roles (UU 27/2022). */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** The real file system. */
export function createNodeFileLayer(options: { fsync: boolean }): FileLayer {
  return {
    fsync: options.fsync,
    readFile: (path) => readFile(path),
    async openAppend(path) {
      const fh = await open(path, 'a', FILE_MODE);
      return {
        write: async (data) => (await fh.write(data)).bytesWritten,
        datasync: () => fh.datasync(),
        close: () => fh.close(),
      };
    },
    writeFile: (path, data, o = {}) => writeFile(path, data, { mode: FILE_MODE, flag: o.exclusive ? 'wx' : 'w' }),
    syncFile: (path) => syncByName(path, 'r+'),
    syncDir: (path) => syncByName(path, 'r'),
    rename: (from, to) => rename(from, to),
    mkdir: (path) => mkdir(path, { recursive: true, mode: DIR_MODE }),
    readdir: (path) => readdir(path, { withFileTypes: true }),
    truncate: (path, length) => truncate(path, length),
    rm: (path, o = {}) => rm(path, o),
    linkSync: (from, to) => linkSync(from, to),
    copyFileSync: (from, to) => copyFileSync(from, to),
    sizeSync: (path) => statSync(path).size,
  };
}

async function syncByName(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates a folder (and its parents). With fsync on, every folder that gained an entry is synced too: a file fsynced
 * in a new folder is lost to a power cut if the folder's own name is not on disk (reports/2027/ in its first week).
 */
export async function makeDir(fs: FileLayer, path: string): Promise<void> {
  const first = await fs.mkdir(path);
  if (first === undefined || !fs.fsync) return;
  const parents = [dirname(first)];
  const below = relative(first, path);
  let at = first;
  parents.push(at);
  for (const part of below === '' ? [] : below.split(sep)) {
    at = join(at, part);
    if (at !== path) parents.push(at);
  }
  for (const dir of parents) await fs.syncDir(dir);
}

/**
 * Replaces a whole file atomically: a temporary file beside it, renamed into place. With fsync on, the temporary
 * file is synced before the rename and the folder after it: otherwise a power cut can leave the new name pointing at
 * an empty file (the rename reached the disk, the data did not).
 */
export async function replaceFile(fs: FileLayer, path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${path.slice(dirname(path).length + 1)}.tmp`);
  await fs.writeFile(tmp, data);
  if (fs.fsync) await fs.syncFile(tmp);
  await fs.rename(tmp, path);
  if (fs.fsync) await fs.syncDir(dirname(path));
}
