import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importBaselines } from '../../src/cli/import-baselines.js';
import { importReports, REPORT_HEADER, type ImportLine } from '../../src/cli/import-reports.js';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { createStore, type Store } from '../../src/store/store.js';
import { officialRegions } from '../helpers/regions.js';
import { runTs } from '../helpers/spawn.js';

const NOW = new Date('2026-11-24T03:00:00Z');
const ACTOR = { telegramId: null, name: 'Operator (uji)' };
const HEADER = REPORT_HEADER.join(',');
const GOOD = [
  '19.71,2026-W47,38.700,11.050,2.160,58,4.120,4.120,4.120,1.600,0',
  '19.71,2026-W48,38.905,11.200,2.205,58,4.120,4.120,4.120,1.650,0',
  '19,2026-W48,,,,,6.800,6.800,6.800,2.100,450',
  '1904,2026-W48,13rb,"4,7rb",820,75,2.450,2.450,2.450,610,0',
];
const BAD = [
  '19.05,2026-W48,abc,5.600,1.100,120,2.600,2.600,2.600,800,0',
  '19.06,2026-W48,"1,250",3.300,560,45,1.900,1.900,1.900,350,0',
  '19.01,2026-W48,-5,1,1,1,1,1,1,1,1',
  '19.99,2026-W48,1,1,1,1,1,1,1,1,1',
  '19.02,2027-W01,1,1,1,1,1,1,1,1,1',
  '19.03,2026-W48,1,1,1,1,10,11,10,1,1',
  '19,2026-W47,5,,,,6.800,6.800,6.800,2.100,450',
  '19.71,2026-W48,1,1,1,1,1,1,1,1,1',
  '19.04,2026-W47,1,,1,1,1,1,1,1,1',
];

