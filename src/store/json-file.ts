import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreCorruptError } from './errors.js';
import { replaceFile, type FileLayer } from './file-layer.js';

/** Writes the file; if the write fails, undoes the in-memory change, so memory never claims what disk lacks. */
export async function persist<T>(db: Low<T>, undo: () => void): Promise<void> {
  try {
    await db.write();
  } catch (e) {
    undo();
    throw e;
  }
}

/**
 * lowdb's adapter over the store's file layer: every write replaces the file through a temporary file and a rename
 * (fsynced with FSYNC=on, see replaceFile), one at a time per file. lowdb's own JSONFile (steno) renames without an
 * fsync, which a power cut can turn into an empty file under the new name; and it writes with the default mode.
 */
class LayerJsonFile<T> implements Adapter<T> {
  #queue: Promise<void> = Promise.resolve();
  constructor(
    private readonly fs: FileLayer,
    private readonly path: string,
    private readonly stringify: (data: T) => string,
  ) {}

  read(): Promise<T | null> {
    // openJsonFile reads and validates the file itself; lowdb's read() is never called on this adapter.
    return Promise.resolve(null);
  }

  write(data: T): Promise<void> {
    // Serialised now: the bytes are the data as it is at this call, whatever changes while earlier writes finish.
    const text = this.stringify(data);
    const next = this.#queue.then(() => replaceFile(this.fs, this.path, text));
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * Opens one lowdb file, validated with zod. lowdb is constructed explicitly (never JSONFilePreset, which silently
 * keeps data in memory under NODE_ENV=test). A write is atomic (a temporary file renamed into place). A file that
 * does not parse or validate is refused and never written to.
 */
export async function openJsonFile<S extends z.ZodType>(
  fs: FileLayer,
  path: string,
  schema: S,
  defaults: () => z.infer<S>,
  /** Written without indentation: for the files a save rewrites (report files), where bytes are time. */
  options: { compact?: boolean } = {},
): Promise<{ db: Low<z.infer<S>>; existed: boolean }> {
  let raw: string | undefined;
  try {
    raw = (await fs.readFile(path)).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new StoreCorruptError(path, { kind: 'unreadable', detail: (e as Error).message });
    }
  }
  const stringify = options.compact ? (data: z.infer<S>) => JSON.stringify(data) : (data: z.infer<S>) => JSON.stringify(data, null, 2);
  const db = new Low<z.infer<S>>(new LayerJsonFile(fs, path, stringify), defaults());
  if (raw === undefined) return { db, existed: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new StoreCorruptError(path, { kind: 'not_json', detail: (e as Error).message });
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.join('.') || '/' : '';
    throw new StoreCorruptError(path, { kind: 'schema', where, detail: issue?.message ?? '' });
  }
  db.data = checked.data;
  return { db, existed: true };
}
