import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { runTs } from '../helpers/spawn.js';

const NOW = new Date('2026-11-24T03:00:00Z');
let dir: string;
let data: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-check-'));
  data = join(dir, 'data');
  const store = await createStore(data, { clock: () => NOW });
  await store.reportWriter.save({ unitCode: '19.71', week: '2026-W48', figures: { active_pu: 1 }, by: { telegramId: 1, name: 'Uji' }, source: 'chat', at: NOW });
  await store.backup();
  await store.close();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run cli -- check (issue 14.7)', () => {
  it('names every broken file the store owns: an audit day and a finished outbox item, not only the first', async () => {
    await writeFile(join(data, 'audit', '2026-11-23.json'), '{"entries": [{"at": "kemarin"}]}');
    await mkdir(join(data, 'outbox', 'done', '2026-11'), { recursive: true });
    await writeFile(join(data, 'outbox', 'done', '2026-11', 'notice-1.json'), '{"id": "notice-1", "kind"');
    const check = await runTs('src/cli/main.ts', ['check'], { DATA_DIR: data }, dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`RUSAK: ${join(data, 'audit', '2026-11-23.json')}: isi tidak sesuai skema`);
    expect(check.stdout).toContain(`RUSAK: ${join(data, 'outbox', 'done', '2026-11', 'notice-1.json')}: bukan JSON yang sah`);
    expect(check.stdout).toContain('2 dari');
  });

  it('checks the backups on request, and restores one', async () => {
    const [backup] = await readdir(join(data, 'backups'));
    if (!backup) throw new Error('no backup taken');
    // Replaced, not written in place: a backup shares unchanged files with the data folder by hard link.
    const broken = join(data, 'backups', backup, 'meta.json');
    await rm(broken);
    await writeFile(broken, 'rusak');
    const plain = await runTs('src/cli/main.ts', ['check'], { DATA_DIR: data }, dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('terbaca dan sah: 1 berkas laporan');
    const deep = await runTs('src/cli/main.ts', ['check', '--cadangan'], { DATA_DIR: data }, dir);
    expect(deep.code).toBe(1);
    expect(deep.stdout).toContain(`RUSAK (cadangan ${backup}): ${join(data, 'backups', backup, 'meta.json')}: bukan JSON yang sah`);
    await rm(broken);
    await writeFile(broken, JSON.stringify({ schemaVersion: 1, createdAt: NOW.toISOString() }));
    await rm(join(data, 'reports', '2026', '19.71.jsonl'));
    await writeFile(join(data, 'reports', '2026', '19.71.jsonl'), 'rusak\n{"week":"2026-W48"}\n');
    expect((await runTs('src/cli/main.ts', ['check'], { DATA_DIR: data }, dir)).code).toBe(1);
    const list = await runTs('src/cli/main.ts', ['backups'], { DATA_DIR: data }, dir);
    expect(list.stdout).toContain(backup);
    const restore = await runTs('src/cli/main.ts', ['restore', backup], { DATA_DIR: data }, dir);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`dipulihkan dari cadangan ${backup}`);
    const after = await runTs('src/cli/main.ts', ['check'], { DATA_DIR: data }, dir);
    expect(after.code).toBe(0);
    const store = await createStore(data, { clock: () => NOW });
    expect((await store.reports.get('19.71', '2026-W48'))?.latest.figures).toEqual({ active_pu: 1 });
    await store.close();
  });
});
