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

  it('applies the store’s torn-tail rule: a torn last report line is said, not called damage, and the next start sets it aside (issue 22.4)', async () => {
    const file = join(data, 'reports', '2026', '19.71.jsonl');
    await writeFile(file, '{"week":"2026-W49","rev":1,"fig', { flag: 'a' });
    const check = await runTs('src/cli/main.ts', ['check'], { DATA_DIR: data }, dir);
    expect(check.code).toBe(0);
    expect(check.stdout).not.toContain('RUSAK');
    expect(check.stdout).toContain(`BARIS TERAKHIR TERPOTONG: ${file}: 31 bait terakhir bukan baris utuh`);
    expect(check.stdout).toContain('disisihkan (reports-torn/ atau audit/torn/) dan semua baris sebelumnya tetap dibaca');
    expect(check.stdout).toContain('Jangan memulihkan dari cadangan karena hal ini');
    // The store agrees: it reads the earlier revision and sets the tail aside; check then has nothing to say.
    const store = await createStore(data, { clock: () => NOW });
    expect((await store.reports.get('19.71', '2026-W48'))?.latest.figures).toEqual({ active_pu: 1 });
    await store.close();
    const after = await runTs('src/cli/main.ts', ['check'], { DATA_DIR: data }, dir);
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain('TERPOTONG');

    // A torn line in the middle, or in an audit day before the newest, is damage: the store would refuse it too.
    await writeFile(file, '{"week":"2026-W49","rev":1,"fig\n{"week":"2026-W48"}\n', { flag: 'a' });
    await writeFile(join(data, 'audit', '2026-11-20.jsonl'), '{"at":"2026-11-20T01:00:00.000Z","act');
    const damaged = await runTs('src/cli/main.ts', ['check'], { DATA_DIR: data }, dir);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain(`RUSAK: ${file}`);
    expect(damaged.stdout).toContain(`RUSAK: ${join(data, 'audit', '2026-11-20.jsonl')}`);
  });

  it('says loudly when a file is all NUL bytes (its data never reached the disk), in check and in the log when read (issue 22.4)', async () => {
    const file = join(data, 'reports', '2026', '19.71.jsonl');
    await writeFile(file, Buffer.alloc(300));
    const check = await runTs('src/cli/main.ts', ['check'], { DATA_DIR: data }, dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`RUSAK: ${file}: seluruh isinya (300 bait) berupa bait NUL`);
    expect(check.stdout).toContain('Pulihkan berkas ini dari cadangan terbaru');
    const logs: string[] = [];
    const store = await createStore(data, { clock: () => NOW, log: (message) => logs.push(message) });
    expect(await store.reports.get('19.71', '2026-W48')).toBeUndefined();
    expect(logs).toEqual(['report file was all NUL bytes (its data never reached the disk before a crash): set aside, the file now reads as empty; restore it from a backup']);
    await store.close();
  });
});