let regions: RegionDirectory;
let dir: string;
let store: Store | undefined;
beforeAll(async () => {
  regions = await officialRegions();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-cli-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

const open = async (): Promise<Store> => (store = await createStore(dir, { clock: () => NOW }));
const reports = async (rows: string[], acceptWarnings = false) => {
  const r = await importReports([HEADER, ...rows].join('\n'), {
    store: store ?? (await open()),
    regions,
    now: NOW,
    actor: ACTOR,
    fileName: 'uji.csv',
    acceptWarnings,
  });
  if (!r.ok) throw new Error(r.error);
  return r.lines;
};
const byLine = (lines: ImportLine[]) => Object.fromEntries(lines.map((l) => [l.line, `${l.outcome}: ${l.detail}`]));

describe('import reports', () => {
  it('saves good rows, rejects bad ones with their line and reason, and half-saves nothing', async () => {
    const lines = byLine(await reports([...GOOD, ...BAD]));
    expect(lines[2]).toBe('saved: disimpan.');
    expect(lines[4]).toBe('saved: disimpan.');
    expect(lines[5]).toBe('saved: disimpan.');
    expect(lines[6]).toContain('rejected: kolom active_pu: “abc” bukan angka');
    expect(lines[7]).toContain('rejected: kolom active_pu: “1,250” bisa berarti 1.250');
    expect(lines[8]).toContain('rejected: kolom active_pu: “-5” bernilai negatif');
    expect(lines[9]).toBe('rejected: kode wilayah “19.99” tidak dikenal.');
    expect(lines[10]).toBe('rejected: minggu tersebut belum terjadi.');
    expect(lines[11]).toContain('rejected: Non-ASN terlindungi JKK (11) melebihi jumlah pegawai non-ASN (10)');
    expect(lines[12]).toContain('rejected: kolom active_pu harus kosong untuk unit provinsi');
    expect(lines[13]).toBe('rejected: duplikat baris 3 (unit dan minggu yang sama).');
    expect(lines[14]).toContain('rejected: Peserta aktif Bukan Penerima Upah (pekerja informal) belum diisi.');
    const s = store as Store;
    expect((await s.reports.get('19.04', '2026-W48'))?.latest.figures).toMatchObject({ active_pu: 13_000, active_bpu: 4_700 });
    for (const code of ['19.05', '19.06', '19.01', '19.02', '19.03']) expect(await s.reports.latest(code)).toBeUndefined();
    expect((await s.reports.get('19.71', '2026-W48'))?.revisions).toHaveLength(1);
    expect((await s.reports.get('19', '2026-W47'))).toBeUndefined();
    expect((await s.audit.recent(10)).map((e) => `${e.action} ${e.unitCode ?? ''}`).sort()).toEqual([
      'report.submit 19',
      'report.submit 19.04',
      'report.submit 19.71',
      'report.submit 19.71',
    ]);
  });

  it('adds nothing when the same file is imported twice, and records a changed row as a correction', async () => {
    await reports(GOOD);
    const again = await reports(GOOD);
    expect(again.every((l) => l.outcome === 'unchanged')).toBe(true);
    const corrected = await reports(['19.71,2026-W48,39.000,11.200,2.205,58,4.120,4.120,4.120,1.650,0']);
    expect(corrected[0]?.detail).toBe('disimpan sebagai koreksi ke-1.');
    expect((await store?.reports.get('19.71', '2026-W48'))?.revisions.map((r) => r.figures.active_pu)).toEqual([38_905, 39_000]);
  });

  it('asks for confirmation of soft warnings, like a chat submission', async () => {
    await reports(GOOD);
    const drop = ['19.71,2026-W48,30.000,11.200,2.205,58,4.120,4.120,4.120,1.650,0'];
    const refused = await reports(drop);
    expect(refused[0]?.outcome).toBe('rejected');
    expect(refused[0]?.detail).toContain('perlu konfirmasi: Peserta aktif Penerima Upah (pekerja formal) turun 22,5% dibanding laporan sebelumnya (38.700 → 30.000).');
    expect(refused[0]?.detail).toContain('--terima-peringatan');
    const accepted = await reports(drop, true);
    expect(accepted[0]?.outcome).toBe('saved');
  });

  it('reads semicolon files from Indonesian spreadsheets and refuses a wrong header whole', async () => {
    const s = await open();
    const deps = { store: s, regions, now: NOW, actor: ACTOR, fileName: 'x.csv', acceptWarnings: false };
    const semicolon = [HEADER.replace(/,/g, ';'), '19.71;2026-W48;38.905;11.200;2.205;58;4.120;4.120;4.120;1.650;0'].join('\r\n');
    const ok = await importReports(`\uFEFF${semicolon}`, deps);
    expect(ok.ok && ok.lines.map((l) => l.outcome)).toEqual(['saved']);
    const wrong = await importReports('kode,minggu\n19.71,2026-W48', deps);
    expect(wrong.ok).toBe(false);
  });
});

describe('import baselines', () => {
  it('saves, replaces and rejects with reasons', async () => {
    const s = await open();
    const csv = [
      'region_code,year,workforce_total,workforce_source,workforce_formal,workforce_informal,target_pct',
      '19.71,2026,104.000,Sakernas Agustus 2025,58.000,46.000,"55,5%"',
      '19,2026,573.200,Sakernas Agustus 2025,,,',
      '19.01,2026,0,Sakernas,,,',
      '19.02,2026,1.000,,,,',
      '19.03,2026,1.000,Sakernas,900,200,',
      '19.04,2026,1.000,Sakernas,,,120',
    ].join('\n');
    const r = await importBaselines(csv, { store: s, regions, now: NOW, actor: ACTOR, fileName: 'b.csv' });
    expect(r.ok && byLine(r.lines)).toEqual({
      2: 'saved: disimpan.',
      3: 'saved: disimpan.',
      4: 'rejected: jumlah penduduk bekerja harus lebih dari nol.',
      5: 'rejected: sumber data penduduk bekerja (misalnya "Sakernas Agustus 2025") belum diisi.',
      6: 'rejected: pekerja formal + informal (1.100) melebihi jumlah penduduk bekerja (1.000).',
      7: 'rejected: kolom target_pct: “120” melebihi 100%.',
    });
    expect(s.baselines.forYear('19.71', 2026)).toMatchObject({ workforce_total: 104_000, target_pct: 55.5 });
    const again = await importBaselines(csv, { store: s, regions, now: NOW, actor: ACTOR, fileName: 'b.csv' });
    expect(again.ok && again.lines.filter((l) => l.outcome === 'unchanged')).toHaveLength(2);
  });
});

describe('npm run cli as a process', () => {
  it('exits 1 when a row is rejected, 0 when all is well, 2 on a wrong header, and refuses a folder in use', async () => {
    const file = join(dir, 'laporan.csv');
    await writeFile(file, [HEADER, GOOD[1], BAD[0]].join('\n'));
    const env = { DATA_DIR: join(dir, 'data') };
    const mixed = await runTs('src/cli/main.ts', ['import', 'reports', file], env, dir);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toContain('baris 2: Kota Pangkal Pinang (19.71), 2026-W48: disimpan.');
    expect(mixed.stdout).toContain('baris 3: Kabupaten Bangka Barat (19.05), 2026-W48: kolom active_pu');
    expect(mixed.stdout).toContain('Ringkasan: 1 disimpan, 0 tidak berubah, 1 ditolak, dari 2 baris.');

    await writeFile(file, [HEADER, GOOD[1]].join('\n'));
    const clean = await runTs('src/cli/main.ts', ['import', 'reports', file], env, dir);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('tidak berubah');

    await writeFile(file, 'a,b\n1,2');
    expect((await runTs('src/cli/main.ts', ['import', 'reports', file], env, dir)).code).toBe(2);

    const holder = await createStore(join(dir, 'data'), { clock: () => NOW });
    try {
      const busy = await runTs('src/cli/main.ts', ['check'], env, dir);
      expect(busy.code).toBe(1);
      expect(busy.stdout).toContain('sedang dipakai oleh proses lain');
    } finally {
      await holder.close();
    }
    const check = await runTs('src/cli/main.ts', ['check'], env, dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('terbaca dan sah: 1 berkas laporan');
  });
});

describe('people from the command line', () => {
  it('grants, revokes and shows the audit trail, refusing roles outside their kind of scope', async () => {
    const env = { DATA_DIR: join(dir, 'data') };
    const grant = await runTs('src/cli/main.ts', ['grant', '123456', 'koordinator', '19', '--nama', 'Rina Wati'], env, dir);
    expect(grant.code).toBe(0);
    expect(grant.stdout).toContain('Rina Wati (ID 123456) kini koordinator Provinsi Kepulauan Bangka Belitung.');
    const wrong = await runTs('src/cli/main.ts', ['grant', '5', 'petugas', 'nasional'], env, dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('Petugas ditetapkan untuk satu unit pelapor');
    const revoke = await runTs('src/cli/main.ts', ['revoke', '123456'], env, dir);
    expect(revoke.stdout).toContain('telah dicabut');
    const audit = await runTs('src/cli/main.ts', ['audit'], env, dir);
    expect(audit.stdout).toContain('Operator (baris perintah): memberi peran koordinator Provinsi Kepulauan Bangka Belitung kepada Rina Wati');
    expect(audit.stdout).toContain('mencabut akses Rina Wati');
    const store = await open();
    expect(store.users.get(123456)).toBeUndefined();
  });
});
