import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBackups, checkDataFiles } from '../../src/store/check.js';
import { StoreCorruptError } from '../../src/store/errors.js';
import { createStore } from '../../src/store/store.js';

const NOW = new Date('2026-11-24T03:00:00Z');
const by = { telegramId: 1, name: 'Uji' };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('profiles.json (issue 20.4)', () => {
  it('keeps profiles across a restart, in backups, and checked like every store file', async () => {
    const store = await createStore(dir, { clock: () => NOW });
    await store.profiles.setVillages('19.01', { desa: 62, covered: 40, at: NOW.toISOString(), by });
    await store.profiles.addKendala('19.71', { id: 'a0000001', text: 'JHT non-ASN belum dianggarkan', at: NOW.toISOString(), by });
    expect(await store.profiles.closeKendala('19.71', 'a0000001', by, NOW)).toBe(true);
    expect(await store.profiles.closeKendala('19.71', 'a0000001', by, NOW)).toBe(false);
    await store.backup();
    await store.close();
    const again = await createStore(dir, { clock: () => NOW });
    expect(again.profiles.get('19.01')?.villages).toMatchObject({ desa: 62, covered: 40 });
    expect(again.profiles.get('19.71')?.kendala[0]?.closedAt).toBe(NOW.toISOString());
    await again.close();
    const [backup = ''] = await readdir(join(dir, 'backups'));
    expect(JSON.parse(await readFile(join(dir, 'backups', backup, 'profiles.json'), 'utf8'))).toHaveProperty(['profiles', '19.01', 'villages', 'desa'], 62);
    expect((await checkDataFiles(dir)).problems).toEqual([]);
    expect((await checkBackups(dir)).flatMap((b) => b.problems)).toEqual([]);
  });

  it('refuses to start on a profile that breaks its rules (more covered desa than desa), and check names it', async () => {
    const store = await createStore(dir, { clock: () => NOW });
    await store.close();
    const path = join(dir, 'profiles.json');
    await writeFile(path, JSON.stringify({ profiles: { '19.01': { regulations: [], budget: [], kendala: [], villages: { desa: 10, covered: 11, at: NOW.toISOString(), by } } } }));
    await expect(createStore(dir, { clock: () => NOW })).rejects.toBeInstanceOf(StoreCorruptError);
    expect((await checkDataFiles(dir)).problems.map((p) => p.file)).toEqual([path]);
    // A negative pagu is refused the same way; the file is never overwritten.
    const negative = JSON.stringify({ profiles: { '19.71': { regulations: [], kendala: [], budget: [{ id: 'a0000001', year: 2026, purpose: 'nonasn', source: 'apbd', paguSen: -1, realisasiSen: 0, people: 0, at: NOW.toISOString(), by }] } } });
    await writeFile(path, negative);
    await expect(createStore(dir, { clock: () => NOW })).rejects.toBeInstanceOf(StoreCorruptError);
    expect(await readFile(path, 'utf8')).toBe(negative);
  });
});
