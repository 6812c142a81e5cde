import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

/**
 * The same operations on better-sqlite3 (WAL, synchronous=NORMAL; saves also with synchronous=FULL, durable before the
 * answer as FSYNC=on is), over the same generated history, for comparison:
 *   tsx bench/sqlite.ts <data dir> <sqlite file>
 * better-sqlite3 is not a dependency of the project (its install script fetches a prebuilt binary from GitHub, which
 * installs here must not do): `npm run bench:sqlite-setup` builds it from the npm tarball for the bench. Without it,
 * prints {"available":false}.
 */
interface Statement {
  run(...args: unknown[]): unknown;
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
}
interface Database {
  pragma(s: string): unknown;
  exec(s: string): unknown;
  prepare(s: string): Statement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}

const SAVES = 1000;
const previousWeek = (w: string): string => {
  const [y, n] = [Number(w.slice(0, 4)), Number(w.slice(6))];
  return n > 1 ? `${y}-W${String(n - 1).padStart(2, '0')}` : `${y - 1}-W52`;
};
const LOOKUPS = 5000;
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function main(): Promise<void> {
  const [dataDir = '', file = ''] = process.argv.slice(2);
  let Sqlite: new (path: string) => Database;
  try {
    Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Sqlite;
  } catch {
    process.stdout.write(`${JSON.stringify({ available: false })}\n`);
    return;
  }
  // Load the history (not timed).
  {
    const db = new Sqlite(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE revisions (unit TEXT, week TEXT, rev INTEGER, figures TEXT, at TEXT, PRIMARY KEY (unit, week, rev)); CREATE TABLE audit (at TEXT, unit TEXT, week TEXT, rev INTEGER, actor TEXT)');
    const insert = db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)');
    const load = db.transaction((rows: Array<[string, string, number, string, string]>) => {
      for (const r of rows) insert.run(...r);
    });
    for (const year of await readdir(join(dataDir, 'reports'))) {
      for (const name of await readdir(join(dataDir, 'reports', year))) {
        const unit = name.replace(/\.jsonl$/, '');
        const lines = (await readFile(join(dataDir, 'reports', year, name), 'utf8')).split('\n').filter((l) => l !== '');
        load(
          lines.map((l) => JSON.parse(l) as { week: string; rev: number; figures: unknown; at: string }).map((v): [string, string, number, string, string] => [unit, v.week, v.rev, JSON.stringify(v.figures), v.at]),
        );
      }
    }
    db.close();
  }
  const t0 = performance.now();
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const latest = db.prepare('SELECT week, figures FROM revisions WHERE unit = ? ORDER BY week DESC, rev DESC LIMIT 1');
  const ofWeek = db.prepare('SELECT figures FROM revisions WHERE unit = ? AND week = ? ORDER BY rev DESC LIMIT 1');
  latest.get('19.71');
  const openMs = performance.now() - t0;
  const units = (db.prepare('SELECT DISTINCT unit FROM revisions').all() as Array<{ unit: string }>).map((r) => r.unit);
  let seed = 43;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lookups: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const unit = units[Math.floor(rnd() * units.length)] ?? '19.71';
    const t = performance.now();
    const row = latest.get(unit) as { week: string; figures: string } | undefined;
    if (row) {
      JSON.parse(row.figures);
      ofWeek.get(unit, row.week);
    }
    lookups.push(performance.now() - t);
  }
  const maxRev = db.prepare('SELECT MAX(rev) AS rev FROM revisions WHERE unit = ? AND week = ?');
  const insert = db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?)');
  const audit = db.prepare('INSERT INTO audit VALUES (?, ?, ?, ?, ?)');
  const save = db.transaction((unit: string, figures: string, at: string) => {
    const rev = ((maxRev.get(unit, '2026-W48') as { rev: number | null }).rev ?? 0) + 1;
    insert.run(unit, '2026-W48', rev, figures, at);
    audit.run(at, unit, '2026-W48', rev, 'Petugas Bench');
  });
  const saves: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const unit = units[Math.floor(rnd() * units.length)] ?? '19.71';
    const t = performance.now();
    save(unit, JSON.stringify({ active_pu: Math.floor(rnd() * 400_000), nonasn_total: 10 }), new Date().toISOString());
    saves.push(performance.now() - t);
  }
  // The same saves durable before the answer, as FSYNC=on is: synchronous=FULL (WAL synced at every commit).
  db.pragma('synchronous = FULL');
  const fullSaves: number[] = [];
  for (let i = 0; i < SAVES / 4; i++) {
    const unit = units[Math.floor(rnd() * units.length)] ?? '19.71';
    const t = performance.now();
    save(unit, JSON.stringify({ active_pu: Math.floor(rnd() * 400_000), nonasn_total: 10 }), new Date().toISOString());
    fullSaves.push(performance.now() - t);
  }
  db.pragma('synchronous = NORMAL');
  const nationals: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    let sum = 0;
    // The reads the national view makes per unit: its latest report, the week before it, and this week's.
    for (const unit of units) {
      const row = latest.get(unit) as { week: string; figures: string } | undefined;
      if (!row) continue;
      sum += (JSON.parse(row.figures) as { active_pu?: number }).active_pu ?? 0;
      ofWeek.get(unit, previousWeek(row.week));
      ofWeek.get(unit, '2026-W48');
    }
    if (sum < 0) throw new Error('impossible');
    nationals.push(performance.now() - t);
  }
  db.close();
  process.stdout.write(
    `${JSON.stringify({ available: true, openMs, lookupP50: percentile(lookups, 50), lookupP99: percentile(lookups, 99), saveP50: percentile(saves, 50), saveP99: percentile(saves, 99), fullSaveP50: percentile(fullSaves, 50), fullSaveP99: percentile(fullSaves, 99), nationalP50: percentile(nationals, 50) })}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
