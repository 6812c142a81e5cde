import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importTargets, TARGET_HEADER } from '../../src/cli/import-targets.js';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { createStore, type Store } from '../../src/store/store.js';
import { officialRegions } from '../helpers/regions.js';
import { runTs } from '../helpers/spawn.js';

const NOW = new Date('2026-11-24T03:00:00Z');
const ACTOR = { telegramId: null, name: 'Operator (uji)' };
const HEADER = TARGET_HEADER.join(',');
const RPJMD = 'RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029';

let regions: RegionDirectory;
let dir: string;
let store: Store | undefined;
beforeAll(async () => {
  regions = await officialRegions();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-targets-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** The store of this test's folder, opened once (one process owns a folder). */
const open = async (): Promise<Store> => (store ??= await createStore(dir, { clock: () => NOW }));
const importRows = async (rows: string[]) => {
  const r = await importTargets([HEADER, ...rows].join('\n'), { store: await open(), regions, now: NOW, actor: ACTOR, fileName: 'target.csv' });
  if (!r.ok) throw new Error(r.error);
  return r.lines;
};

describe('import targets (issue 19)', () => {
  it('saves rows into series by scope and source, exactly, audited, and skips a row already stored', async () => {
    const lines = await importRows([
      `19,${RPJMD},Perda Provinsi Nomor 1 Tahun 2025,2025,"30,5%"`,
      `19,${RPJMD},Perda Provinsi Nomor 1 Tahun 2025,2029,"45,25"`,
      '1971,RPJMD Kota Pangkal Pinang 2025-2029,Perda Kota Nomor 2 Tahun 2025,2029,50%',
      'nasional,Angka sesi Kemendagri 2025,Bahan paparan asistensi Kemendagri,2025,"52,15%"',
    ]);
    expect(lines.map((l) => l.outcome)).toEqual(['saved', 'saved', 'saved', 'saved']);
    expect(lines[2]?.label).toBe('Kota Pangkal Pinang (19.71), RPJMD Kota Pangkal Pinang 2025-2029 2029');
    const s = await open();
    const rpjmd = s.targets.seriesFor('19').find((x) => x.source === RPJMD);
    expect(rpjmd?.points).toEqual([{ year: 2025, bp: 3050 }, { year: 2029, bp: 4525 }]);
    expect(s.targets.mainTargetFor('19', 2029)).toMatchObject({ bp: 4525, source: RPJMD, reference: 'Perda Provinsi Nomor 1 Tahun 2025', interpolated: false });
    // Nationally the shipped series stay, the imported one is added, the RPJMN remains the main one.
    expect(s.targets.seriesFor('national').map((x) => x.id).slice(0, 3)).toEqual(['rpjmn', 'rkp26', 'rpjpn']);
    expect(s.targets.seriesFor('national').some((x) => x.source === 'Angka sesi Kemendagri 2025' && x.points[0]?.bp === 5215)).toBe(true);
    expect(s.targets.mainTargetFor('national', 2025)).toMatchObject({ bp: 3215, source: 'RPJMN 2025-2029' });
    const audit = await s.audit.recent(10);
    expect(audit.filter((e) => e.action === 'target.set')).toHaveLength(4);
    expect(audit.find((e) => e.unitCode === '19.71')?.details).toMatchObject({ via: 'import', bp: 5000 });

    const again = await importRows([`19,${RPJMD},Perda Provinsi Nomor 1 Tahun 2025,2025,"30,5%"`, `19,${RPJMD},Perda Provinsi Nomor 1 Tahun 2025,2029,46`]);
    expect(again.map((l) => l.outcome)).toEqual(['unchanged', 'saved']);
    expect(again[1]?.detail).toContain('menggantikan');
    expect(s.targets.mainTargetFor('19', 2029)?.bp).toBe(4600);
  });

  it('rejects each bad row with its line and reason, saving nothing of it', async () => {
    const lines = await importRows([
      '19.99,RPJMD X,Perda,2029,50',
      '19,RPJMD X,Perda,29,50',
      '19,RPJMD X,Perda,2029,lima puluh',
      '19,,Perda,2029,50',
      '19,RPJMD X,,2029,50',
      '19,RPJMD X,Perda,2029,150',
      '19,RPJMD X,Perda,2029,50,extra',
      '19,RPJMD X,Perda,2030,50',
      '19,rpjmd x,Perda,2030,51',
    ]);
    expect(lines.map((l) => [l.line, l.outcome])).toEqual([
      [2, 'rejected'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'rejected'],
      [7, 'rejected'],
      [8, 'rejected'],
      [9, 'saved'],
      [10, 'rejected'],
    ]);
    expect(lines[0]?.detail).toContain('kode wilayah “19.99” tidak dikenal');
    expect(lines[1]?.detail).toContain('Tahun “29”');
    expect(lines[2]?.detail).toContain('bukan persentase');
    expect(lines[3]?.detail).toContain('Sumber target belum diisi');
    expect(lines[4]?.detail).toContain('Rujukan belum diisi');
    expect(lines[5]?.detail).toContain('melebihi 100%');
    expect(lines[6]?.detail).toContain('kolom berlebih');
    expect(lines[8]?.detail).toContain('duplikat baris 9');
    expect((await open()).targets.seriesFor('19').filter((s) => s.origin === 'entered').map((s) => s.points)).toEqual([[{ year: 2030, bp: 5000 }]]);
  });

  it('runs from the command line with the exit codes of the other imports', async () => {
    const file = join(dir, 'target.csv');
    const env = { DATA_DIR: join(dir, 'data') };
    await writeFile(file, [HEADER, '19,x', `19,${RPJMD},Perda Provinsi Nomor 1 Tahun 2025,2029,"45,5%"`].join('\n'));
    const mixed = await runTs('src/cli/main.ts', ['import', 'targets', file], env, dir);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toContain('Impor target dari');
    expect(mixed.stdout).toContain(`baris 3: Provinsi Kepulauan Bangka Belitung (19), ${RPJMD} 2029: disimpan.`);
    expect(mixed.stdout).toContain('Ringkasan: 1 disimpan, 0 tidak berubah, 1 ditolak, dari 2 baris.');
    await writeFile(file, 'region_code;year\n19;2029');
    expect((await runTs('src/cli/main.ts', ['import', 'targets', file], env, dir)).code).toBe(2);
    expect((await runTs('src/cli/main.ts', ['import', 'targets', file, '--terima-peringatan'], env, dir)).code).toBe(2);
    const check = await runTs('src/cli/main.ts', ['check'], env, dir);
    expect(check.code).toBe(0);
  });
});
