import { mkdtemp, readdir, readFile, rm, writeFile, mkdir, stat, utimes } from 'node:fs/promises';
import { restoreBackup, backupLengths } from '../../src/store/backup.js';
import { LOCK_STALE_MS } from '../../src/store/lock.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/domain/figures.js';
import { StoreCorruptError, StoreError, StoreLockedError } from '../../src/store/errors.js';
import { storeErrorText } from '../../src/messages/store.js';

/** What the operator reads when a store refuses to open (messages/store.ts words the store's problem). */
const refusal = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => '',
    (e: unknown) => (e instanceof StoreError ? storeErrorText(e.problem) : String(e)),
  );
import { planMigrations, type Migration } from '../../src/store/migrations.js';
import { checkDataFiles } from '../../src/store/check.js';
import { createStore, type Store } from '../../src/store/store.js';

const NOW = new Date('2026-11-24T03:00:00Z');
const clock = (): Date => NOW;
const BY = { telegramId: 5, name: 'Petugas Uji' };
const FIGURES: Figures = {
  active_pu: 100,
  active_bpu: 50,
  active_jakon: 5,
  active_pmi: 1,
  nonasn_total: 10,
  nonasn_jkk: 10,
  nonasn_jkm: 10,
  nonasn_jht: 2,
  nonasn_jp: 0,
};

let dir: string;
let open: Store[] = [];
const openStore = async (options: Partial<Parameters<typeof createStore>[1]> = {}): Promise<Store> => {
  const store = await createStore(dir, { clock, ...options });
  open.push(store);
  return store;
};
const save = (store: Store, week: string, figures: Figures = FIGURES, unitCode = '19.71') =>
  store.reports.save({ unitCode, week: week as `${number}-W${string}`, figures, by: BY, source: 'chat', at: NOW });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-store-'));
});
afterEach(async () => {
  for (const s of open) await s.close();
  open = [];
  await rm(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps reports, revisions, baselines, sessions and the audit trail on disk across a restart', async () => {
    const first = await openStore();
    expect((await save(first, '2026-W47')).saved).toBe(true);
    await save(first, '2026-W48');
    const correction = await save(first, '2026-W48', { ...FIGURES, active_pu: 120 });
    expect(correction).toMatchObject({ saved: true, rev: 2 });
    await first.baselines.upsert('19.71', { year: 2026, workforce_total: 1000, workforce_source: 'Sakernas' }, BY, NOW);
    await first.sessions.set('1:1', { step: 'active_pu', answers: { a: 1 } });
    await first.audit.append({ at: NOW.toISOString(), actor: BY, action: 'report.submit', unitCode: '19.71' });
    await first.close();

    const second = await openStore();
    const latest = await second.reports.latest('19.71');
    expect(latest?.week).toBe('2026-W48');
    expect(latest?.revisions.map((r) => r.figures.active_pu)).toEqual([100, 120]);
    expect((await second.reports.latest('19.71', '2026-W48'))?.week).toBe('2026-W47');
    expect(second.baselines.forYear('19.71', 2027)?.workforce_total).toBe(1000);
    expect(second.baselines.forYear('19.71', 2025)).toBeUndefined();
    expect(await second.sessions.get('1:1')).toEqual({ step: 'active_pu', answers: { a: 1 } });
    expect((await second.audit.recent(10)).map((e) => e.action)).toEqual(['report.submit']);
  });

  it('stores the same figures once: a repeated save adds no revision', async () => {
    const store = await openStore();
    await save(store, '2026-W48');
    const again = await save(store, '2026-W48');
    expect(again.saved).toBe(false);
    expect((await store.reports.get('19.71', '2026-W48'))?.revisions).toHaveLength(1);
  });

  it('finds the latest report across ISO years', async () => {
    const store = await openStore();
    await save(store, '2025-W52');
    await save(store, '2026-W01');
    expect((await store.reports.latest('19.71'))?.week).toBe('2026-W01');
    expect((await store.reports.latest('19.71', '2026-W01'))?.week).toBe('2025-W52');
    const files = await readdir(join(dir, 'reports'));
    expect(files.sort()).toEqual(['2025', '2026']);
  });

  it('ignores the temporary file a crash can leave behind mid-write, and the data stays whole', async () => {
    const store = await openStore();
    await save(store, '2026-W48');
    await store.close();
    open = [];
    await writeFile(join(dir, 'reports', '2026', '.19.71.json.tmp'), '{"unitCode":"19.71","year":20');
    const again = await openStore();
    expect((await again.reports.latest('19.71'))?.week).toBe('2026-W48');
  });
});

