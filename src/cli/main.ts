import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCliConfig, readEnvironment } from '../config.js';
import { loadOfficialRegions } from '../domain/regions/official.js';
import { StoreError } from '../store/errors.js';
import { checkProblemText, storeErrorText, tornTailText } from '../messages/store.js';
import { CLI, cliUsage } from '../messages/cli.js';
import { listBackups, restoreBackup } from '../store/backup.js';
import { checkBackups, checkDataFiles } from '../store/check.js';
import { acquireLock } from '../store/lock.js';
import type { Actor } from '../store/schema.js';
import { createStore, type Store } from '../store/store.js';
import { importBaselines } from './import-baselines.js';
import { importTargets } from './import-targets.js';
import { importReports, REPORT_HEADER, type ImportResult } from './import-reports.js';
import { runPeopleCommand } from './people.js';
import { runExport } from './export.js';
import { runPersonCommand } from './person.js';
import { runPack } from './pack.js';

const USAGE = cliUsage(REPORT_HEADER);

const OPERATOR: Actor = { telegramId: null, name: CLI.operatorName };

/** Exit codes: 0 all good, 1 some rows rejected or data unreadable, 2 the command itself was wrong. */
async function run(args: string[], out: (s: string) => void): Promise<number> {
  const [command, kind, file, ...flags] = args;
  if (command === undefined || command === 'help' || command === '--help') {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const config = parseCliConfig(readEnvironment());
  if (!config.ok) {
    out(config.error);
    return 2;
  }
  const now = new Date();
  if (command === 'check') {
    const unknown = args.slice(1).filter((a) => a !== '--cadangan' && a !== '--backups');
    if (unknown.length > 0) {
      out(CLI.unknownOptions(unknown, USAGE));
      return 2;
    }
    return withLock(config.value.dataDir, out, async () => {
      const live = await checkDataFiles(config.value.dataDir);
      let broken = live.problems.length;
      for (const p of live.problems) out(CLI.broken(p.file, checkProblemText(p.problem)));
      for (const t of live.torn) out(tornTailText(t.file, t.bytes));
      if (args.includes('--cadangan') || args.includes('--backups')) {
        for (const b of await checkBackups(config.value.dataDir)) {
          for (const p of b.problems) out(CLI.brokenInBackup(b.name, p.file, checkProblemText(p.problem)));
          for (const t of b.torn) out(tornTailText(t.file, t.bytes));
          out(CLI.backupChecked(b.name, b.files, b.problems.length));
          broken += b.problems.length;
        }
      }
      out(CLI.checked(config.value.dataDir, live.files, live.reportFiles, live.problems.length));
      return broken === 0 ? 0 : 1;
    });
  }
  if (command === 'backups') {
    const names = await listBackups(config.value.dataDir);
    out(CLI.backupList(names));
    return 0;
  }
  if (command === 'restore') {
    const stamp = kind;
    if (stamp === undefined || !(await listBackups(config.value.dataDir)).includes(stamp)) {
      out(CLI.noSuchBackup(stamp));
      return 2;
    }
    const restored = await withLock(config.value.dataDir, out, async () => {
      await restoreBackup(config.value.dataDir, stamp, now);
      return 0;
    });
    if (restored !== 0) return restored;
    out(CLI.restored(config.value.dataDir, stamp));
    return 0;
  }
  if (command === 'grant' || command === 'revoke' || command === 'audit') {
    const regions = await loadOfficialRegions();
    return withStore(config.value, now, out, (store) => runPeopleCommand(command, args.slice(1), { store, regions, now, out }));
  }
  if (command === 'person-export' || command === 'person-remove') {
    return runPersonCommand(command, args.slice(1), { dataDir: config.value.dataDir, fsync: config.value.fsync, now, out, withLock, withStore });
  }
  if (command === 'export') {
    const regions = await loadOfficialRegions();
    return withStore(config.value, now, out, (store) => runExport(args.slice(1), { store, regions, now, out, deadline: config.value.reportDeadline, usage: USAGE }));
  }
  if (command === 'paparan') {
    const regions = await loadOfficialRegions();
    return withStore(config.value, now, out, (store) => runPack(args.slice(1), { store, regions, now, out, deadline: config.value.reportDeadline, usage: USAGE }));
  }
  if (command !== 'import' || (kind !== 'reports' && kind !== 'baselines' && kind !== 'targets') || file === undefined) {
    out(USAGE);
    return 2;
  }
  const unknownFlags = flags.filter((f) => f !== '--terima-peringatan' && f !== '--accept-warnings');
  if (unknownFlags.length > 0 || (kind !== 'reports' && flags.length > 0)) {
    out(CLI.unknownOptions(flags, USAGE));
    return 2;
  }
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (e) {
    out(CLI.unreadableFile(file, (e as Error).message));
    return 2;
  }
  const regions = await loadOfficialRegions();
  return withStore(config.value, now, out, async (store) => {
    const deps = { store, regions, now, actor: OPERATOR, fileName: basename(file) };
    const result =
      kind === 'reports'
        ? await importReports(content, { ...deps, acceptWarnings: flags.length > 0 })
        : kind === 'targets'
          ? await importTargets(content, deps)
          : await importBaselines(content, deps);
    return printResult(result, kind, file, out);
  });
}

/** Runs `body` on a resource opened by `open` and closed after; a store problem is told to the operator (exit 1). */
async function withOpened<T>(
  open: () => Promise<T>,
  close: (resource: T) => Promise<void>,
  out: (s: string) => void,
  body: (resource: T) => Promise<number>,
): Promise<number> {
  let resource: T | undefined;
  try {
    resource = await open();
    return await body(resource);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    out(storeErrorText(e.problem));
    return 1;
  } finally {
    if (resource !== undefined) await close(resource);
  }
}

/** The data folder's lock alone, without opening the store: for commands that must work on broken data. */
const withLock = (dataDir: string, out: (s: string) => void, body: () => Promise<number>): Promise<number> =>
  withOpened(() => acquireLock(dataDir), (lock) => lock.release(), out, body);

const withStore = (where: { dataDir: string; fsync: boolean }, now: Date, out: (s: string) => void, body: (store: Store) => Promise<number>): Promise<number> =>
  withOpened(() => createStore(where.dataDir, { clock: () => now, fsync: where.fsync }), (store) => store.close(), out, body);

function printResult(result: ImportResult, kind: 'reports' | 'baselines' | 'targets', file: string, out: (s: string) => void): number {
  if (!result.ok) {
    out(CLI.importAborted(kind, file, result.error));
    return 2;
  }
  const { lines } = result;
  out(CLI.importHeading(kind, file));
  for (const l of lines.filter((x) => x.outcome !== 'rejected')) out(CLI.importLine(l.line, l.label, l.detail));
  const rejected = lines.filter((x) => x.outcome === 'rejected');
  if (rejected.length > 0) {
    out(CLI.rejectedHeading());
    for (const l of rejected) out(CLI.importLine(l.line, l.label, l.detail));
  }
  const count = (o: string): number => lines.filter((x) => x.outcome === o).length;
  out(CLI.importSummary(count('saved'), count('unchanged'), rejected.length, lines.length));
  return rejected.length > 0 ? 1 : 0;
}

run(process.argv.slice(2), (s) => console.log(s)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
