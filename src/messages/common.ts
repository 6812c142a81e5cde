import type { Access } from '../domain/access.js';
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
    html`Akses diberikan oleh admin atau koordinator UC Jamsosnaker, melalui tautan undangan atau permohonan akses. Ketik ${bold('/start')} di percakapan pribadi dengan bot untuk mengajukan permohonan, atau sampaikan ID Telegram Bapak/Ibu, ${code(telegramId)}, kepada koordinator wilayah Bapak/Ibu.`,
  );
}

export function startMessage(access: Access, telegramId: number, firstName: string): Html {
  if (access.role === 'unknown') {
    return lines(
      html`Selamat datang, ${firstName}.`,
      '',
      about(),
      '',
      'Bapak/Ibu belum terdaftar. Untuk mendapat akses, tekan tombol di bawah untuk mengajukan permohonan kepada admin atau koordinator, atau buka tautan undangan yang Bapak/Ibu terima.',
      html`ID Telegram Bapak/Ibu: ${code(telegramId)}`,
    );
  }
  return lines(
    html`Selamat datang, ${firstName}. Bapak/Ibu terdaftar sebagai ${bold(ROLE_NAMES[access.role])}.`,
    '',
    about(),
    '',
    helpBody(access),
  );
}

const isManager = (access: Access): boolean => access.role === 'admin' || access.role === 'coordinator';

