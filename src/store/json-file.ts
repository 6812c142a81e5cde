import { readFile } from 'node:fs/promises';
import { Low } from 'lowdb';
import { DataFile, JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { StoreCorruptError } from './errors.js';

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
 * Opens one lowdb file, validated with zod. lowdb is constructed explicitly (never JSONFilePreset, which silently
 * keeps data in memory under NODE_ENV=test). Its writer (steno) writes a temporary file and renames it, so a write
 * is atomic. A file that does not parse or validate is refused and never written to.
 */
export async function openJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  defaults: () => z.infer<S>,
  /** Written without indentation: for the files a save rewrites (report files), where bytes are time. */
  options: { compact?: boolean } = {},
): Promise<{ db: Low<z.infer<S>>; existed: boolean }> {
  let raw: string | undefined;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new StoreCorruptError(path, { kind: 'unreadable', detail: (e as Error).message });
    }
  }
  const adapter = options.compact
    ? new DataFile<z.infer<S>>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) })
    : new JSONFile<z.infer<S>>(path);
  const db = new Low<z.infer<S>>(adapter, defaults());
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
