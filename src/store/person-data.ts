import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { createNodeFileLayer, replaceFile, type FileLayer } from './file-layer.js';
import { LOCK_FILE } from './lock.js';

/**
 * One person's data, for a request under UU 27/2022 (the personal data protection law): everything the data folder
 * holds about a Telegram id, and its pseudonymisation. A record is about the person when it, or anything in it, is an
 * object whose `telegramId` is theirs (a registered person, a requester, an actor of a report, decision, grant or
 * audit entry, a meeting attendance), or a delivery or chat with their id as `chatId`. The store must be closed (the
 * command line holds the folder's lock).
 */

/** Files of the data folder that hold JSON (documents or lines); torn lines set aside and the outbox's files are not records. */
const SKIP = [/^backups\//, /^audit\/torn\//, /^reports-torn\//, /^outbox-files\//, new RegExp(`^${LOCK_FILE}$`)];

async function dataFiles(fs: FileLayer, dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const e of await fs.readdir(at)) {
      if (e.name.startsWith('.')) continue;
      const path = join(at, e.name);
      const rel = relative(dir, path).split('\\').join('/');
      if (SKIP.some((re) => re.test(rel) || re.test(`${rel}/`))) continue;
      if (e.isDirectory()) await walk(path);
      else if (rel.endsWith('.json') || rel.endsWith('.jsonl')) out.push(rel);
    }
  };
  await walk(dir);
  return out.sort();
}

/** Does this value mention the person (their telegramId, or their chat as chatId)? */
function mentions(value: unknown, id: number): boolean {
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  if (o.telegramId === id || o.chatId === id) return true;
  return Object.values(o).some((v) => mentions(v, id));
}

/** The records of one file: each line of a .jsonl; each element of a document's list (or the document itself). */
function recordsOf(rel: string, text: string): unknown[] {
  if (rel.endsWith('.jsonl')) return text.split('\n').filter((l) => l.trim() !== '').flatMap((l) => {
    try {
      return [JSON.parse(l) as unknown];
    } catch {
      return [];
    }
  });
  const doc = JSON.parse(text) as unknown;
  if (typeof doc !== 'object' || doc === null) return [];
  if (rel === 'sessions.json') return Object.entries((doc as { sessions?: Record<string, unknown> }).sessions ?? {}).map(([key, value]) => ({ key, value }));
  const lists = Object.values(doc as Record<string, unknown>).filter(Array.isArray);
  return lists.length > 0 ? lists.flat() : [doc];
}

export interface PersonExport {
  telegramId: number;
  exportedAt: string;
  /** Every record about the person, by the file (relative to the data folder) it is in. */
  records: Record<string, unknown[]>;
}

/** Everything the data folder holds about one Telegram id (backups aside: they hold the same, older). */
export async function exportPerson(dir: string, telegramId: number, at: Date, fs: FileLayer = createNodeFileLayer({ fsync: false })): Promise<PersonExport> {
  const records: Record<string, unknown[]> = {};
  for (const rel of await dataFiles(fs, dir)) {
    const text = (await fs.readFile(join(dir, rel))).toString('utf8');
    const found = recordsOf(rel, text).filter((r) => (rel === 'sessions.json' ? sessionIsTheirs((r as { key: string }).key, telegramId) : mentions(r, telegramId)));
    if (found.length > 0) records[rel] = found;
  }
  return { telegramId, exportedAt: at.toISOString(), records };
}

/** A session key is "<chat>:<person>"; a private chat's id is the person's. */
const sessionIsTheirs = (key: string, id: number): boolean => key.split(':').includes(String(id));

/** The name that replaces the person's: stable for one id (the trail still shows one person acted), not reversible. */
export const pseudonymOf = (telegramId: number): string => `Pengguna terhapus ${createHash('sha256').update(`uc-bot:${telegramId}`).digest('hex').slice(0, 8)}`;

/** Replaces the person's name and username wherever an object names them; returns whether anything changed. */
function pseudonymise(value: unknown, id: number, names: Set<string>, pseudonym: string): boolean {
  let changed = false;
  if (Array.isArray(value)) {
    for (const v of value) changed = pseudonymise(v, id, names, pseudonym) || changed;
    return changed;
  }
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  if (o.telegramId === id) {
    if (typeof o.name === 'string' && o.name !== pseudonym) {
      names.add(o.name);
      o.name = pseudonym;
      changed = true;
    }
    for (const key of ['username', 'first_name', 'last_name']) {
      if (key in o) {
        delete o[key];
        changed = true;
      }
    }
  }
  for (const v of Object.values(o)) changed = pseudonymise(v, id, names, pseudonym) || changed;
  return changed;
}

