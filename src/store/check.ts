import { isZeroed, tornAt } from './append-log.js';
import { parseAuditLines } from './audit-repo.js';
import { parseReportLines } from './reports-repo.js';
import { StoreCorruptError } from './errors.js';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { BACKUP_DIR, backupLengths, listBackups } from './backup.js';
import type { FileProblem } from './errors.js';
import { LOCK_FILE } from './lock.js';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { HandledUpdatesFileSchema } from './updates-repo.js';
import { HolidaysFileSchema } from './holidays-repo.js';
import { TargetsFileSchema } from './targets-repo.js';
import { BoardsFileSchema } from './boards-repo.js';
import { ProfilesFileSchema } from './profiles-repo.js';
import { FollowupsFileSchema } from './followups-repo.js';
import {
  AuditFileSchema,
  BaselinesFileSchema,
  ChatsFileSchema,
  InvitesFileSchema,
  MeetingsFileSchema,
  MetaSchema,
  OutboxItemSchema,
  ReportFileSchema,
  RequestsFileSchema,
  SessionsFileSchema,
  UsersFileSchema,
} from './schema.js';

/** Which schema a file of the data folder must satisfy, by its path relative to the folder. */
const KINDS: Array<[RegExp, z.ZodType]> = [
  [/^meta\.json$/, MetaSchema],
  [/^baselines\.json$/, BaselinesFileSchema],
  [/^users\.json$/, UsersFileSchema],
  [/^sessions\.json$/, SessionsFileSchema],
  [/^invites\.json$/, InvitesFileSchema],
  [/^requests\.json$/, RequestsFileSchema],
  [/^chats\.json$/, ChatsFileSchema],
  [/^meetings\.json$/, MeetingsFileSchema],
  [/^updates\.json$/, HandledUpdatesFileSchema],
  [/^holidays\.json$/, HolidaysFileSchema],
  [/^targets\.json$/, TargetsFileSchema],
  [/^boards\.json$/, BoardsFileSchema],
  [/^profiles\.json$/, ProfilesFileSchema],
  [/^followups\.json$/, FollowupsFileSchema],
  [/^reports\/\d{4}\/\d{2}(?:\.\d{2})?\.json$/, ReportFileSchema],
  [/^audit\/\d{4}-\d{2}-\d{2}\.json$/, AuditFileSchema],
  [/^outbox\/(?:open|done\/\d{4}-\d{2})\/[^/]+\.json$/, OutboxItemSchema],
];
/**
 * Append-only files (one JSON line per entry): each line checked by the parser the store reads them with. `tornTail`
 * is the store's own rule for a torn last line (a crash mid-append): a report file's is set aside when the file is
 * read, the newest audit day's at start-up. Anywhere else a line that does not parse is damage.
 */
const LINE_KINDS: Array<{ re: RegExp; parse: (path: string, text: string, match: RegExpExecArray) => unknown; tornTail: (rel: string, newestAuditDay: string | undefined) => boolean }> = [
  { re: /^reports\/(\d{4})\/(\d{2}(?:\.\d{2})?)\.jsonl$/, parse: (path, text, m) => parseReportLines(path, m[2] ?? '', Number(m[1]), text), tornTail: () => true },
  { re: /^audit\/\d{4}-\d{2}-\d{2}\.jsonl$/, parse: (path, text) => parseAuditLines(path, text), tornTail: (rel, newest) => rel === newest },
];
/** Not the store's JSON: promised audit lines (kept at start-up), torn lines set aside, and the files the outbox sends (XLSX, PNG). */
const SKIPPED = [/^audit\/pending\//, /^audit\/pending\.jsonl$/, /^audit\/torn\//, /^reports-torn\//, /^outbox-files\//, /^lengths\.json$/, new RegExp(`^${LOCK_FILE}$`)];

export interface BrokenFile {
  file: string;
  problem: FileProblem;
}

export interface CheckResult {
  files: number;
  /** Of which weekly report files. */
  reportFiles: number;
  problems: BrokenFile[];
  /** Torn last lines the store sets aside on its own (not damage): the file, and the bytes after its last whole line. */
  torn: Array<{ file: string; bytes: number }>;
}

async function walk(fs: FileLayer, dir: string, top: string, out: string[]): Promise<void> {
  for (const entry of await fs.readdir(dir)) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (dir === top && entry.name === BACKUP_DIR) continue;
    if (entry.isDirectory()) await walk(fs, path, top, out);
    else out.push(path);
  }
}