describe('a lazy open (issue 11)', () => {
  it('reads no report file at start-up; a corrupt one fails the reads that need it, naming it, and nothing else', async () => {
    const store = await openStore();
    await save(store, '2026-W48');
    await save(store, '2026-W48', FIGURES, '19.01');
    await store.close();
    open = [];
    // A line in the middle that is not a revision: corruption (a torn last line would be set aside instead).
    const content = '{"week":"bad"}\n{"week":"2026-W48","decision":{"rev":1,"state":"verified","by":{"telegramId":null,"name":"X"},"at":"2026-11-24T03:00:00.000Z"}}\n';
    await writeFile(join(dir, 'reports', '2026', '19.71.jsonl'), content);
    const again = await openStore();
    await expect(again.reports.get('19.71', '2026-W48')).rejects.toBeInstanceOf(StoreCorruptError);
    await expect(again.reports.latest('19.71')).rejects.toThrow('19.71.jsonl');
    expect((await again.reports.get('19.01', '2026-W48'))?.latest.figures).toEqual(FIGURES);
    expect(await readFile(join(dir, 'reports', '2026', '19.71.jsonl'), 'utf8')).toBe(content);
  });

  it('sets a torn last report line aside when the file is read (a crash mid-append), with a log line, keeping every earlier revision', async () => {
    const store = await openStore();
    await save(store, '2026-W47');
    await save(store, '2026-W48');
    await store.close();
    open = [];
    await writeFile(join(dir, 'reports', '2026', '19.71.jsonl'), '{"week":"2026-W49","rev":1,"fig', { flag: 'a' });
    const logs: string[] = [];
    const again = await openStore({ log: (message) => logs.push(message) });
    expect((await again.reports.latest('19.71'))?.week).toBe('2026-W48');
    expect(logs).toEqual(['torn report line set aside']);
    expect(await readdir(join(dir, 'reports-torn'))).toHaveLength(1);
    await save(again, '2026-W49');
    expect((await again.reports.latest('19.71'))?.week).toBe('2026-W49');
    expect((await checkDataFiles(dir)).problems).toEqual([]);
  });

  it('lets go of the least recently used files past its bound, and reads them again when needed', async () => {
    const store = await openStore({ maxOpenFiles: 2 });
    for (const unit of ['19.01', '19.02', '19.03', '19.04']) await save(store, '2026-W48', FIGURES, unit);
    for (const unit of ['19.01', '19.02', '19.03', '19.04']) expect((await store.reports.get(unit, '2026-W48'))?.latest.figures).toEqual(FIGURES);
    await save(store, '2026-W48', { ...FIGURES, active_pu: 5 }, '19.01');
    expect((await store.reports.get('19.01', '2026-W48'))?.revisions).toHaveLength(2);
  });
});

describe('one owner per data folder', () => {
  it('refuses a second store on the same folder while the first is open, and allows it after close', async () => {
    const first = await openStore();
    await expect(createStore(dir, { clock })).rejects.toBeInstanceOf(StoreLockedError);
    expect(await refusal(createStore(dir, { clock }))).toMatch(/sedang dipakai oleh proses lain/);
    await first.close();
    open = [];
    await openStore();
  });

  it('takes over a lock left by a process that has died', async () => {
    const { hostname } = await import('node:os');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'store.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    await openStore();
  });

  it('takes over a lock naming PID 1 of a restarted container (alive again, but another process)', async () => {
    const { hostname } = await import('node:os');
    const bootId = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
    await writeFile(join(dir, 'store.lock'), JSON.stringify({ pid: 1, host: hostname(), bootId, startTime: '1' }));
    await openStore();
  });

  it('takes over an old-style lock naming a live pid once its heartbeat is stale, and refuses it while fresh', async () => {
    const { hostname } = await import('node:os');
    const lock = join(dir, 'store.lock');
    await writeFile(lock, JSON.stringify({ pid: 1, host: hostname() }));
    expect(await refusal(createStore(dir, { clock }))).toMatch(/tampaknya masih dipakai.*dianggap usang \d+ detik lagi/);
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000);
    await utimes(lock, old, old);
    await openStore();
  });

  it('judges a lock written on another host by its heartbeat, and says what to do', async () => {
    const lock = join(dir, 'store.lock');
    await writeFile(lock, JSON.stringify({ pid: 4242, host: 'pod-uc-bot-7f9c', bootId: 'x', startTime: '99' }));
    await expect(createStore(dir, { clock })).rejects.toBeInstanceOf(StoreLockedError);
    const refused = await refusal(createStore(dir, { clock }));
    expect(refused).toContain('PID 4242 di pod-uc-bot-7f9c');
    expect(refused).toContain('Bila proses itu sudah mati');
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000);
    await utimes(lock, old, old);
    await openStore();
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('refuses a lock whose owner runs on this machine, naming it alive', async () => {
    const first = await openStore();
    const refused = await refusal(createStore(dir, { clock }));
    expect(refused).toContain(`PID ${process.pid}`);
    await first.close();
  });
});