/**
 * Replaces the person's names in strings: `exact`, a string that is the name (an audit entry's `target`, an invite's
 * `invitedBy`); otherwise inside free text too (a notice the outbox keeps), names of three letters or more only.
 */
function scrubText(value: unknown, names: Set<string>, pseudonym: string, exact: boolean): boolean {
  let changed = false;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      if (typeof v === 'string') {
        const next = scrubString(v, names, pseudonym, exact);
        if (next !== v) {
          value[i] = next;
          changed = true;
        }
      } else changed = scrubText(v, names, pseudonym, exact) || changed;
    }
    return changed;
  }
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') {
      const next = scrubString(v, names, pseudonym, exact);
      if (next !== v) {
        o[k] = next;
        changed = true;
      }
    } else changed = scrubText(v, names, pseudonym, exact) || changed;
  }
  return changed;
}

const scrubString = (s: string, names: Set<string>, pseudonym: string, exact: boolean): string => {
  if (exact) return names.has(s) ? pseudonym : s;
  let out = s;
  for (const n of names) if (n.length >= 3 && n !== pseudonym) out = out.split(n).join(pseudonym);
  return out;
};

export interface RemovalResult {
  pseudonym: string;
  /** Files rewritten, relative to the data folder. */
  files: string[];
  /** Guided-flow sessions deleted. */
  sessions: number;
}

/**
 * Pseudonymises one person: their name (and username) is replaced by `pseudonymOf(id)` in every record (people,
 * requests, invites, meetings, and every report revision, decision and audit entry: entries are kept, in order, so the
 * trail stays whole), their names in the texts the outbox keeps are replaced too, their active grant is revoked, and
 * their guided-flow sessions are deleted. The Telegram id stays as the key that ties the trail together. Each file is
 * replaced by a new one (a temporary file renamed into place), never edited in place: the backups that share files
 * by hard link keep their own, older copy until they rotate out.
 */
export async function removePerson(dir: string, telegramId: number, at: Date, fs: FileLayer = createNodeFileLayer({ fsync: true })): Promise<RemovalResult> {
  const pseudonym = pseudonymOf(telegramId);
  const names = new Set<string>();
  const files: string[] = [];
  let sessions = 0;
  const rels = await dataFiles(fs, dir);
  // Structured records first (they reveal the names), then free text in every file.
  const parsed = new Map<string, { lines: unknown[] } | { doc: unknown }>();
  for (const rel of rels) {
    const text = (await fs.readFile(join(dir, rel))).toString('utf8');
    if (rel.endsWith('.jsonl')) {
      // Rewritten line by line; a line that does not parse (a torn tail the next start sets aside) is left as it is.
      parsed.set(rel, { lines: text.split('\n').filter((l) => l !== '').map((l) => { try { return JSON.parse(l) as unknown; } catch { return l; } }) });
    } else parsed.set(rel, { doc: JSON.parse(text) as unknown });
  }
  const changed = new Set<string>();
  for (const [rel, content] of parsed) {
    if ('doc' in content && rel === 'sessions.json') {
      const all = (content.doc as { sessions: Record<string, unknown> }).sessions;
      for (const key of Object.keys(all)) {
        if (sessionIsTheirs(key, telegramId)) {
          delete all[key];
          sessions++;
          changed.add(rel);
        }
      }
    }
    if ('doc' in content && rel === 'users.json') {
      for (const u of (content.doc as { users: Array<{ telegramId: number; active: boolean; revokedAt?: string; revokedBy?: unknown }> }).users) {
        if (u.telegramId !== telegramId || !u.active) continue;
        u.active = false;
        u.revokedAt = at.toISOString();
        u.revokedBy = { telegramId: null, name: 'Operator (baris perintah)' };
        changed.add(rel);
      }
    }
    const body = 'doc' in content ? content.doc : content.lines;
    if (pseudonymise(body, telegramId, names, pseudonym)) changed.add(rel);
  }
  for (const [rel, content] of parsed) {
    if (scrubText('doc' in content ? content.doc : content.lines, names, pseudonym, !rel.startsWith('outbox/'))) changed.add(rel);
  }
  for (const rel of [...changed].sort()) {
    const content = parsed.get(rel);
    if (!content) continue;
    const text =
      'doc' in content
        ? rel.startsWith('reports/') ? JSON.stringify(content.doc) : JSON.stringify(content.doc, null, 2)
        : content.lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
    await replaceFile(fs, join(dir, rel), text);
    files.push(rel);
  }
  return { pseudonym, files, sessions };
}
