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

export class StoreLockedError extends StoreError {
  override name = 'StoreLockedError';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Folder data ${dir} sedang dipakai oleh proses lain (PID ${pid}). ` +
        'Hanya satu proses boleh memakai satu folder data: hentikan proses itu dulu.',
    );
  }
}