function helpBody(access: Access): Html {
  const manager = isManager(access);
  const linker = manager || access.role === 'staff';
  return lines(
    bold('Perintah yang dapat Bapak/Ibu gunakan'),
    html`• ${bold('/cakupan')} ${code('nama wilayah')} (atau ${bold('/capaian')}): capaian terbaru sebuah kabupaten/kota, provinsi, atau nasional (dalam wilayah akses Bapak/Ibu).`,
    '  Contoh: /cakupan Pangkalpinang · /cakupan Babel · /cakupan 19.71 · /cakupan nasional',
    access.role === 'staff'
      ? html`• ${bold('/lapor')}: mengirim atau mengoreksi laporan mingguan unit Bapak/Ibu, dipandu langkah demi langkah. Laporan yang disiapkan tanpa sinyal dapat dikirim dalam satu pesan: ${code('/lapor minggu 47 pu=38.905 bpu=11.200 jakon=2.205 pmi=58 nonasn=4.120 jkk=4.120 jkm=4.120 jht=1.030 jp=0')}; bila data BPJS belum turun: ${code('/lapor belum ada data: alasannya')}.`
      : manager
        ? html`• ${bold('/lapor')} ${code('nama unit')}: mengirim laporan mingguan atas nama unit di wilayah Bapak/Ibu.`
        : undefined,
    access.role === 'staff' || manager
      ? html`• ${bold('/penduduk')}${manager ? html` ${code('nama unit')}` : ''}: memperbaiki data penduduk bekerja (penyebut capaian UC) tahun berjalan; perubahan tercatat.`
      : undefined,
    html`• ${bold('/status')} ${code('wilayah')}: siapa yang sudah dan belum melapor minggu ini.`,
    html`• ${bold('/riwayat')} ${code('nama unit')} ${code('minggu')}: semua revisi laporan, siapa mengubah apa dan kapan.`,
    html`• ${bold('/grafik')} ${code('wilayah')} ${code('periode')}: grafik tren capaian terhadap target, peringkat kab/kota menurut kategori, dan kelengkapan laporan (12 minggu terakhir bila periode tidak disebut).`,
    html`• ${bold('/target')} ${code('wilayah')}: target capaian UC beserta sumber dan rujukannya (RPJMN, RKP, RPJMD, dan lainnya), dengan target utamanya${manager ? '; koordinator menambah, memilih target utama, dan menghapus' : ''}.`,
    html`• ${bold('/peta')} ${code('provinsi')}: peta kab/kota menurut kategori capaian, dengan tanda data minggu lama. Contoh: /peta Babel · /peta nasional`,
    html`• ${bold('/peringkat')} ${code('provinsi')}: peringkat capaian dengan selisih terhadap target dan tambahan peserta per minggu yang diperlukan. Contoh: /peringkat Babel · /peringkat nasional`,
    manager ? html`• ${bold('/verifikasi')}: laporan kab/kota (bagi koordinator nasional: laporan pemerintah provinsi) yang menunggu verifikasi; ✅ memverifikasi, ↩️ mengembalikan kepada petugas dengan alasan.` : undefined,
    html`• ${bold('/paparan')} ${code('wilayah')}: bahan paparan untuk sesi monitoring: narasi, berkas PowerPoint yang dapat diubah, dan lembar ringkasan. Contoh: /paparan Babel · /paparan nasional`,
    manager ? html`• ${bold('/ekspor')} ${code('wilayah')} ${code('periode')}: rekap XLSX (lembar Rekap, Tren, Metadata). Periode: minggu 47, 2026-W40..2026-W48, atau 2026; tanpa periode: minggu ini.` : undefined,
    manager ? html`• ${bold('/undang')}: membuat tautan undangan sekali pakai untuk petugas atau pemantau${access.role === 'admin' ? ' (dan koordinator)' : ''}.` : undefined,
    manager ? html`• ${bold('/pengguna')}: daftar pengguna di wilayah Bapak/Ibu; ${bold('/cabut')} ${code('ID')} mencabut akses; ${bold('/alihkan')} ${code('ID')} mengalihkan tugas petugas kepada penggantinya.` : undefined,
    html`• ${bold('/jadwal')}: sesi monitoring Kemendagri yang akan datang${manager ? '; menambah, mengubah waktu, membatalkan, dan melihat kehadiran' : ''}.`,
    html`• ${bold('/tindaklanjut')}: tindak lanjut hasil sesi monitoring${access.role === 'staff' ? ' untuk unit Bapak/Ibu; perbarui statusnya dengan catatan atau dokumen' : manager ? ' di wilayah Bapak/Ibu, dengan umur dan pembaruan terakhir; menutup atau membuka kembali' : ' di wilayah Bapak/Ibu'}.`,
    manager ? html`• ${bold('/notulen')}: sesi yang telah berlangsung; mencatat kesimpulan dan tindak lanjut (dikirim ke peserta), serta mengunduh daftar hadir (XLSX).` : undefined,
    manager ? html`• ${bold('/umumkan')}: mengirim pengumuman ke semua kantor di wilayah Bapak/Ibu (atau sebagian), sekarang atau terjadwal, dengan laporan pengiriman.` : undefined,
    manager ? html`• ${bold('/audit')}: catatan terbaru siapa mengubah apa.` : undefined,
    manager ? html`• ${bold('/papan')}: papan status laporan minggu ini di grup atau percakapan ini, disematkan dan diperbarui otomatis.` : undefined,
    linker ? html`• Di grup kantor: ${bold('/hubungkan')} ${code('nama unit')} agar pengingat dan pengumuman sampai ke grup; ${bold('/lepaskan')} untuk mengakhirinya.` : undefined,
    html`• ${bold('/profil')} ${code('wilayah')}: profil wilayah: peraturan, anggaran iuran (pagu dan realisasi), desa, dan kendala${manager || access.role === 'staff' ? '; diisi lewat tombol di bawah profil' : ''}. Untuk provinsi: kelengkapan profil tiap kab/kota.`,
    html`• ${bold('/libur')}: hari libur dan cuti bersama yang memajukan batas waktu laporan.`,
    html`• ${bold('/batal')}: menghentikan proses yang sedang berjalan.`,
    html`• ${bold('/bantuan')}: menampilkan petunjuk ini.`,
    '',
    'Nama wilayah boleh ditulis bebas (huruf besar/kecil, spasi, singkatan seperti Kab., Kota, Prov., Kep., Babel, Jabar, PKP).',
  );
}

export function helpMessage(access: Access, telegramId: number): Html {
  if (access.role === 'unknown') return lines(about(), '', notRegisteredMessage(telegramId));
  return helpBody(access);
}

export const unknownCommandMessage = (): Html =>
  html`Mohon maaf, perintah tersebut tidak dikenal. Ketik ${bold('/bantuan')} untuk melihat perintah yang tersedia.`;

