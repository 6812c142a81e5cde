import { join } from 'node:path';
import { createAppender, mendTail, parseJsonLines, readOrEmpty, tornMessage } from './append-log.js';
import { createNodeFileLayer, makeDir, type FileLayer } from './file-layer.js';
import { openJsonFile } from './json-file.js';
import { createLru } from './lru.js';
import { AuditEntrySchema, AuditFileSchema, type AuditAction, type AuditEntry } from './schema.js';

/** Days of the trail kept parsed in memory (today's, and a few read for /audit). */
const CACHED_DAYS = 4;
const LINES = /^\d{4}-\d{2}-\d{2}\.jsonl$/;
const LEGACY = /^\d{4}-\d{2}-\d{2}\.json$/;

/** Parses one day's lines. A line that does not parse or validate is corruption (a torn last line is mended at open). */
export const parseAuditLines = (path: string, text: string): AuditEntry[] => parseJsonLines(path, text, AuditEntrySchema);

/**
 * The audit trail, append-only: one JSON line per entry in audit/<UTC day>.jsonl, appended (O_APPEND) and never
 * rewritten, so an entry costs the same on a day's 2,000th line as on its first. A crash mid-append can leave the last
 * line torn: at open it is set aside in audit/torn/ with a log line, and every earlier line is kept. Days written by
 * earlier versions (audit/<day>.json, a JSON document) are still read; nothing is ever written to them.
 */
export async function createAuditRepo(dir: string, options: { log?: (message: string, fields: Record<string, unknown>) => void; fsync?: boolean; fs?: FileLayer } = {}) {
  const fs = options.fs ?? createNodeFileLayer({ fsync: options.fsync === true });
  const root = join(dir, 'audit');
  const asideDir = join(root, 'torn');
  await makeDir(fs, root);
  const names = async (): Promise<string[]> => (await fs.readdir(root)).map((e) => e.name);
  // Only the newest day can have been cut short by a crash: later appends go to later days.
  const newest = (await names()).filter((f) => LINES.test(f)).sort().pop();
  const torn = newest ? await mendTail(fs, join(root, newest), asideDir) : undefined;
  if (torn) options.log?.(tornMessage(torn, 'audit'), { file: torn.file, keptAt: torn.keptAt, bytes: torn.bytes });
  // The day being appended to (and the one before, around midnight) stays open: an append is one write.
  const appender = createAppender({ fs, fsync: options.fsync === true, asideDir, log: options.log, maxOpen: 2 });
  /** Days whose file is known to be in the folder (its name synced), so only a day's first line syncs the folder. */
  const named = new Set((await names()).filter((f) => LINES.test(f)));
  // A process killed between a day's first line and the folder's fsync left a name only in memory's cache: sync once.
  if (options.fsync === true) await fs.syncDir(root);

  /** Parsed days, most recently used last. Appends go to a cached day as well as to its file. */
  const load = async (day: string): Promise<AuditEntry[]> => {
    const entries: AuditEntry[] = [];
    // A day written by an earlier version, as one JSON document: read (and checked) like any store file, never written.
    const legacy = await openJsonFile(fs, join(root, `${day}.json`), AuditFileSchema, () => ({ entries: [] }));
    entries.push(...legacy.db.data.entries);
    const path = join(root, `${day}.jsonl`);
    entries.push(...parseAuditLines(path, (await readOrEmpty(fs, path)).toString('utf8')));
    return entries;
  };
  const days = createLru<AuditEntry[]>({ max: CACHED_DAYS, load });
  const dayOf = (day: string): Promise<AuditEntry[]> => days.get(day);

  /** One line appended; the cached day (if any) learns it only once it is on disk. */
  async function append(entry: AuditEntry): Promise<void> {
    const day = entry.at.slice(0, 10);
    const line = `${JSON.stringify(AuditEntrySchema.parse(entry))}\n`;
    const file = `${day}.jsonl`;
    await appender.append(join(root, file), line);
    // A day's first line creates its file: with fsync on, the file's name must reach the disk too, or a power cut
    // takes the whole day (and the line the sender was promised) with it.
    if (!named.has(file)) {
      if (options.fsync === true) await fs.syncDir(root);
      named.add(file);
    }
    const cached = days.peek(day);
    if (cached) (await cached).push(entry);
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
    return (await dayOf(at.slice(0, 10))).some(match);
  }

  /** The newest entries first, across days, at most `limit`. */
  async function recent(limit: number): Promise<AuditEntry[]> {
    const all = await names();
    const dayNames = [...new Set(all.filter((f) => LINES.test(f) || LEGACY.test(f)).map((f) => f.slice(0, 10)))].sort().reverse();
    const out: AuditEntry[] = [];
    for (const day of dayNames) {
      out.push(...[...(await dayOf(day))].reverse());
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  return { append, record, recent, has, close: appender.close };
}

export type AuditRepo = Awaited<ReturnType<typeof createAuditRepo>>;
