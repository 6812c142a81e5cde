import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { openJsonFile, persist } from './json-file.js';
import { AuditFileSchema, type AuditAction, type AuditEntry, type AuditFile } from './schema.js';

/**
 * Append-only audit trail, one file per UTC day so an append rewrites one day's entries, not the whole history.
 * Nothing here edits or deletes an entry.
 */
export async function createAuditRepo(dir: string) {
  const root = join(dir, 'audit');
  await mkdir(root, { recursive: true });
  const days = new Map<string, Promise<Low<AuditFile>>>();
  const fileOf = (day: string): Promise<Low<AuditFile>> => {
    let db = days.get(day);
    if (!db) {
      db = openJsonFile(join(root, `${day}.json`), AuditFileSchema, () => ({ entries: [] })).then((r) => r.db);
      db.catch(() => days.delete(day));
      days.set(day, db);
    }
    return db;
  };

  async function append(entry: AuditEntry): Promise<void> {
    const db = await fileOf(entry.at.slice(0, 10));
    db.data.entries.push(entry);
    await persist(db, () => db.data.entries.pop());
  }

  /** An entry about a scope: a unit or province code is kept as `unitCode`; `national` concerns no one unit. */
  function record(input: {
    at: Date;
    actor: AuditEntry['actor'];
    action: AuditAction;
    scope?: string;
    week?: string;
    details?: Record<string, unknown>;
  }): Promise<void> {
    const { at, actor, action, scope, week, details } = input;
    return append({
      at: at.toISOString(),
      actor,
      action,
      ...(scope !== undefined && scope !== 'national' ? { unitCode: scope } : {}),
      ...(week !== undefined ? { week } : {}),
      ...(details ? { details } : {}),
    });
  }

  /** Is there an entry on the UTC day of `at` that `match` accepts? */
  async function has(at: string, match: (entry: AuditEntry) => boolean): Promise<boolean> {
    const db = await fileOf(at.slice(0, 10));
    return db.data.entries.some(match);
  }

  /** The newest entries first, across days, at most `limit`. */
  async function recent(limit: number): Promise<AuditEntry[]> {
    const files = (await readdir(root)).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort().reverse();
    const out: AuditEntry[] = [];
    for (const f of files) {
      const db = await fileOf(f.slice(0, 10));
      out.push(...[...db.data.entries].reverse());
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  return { append, record, recent, has };
}

export type AuditRepo = Awaited<ReturnType<typeof createAuditRepo>>;
