import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDataFiles } from '../../src/store/check.js';
import { pseudonymOf } from '../../src/store/person-data.js';
import { createStore } from '../../src/store/store.js';
import { runTs } from '../helpers/spawn.js';

const NOW = new Date('2026-11-24T03:00:00Z');
const BUDI = 7001;
const NAME = 'Budi Santoso';
let dir: string;
let data: string;

/** Every file of the data folder but the backups, with its text. */
async function liveTexts(root: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    if (!e.isFile() || path.includes('/backups/')) continue;
    out.push([path, await readFile(path, 'utf8')]);
  }
  return out;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-person-'));
  data = join(dir, 'data');
  const store = await createStore(data, { clock: () => NOW });
  const operator = { telegramId: null, name: 'Operator' };
  await store.users.grant({ telegramId: BUDI, name: NAME, username: 'budi_s', role: 'staff', scope: '19.71' }, operator, NOW);
  await store.audit.record({ at: NOW, actor: operator, action: 'user.grant', scope: '19.71', details: { role: 'staff', scope: '19.71', target: NAME, telegramId: BUDI } });
  const by = { telegramId: BUDI, name: NAME };
  await store.reportWriter.save({ unitCode: '19.71', week: '2026-W48', figures: { active_pu: 100 }, by, source: 'chat', at: NOW });
  await store.reportWriter.save({ unitCode: '19.71', week: '2026-W48', figures: { active_pu: 120 }, by, source: 'chat', at: new Date(NOW.getTime() + 60_000) });
  // Someone else, who must be left as they are.
  await store.users.grant({ telegramId: 7002, name: 'Sari Dewi', role: 'viewer', scope: '19' }, operator, NOW);
  await store.sessions.set(`${BUDI}:${BUDI}`, { flow: 'sisa percakapan' });
  await store.backup();
  await store.close();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('one person’s data, on request (UU 27/2022, issue 22.3)', () => {
  it('exports everything about the person to a file only its owner can read', async () => {
    const file = join(dir, 'budi.json');
    const run = await runTs('src/cli/main.ts', ['person-export', String(BUDI), '--out', file], { DATA_DIR: data }, dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Data ID ${BUDI} tersimpan di ${file}`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { telegramId: number; records: Record<string, unknown[]> };
    expect(exported.telegramId).toBe(BUDI);
    expect(exported.records['users.json']).toEqual([expect.objectContaining({ telegramId: BUDI, name: NAME, username: 'budi_s' })]);
    expect(exported.records['reports/2026/19.71.jsonl']).toHaveLength(2);
    expect(exported.records['audit/2026-11-24.jsonl']?.length).toBe(3);
    expect(exported.records['sessions.json']).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain('Sari Dewi');
  });

  it('pseudonymises the person everywhere, keeping every report and audit entry, and refuses without --yakin', async () => {
    const refused = await runTs('src/cli/main.ts', ['person-remove', String(BUDI)], { DATA_DIR: data }, dir);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('tidak dapat dibatalkan');
    const before = await createStore(data, { clock: () => NOW });
    const entriesBefore = (await before.audit.recent(100)).length;
    await before.close();

    const run = await runTs('src/cli/main.ts', ['person-remove', String(BUDI), '--yakin'], { DATA_DIR: data }, dir);
    expect(run.code).toBe(0);
    const pseudonym = pseudonymOf(BUDI);
    expect(run.stdout).toContain(`disamarkan sebagai "${pseudonym}"`);
    for (const [path, text] of await liveTexts(data)) {
      expect(text, path).not.toContain(NAME);
      expect(text, path).not.toContain('budi_s');
    }
    // The backup keeps its own, older copy until it rotates out (README says so).
    const [backup] = await readdir(join(data, 'backups'));
    expect(await readFile(join(data, 'backups', backup ?? '', 'users.json'), 'utf8')).toContain(NAME);

    expect((await checkDataFiles(data)).problems).toEqual([]);
    const store = await createStore(data, { clock: () => NOW });
    const report = await store.reports.get('19.71', '2026-W48');
    expect(report?.revisions.map((r) => [r.rev, r.by.name, r.figures.active_pu])).toEqual([
      [1, pseudonym, 100],
      [2, pseudonym, 120],
    ]);
    const entries = await store.audit.recent(100);
    expect(entries.length).toBe(entriesBefore + 1);
    expect(entries[0]).toMatchObject({ action: 'person.pseudonymise', details: { target: pseudonym } });
    expect(entries.filter((e) => e.action === 'report.submit' || e.action === 'report.correct').map((e) => e.actor.name)).toEqual([pseudonym, pseudonym]);
    expect(entries.find((e) => e.action === 'user.grant')?.details?.target).toBe(pseudonym);
    expect(store.users.get(BUDI)).toBeUndefined();
    expect(store.users.get(7002)?.name).toBe('Sari Dewi');
    expect(await store.sessions.get(`${BUDI}:${BUDI}`)).toBeUndefined();
    await store.close();
  });
});
