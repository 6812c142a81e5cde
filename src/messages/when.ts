import type { WhenError } from '../domain/when.js';

export function whenErrorText(e: WhenError): string {
  switch (e.kind) {
    case 'date_format':
      return `“${e.input}” bukan tanggal yang dikenali. Tulis misalnya Jumat 23/5, 23 Mei 2026, atau 2026-05-23.`;
    case 'no_such_date':
      return `tanggal “${e.input}” tidak ada di kalender.`;
    case 'weekday_mismatch':
      return `hari dan tanggal “${e.input}” tidak cocok: tanggal itu jatuh pada hari ${e.actual}.`;
    case 'time_format':
      return `“${e.input}” bukan jam yang dikenali. Tulis misalnya 09.00 WIB atau 14.30 WITA.`;
    case 'past':
      return `waktu “${e.input}” sudah lewat. Mohon pilih waktu yang akan datang.`;
  }
}
