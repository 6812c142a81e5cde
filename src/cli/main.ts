import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCliConfig, readEnvironment } from '../config.js';
import { loadOfficialRegions } from '../domain/regions/official.js';
import { StoreError } from '../store/errors.js';
import { listBackups, restoreBackup } from '../store/backup.js';
import { checkBackups, checkDataFiles } from '../store/check.js';
import { acquireLock } from '../store/lock.js';
import type { Actor } from '../store/schema.js';
import { createStore, type Store } from '../store/store.js';
import { importBaselines } from './import-baselines.js';
import { importReports, REPORT_HEADER, type ImportResult } from './import-reports.js';
import { runPeopleCommand } from './people.js';

const USAGE = `Penggunaan: npm run cli -- <perintah>

  import reports <berkas.csv> [--terima-peringatan]
      Impor laporan mingguan. Judul kolom:
      ${REPORT_HEADER.join(',')}
  import baselines <berkas.csv>
      Impor data penduduk bekerja dan target per tahun. Judul kolom:
      region_code,year,workforce_total,workforce_source,workforce_formal,workforce_informal,target_pct
  check [--cadangan]
      Membaca dan memeriksa seluruh berkas data (laporan, audit, kotak keluar, pengguna, dan lainnya) dan
      menyebut setiap berkas yang rusak. Dengan --cadangan, setiap cadangan di backups/ juga diperiksa.
  backups
      Menampilkan cadangan yang tersedia.
  restore <cadangan>
      Memulihkan folder data dari sebuah cadangan (nama seperti 2026-11-24T03-00-00Z). Bot harus dihentikan.
      Berkas yang diganti disisihkan ke backups/.replaced-<waktu>/.
  grant <ID Telegram> <peran> [wilayah] [--nama "Nama Lengkap"]
      Memberi peran: koordinator (provinsi atau nasional), petugas (satu unit), pemantau (unit, provinsi, nasional).
      Wilayah ditulis dengan kode (19, 19.71) atau "nasional". Contoh: grant 123456789 koordinator 19 --nama "Rina"
  revoke <ID Telegram>
      Mencabut akses seseorang.
  audit [jumlah]
      Menampilkan catatan audit terbaru (bawaan 50).

Folder data diambil dari DATA_DIR (bawaan ./data). Bot harus dihentikan dulu: satu folder data hanya untuk satu proses.`;

const OPERATOR: Actor = { telegramId: null, name: 'Operator (baris perintah)' };