export const plainTextHintMessage = (): Html =>
  html`Untuk melihat capaian sebuah wilayah, ketik ${bold('/cakupan')} diikuti nama wilayahnya, misalnya /cakupan Pangkalpinang. Ketik ${bold('/bantuan')} untuk petunjuk lengkap.`;

export const internalErrorMessage = (): Html =>
  html`Mohon maaf, terjadi kendala saat memproses permintaan Bapak/Ibu. Silakan coba lagi beberapa saat lagi. Bila Bapak/Ibu sedang mengirim laporan, periksa dengan ${bold('/riwayat')} apakah laporan sudah tersimpan sebelum mengirim ulang.`;

/** The command menu, in Indonesian (product.md: the menu shows the Indonesian command). */
export const COMMAND_MENU = [
  { command: 'cakupan', description: 'Capaian UC Jamsosnaker sebuah wilayah' },
  { command: 'lapor', description: 'Mengirim laporan mingguan (petugas)' },
  { command: 'status', description: 'Siapa yang sudah dan belum melapor minggu ini' },
  { command: 'grafik', description: 'Grafik tren, peringkat dan kelengkapan laporan' },
  { command: 'peringkat', description: 'Peringkat capaian dengan selisih dan laju menuju target' },
  { command: 'peta', description: 'Peta kab/kota menurut kategori capaian' },
  { command: 'target', description: 'Target capaian UC beserta sumbernya' },
  { command: 'ekspor', description: 'Rekap XLSX untuk sesi monitoring (koordinator)' },
  { command: 'paparan', description: 'Bahan paparan sesi monitoring: PPTX, narasi, ringkasan' },
  { command: 'verifikasi', description: 'Laporan yang menunggu verifikasi (koordinator)' },
  { command: 'riwayat', description: 'Riwayat revisi laporan sebuah unit' },
  { command: 'penduduk', description: 'Memperbaiki data penduduk bekerja (petugas, koordinator)' },
  { command: 'jadwal', description: 'Jadwal sesi monitoring Kemendagri' },
  { command: 'tindaklanjut', description: 'Tindak lanjut hasil sesi monitoring' },
  { command: 'notulen', description: 'Notulen dan kehadiran sesi yang telah berlangsung (koordinator)' },
  { command: 'umumkan', description: 'Mengirim pengumuman ke kantor-kantor (koordinator)' },
  { command: 'undang', description: 'Membuat tautan undangan (koordinator)' },
  { command: 'pengguna', description: 'Daftar pengguna di wilayah Anda (koordinator)' },
  { command: 'hubungkan', description: 'Menghubungkan grup ini dengan unit pelapor' },
  { command: 'audit', description: 'Catatan perubahan terbaru (koordinator)' },
  { command: 'papan', description: 'Papan status laporan yang diperbarui otomatis (koordinator)' },
  { command: 'profil', description: 'Profil wilayah: peraturan, anggaran, desa, kendala' },
  { command: 'libur', description: 'Hari libur dan cuti bersama yang memajukan batas waktu' },
  { command: 'batal', description: 'Menghentikan proses yang sedang berjalan' },
  { command: 'bantuan', description: 'Petunjuk penggunaan' },
];

type MenuRole = Access['role'] | 'group';
const start = { command: 'start', description: 'Mulai, atau ajukan permohonan akses' };
const pick = (...names: string[]) => COMMAND_MENU.filter((c) => names.includes(c.command));

/**
 * The menu each kind of person sees in Telegram: only what their role may do. Strangers can start and ask for help;
 * groups get what works in a group.
 */
