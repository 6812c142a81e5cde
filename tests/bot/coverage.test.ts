import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorLogs, startHarness, type Harness } from '../helpers/harness.js';
import { figuresWith, PANGKALPINANG_W48, PROVINCE_NONASN, seedBaseline, seedReport } from '../helpers/seed.js';

let h: Harness;
beforeEach(async () => {
  // Tuesday 24 November 2026, 10.00 WIB: ISO week 2026-W48.
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
});
afterEach(async () => {
  await h.stop();
});

const ask = async (text: string): Promise<string> => {
  await h.api.sendText(h.admin, text);
  return h.api.lastMessage(h.admin.id).text;
};

describe('/coverage for a kab/kota', () => {
  beforeEach(async () => {
    await seedBaseline(h.app.store, '19.71', { workforce_formal: 58_000, workforce_informal: 46_000, target_pct: 55 });
    await seedReport(h.app.store, '19.71', '2026-W47', figuresWith({ active_pu: 38_705, active_bpu: 11_000 }));
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48, { by: 'Budi Santoso' });
  });

  it('shows the latest figures at a glance, in Indonesian formats', async () => {
    const text = await ask('/coverage Pangkalpinang');
    expect(text).toContain('Kota Pangkal Pinang · kode 19.71, Provinsi Kepulauan Bangka Belitung');
    expect(text).toContain('Data minggu ke-48 tahun 2026 (23–29 November 2026)');
    expect(text).toContain('Dilaporkan oleh Budi Santoso pada Selasa, 24 November 2026 pukul 09.00 WIB');
    expect(text).toContain('Capaian UC: 50,4% dari 104.000 penduduk bekerja, sumber: Sakernas Agustus 2025');
    expect(text).toContain('Target 55,0%: kurang 4,6 poin');
    expect(text).toContain('Formal: 67,1% · Informal: 24,3%');
    expect(text).toContain('Peserta aktif: 52.368 (+400 dibanding minggu sebelumnya)');
    expect(text).toContain('• Penerima Upah (formal): 38.905 (+200)');
    expect(text).toContain('• JKK (Jaminan Kecelakaan Kerja): 4.120 (100,0%)');
    expect(text).toContain('• JHT (Jaminan Hari Tua): 1.030 (25,0%)');
    expect(text).not.toContain('⚠️');
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('answers /cakupan the same way, and finds the official spelling with a space', async () => {
    const a = await ask('/cakupan Pangkal Pinang');
    const b = await ask('/coverage 19.71');
    expect(a).toContain('Peserta aktif: 52.368');
    expect(b).toBe(a);
  });

  it('says when the target is met', async () => {
    await seedBaseline(h.app.store, '19.71', { target_pct: 45 });
    expect(await ask('/cakupan Pangkalpinang')).toContain('Target 45,0%: tercapai, lebih 5,4 poin');
  });

  it('says when the latest report is more than two weeks old', async () => {
    h.now = new Date('2026-12-15T03:00:00Z'); // week 51
    const text = await ask('/cakupan Pangkalpinang');
    expect(text).toContain('⚠️ Data ini berumur 3 minggu; laporan yang lebih baru belum masuk.');
  });

  it('says there was no report the week before', async () => {
    await seedReport(h.app.store, '19.04', '2026-W48', figuresWith({}));
    const text = await ask('/cakupan Kab Bangka Tengah');
    expect(text).toContain('(minggu sebelumnya tidak ada laporan)');
    expect(text).toContain('Capaian UC belum dapat dihitung: data penduduk bekerja tahun 2026 belum diisi.');
  });
});

describe('/coverage for a province and the nation', () => {
  beforeEach(async () => {
    await seedBaseline(h.app.store, '19', { workforce_total: 573_200, target_pct: 40 });
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    await seedReport(h.app.store, '19.01', '2026-W47', figuresWith({ active_pu: 24_500 }));
    await seedReport(h.app.store, '19', '2026-W48', PROVINCE_NONASN);
  });

  it('adds up its kab/kota and shows who reported this week', async () => {
    const text = await ask('/cakupan Babel');
    expect(text).toContain('Provinsi Kepulauan Bangka Belitung · kode 19 · gabungan 7 kab/kota');
    // Completeness counts reporting units (kab/kota and the province government); it says which.
    expect(text).toContain('Minggu ke-48 tahun 2026 (23–29 November 2026): 1 dari 7 kab/kota; 2 dari 8 unit pelapor (termasuk pemerintah provinsi) telah melapor.');
    // 52.368 + (24.500 + 11.200 + 2.205 + 58) = 90.331
    expect(text).toContain('Peserta aktif: 90.331 (menurut laporan terakhir 2 dari 7 kab/kota)');
    // The province's own workforce is never the denominator of two kab/kota's participants (that read 15,8% once).
    expect(text).toContain('Capaian UC belum dapat dihitung: data penduduk bekerja tahun 2026 belum diisi untuk kab/kota yang melapor.');
    expect(text).not.toContain('15,8%');
    expect(text).toContain('Non-ASN Pemerintah Provinsi (laporan minggu ke-48): 6.800 pegawai');
    expect(text).toContain('• Kota Pangkal Pinang: 52.368 peserta · – · minggu ini');
    expect(text).toContain('• Kabupaten Bangka: 37.963 peserta · – · minggu ke-47');
    expect(text).toContain('• Kabupaten Belitung Timur: belum ada laporan');
  });

  it('shows the nation by province', async () => {
    const text = await ask('/cakupan nasional');
    expect(text).toContain('Capaian UC Jamsosnaker · Nasional');
    expect(text).toContain('1 dari 514 kab/kota; 2 dari 552 unit pelapor (termasuk 38 pemerintah provinsi) telah melapor');
    expect(text).toContain('Peserta aktif: 90.331 (menurut laporan terakhir 2 dari 514 kab/kota)');
    expect(text).toContain('• Kepulauan Bangka Belitung: – · 1/7 kab/kota melapor');
    expect(text).toContain('• Papua Barat Daya: – · 0/6 kab/kota melapor');
  });

  it('says a partial area is partial, over the same kab/kota above and below the line', async () => {
    await seedBaseline(h.app.store, '19.71', { workforce_total: 104_000 });
    await seedBaseline(h.app.store, '19.01', { workforce_total: 160_000 });
    for (const code of ['19.02', '19.03', '19.04', '19.05', '19.06']) await seedBaseline(h.app.store, code, { workforce_total: 63_000 });
    const text = await ask('/cakupan Babel');
    // (52.368 + 37.963) / (104.000 + 160.000) = 34,2%; those two hold 264.000 of 579.000 workers = 45,6%.
    expect(text).toContain('Capaian UC: 34,2% dari 264.000 penduduk bekerja (sementara: atas 2 dari 7 kab/kota, 45,6% penduduk bekerja provinsi)');
    // A partial figure is not compared with the province's target, nor given a pace.
    expect(text).toContain('Target 40,0% (Target tahunan pada data dasar 2026): capaian sementara belum dibandingkan dengan target, dan laju yang diperlukan belum dihitung, karena data kab/kota belum lengkap.');
    expect(text).not.toContain('kurang 5,8 poin');
    const nation = await ask('/cakupan nasional');
    expect(nation).toContain('• Kepulauan Bangka Belitung: 34,2% (sementara: atas 2 dari 7 kab/kota, 45,6% penduduk bekerja provinsi) · 1/7 kab/kota melapor');
  });
});

describe('finding the region', () => {
  it('asks which Bandung with buttons, and answers the one pressed in the same message', async () => {
    await seedReport(h.app.store, '32.73', '2026-W48', figuresWith({ active_pu: 520_000 }));
    const text = await ask('/cakupan Bandung');
    expect(text).toContain('Ada beberapa wilayah yang cocok dengan “Bandung”');
    const choice = h.api.lastMessage(h.admin.id);
    expect(choice.buttons.flat().map((b) => b.text)).toEqual([
      'Kabupaten Bandung',
      'Kota Bandung',
      'Kabupaten Bandung Barat',
    ]);
    await h.api.press(h.admin, choice, 'Kota Bandung');
    const answered = h.api.lastMessage(h.admin.id);
    expect(answered.message_id).toBe(choice.message_id);
    expect(answered.edits).toBe(1);
    expect(answered.text).toContain('Kota Bandung · kode 32.73');
    expect(answered.text).toContain('Peserta aktif: 533.463');
    expect(answered.buttons).toEqual([]);
    const answers = h.api.calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(1);
  });

  it('suggests the right name for a typo, as a button', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    const text = await ask('/cakupan Pangkalpinag');
    expect(text).toContain('Mohon maaf, wilayah “Pangkalpinag” tidak ditemukan.');
    expect(text).toContain('Apakah yang Bapak/Ibu maksud');
    const suggestion = h.api.lastMessage(h.admin.id);
    await h.api.press(h.admin, suggestion, 'Kota Pangkal Pinang');
    expect(h.api.lastMessage(h.admin.id).text).toContain('Peserta aktif: 52.368');
  });

  it('says so when nothing resembles the name', async () => {
    const text = await ask('/cakupan Atlantis');
    expect(text).toContain('wilayah “Atlantis” tidak ditemukan');
    expect(text).toContain('gunakan kode wilayah Kemendagri');
    expect(h.api.lastMessage(h.admin.id).buttons).toEqual([]);
  });

  it('names the official unit when it has no data yet', async () => {
    const text = await ask('/cakupan Beltim');
    expect(text).toContain('tidak ditemukan');
    const none = await ask('/cakupan Kabupaten Belitung Timur');
    expect(none).toContain('Belum ada laporan untuk Kabupaten Belitung Timur (kode 19.06).');
  });

  it('explains how to use it when no region is given', async () => {
    const text = await ask('/cakupan');
    expect(text).toContain('Cara melihat capaian UC Jamsosnaker');
    expect(text).toContain('/cakupan Pangkalpinang');
  });

  it('never breaks Telegram HTML with what the user typed', async () => {
    expect(await ask('/cakupan <b>Bandung</b> & <i>')).toContain('wilayah “<b>Bandung</b> & <i>” tidak ditemukan');
    expect(await ask('/cakupan </b><script>alert(1)</script>')).toContain('“</b><script>alert(1)</script>”');
    expect(await ask('/cakupan &amp; &lt;x&gt; &')).toContain('wilayah “&amp; &lt;x&gt; &” tidak ditemukan');
    // Punctuation does not matter to the name: this is Kota Bandung, with its name shown safely.
    expect(await ask('/cakupan Kota & <Bandung>')).toContain('Belum ada laporan untuk Kota Bandung (kode 32.73).');
    expect(h.api.failedCalls()).toEqual([]);
  });
});

