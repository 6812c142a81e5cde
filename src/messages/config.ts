import type { OffsetError } from '../domain/durations.js';

/** What the operator reads when a setting is wrong: one line naming the key (config.ts adds it) and the fix. */
export const CONFIG_TEXT = {
  idList: 'harus berisi ID Telegram berupa angka, dipisah koma (contoh: 123456789,987654321)',
  positiveInt: 'harus berupa bilangan bulat positif',
  tokenMissing: 'wajib diisi (token bot dari @BotFather)',
  tokenShape: 'bukan token bot yang sah (bentuknya 123456:ABC-DEF...)',
  url: 'harus berupa URL, contoh https://api.telegram.org',
  logLevel: (levels: readonly string[]): string => `harus salah satu dari ${levels.join(', ')}`,
  deadline: 'harus berupa hari dan jam, misalnya "Jumat 15.00"',
  fsync: 'FSYNC harus on (setiap laporan ditulis tuntas ke disk sebelum dijawab) atau off',
  unverifiedInTotals: 'UNVERIFIED_IN_TOTALS harus count (dihitung, ditandai) atau exclude (tidak dihitung)',
  offset: (e: OffsetError): string => `"${e.input}" bukan jarak waktu yang dikenal (contoh: 3d, 1d, 2h, 30m)`,
  invalid: (key: string, why: string | undefined): string => `Konfigurasi tidak valid: ${key} ${why ?? 'tidak sah'}.`,
  anyKey: 'konfigurasi',
  webhookUrl: 'harus berupa URL https dengan path tersendiri, contoh https://bot.contoh.go.id/telegram/uc-bot',
  webhookSecretMissing: 'wajib diisi bila WEBHOOK_URL diisi (1 sampai 256 karakter A-Z, a-z, 0-9, _ atau -)',
  webhookSecret: 'harus 1 sampai 256 karakter A-Z, a-z, 0-9, _ atau -',
  port: 'harus berupa nomor port 1 sampai 65535',
};
