/** What the operator reads on the command line (npm run cli). */

export const cliUsage = (reportHeader: readonly string[]): string => `Penggunaan: npm run cli -- <perintah>

  import reports <berkas.csv> [--terima-peringatan]
      Impor laporan mingguan. Judul kolom:
      ${reportHeader.join(',')}
  import baselines <berkas.csv>
      Impor data penduduk bekerja dan target per tahun. Judul kolom:
      region_code,year,workforce_total,workforce_source,workforce_formal,workforce_informal,target_pct
  import targets <berkas.csv>
      Impor target capaian UC beserta sumbernya, satu baris per tahun yang disebut dokumen. Judul kolom:
      region_code,source,reference,year,target_pct   (region_code: 19, 19.71 atau nasional)
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
  export xlsx|csv <wilayah> [periode] --out <berkas>
      Rekap XLSX (lembar Rekap, Tren, Metadata) atau laporan mingguan sebagai CSV dengan judul kolom impor di atas
      (berkas CSV ini dapat diimpor kembali). Wilayah: kode (19, 19.71) atau "nasional". Periode: 2026-W48,
      "minggu 48", 2026-W40..2026-W48, atau 2026; tanpa periode: minggu ini.
      Contoh: export xlsx 19 2026-W40..2026-W48 --out rekap-babel.xlsx
  person-export <ID Telegram> --out <berkas.json>
      Semua data satu orang yang disimpan bot (permintaan akses data pribadi menurut UU 27/2022): data pengguna,
      permohonan, undangan, kehadiran sesi, setiap laporan, keputusan, dan catatan audit yang menyebutnya.
  person-remove <ID Telegram> --yakin
      Menyamarkan data satu orang atas permintaannya: namanya diganti "Pengguna terhapus <kode>" di setiap catatan
      (laporan dan jejak audit tetap utuh dan berurutan), aksesnya dicabut, percakapan terpandunya dihapus.
      Cadangan lama masih memuat namanya sampai tergeser (BACKUP_KEEP). Bot harus dihentikan.
  paparan <wilayah> [minggu] --out <berkas.pptx>
      Bahan paparan sesi monitoring: berkas PowerPoint, dan lembar ringkasan PNG di sebelahnya (<berkas>-ringkasan.png);
      narasinya dicetak di layar. Wilayah: kode, nama (Babel) atau "nasional"; tanpa minggu: minggu ini.
      Contoh: paparan Babel --out paparan-babel.pptx

Folder data diambil dari DATA_DIR (bawaan ./data). Bot harus dihentikan dulu: satu folder data hanya untuk satu proses.`;

type ImportKind = 'reports' | 'baselines' | 'targets';
const WHAT: Record<ImportKind, string> = { reports: 'laporan mingguan', baselines: 'baseline', targets: 'target' };

export const CLI = {
  operatorName: 'Operator (baris perintah)',
  unknownScope: (text: string): string => `Wilayah “${text}” tidak dikenal. Tulis kode wilayah (19, 19.71) atau "nasional".`,
  exported: (file: string, rows: number): string => `Tersimpan: ${file} (${rows} baris data).`,
  packSaved: (deck: string, slides: number, brief: string): string => `Tersimpan: ${deck} (${slides} slide) dan ${brief}.`,
  packNoData: (name: string): string => `Belum ada laporan untuk ${name} hingga minggu itu; bahan paparan tidak dibuat.`,
  unknownOptions: (options: readonly string[], usage: string): string => `Pilihan tidak dikenal: ${options.join(' ')}\n\n${usage}`,
  broken: (file: string, why: string): string => `RUSAK: ${file}: ${why}`,
  brokenInBackup: (backup: string, file: string, why: string): string => `RUSAK (cadangan ${backup}): ${file}: ${why}`,
  backupChecked: (backup: string, files: number, broken: number): string =>
    `Cadangan ${backup}: ${files} berkas, ${broken === 0 ? 'semuanya sah' : `${broken} rusak`}.`,
  checked: (dir: string, files: number, reportFiles: number, broken: number): string =>
    broken === 0
      ? `Data di ${dir} terbaca dan sah: ${reportFiles} berkas laporan dan ${files - reportFiles} berkas lain (audit, kotak keluar, pengguna, dan lainnya).`
      : `Data di ${dir}: ${broken} dari ${files} berkas rusak. Perbaiki atau pulihkan dari cadangan (restore), lalu periksa lagi.`,
  backupList: (names: readonly string[]): string =>
    names.length === 0 ? 'Belum ada cadangan.' : `Cadangan tersedia (terlama dahulu):\n${names.map((n) => `  ${n}`).join('\n')}`,
  noSuchBackup: (stamp: string | undefined): string => `Cadangan ${stamp ?? '(tidak disebut)'} tidak ada. Lihat daftarnya dengan: npm run cli -- backups`,
  restored: (dir: string, stamp: string): string =>
    `Folder data ${dir} dipulihkan dari cadangan ${stamp}. Berkas yang diganti disimpan di backups/.replaced-*. Jalankan check untuk memeriksanya.`,
  unreadableFile: (file: string, why: string): string => `Berkas ${file} tidak dapat dibaca: ${why}`,
  importAborted: (kind: ImportKind, file: string, why: string): string => `Impor ${WHAT[kind]} dari ${file} dibatalkan, tidak ada yang disimpan: ${why}`,
  importHeading: (kind: ImportKind, file: string): string => `Impor ${WHAT[kind]} dari ${file}`,
  importLine: (line: number, label: string, detail: string): string => `  baris ${line}: ${label}: ${detail}`,
  rejectedHeading: (): string => 'Ditolak (tidak disimpan):',
  importSummary: (saved: number, unchanged: number, rejected: number, total: number): string =>
    `Ringkasan: ${saved} disimpan, ${unchanged} tidak berubah, ${rejected} ditolak, dari ${total} baris.`,
};

