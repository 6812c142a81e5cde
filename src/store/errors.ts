/** Errors that stop start-up or an operation with a message meant for the operator (Indonesian). */
export class StoreError extends Error {
  override name = 'StoreError';
}

export class StoreCorruptError extends StoreError {
  override name = 'StoreCorruptError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `Berkas data tidak dapat dibaca: ${file} (${reason}). Berkas ini tidak diubah. ` +
        'Perbaiki atau pulihkan dari folder backups/, lalu jalankan ulang.',
    );
  }
}

export interface LockHolder {
  pid?: number | undefined;
  host?: string | undefined;
  /** alive: the owner runs on this machine; fresh: its lock was touched recently; same_process: a second store here. */
  why: 'same_process' | 'alive' | 'fresh';
  ageMs: number;
  staleAfterMs: number;
}

export class StoreLockedError extends StoreError {
  override name = 'StoreLockedError';
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    const who = `${holder.pid !== undefined ? `PID ${holder.pid}` : 'PID tidak diketahui'}${holder.host ? ` di ${holder.host}` : ''}`;
    const seconds = Math.round(holder.ageMs / 1000);
    const wait = Math.max(1, Math.ceil((holder.staleAfterMs - holder.ageMs) / 1000));
    const advice =
      holder.why === 'alive'
        ? 'Proses itu masih berjalan di mesin ini: hentikan dulu, lalu jalankan ulang.'
        : holder.why === 'same_process'
          ? 'Folder ini sudah dibuka oleh proses ini sendiri.'
          : `Kunci itu diperbarui ${seconds} detik lalu, jadi tampaknya masih dipakai. Bila proses itu sudah mati, kunci dianggap usang ${wait} detik lagi: jalankan ulang setelah itu. Jangan menghapus ${dir}/store.lock selama proses lain mungkin masih menulis.`;
    super(`Folder data ${dir} sedang dipakai oleh proses lain (${who}). Hanya satu proses boleh memakai satu folder data. ${advice}`);
  }
}

/** A write failed for lack of space (or quota): say where and what to do, not "ENOSPC ... write". */
export class StoreDiskFullError extends StoreError {
  override name = 'StoreDiskFullError';
  constructor(readonly dir: string) {
    super(
      `Ruang disk untuk folder data ${dir} sudah penuh, sehingga bot tidak dapat menulis dan tidak dijalankan. ` +
        `Tidak ada data yang diubah. Kosongkan ruang pada disk tersebut (misalnya cadangan lama di ${dir}/backups, ` +
        'berkas log, atau berkas lain yang tidak diperlukan), lalu jalankan ulang.',
    );
  }
}

export const isDiskFull = (e: unknown): boolean => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
};