export function menuFor(role: MenuRole): Array<{ command: string; description: string }> {
  switch (role) {
    case 'unknown':
      return [start, ...pick('bantuan')];
    case 'group':
      return pick('cakupan', 'status', 'grafik', 'peringkat', 'peta', 'hubungkan', 'papan', 'bantuan');
    case 'viewer':
      return pick('cakupan', 'status', 'grafik', 'peringkat', 'peta', 'target', 'paparan', 'riwayat', 'jadwal', 'tindaklanjut', 'profil', 'libur', 'batal', 'bantuan');
    case 'staff':
      return pick('cakupan', 'lapor', 'status', 'grafik', 'peringkat', 'peta', 'target', 'paparan', 'riwayat', 'penduduk', 'jadwal', 'tindaklanjut', 'profil', 'libur', 'batal', 'bantuan');
    case 'coordinator':
    case 'admin':
      // /hubungkan links the group it is sent in: it is in the groups' menu, not in a private one.
      return COMMAND_MENU.filter((c) => c.command !== 'hubungkan');
  }
}

export const flowExpiredMessage = (hours: number): Html =>
  html`Proses sebelumnya telah berakhir karena tidak ada jawaban selama ${hours} jam; yang belum dikirim tidak disimpan. Silakan mulai lagi bila perlu.`;

export const slowDownMessage = (): Html =>
  html`Mohon maaf, pesan Bapak/Ibu masuk terlalu cepat. Mohon tunggu sebentar, lalu kirim kembali.`;

/** What kind of message arrived that is not text (the bot reads text and buttons only). */
export type NonTextKind =
  | 'sticker'
  | 'photo'
  | 'voice'
  | 'video'
  | 'video_note'
  | 'animation'
  | 'audio'
  | 'document'
  | 'location'
  | 'contact'
  | 'poll'
  | 'other';

const NON_TEXT_NAMES: Record<NonTextKind, string> = {
  sticker: 'stiker',
  photo: 'foto',
  voice: 'pesan suara',
  video: 'video',
  video_note: 'pesan video',
  animation: 'GIF',
  audio: 'berkas audio',
  document: 'berkas',
  location: 'lokasi',
  contact: 'kontak',
  poll: 'jajak pendapat',
  other: 'jenis pesan ini',
};

/** Outside a flow: a sticker, photo or voice note gets one pointer to /bantuan (throttled by the caller). */
export const nonTextHintMessage = (kind: NonTextKind): Html =>
  html`Mohon maaf, UC Bot hanya dapat membaca pesan teks dan perintah; ${NON_TEXT_NAMES[kind]} tidak dapat diproses. Ketik ${bold('/bantuan')} untuk melihat perintah yang tersedia.`;

/** Inside a flow: the reason, before the question is asked again (or a pointer to it). */
export const nonTextAnswerMessage = (kind: NonTextKind): Html =>
  html`Mohon maaf, ${NON_TEXT_NAMES[kind]} tidak dapat dibaca sebagai jawaban. Mohon ketik jawabannya sebagai teks, atau ketik ${bold('/batal')} untuk membatalkan.`;

export const editedMessageHint = (): Html =>
  html`Mohon maaf, perubahan pada pesan yang sudah terkirim tidak dibaca oleh bot. Mohon kirim sebagai pesan baru. Ketik ${bold('/bantuan')} untuk melihat perintah yang tersedia.`;

/** A flow saved by an older version that no longer fits: ended, and how to start again. */
export const flowOutdatedMessage = (command: string | undefined): Html =>
  command
    ? html`Mohon maaf, proses sebelumnya berakhir karena pembaruan sistem; yang belum dikirim tidak disimpan. Mohon mulai lagi dengan ${bold(command)}.`
    : html`Mohon maaf, proses sebelumnya berakhir karena pembaruan sistem; yang belum dikirim tidak disimpan. Mohon mulai lagi.`;

/** A message whose shape Telegram would never send (a client or a proxy mangled it): what to do instead. */
export const malformedMessageMessage = (): Html =>
  html`Mohon maaf, pesan ini tidak dapat dibaca oleh UC Bot karena bentuknya tidak lengkap. Silakan kirim ulang sebagai pesan teks biasa, atau ketik ${bold('/bantuan')} untuk melihat perintah yang tersedia.`;

/** The toast for a button press whose shape is broken (plain text: Telegram shows it as a small notice). */
export const MALFORMED_PRESS_TEXT = 'Tombol ini tidak dapat diproses. Silakan buka kembali perintahnya.';