/** Why an imported row was refused, or what became of it. */
export const IMPORT_TEXT = {
  empty: '(kosong)',
  unknownCode: (code: string): string => `kode wilayah “${code}” tidak dikenal.`,
  extraColumns: (extra: string): string => `ada kolom berlebih: “${extra}”.`,
  weekFormat: 'minggu harus ditulis seperti 2026-W48.',
  noSuchWeek: 'minggu tersebut tidak ada pada tahun itu.',
  futureWeek: 'minggu tersebut belum terjadi.',
  duplicateWeek: (line: number): string => `duplikat baris ${line} (unit dan minggu yang sama).`,
  duplicateYear: (line: number): string => `duplikat baris ${line} (unit dan tahun yang sama).`,
  duplicateTarget: (line: number): string => `duplikat baris ${line} (wilayah, sumber dan tahun yang sama).`,
  provinceCell: (field: string): string => `kolom ${field} harus kosong untuk unit provinsi (peserta provinsi adalah jumlah kab/kota).`,
  cell: (field: string, why: string): string => `kolom ${field}: ${why}`,
  cellMissing: (field: string): string => `kolom ${field} belum diisi.`,
  yearFormat: 'tahun harus ditulis empat angka, misalnya 2026.',
  needsConfirmation: (warnings: string): string => `perlu konfirmasi: ${warnings} Bila angka ini benar, jalankan ulang dengan --terima-peringatan.`,
  unchanged: 'sudah tersimpan dengan angka yang sama.',
  saved: 'disimpan.',
  savedAs: (revision: string): string => `disimpan sebagai ${revision}.`,
  replaced: 'disimpan, menggantikan angka sebelumnya.',
  auditPending: ' Catatan auditnya belum tertulis dan akan ditulis saat data dibuka berikutnya.',
  csvUnreadable: (why: string): string => `berkas CSV tidak dapat dibaca: ${why}`,
  header: (expected: readonly string[], got: readonly string[]): string => `baris judul harus persis: ${expected.join(',')} (ditemukan: ${got.join(',') || 'kosong'})`,
};

/** grant / revoke / audit on the command line. */
export const PEOPLE_TEXT = {
  auditCount: 'Jumlah catatan harus bilangan bulat positif, misalnya: audit 100',
  idFormat: 'ID Telegram harus berupa angka, misalnya 123456789.',
  noActiveUser: (id: number): string => `Tidak ada pengguna aktif dengan ID ${id}.`,
  revoked: (name: string, id: number, roleAndScope: string): string => `Akses ${name} (ID ${id}) sebagai ${roleAndScope} telah dicabut.`,
  roleChoice: 'Peran harus salah satu dari: koordinator, petugas, pemantau.',
  unknownRegion: (arg: string): string => `Wilayah “${arg}” tidak dikenal. Tulis kodenya (misalnya 19 atau 19.71) atau "nasional".`,
  coordinatorScope: 'Koordinator ditetapkan untuk satu provinsi (misalnya 19) atau nasional.',
  staffScope: 'Petugas ditetapkan untuk satu unit pelapor (misalnya 19.71, atau 19 untuk pemerintah provinsi).',
  granted: (name: string, id: number, now: string, replaced: string | undefined): string =>
    `${name} (ID ${id}) kini ${now}${replaced ? `, menggantikan peran ${replaced}` : ''}.`,
};

/** One person's data (UU 27/2022): export and pseudonymisation on the command line. */
export const PERSON_TEXT = {
  usage: 'Penggunaan: person-export <ID Telegram> --out <berkas.json>, atau person-remove <ID Telegram> --yakin',
  exported: (id: number, file: string, records: number, files: number): string =>
    records === 0 ? `Tidak ada data tentang ID ${id} di folder data. Berkas ${file} tetap ditulis (kosong).` : `Data ID ${id} tersimpan di ${file}: ${records} catatan dari ${files} berkas. Berkas ini memuat data pribadi: serahkan hanya kepada yang bersangkutan.`,
  confirm: (id: number): string => `Penyamaran data ID ${id} tidak dapat dibatalkan. Ulangi dengan --yakin untuk melanjutkan.`,
  removed: (id: number, pseudonym: string, files: number, sessions: number): string =>
    `Data ID ${id} telah disamarkan sebagai "${pseudonym}" di ${files} berkas; ${sessions} percakapan terpandu dihapus; aksesnya (bila ada) dicabut. Cadangan lama masih memuat nama aslinya sampai tergeser.`,
  nothing: (id: number): string => `Tidak ada data tentang ID ${id} di folder data; tidak ada yang diubah.`,
};
