import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/domain/figures.js';
import type { WeekKey } from '../../src/domain/weeks.js';
import { backupLengths, listBackups } from '../../src/store/backup.js';
import { checkBackups, checkDataFiles } from '../../src/store/check.js';
import type { OutboxItem } from '../../src/store/schema.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createCrashFs, type CrashFs, type CutMode } from '../helpers/crash-fs.js';

/**
 * Power cuts, in the manner of SQLite's crash tests: the store runs on a file system that keeps synced bytes apart from
 * written ones (tests/helpers/crash-fs.ts). The scenario below (report saves, a correction, a coordinator's
 * decision, an outbox delivery, a backup) is run once to count its write and sync points, then again with the power
 * cut at each point in turn, in three ways (unsynced data dropped; the last write torn mid-line; everything kept).
 * After each cut the store must open, `check` must find nothing broken, and everything acknowledged before the cut
 * (a save, a decision or a delivery state whose promise resolved: what the sender was told) must be there, with its
 * audit line; and no revision or decision may be there without its audit line.
 */

const NOW = new Date('2026-11-24T03:00:00Z');
const STAFF = { telegramId: 5, name: 'Petugas Uji' };
const COORD = { telegramId: 7, name: 'Koordinator Uji' };
const FIGURES: Figures = { active_pu: 100, active_bpu: 50, active_jakon: 5, active_pmi: 1, nonasn_total: 10, nonasn_jkk: 10, nonasn_jkm: 10, nonasn_jht: 2, nonasn_jp: 0 };
const W48 = '2026-W48' as WeekKey;
const W01 = '2027-W01' as WeekKey;

interface Acked {
  revisions: Array<{ unitCode: string; week: WeekKey; rev: number; pu: number }>;
  decisions: Array<{ unitCode: string; week: WeekKey; rev: number }>;
  outbox: { added: boolean; state?: 'sending' | 'sent'; completed: boolean };
  /** Each backup taken, with the files it held when taken. */
  backups: Array<{ name: string; files: number }>;
  /** Audit lines of actions outside the report writer (a grant), by their `at`. */
  records: string[];
}

const item = (): OutboxItem => ({
  id: 'notice-power-cut',
  kind: 'notice',
  title: 'Uji',
  createdAt: NOW.toISOString(),
  notBefore: NOW.toISOString(),
  bodies: { default: { format: 'html', text: 'Pemberitahuan uji' } },
  deliveries: [{ chatId: 100, variant: 'default', state: 'pending', partsSent: 0, attempts: 0 }],
});

/** What the bot does, step by step; each step's acknowledgement is recorded only once its promise resolves. */
async function scenario(store: Store, fs: CrashFs, acked: Acked): Promise<void> {
  const save = async (unitCode: string, week: WeekKey, pu: number, at: Date) => {
    const out = await store.reportWriter.save({ unitCode, week, figures: { ...FIGURES, active_pu: pu }, by: STAFF, source: 'chat', at });
    if (out.saved) acked.revisions.push({ unitCode, week, rev: out.rev, pu });
  };
  // An audited action outside the report writer (a grant): the audit trail's first line of the day, a new file.
  const grantAt = new Date(NOW.getTime() - 60_000);
  await store.audit.record({ at: grantAt, actor: COORD, action: 'user.grant', scope: '19.71', details: { telegramId: 5 } });
  acked.records.push(grantAt.toISOString());
  // A unit's first report of the year: a new file.
  await save('19.71', W48, 100, NOW);
  // A correction.
  await save('19.71', W48, 120, new Date(NOW.getTime() + 60_000));
  // A coordinator's decision on it.
  const decided = await store.reportWriter.decide('19.71', W48, { rev: 2, state: 'verified', by: COORD, at: new Date(NOW.getTime() + 120_000).toISOString() });
  if (decided) acked.decisions.push({ unitCode: '19.71', week: W48, rev: 2 });
  // An outbox delivery: queued, marked as being sent, sent, settled.
  const notice = item();
  if (await store.outbox.add(notice)) acked.outbox.added = true;
  const d = notice.deliveries[0];
  if (!d) throw new Error('no delivery');
  d.state = 'sending';
  await store.outbox.save(notice);
  acked.outbox.state = 'sending';
  Object.assign(d, { state: 'sent', partsSent: 1, sentAt: NOW.toISOString() });
  await store.outbox.save(notice);
  acked.outbox.state = 'sent';
  await store.outbox.complete(notice, NOW);
  acked.outbox.completed = true;
  // The daily backup.
  const taken = await store.backup();
  acked.backups.push({ name: taken.split('/').pop() ?? '', files: (await checkDataFiles(taken, await backupLengths(taken, fs), fs)).files });
  // A report in a new year: a new year's folder.
  await save('19.02', W01, 300, new Date('2027-01-01T02:00:00Z'));
}

const dirs: string[] = [];
const realDir = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'ucbot-power-'));
  dirs.push(d);
  return d;
};