describe('who may ask', () => {
  it('tells a stranger politely how access is granted, showing their Telegram id, and no figures', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    await h.api.sendText(h.stranger, '/cakupan Pangkalpinang');
    const text = h.api.lastMessage(h.stranger.id).text;
    expect(text).toContain('Bapak/Ibu belum terdaftar sebagai pengguna UC Bot');
    expect(text).toContain(String(h.stranger.id));
    expect(text).not.toContain('52.368');
  });

  it('refuses a forged button from a stranger and changes nothing', async () => {
    await h.api.sendText(h.admin, '/cakupan Bandung');
    const choice = h.api.lastMessage(h.admin.id);
    await h.api.sendText(h.stranger, '/start');
    const strangersMessage = h.api.lastMessage(h.stranger.id);
    await h.api.forgeCallback(h.stranger, strangersMessage, 'cov:u:19.71');
    expect(h.api.lastMessage(h.stranger.id)).toEqual(strangersMessage);
    expect(h.api.lastMessage(h.admin.id)).toEqual(choice);
    const answer = h.api.calls.filter((c) => c.method === 'answerCallbackQuery').pop();
    expect(answer?.payload).toMatchObject({ show_alert: true });
  });

  it('refuses forged or stale callback data from an admin politely', async () => {
    await h.api.sendText(h.admin, '/cakupan Bandung');
    const choice = h.api.lastMessage(h.admin.id);
    await h.api.forgeCallback(h.admin, choice, 'cov:u:99.99');
    expect(h.api.lastMessage(h.admin.id).text).toContain('pilihan tersebut tidak dikenali');
    await h.api.forgeCallback(h.admin, choice, 'zz:qq:whatever');
    expect(h.api.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(2);
    expect(h.api.failedCalls()).toEqual([]);
  });
});

