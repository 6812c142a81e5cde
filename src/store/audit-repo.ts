import { appendFile, mkdir, open, readdir, readFile, rename, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreCorruptError } from './errors.js';
import { AuditEntrySchema, AuditFileSchema, type AuditAction, type AuditEntry } from './schema.js';

/** Days of the trail kept parsed in memory (today's, and a few read for /audit). */
const CACHED_DAYS = 4;
const LINES = /^\d{4}-\d{2}-\d{2}\.jsonl$/;
const LEGACY = /^\d{4}-\d{2}-\d{2}\.json$/;

export interface TornLine {
  file: string;
  /** Where the torn bytes were set aside. */
  keptAt: string;
  bytes: number;
}

/** Parses one day's lines. A line that does not parse or validate is corruption (a torn last line is mended at open). */
export function parseAuditLines(path: string, text: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line === '' && i === lines.length - 1) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      throw new StoreCorruptError(path, { kind: 'not_json', detail: `line ${i + 1}: ${(e as Error).message}` });
    }
    const checked = AuditEntrySchema.safeParse(parsed);
    if (!checked.success) throw new StoreCorruptError(path, { kind: 'schema', where: `line ${i + 1}`, detail: checked.error.issues[0]?.message ?? '' });
    out.push(checked.data);
  }
  return out;
}

/**
 * The audit trail, append-only: one JSON line per entry in audit/<UTC day>.jsonl, appended (O_APPEND) and never
 * rewritten, so an entry costs the same on a day's 2,000th line as on its first. A crash mid-append can leave the last
 * line torn: at open it is set aside in audit/torn/ with a log line, and every earlier line is kept. Days written by
 * earlier versions (audit/<day>.json, a JSON document) are still read; nothing is ever written to them.
 */
export async function createAuditRepo(dir: string, options: { log?: (message: string, fields: Record<string, unknown>) => void; fsync?: boolean } = {}) {
  const root = join(dir, 'audit');
  await mkdir(root, { recursive: true });
  const torn = await mendTornTail(root);
  for (const t of torn) options.log?.('torn audit line set aside', { file: t.file, keptAt: t.keptAt, bytes: t.bytes });

  /** Parsed days, most recently used last. Appends go to a cached day as well as to its file. */
  const days = new Map<string, Promise<AuditEntry[]>>();
  const load = async (day: string): Promise<AuditEntry[]> => {
    const entries: AuditEntry[] = [];
    const legacyPath = join(root, `${day}.json`);
    const legacy = await readFile(legacyPath, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw new StoreCorruptError(legacyPath, { kind: 'unreadable', detail: e.message });
    });
    if (legacy !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(legacy);
      } catch (e) {
        throw new StoreCorruptError(legacyPath, { kind: 'not_json', detail: (e as Error).message });
      }
      const checked = AuditFileSchema.safeParse(parsed);
      if (!checked.success) throw new StoreCorruptError(legacyPath, { kind: 'schema', where: '/', detail: checked.error.issues[0]?.message ?? '' });
      entries.push(...checked.data.entries);
    }
    const path = join(root, `${day}.jsonl`);
    const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw new StoreCorruptError(path, { kind: 'unreadable', detail: e.message });
    });
    entries.push(...parseAuditLines(path, text));
    return entries;
  };
  const dayOf = (day: string): Promise<AuditEntry[]> => {
    let cached = days.get(day);
    if (cached) {
      days.delete(day);
      days.set(day, cached);
      return cached;
    }
    cached = load(day);
    cached.catch(() => days.delete(day));
    days.set(day, cached);
    for (const old of days.keys()) {
      if (days.size <= CACHED_DAYS) break;
      if (old !== day) days.delete(old);
    }
    return cached;
  };

  /** Files whose last append failed (a full disk may have written part of a line): cut back before the next one. */
  const dirty = new Set<string>();
  /** The day being appended to, kept open: an append is one write, not an open, a write and a close. */
  let current: { day: string; handle: FileHandle } | undefined;
  const handleOf = async (day: string, path: string): Promise<FileHandle> => {
    if (current?.day === day) return current.handle;
    await current?.handle.close();
    current = { day, handle: await open(path, 'a') };
    return current.handle;
  };

  /** One line appended; the cached day (if any) learns it only once it is on disk. */
  async function append(entry: AuditEntry): Promise<void> {
    const day = entry.at.slice(0, 10);
    const line = `${JSON.stringify(AuditEntrySchema.parse(entry))}\n`;
    const path = join(root, `${day}.jsonl`);
    if (dirty.has(path)) {
      for (const t of await mendTornTail(root, path)) options.log?.('torn audit line set aside', { file: t.file, keptAt: t.keptAt, bytes: t.bytes });
      dirty.delete(path);
    }
    try {
      const handle = await handleOf(day, path);
      const { bytesWritten } = await handle.write(line);
      if (bytesWritten !== Buffer.byteLength(line)) throw Object.assign(new Error('short write to the audit trail'), { code: 'EIO' });
      if (options.fsync) await handle.datasync();
    } catch (e) {
      dirty.add(path);
      throw e;
    }
    const cached = days.get(day);
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
    const names = await readdir(root);
    const dayNames = [...new Set(names.filter((f) => LINES.test(f) || LEGACY.test(f)).map((f) => f.slice(0, 10)))].sort().reverse();
    const out: AuditEntry[] = [];
    for (const day of dayNames) {
      out.push(...[...(await dayOf(day))].reverse());
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  async function close(): Promise<void> {
    await current?.handle.close();
    current = undefined;
  }

  return { append, record, recent, has, torn, close };
}

/**
 * A crash during an append leaves at most the newest day's last line incomplete (no newline, or not JSON). It is
 * moved to audit/torn/<day>-<n>.txt and the file cut back to its last whole line; earlier lines are never touched.
 */
async function mendTornTail(root: string, only?: string): Promise<TornLine[]> {
  const files = (await readdir(root)).filter((f) => LINES.test(f)).sort();
  const newest = only ? only.slice(root.length + 1) : files[files.length - 1];
  if (!newest) return [];
  const path = join(root, newest);
  const bytes = await readFile(path).catch(() => Buffer.alloc(0));
  if (bytes.length === 0) return [];
  const end = bytes.lastIndexOf(0x0a);
  const whole = end + 1;
  let cut = whole;
  if (whole === bytes.length) {
    // Ends with a newline: the last line may still be a torn one a later append finished with its own newline.
    const lastStart = bytes.lastIndexOf(0x0a, end - 1) + 1;
    try {
      JSON.parse(bytes.subarray(lastStart, end).toString('utf8'));
      return [];
    } catch {
      cut = lastStart;
    }
  }
  const tornBytes = bytes.subarray(cut);
  const aside = join(root, 'torn');
  await mkdir(aside, { recursive: true });
  const keptAt = join(aside, `${newest.slice(0, 10)}-${Date.now()}.txt`);
  await appendFile(`${keptAt}.tmp`, tornBytes);
  await rename(`${keptAt}.tmp`, keptAt);
  await truncate(path, cut);
  return [{ file: path, keptAt, bytes: tornBytes.length }];
}

export type AuditRepo = Awaited<ReturnType<typeof createAuditRepo>>;
