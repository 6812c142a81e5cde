import type { FileProblem, StoreProblem } from '../domain/store-problems.js';

const fileProblemText = (p: FileProblem): string => {
  switch (p.kind) {
    case 'unreadable':
      return `tidak dapat dibaca: ${p.detail}`;
    case 'not_json':
      return `bukan JSON yang sah: ${p.detail}`;
    case 'schema':
      return `isi tidak sesuai skema di ${p.where}: ${p.detail}`;
    case 'unknown_file':
      return 'berkas tidak dikenal oleh UC Bot';
    case 'zeroed':
      return p.whole
        ? `seluruh isinya (${p.bytes} bait) berupa bait NUL: datanya tidak sempat sampai ke disk sebelum mesin mati, sehingga berkas ini terbaca kosong. Saat bot dijalankan, bait itu disisihkan. Pulihkan berkas ini dari cadangan terbaru (restore) bila cadangan memuatnya`
        : `${p.bytes} bait terakhirnya berupa bait NUL: baris terakhir tidak sempat sampai ke disk sebelum mesin mati. Saat bot dijalankan, bait itu disisihkan dan baris sebelumnya tetap dibaca. Bandingkan dengan cadangan terbaru`;
  }
};

/** A torn last line of an append-only file (a crash mid-append), for `cli check`: not damage, and what happens to it. */
export const tornTailText = (file: string, bytes: number): string =>
  `BARIS TERAKHIR TERPOTONG: ${file}: ${bytes} bait terakhir bukan baris utuh (bekas mati mendadak saat menulis). Ini bukan kerusakan: saat bot dijalankan berikutnya, potongan itu disisihkan (reports-torn/ atau audit/torn/) dan semua baris sebelumnya tetap dibaca. Jangan memulihkan dari cadangan karena hal ini: revisi sejak cadangan itu akan hilang.`;

/** One file's problem, for `cli check` (the file is named by the caller). */
export const checkProblemText = fileProblemText;

/** What stopped the store, for the operator: what happened, that nothing was changed, and what to do. */
export function storeErrorText(p: StoreProblem): string {
  switch (p.kind) {
    case 'corrupt':
      return `Berkas data tidak dapat dibaca: ${p.file} (${fileProblemText(p.problem)}). Berkas ini tidak diubah. Perbaiki atau pulihkan dari folder backups/, lalu jalankan ulang.`;
    case 'locked': {
      const { holder } = p;
      const who = `${holder.pid !== undefined ? `PID ${holder.pid}` : 'PID tidak diketahui'}${holder.host ? ` di ${holder.host}` : ''}`;
      const seconds = Math.round(holder.ageMs / 1000);
      const wait = Math.max(1, Math.ceil((holder.staleAfterMs - holder.ageMs) / 1000));
      const advice =
        holder.why === 'alive'
          ? 'Proses itu masih berjalan di mesin ini: hentikan dulu, lalu jalankan ulang.'
          : holder.why === 'same_process'
            ? 'Folder ini sudah dibuka oleh proses ini sendiri.'
            : `Kunci itu diperbarui ${seconds} detik lalu, jadi tampaknya masih dipakai. Bila proses itu sudah mati, kunci dianggap usang ${wait} detik lagi: jalankan ulang setelah itu. Jangan menghapus ${p.dir}/store.lock selama proses lain mungkin masih menulis.`;
      return `Folder data ${p.dir} sedang dipakai oleh proses lain (${who}). Hanya satu proses boleh memakai satu folder data. ${advice}`;
    }
    case 'disk_full':
      return `Ruang disk untuk folder data ${p.dir} sudah penuh, sehingga bot tidak dapat menulis dan tidak dijalankan. Tidak ada data yang diubah. Kosongkan ruang pada disk tersebut (misalnya cadangan lama di ${p.dir}/backups, berkas log, atau berkas lain yang tidak diperlukan), lalu jalankan ulang.`;
    case 'newer_schema':
      return `Data ditulis oleh versi UC Bot yang lebih baru (skema ${p.stored}; versi ini memahami skema ${p.current}). Perbarui UC Bot; data tidak diubah.`;
    case 'migration_gap':
      return `Tidak ada langkah migrasi data dari skema ${p.from}; data tidak diubah.`;
  }
}

export const tokenRejectedText = (): string => 'Token bot ditolak oleh Telegram (401 Unauthorized): periksa BOT_TOKEN.';