/**
 * Reads and validates every file the store owns under `dir` (the live folder, or one backup), and lists every broken
 * one with its reason: the operator sees all of them at once, not only the first.
 */
export async function checkDataFiles(dir: string, lengths: Record<string, number> = {}, fs: FileLayer = createNodeFileLayer({ fsync: false })): Promise<CheckResult> {
  /** An append-only file as the backup holds it: its first bytes, up to the length recorded when it was taken. */
  const bytesOf = async (path: string, rel: string): Promise<Buffer> => {
    const bytes = await fs.readFile(path);
    const n = lengths[rel];
    return n === undefined ? bytes : bytes.subarray(0, n);
  };
  const paths: string[] = [];
  await walk(fs, dir, dir, paths);
  const rels = paths.map((p) => relative(dir, p).split('\\').join('/'));
  const newestAuditDay = rels
    .filter((r) => /^audit\/\d{4}-\d{2}-\d{2}\.jsonl$/.test(r))
    .sort()
    .pop();
  const problems: BrokenFile[] = [];
  const torn: CheckResult['torn'] = [];
  let files = 0;
  let reportFiles = 0;
  for (const path of paths.sort()) {
    const rel = relative(dir, path).split('\\').join('/');
    if (SKIPPED.some((re) => re.test(rel))) continue;
    files++;
    if (rel.startsWith('reports/')) reportFiles++;
    const lines = LINE_KINDS.map((k) => ({ ...k, match: k.re.exec(rel) })).find((k) => k.match);
    if (lines?.match) {
      try {
        let bytes = await bytesOf(path, rel);
        const cut = tornAt(bytes);
        if (cut !== undefined && lines.tornTail(rel, newestAuditDay)) {
          // NUL bytes are not a line cut mid-way but lines that never reached the disk: said as a problem.
          if (isZeroed(bytes, cut)) problems.push({ file: path, problem: { kind: 'zeroed', bytes: bytes.length - cut, whole: cut === 0 } });
          else torn.push({ file: path, bytes: bytes.length - cut });
          bytes = bytes.subarray(0, cut);
        }
        lines.parse(path, bytes.toString('utf8'), lines.match);
      } catch (e) {
        if (!(e instanceof StoreCorruptError)) throw e;
        problems.push({ file: path, problem: e.problem.kind === 'corrupt' ? e.problem.problem : { kind: 'unreadable', detail: e.message } });
      }
      continue;
    }
    const schema = KINDS.find(([re]) => re.test(rel))?.[1];
    if (!schema) {
      problems.push({ file: path, problem: { kind: 'unknown_file' } });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse((await fs.readFile(path)).toString('utf8'));
    } catch (e) {
      problems.push({ file: path, problem: { kind: 'not_json', detail: (e as Error).message } });
      continue;
    }
    const checked = schema.safeParse(parsed);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      problems.push({ file: path, problem: { kind: 'schema', where: issue ? issue.path.join('.') || '/' : '', detail: issue?.message ?? '' } });
    }
  }
  return { files, reportFiles, problems, torn };
}

/** Every complete backup, checked like the live folder. */
export async function checkBackups(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })): Promise<Array<{ name: string } & CheckResult>> {
  const out: Array<{ name: string } & CheckResult> = [];
  for (const name of await listBackups(dir, fs)) {
    const backup = join(dir, BACKUP_DIR, name);
    out.push({ name, ...(await checkDataFiles(backup, await backupLengths(backup, fs), fs)) });
  }
  return out;
}