describe('start, help and the menu', () => {
  it('welcomes an admin with what they may do, and a stranger with how to get access', async () => {
    const admin = await ask('/start');
    expect(admin).toContain('Selamat datang, Rina. Bapak/Ibu terdaftar sebagai admin.');
    expect(admin).toContain('/cakupan');
    await h.api.sendText(h.stranger, '/start');
    const stranger = h.api.lastMessage(h.stranger.id).text;
    expect(stranger).toContain('Universal Coverage Jaminan Sosial Ketenagakerjaan');
    expect(stranger).toContain(String(h.stranger.id));
  });

  it('answers /help and /bantuan', async () => {
    const help = await ask('/help');
    expect(help).toContain('Perintah yang dapat Bapak/Ibu gunakan');
    expect(await ask('/bantuan')).toBe(help);
  });

  it('registers the command menu in Indonesian: everything for an admin, start and help for a stranger', async () => {
    await h.api.sendText(h.admin, '/bantuan');
    expect(h.api.menuOf(h.admin.id)).toEqual(['cakupan', 'lapor', 'status', 'grafik', 'peringkat', 'peta', 'target', 'ekspor', 'paparan', 'verifikasi', 'riwayat', 'penduduk', 'jadwal', 'tindaklanjut', 'notulen', 'umumkan', 'undang', 'pengguna', 'audit', 'papan', 'profil', 'libur', 'batal', 'bantuan']);
    expect(h.api.commands.map((c) => c.command)).toEqual(['start', 'bantuan']);
  });

  it('points plain text and unknown commands to /bantuan in a private chat', async () => {
    expect(await ask('halo pak')).toContain('/cakupan');
    expect(await ask('/laporan')).toContain('perintah tersebut tidak dikenal');
  });
});