describe('a corrupt or unreadable file stops start-up and is never overwritten', () => {
  const cases: Array<[string, string, string]> = [
    ['meta.json', 'meta.json', '{"schemaVersion": 1, "createdAt": '],
    ['baselines.json (not JSON)', 'baselines.json', 'this is not json'],
    ['baselines.json (wrong shape)', 'baselines.json', '{"baselines": [{"unitCode": "19.71"}]}'],
    ['users.json', 'users.json', '{"users": "nobody"}'],
    ['sessions.json', 'sessions.json', '[]'],
    ['an empty file', 'baselines.json', ''],
  ];

  it.each(cases)('%s', async (_label, file, content) => {
    const store = await openStore();
    await save(store, '2026-W48');
    await store.close();
    open = [];
    await writeFile(join(dir, file), content);
    const attempt = createStore(dir, { clock });
    await expect(attempt).rejects.toBeInstanceOf(StoreCorruptError);
    await expect(createStore(dir, { clock })).rejects.toThrow(file.split('/').pop() ?? file);
    expect(await readFile(join(dir, file), 'utf8')).toBe(content);
    // The lock was released: after a repair the store opens.
    await rm(join(dir, file));
    await openStore();
  });

  it('refuses data written by a newer version', async () => {
    await writeFile(join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 99, createdAt: NOW.toISOString() }));
    expect(await refusal(createStore(dir, { clock }))).toMatch(/versi UC Bot yang lebih baru/);
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'))).toMatchObject({ schemaVersion: 99 });
  });
});

describe('schema migrations', () => {
  it('plans the steps in order and refuses a gap', () => {
    const step = (from: number): Migration => ({ from, describe: `v${from}`, run: () => Promise.resolve() });
    expect(planMigrations(1, 3, [step(2), step(1)]).map((m) => m.from)).toEqual([1, 2]);
    expect(() => planMigrations(1, 3, [step(1)])).toThrow(StoreError);
    expect(planMigrations(2, 2, [])).toEqual([]);
  });

  it('backs up the data, runs each step and records the new version', async () => {
    const v1 = await openStore({ schemaVersion: 1, migrations: [] });
    await save(v1, '2026-W48');
    await v1.close();
    open = [];
    const ran: string[] = [];
    const migrations: Migration[] = [
      {
        from: 1,
        describe: 'rename a field (test)',
        run: async (d) => {
          ran.push(d);
          await writeFile(join(d, 'migrated.txt'), 'yes');
        },
      },
    ];
    await openStore({ migrations, schemaVersion: 2 });
    expect(ran).toEqual([dir]);
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 });
    const backups = await readdir(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backedUp = await readdir(join(dir, 'backups', backups[0] ?? ''));
    expect(backedUp).toContain('reports');
    expect(backedUp).not.toContain('migrated.txt');
  });
});

