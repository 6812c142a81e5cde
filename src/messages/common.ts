import type { Access } from '../bot/context.js';
import { bold, code, html, lines, type Html } from './html.js';

export const BOT_NAME = 'UC Bot';

const ROLE_NAMES: Record<Access['role'], string> = {
  admin: 'admin',
  coordinator: 'koordinator',
  staff: 'petugas',
  viewer: 'pemantau',
  unknown: 'belum terdaftar',
};

const about = (): Html =>
  lines(
    html`${bold(BOT_NAME)} membantu pemerintah daerah memantau capaian ${bold('Universal Coverage Jaminan Sosial Ketenagakerjaan')} (UC Jamsosnaker): berapa pekerja di tiap kabupaten/kota yang terlindungi program BPJS Ketenagakerjaan (JKK, JKM, JHT, dan JP).`,
  );

export function notRegisteredMessage(telegramId: number): Html {
  return lines(
    'Mohon maaf, Bapak/Ibu belum terdaftar sebagai pengguna UC Bot.',
    html`Akses diberikan oleh admin atau koordinator UC Jamsosnaker. Mohon sampaikan ID Telegram Bapak/Ibu, ${code(telegramId)}, beserta nama instansi kepada admin atau koordinator wilayah Bapak/Ibu.`,
  );
}

export function startMessage(access: Access, telegramId: number, firstName: string): Html {
  if (access.role === 'unknown') {
    return lines(html`Selamat datang, ${firstName}.`, '', about(), '', notRegisteredMessage(telegramId));
  }
  return lines(
    html`Selamat datang, ${firstName}. Bapak/Ibu terdaftar sebagai ${bold(ROLE_NAMES[access.role])}.`,
    '',
    about(),
    '',
    helpBody(),
  );
}

const helpBody = (): Html =>
  lines(
    bold('Perintah yang dapat Bapak/Ibu gunakan'),
    html`• ${bold('/cakupan')} ${code('nama wilayah')}: capaian terbaru sebuah kabupaten/kota, provinsi, atau nasional.`,
    '  Contoh: /cakupan Pangkalpinang · /cakupan Babel · /cakupan 19.71 · /cakupan nasional',
    html`• ${bold('/bantuan')}: menampilkan petunjuk ini.`,
    '',
    'Nama wilayah boleh ditulis bebas (huruf besar/kecil, spasi, singkatan seperti Kab., Kota, Prov., Babel, Jabar).',
  );

export function helpMessage(access: Access, telegramId: number): Html {
  if (access.role === 'unknown') return lines(about(), '', notRegisteredMessage(telegramId));
  return helpBody();
}

export const unknownCommandMessage = (): Html =>
  html`Mohon maaf, perintah tersebut tidak dikenal. Ketik ${bold('/bantuan')} untuk melihat perintah yang tersedia.`;

export const plainTextHintMessage = (): Html =>
  html`Untuk melihat capaian sebuah wilayah, ketik ${bold('/cakupan')} diikuti nama wilayahnya, misalnya /cakupan Pangkalpinang. Ketik ${bold('/bantuan')} untuk petunjuk lengkap.`;

export const internalErrorMessage = (): Html =>
  html`Mohon maaf, terjadi kendala saat memproses permintaan Bapak/Ibu. Data yang tersimpan tidak berubah. Silakan coba lagi beberapa saat lagi.`;

/** The command menu, in Indonesian (product.md: the menu shows the Indonesian command). */
export const COMMAND_MENU = [
  { command: 'cakupan', description: 'Capaian UC Jamsosnaker sebuah wilayah' },
  { command: 'bantuan', description: 'Petunjuk penggunaan' },
];
