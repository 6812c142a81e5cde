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

/** Time left before an event, as a reminder says it when it is sent: `1 jam 20 menit lagi`. */
export function countdownText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'kurang dari 1 menit lagi';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} hari${hours > 0 ? ` ${hours} jam` : ''} lagi`;
  if (hours > 0) return `${hours} jam${mins > 0 ? ` ${mins} menit` : ''} lagi`;
  return `${mins} menit lagi`;
}