describe('backups', () => {
  it('copies every data file and keeps only the newest ones', async () => {
    let at = new Date('2026-11-20T00:00:00Z');
    const store = await createStore(dir, { clock: () => at, backupKeep: 2 });
    open.push(store);
    await save(store, '2026-W48');
    for (let day = 0; day < 4; day++) {
      at = new Date(at.getTime() + 24 * 3600_000);
      await store.backup();
    }
    const backups = (await readdir(join(dir, 'backups'))).sort();
    expect(backups).toEqual(['2026-11-23T00-00-00Z', '2026-11-24T00-00-00Z']);
    const copy = await readFile(join(dir, 'backups', backups[1] ?? '', 'reports', '2026', '19.71.jsonl'), 'utf8');
    expect(JSON.parse(copy.split('\n')[0] ?? '')).toMatchObject({ week: '2026-W48', rev: 1 });
    expect(await readdir(join(dir, 'backups', backups[1] ?? ''))).not.toContain('store.lock');
  });

  it('removes a partial backup left by a crash and never counts it', async () => {
    let at = new Date('2026-11-20T00:00:00Z');
    const store = await createStore(dir, { clock: () => at, backupKeep: 2 });
    open.push(store);
    await save(store, '2026-W48');
    await store.backup();
    await mkdir(join(dir, 'backups', '.partial-2026-11-20T06-00-00Z', 'reports'), { recursive: true });
    at = new Date('2026-11-21T00:00:00Z');
    await store.backup();
    expect((await readdir(join(dir, 'backups'))).sort()).toEqual(['2026-11-20T00-00-00Z', '2026-11-21T00-00-00Z']);
  });

  it('links every file, records how long the append-only ones were, and a later append leaves the backup as it was', async () => {
    const store = await openStore();
    await save(store, '2026-W48');
    const taken = await store.backup();
    const live = join(dir, 'reports', '2026', '19.71.jsonl');
    const kept = join(taken, 'reports', '2026', '19.71.jsonl');
    expect((await stat(kept)).ino).toBe((await stat(live)).ino);
    const length = (await stat(live)).size;
    expect(await backupLengths(taken)).toMatchObject({ 'reports/2026/19.71.jsonl': length });
    await save(store, '2026-W48', { ...FIGURES, active_pu: 999 });
    // The live file grew by one line; the backup is its first `length` bytes: one revision, and it checks clean.
    expect((await readFile(kept)).subarray(0, length).toString('utf8').split('\n').filter(Boolean)).toHaveLength(1);
    expect((await checkDataFiles(taken, await backupLengths(taken))).problems).toEqual([]);
  });

  it('migrates report files of schema 1 (one JSON document) to append-only lines, after a backup', async () => {
    await mkdir(join(dir, 'reports', '2026'), { recursive: true });
    await writeFile(join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 1, createdAt: '2026-11-01T00:00:00.000Z' }));
    const revision = (rev: number, pu: number) => ({ rev, figures: { ...FIGURES, active_pu: pu }, at: '2026-11-24T03:00:00.000Z', by: { telegramId: 1, name: 'Budi' }, source: 'chat' });
    await writeFile(
      join(dir, 'reports', '2026', '19.71.json'),
      JSON.stringify({ unitCode: '19.71', year: 2026, reports: [{ week: '2026-W48', revisions: [revision(1, 10), revision(2, 20)], verification: { rev: 2, state: 'verified', by: { telegramId: 2, name: 'Dewi' }, at: '2026-11-24T04:00:00.000Z' } }] }),
    );
    const store = await openStore();
    const report = await store.reports.get('19.71', '2026-W48');
    expect(report?.revisions.map((r) => r.figures.active_pu)).toEqual([10, 20]);
    expect(report?.verification).toMatchObject({ rev: 2, state: 'verified' });
    expect(await readdir(join(dir, 'reports', '2026'))).toEqual(['19.71.jsonl']);
    const backups = await readdir(join(dir, 'backups'));
    expect(await readdir(join(dir, 'backups', backups[0] ?? '', 'reports', '2026'))).toEqual(['19.71.json']);
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 });
  });

  it('restores a backup: the data as it was when taken, what replaced it set aside', async () => {
    let at = new Date('2026-11-20T00:00:00Z');
    let store = await createStore(dir, { clock: () => at, backupKeep: 3 });
    await save(store, '2026-W48');
    const taken = await store.backup();
    at = new Date('2026-11-21T00:00:00Z');
    await save(store, '2026-W48', { ...FIGURES, active_pu: 999 });
    await save(store, '2026-W49');
    await store.close();
    await restoreBackup(dir, taken.split('/').pop() ?? '', at);
    store = await createStore(dir, { clock: () => at });
    open.push(store);
    expect((await store.reports.get('19.71', '2026-W48'))?.latest.figures.active_pu).toBe(100);
    expect(await store.reports.get('19.71', '2026-W49')).toBeUndefined();
    expect(await readdir(join(dir, 'backups'))).toContain('.replaced-2026-11-21T00-00-00Z');
    expect(await readdir(join(dir, 'backups'))).toContain(taken.split('/').pop());
  });
});

