import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/domain/figures.js';
import { createStore, type Store } from '../../src/store/store.js';

const NOW = new Date('2026-11-24T03:00:00Z');
const BY = { telegramId: 5, name: 'Petugas Uji' };
const FIGURES: Figures = { active_pu: 100, active_bpu: 50, active_jakon: 5, active_pmi: 1, nonasn_total: 10, nonasn_jkk: 10, nonasn_jkm: 10, nonasn_jht: 2, nonasn_jp: 0 };
const input = (figures: Figures = FIGURES) => ({ unitCode: '19.71', week: '2026-W48' as const, figures, by: BY, source: 'chat' as const, at: NOW });

let dir: string;
let store: Store | undefined;
const open = async (): Promise<Store> => {
  store = await createStore(dir, { clock: () => NOW });
  return store;
};
const reopen = async (): Promise<Store> => {
  await store?.close();
  return open();
};
const reportLines = async (s: Store) => (await s.audit.recent(100)).filter((e) => e.action.startsWith('report.'));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-writer-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('a revision and its audit line', () => {
  it('are written together: one line per revision, with who and which revision', async () => {
    const s = await open();
    await s.reportWriter.save(input(), { details: { source: 'chat' } });
    await s.reportWriter.save(input({ ...FIGURES, active_pu: 120 }));
    expect((await reportLines(s)).map((e) => [e.action, e.details?.rev])).toEqual([
      ['report.correct', 2],
      ['report.submit', 1],
    ]);
    expect(await s.reportWriter.unkept()).toBe(0);
  });

  it('when the append fails after the revision is stored: the outcome says so, and the next start writes the line (issue 14.5)', async () => {
    const s = await open();
    const append = s.audit.append;
    s.audit.append = () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    const outcome = await s.reportWriter.save(input());
    expect(outcome).toMatchObject({ saved: true, rev: 1, auditPending: true });
    expect(await reportLines(s)).toEqual([]);
    s.audit.append = append;
    const again = await reopen();
    expect((await reportLines(again)).map((e) => [e.action, e.details?.rev, e.actor.name])).toEqual([['report.submit', 1, 'Petugas Uji']]);
    expect(await again.reportWriter.unkept()).toBe(0);
  });

  it('a crash between the two writes: the line is written at start-up, once (issue 14.6)', async () => {
    const s = await open();
    // The process dies right after the revision is written: the append never happens.
    s.audit.append = () => new Promise<void>(() => undefined);
    void s.reportWriter.save(input());
    for (let i = 0; i < 100 && !(await s.reports.get('19.71', '2026-W48')); i++) await new Promise((r) => setTimeout(r, 5));
    expect(await s.reports.get('19.71', '2026-W48')).toBeDefined();
    expect(await s.reportWriter.unkept()).toBe(1);
    const again = await reopen();
    expect(await reportLines(again)).toHaveLength(1);
    const third = await reopen();
    expect(await reportLines(third)).toHaveLength(1);
  });

  it('a revision stored without its line by an older version gets it when the same report is sent again', async () => {
    const s = await open();
    await s.reports.save(input());
    const outcome = await s.reportWriter.save(input());
    expect(outcome).toMatchObject({ saved: false, auditPending: false });
    const lines = await reportLines(s);
    expect(lines.map((e) => [e.action, e.details?.rev, e.details?.restored])).toEqual([['report.submit', 1, true]]);
    await s.reportWriter.save(input());
    expect(await reportLines(s)).toHaveLength(1);
  });
});

describe('a coordinator’s decision and its audit line (issue 12)', () => {
  const decision = { rev: 1, state: 'verified' as const, by: { telegramId: 7, name: 'Dewi' }, at: '2026-11-24T05:00:00.000Z' };

  it('are written together, and a decision on a revision no longer the latest is refused without a line', async () => {
    const s = await open();
    await s.reportWriter.save(input());
    expect(await s.reportWriter.decide('19.71', '2026-W48', decision)).toBeDefined();
    expect((await reportLines(s)).map((e) => [e.action, e.details?.rev, e.actor.name])).toEqual([
      ['report.verify', 1, 'Dewi'],
      ['report.submit', 1, 'Petugas Uji'],
    ]);
    await s.reportWriter.save(input({ ...FIGURES, active_pu: 101 }));
    expect(await s.reportWriter.decide('19.71', '2026-W48', decision)).toBeUndefined();
    expect((await reportLines(s)).filter((e) => e.action === 'report.verify')).toHaveLength(1);
  });

  it('a crash between the decision and its line: the line is written at start-up, once', async () => {
    const s = await open();
    await s.reportWriter.save(input());
    s.audit.append = () => new Promise<void>(() => undefined);
    void s.reportWriter.decide('19.71', '2026-W48', decision);
    for (let i = 0; i < 100 && !(await s.reports.get('19.71', '2026-W48'))?.verification; i++) await new Promise((r) => setTimeout(r, 5));
    expect((await s.reports.get('19.71', '2026-W48'))?.verification).toMatchObject({ state: 'verified' });
    expect(await s.reportWriter.unkept()).toBe(1);
    const again = await reopen();
    expect((await reportLines(again)).filter((e) => e.action === 'report.verify')).toHaveLength(1);
    const third = await reopen();
    expect((await reportLines(third)).filter((e) => e.action === 'report.verify')).toHaveLength(1);
  });
});
