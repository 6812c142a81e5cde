import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { StoreCorruptError } from './errors.js';
import { makeDir, type AppendHandle, type FileLayer } from './file-layer.js';
import { createLru } from './lru.js';

/** A file's bytes, or none for a file not written yet; any other failure is the store's problem, naming the file. */
export async function readOrEmpty(fs: FileLayer, path: string): Promise<Buffer> {
  return fs.readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return Buffer.alloc(0);
    throw new StoreCorruptError(path, { kind: 'unreadable', detail: e.message });
  });
}

/**
 * Where the whole lines of an append-only file end when its tail is torn (no newline after the last line, or a last
 * line that is not JSON); undefined when the file is whole.
 */
export function tornAt(bytes: Buffer): number | undefined {
  if (bytes.length === 0) return undefined;
  const end = bytes.lastIndexOf(0x0a);
  if (end + 1 < bytes.length) return end + 1;
  const lastStart = bytes.lastIndexOf(0x0a, end - 1) + 1;
  try {
    JSON.parse(bytes.subarray(lastStart, end).toString('utf8'));
    return undefined;
  } catch {
    return lastStart;
  }
}

/** Is the torn tail from `cut` made only of NUL bytes (a crash before the data reached the disk, not mid-append)? */
export function isZeroed(bytes: Buffer, cut: number): boolean {
  if (cut >= bytes.length) return false;
  for (let i = cut; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Every line of an append-only file, each parsed and checked; a line that does not is corruption, named by its number. */
export function parseJsonLines<S extends z.ZodType>(path: string, text: string, schema: S): Array<z.infer<S>> {
  const out: Array<z.infer<S>> = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line === '' && i === lines.length - 1) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      throw new StoreCorruptError(path, { kind: 'not_json', detail: `line ${i + 1}: ${(e as Error).message}` });
    }
    const checked = schema.safeParse(parsed);
    if (!checked.success) throw new StoreCorruptError(path, { kind: 'schema', where: `line ${i + 1}`, detail: checked.error.issues[0]?.message ?? '' });
    out.push(checked.data);
  }
  return out;
}

/** Where a torn line was set aside, and how long it was. */
export interface TornLine {
  file: string;
  keptAt: string;
  bytes: number;
  /** Only NUL bytes: lines never reached the disk (the whole file, when `whole`), not a line cut mid-way. */
  zeroed: boolean;
  whole: boolean;
}

/** The log line for a torn tail set aside: a NUL-filled one is said loudly, for lines were lost. */
export function tornMessage(torn: TornLine, what: string): string {
  if (!torn.zeroed) return `torn ${what} line set aside`;
  return torn.whole
    ? `${what} file was all NUL bytes (its data never reached the disk before a crash): set aside, the file now reads as empty; restore it from a backup`
    : `${what} file ended in NUL bytes (its last lines never reached the disk before a crash): set aside; compare with a backup`;
}

/**
 * An append-only file of JSON lines can end with a torn line after a crash (or a full disk) mid-append: no newline, or
 * bytes that do not parse. The tail after the last whole line is moved to `asideDir` and the file cut back to it;
 * earlier lines are never touched. Returns what was set aside, if anything.
 */
export async function mendTail(fs: FileLayer, path: string, asideDir: string): Promise<TornLine | undefined> {
  const bytes = await fs.readFile(path).catch(() => Buffer.alloc(0));
  const cut = tornAt(bytes);
  if (cut === undefined) return undefined;
  const torn = bytes.subarray(cut);
  await makeDir(fs, asideDir);
  const keptAt = join(asideDir, `${basename(dirname(path))}-${basename(path)}-${Date.now()}.txt`);
  await fs.writeFile(`${keptAt}.tmp`, torn);
  // The torn bytes are safe in their own file before the live file is cut: a power cut in between loses nothing.
  if (fs.fsync) await fs.syncFile(`${keptAt}.tmp`);
  await fs.rename(`${keptAt}.tmp`, keptAt);
  if (fs.fsync) await fs.syncDir(asideDir);
  await fs.truncate(path, cut);
  return { file: path, keptAt, bytes: torn.length, zeroed: isZeroed(bytes, cut), whole: cut === 0 && isZeroed(bytes, 0) };
}

/**
 * Appends one line to a file, durable or not. A failed append (a full disk can write part of a line) marks the file,
 * and the next append to it first cuts the partial line off, so it can never glue onto the next one.
 */
export function createAppender(options: {
  fs: FileLayer;
  fsync: boolean;
  asideDir: string;
  log?: ((message: string, fields: Record<string, unknown>) => void) | undefined;
  /** Files kept open for appending, most recently used last (an open and a close per line cost more than the line). */
  maxOpen?: number;
}) {
  const dirty = new Set<string>();
  const handles = createLru<AppendHandle>({
    max: options.maxOpen ?? 256,
    load: (path) => options.fs.openAppend(path),
    onEvict: (handle) => void handle.then((fh) => fh.close()).catch(() => undefined),
  });

  async function append(path: string, line: string): Promise<void> {
    if (dirty.has(path)) {
      const torn = await mendTail(options.fs, path, options.asideDir);
      if (torn) options.log?.(tornMessage(torn, 'appended'), { file: torn.file, keptAt: torn.keptAt, bytes: torn.bytes });
      dirty.delete(path);
    }
    try {
      const handle = await handles.get(path);
      const bytesWritten = await handle.write(line);
      if (bytesWritten !== Buffer.byteLength(line)) throw Object.assign(new Error(`short write to ${path}`), { code: 'EIO' });
      if (options.fsync) await handle.datasync();
    } catch (e) {
      dirty.add(path);
      throw e;
    }
  }

  /** Closes every file kept open (at shutdown). */
  async function close(): Promise<void> {
    for (const h of handles.clear()) await h.then((fh) => fh.close()).catch(() => undefined);
  }

  return { append, close };
}