describe('in a group', () => {
  it('answers commands addressed to it and stays quiet otherwise', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    const group = h.api.group(-100123, 'Disnaker Babel');
    await h.api.sendText(h.admin, '/cakupan@uc_jamsosnaker_bot Pangkalpinang', group);
    expect(h.api.lastMessage(group.id).text).toContain('Peserta aktif: 52.368');
    const count = h.api.messages(group.id).length;
    await h.api.sendText(h.admin, 'selamat pagi semua', group);
    await h.api.sendText(h.admin, '/start@another_bot', group);
    await h.api.sendText(h.admin, '/foo', group);
    expect(h.api.messages(group.id)).toHaveLength(count);
  });
});

describe('when Telegram pushes back', () => {
  it('waits out a 429 on a reply and delivers it', async () => {
    h.api.failNext({ method: 'sendMessage', errorCode: 429, description: 'Too Many Requests: retry after 3', retryAfter: 3 });
    const text = await ask('/bantuan');
    expect(text).toContain('Perintah yang dapat Bapak/Ibu gunakan');
    expect(h.api.failedCalls().map((c) => c.errorCode)).toEqual([429]);
  });

  it('keeps serving others after a user blocks the bot', async () => {
    h.api.block(h.stranger.id);
    await h.api.sendText(h.stranger, '/start');
    expect(h.api.messages(h.stranger.id)).toHaveLength(0);
    expect(await ask('/bantuan')).toContain('Perintah');
    expect(errorLogs(h).join('\n')).toContain('bot was blocked by the user');
    expect(errorLogs(h).join('\n')).not.toContain('TEST-token');
  });

  it('handles two quick messages from one chat in order', async () => {
    const first = h.api.queueText(h.admin, '/cakupan');
    const second = h.api.queueText(h.admin, '/bantuan');
    await h.api.waitForAck(first);
    await h.api.waitForAck(second);
    const texts = h.texts(h.admin.id);
    expect(texts[0]).toContain('Cara melihat capaian');
    expect(texts[1]).toContain('Perintah yang dapat');
  });
});