/** Exit codes: 0 all good, 1 some rows rejected or data unreadable, 2 the command itself was wrong. */
async function run(args: string[], out: (s: string) => void): Promise<number> {
  const [command, kind, file, ...flags] = args;
  if (command === undefined || command === 'help' || command === '--help') {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const config = parseCliConfig(readEnvironment());
  if (!config.ok) {
    out(config.error);
    return 2;
  }
  const now = new Date();
  if (command === 'check') {
    const unknown = args.slice(1).filter((a) => a !== '--cadangan' && a !== '--backups');
    if (unknown.length > 0) {
      out(`Pilihan tidak dikenal: ${unknown.join(' ')}\n\n${USAGE}`);
      return 2;
    }
    return withLock(config.value.dataDir, out, async () => {
      const live = await checkDataFiles(config.value.dataDir);
      let broken = live.problems.length;
      for (const p of live.problems) out(`RUSAK: ${p.file}: ${p.reason}`);
      if (args.includes('--cadangan') || args.includes('--backups')) {
        for (const b of await checkBackups(config.value.dataDir)) {
          for (const p of b.problems) out(`RUSAK (cadangan ${b.name}): ${p.file}: ${p.reason}`);
          out(`Cadangan ${b.name}: ${b.files} berkas, ${b.problems.length === 0 ? 'semuanya sah' : `${b.problems.length} rusak`}.`);
          broken += b.problems.length;
        }
      }
      out(
        live.problems.length === 0
          ? `Data di ${config.value.dataDir} terbaca dan sah: ${live.reportFiles} berkas laporan dan ${live.files - live.reportFiles} berkas lain (audit, kotak keluar, pengguna, dan lainnya).`
          : `Data di ${config.value.dataDir}: ${live.problems.length} dari ${live.files} berkas rusak. Perbaiki atau pulihkan dari cadangan (restore), lalu periksa lagi.`,
      );
      return broken === 0 ? 0 : 1;
    });
  }
  if (command === 'backups') {
    const names = await listBackups(config.value.dataDir);
    out(names.length === 0 ? 'Belum ada cadangan.' : `Cadangan tersedia (terlama dahulu):\n${names.map((n) => `  ${n}`).join('\n')}`);
    return 0;
  }
  if (command === 'restore') {
    const stamp = kind;
    if (stamp === undefined || !(await listBackups(config.value.dataDir)).includes(stamp)) {
      out(`Cadangan ${stamp ?? '(tidak disebut)'} tidak ada. Lihat daftarnya dengan: npm run cli -- backups`);
      return 2;
    }
    const restored = await withLock(config.value.dataDir, out, async () => {
      await restoreBackup(config.value.dataDir, stamp, now);
      return 0;
    });
    if (restored !== 0) return restored;
    out(`Folder data ${config.value.dataDir} dipulihkan dari cadangan ${stamp}. Berkas yang diganti disimpan di backups/.replaced-*. Jalankan check untuk memeriksanya.`);
    return 0;
  }
  if (command === 'grant' || command === 'revoke' || command === 'audit') {
    const regions = await loadOfficialRegions();
    return withStore(config.value.dataDir, now, out, (store) => runPeopleCommand(command, args.slice(1), { store, regions, now, out }));
  }
  if (command !== 'import' || (kind !== 'reports' && kind !== 'baselines') || file === undefined) {
    out(USAGE);
    return 2;
  }
  const unknownFlags = flags.filter((f) => f !== '--terima-peringatan' && f !== '--accept-warnings');
  if (unknownFlags.length > 0 || (kind === 'baselines' && flags.length > 0)) {
    out(`Pilihan tidak dikenal: ${flags.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (e) {
    out(`Berkas ${file} tidak dapat dibaca: ${(e as Error).message}`);
    return 2;
  }
  const regions = await loadOfficialRegions();
  return withStore(config.value.dataDir, now, out, async (store) => {
    const deps = { store, regions, now, actor: OPERATOR, fileName: basename(file) };
    const result =
      kind === 'reports'
        ? await importReports(content, { ...deps, acceptWarnings: flags.length > 0 })
        : await importBaselines(content, deps);
    return printResult(result, kind === 'reports' ? 'laporan mingguan' : 'baseline', file, out);
  });
}

/** The data folder's lock alone, without opening the store: for commands that must work on broken data. */
async function withLock(dataDir: string, out: (s: string) => void, body: () => Promise<number>): Promise<number> {
  let lock: { release: () => Promise<void> };
  try {
    lock = await acquireLock(dataDir);
  } catch (e) {
    if (e instanceof StoreError) {
      out(e.message);
      return 1;
    }
    throw e;
  }
  try {
    return await body();
  } finally {
    await lock.release();
  }
}

async function withStore(
  dataDir: string,
  now: Date,
  out: (s: string) => void,
  body: (store: Store) => Promise<number>,
): Promise<number> {
  let store: Store;
  try {
    store = await createStore(dataDir, { clock: () => now });
  } catch (e) {
    if (e instanceof StoreError) {
      out(e.message);
      return 1;
    }
    throw e;
  }
  try {
    return await body(store);
  } catch (e) {
    if (e instanceof StoreError) {
      out(e.message);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}

function printResult(result: ImportResult, what: string, file: string, out: (s: string) => void): number {
  if (!result.ok) {
    out(`Impor ${what} dari ${file} dibatalkan, tidak ada yang disimpan: ${result.error}`);
    return 2;
  }
  const { lines } = result;
  out(`Impor ${what} dari ${file}`);
  for (const l of lines.filter((x) => x.outcome !== 'rejected')) out(`  baris ${l.line}: ${l.label}: ${l.detail}`);
  const rejected = lines.filter((x) => x.outcome === 'rejected');
  if (rejected.length > 0) {
    out('Ditolak (tidak disimpan):');
    for (const l of rejected) out(`  baris ${l.line}: ${l.label}: ${l.detail}`);
  }
  const count = (o: string): number => lines.filter((x) => x.outcome === o).length;
  out(
    `Ringkasan: ${count('saved')} disimpan, ${count('unchanged')} tidak berubah, ${rejected.length} ditolak, dari ${lines.length} baris.`,
  );
  return rejected.length > 0 ? 1 : 0;
}

run(process.argv.slice(2), (s) => console.log(s)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