/** A fresh store on a crash file system, seeded; points are counted from the scenario's first write. */
async function prepared(cutAt?: number): Promise<{ fs: CrashFs; store: Store; acked: Acked; error?: unknown }> {
  const root = await realDir();
  const fs = createCrashFs(root, { fsync: true });
  const store = await createStore(root, { clock: () => NOW, fsync: true, fs, log: () => undefined });
  fs.arm(cutAt);
  const acked: Acked = { revisions: [], decisions: [], outbox: { added: false, completed: false }, backups: [], records: [] };
  let error: unknown;
  try {
    await scenario(store, fs, acked);
  } catch (e) {
    error = e;
  }
  return { fs, store, acked, error };
}

/** Opens the store on what the restart finds and checks every promise made before the cut. */
async function verify(fs: CrashFs, acked: Acked, mode: CutMode): Promise<void> {
  const root = await realDir();
  const after = fs.afterPowerCut(mode, root);
  const where = `cut at point ${fs.cut?.point} (${fs.cut?.op} ${fs.cut?.path}), ${mode}; files: ${after.list().join(', ')}`;
  const store = await createStore(root, { clock: () => NOW, fsync: true, fs: after, log: () => undefined });
  try {
    const check = await checkDataFiles(root, {}, after);
    expect(check.problems, where).toEqual([]);
    for (const b of await checkBackups(root, after)) expect(b.problems, `${where}; backup ${b.name}`).toEqual([]);
    for (const r of acked.revisions) {
      const report = await store.reports.get(r.unitCode, r.week);
      expect(report?.revisions.find((x) => x.rev === r.rev)?.figures.active_pu, `${where}: revision ${r.unitCode} ${r.week} #${r.rev}`).toBe(r.pu);
    }
    for (const d of acked.decisions) {
      expect((await store.reports.get(d.unitCode, d.week))?.verification?.rev, `${where}: decision`).toBe(d.rev);
    }
    // Every revision and decision that is there (acknowledged or not) has its audit line, exactly once.
    for (const [unitCode, week] of [
      ['19.71', W48],
      ['19.02', W01],
    ] as const) {
      const report = await store.reports.get(unitCode, week);
      for (const rev of report?.revisions ?? []) {
        const lines = (await store.audit.recent(1000)).filter((e) => e.unitCode === unitCode && e.week === week && e.details?.rev === rev.rev && (e.action === 'report.submit' || e.action === 'report.correct'));
        expect(lines.length, `${where}: audit line of ${unitCode} ${week} #${rev.rev}`).toBe(1);
      }
      if (report?.verification) {
        const lines = (await store.audit.recent(1000)).filter((e) => e.action === 'report.verify' && e.unitCode === unitCode && e.details?.rev === report.verification?.rev);
        expect(lines.length, `${where}: audit line of the decision`).toBe(1);
      }
    }
    if (acked.outbox.added) {
      const kept = await store.outbox.get('notice-power-cut');
      expect(kept, `${where}: outbox item`).toBeDefined();
      const state = kept?.deliveries[0]?.state;
      // A delivery known to be under way or sent is never found pending again: it would go out twice.
      if (acked.outbox.state === 'sent') expect(state, where).toBe('sent');
      if (acked.outbox.state === 'sending') expect(['sending', 'sent'], where).toContain(state);
      if (acked.outbox.completed) expect(store.outbox.open().map((i) => i.id), where).not.toContain('notice-power-cut');
    }
    for (const at of acked.records) {
      expect(await store.audit.has(at, (e) => e.action === 'user.grant'), `${where}: audit line of a grant`).toBe(true);
    }
    // A backup that says it is complete holds every file it was taken with.
    for (const b of acked.backups) {
      expect(await listBackups(root, after), where).toContain(b.name);
      const dir = join(root, 'backups', b.name);
      expect((await checkDataFiles(dir, await backupLengths(dir, after), after)).files, `${where}: backup ${b.name}`).toBe(b.files);
    }
    for (const name of await listBackups(root, after)) {
      const dir = join(root, 'backups', name);
      expect((await checkDataFiles(dir, await backupLengths(dir, after), after)).files, `${where}: backup ${name} whole`).toBeGreaterThan(0);
    }
  } finally {
    await store.close();
  }
}

let total = 0;
beforeAll(async () => {
  const { fs, store, error } = await prepared();
  expect(error).toBeUndefined();
  total = fs.points;
  await store.close();
});
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('a power cut at every write and sync point (FSYNC=on)', () => {
  for (const mode of ['drop', 'torn', 'kept'] as const) {
    it(`loses nothing acknowledged and breaks nothing: unsynced data ${mode === 'drop' ? 'dropped' : mode === 'torn' ? 'dropped, the last write torn mid-line' : 'kept'}`, async () => {
      expect(total).toBeGreaterThan(30);
      for (let point = 1; point <= total; point++) {
        const { fs, store, acked, error } = await prepared(point);
        // The cut fell inside the scenario (the error the store raised may wrap the cut: a read after it fails too).
        expect(fs.cut?.point, `the cut at ${point}: ${String(error)}`).toBe(point);
        await verify(fs, acked, mode);
        // The crashed store's handles and lock are let go as a restart would (its files are in memory only).
        await store.close().catch(() => undefined);
      }
    });
  }
});
