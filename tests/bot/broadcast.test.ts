import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';

let h: Harness;
let coord: TgUser;
beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
  coord = await person(h, 9500, 'Koor Babel', 'coordinator', '19');
  await person(h, 9501, 'Staf PKP', 'staff', '19.71');
  await person(h, 9502, 'Staf Bangka', 'staff', '19.01');
  await person(h, 9503, 'Staf Bandung', 'staff', '32.73');
  h.api.group(-6001, 'Disnaker Pangkalpinang');
  await h.app.store.chats.link({ chatId: -6001, title: 'Disnaker Pangkalpinang', unitCode: '19.71', by: { telegramId: null, name: 'x' }, at: h.now });
});
afterEach(async () => {
  await h.stop();
});

const last = () => h.api.lastMessage(coord.id);
const TEXT = 'Rapat <persiapan> & evaluasi UC, Jumat 09.00 WIB';

async function prepare(): Promise<void> {
  await say(h, coord, '/umumkan');
  await h.api.sendText(coord, TEXT, undefined, [{ type: 'bold', offset: 0, length: 5 }]);
}

describe('/umumkan', () => {
  it('keeps the author’s text and formatting, previews the reach, and delivers once to every office in scope', async () => {
    await prepare();
    await h.api.press(coord, last(), 'Semua unit di wilayah saya');
    const messages = h.api.messages(coord.id);
    const copy = messages[messages.length - 2];
    // Recipients learn who is writing: name, role and unit (issue 9).
    expect(copy?.text).toBe(`📢 Pengumuman dari Koor Babel (koordinator Provinsi Kepulauan Bangka Belitung)\n\n${TEXT}`);
    // Offsets count UTF-16 units, as Telegram does: the megaphone emoji is two of them.
    expect(copy?.entities).toEqual([{ type: 'bold', offset: 0, length: 78 }, { type: 'bold', offset: 80, length: 5 }]);
    expect(last().text).toContain('Penerima: semua unit di Provinsi Kepulauan Bangka Belitung (8 unit), yaitu 1 grup dan 2 orang.');
    await h.api.press(coord, last(), 'Kirim sekarang');
    expect(last().text).toContain('Pengumuman sedang dikirim kepada 3 penerima (grup dan orang)');
    await h.app.outbox.idle();
    for (const chat of [9501, 9502, -6001]) {
      expect(h.api.messages(chat)).toHaveLength(1);
      expect(h.api.lastMessage(chat).text).toContain(TEXT);
    }
    expect(h.api.messages(9503)).toHaveLength(0);
    expect(last().text).toContain('Laporan pengiriman: Pengumuman Koor Babel');
    expect(last().text).toContain('Terkirim 3 dari 3 penerima (grup dan orang).');
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('names, in the preview and in the delivery report, the units of the audience that nobody can receive (issue 23.10)', async () => {
    const unreached = ['Pemerintah Provinsi Kepulauan Bangka Belitung', 'Kabupaten Belitung', 'Kabupaten Bangka Selatan', 'Kabupaten Bangka Tengah', 'Kabupaten Bangka Barat', 'Kabupaten Belitung Timur'];
    await prepare();
    await h.api.press(coord, last(), 'Semua unit di wilayah saya');
    const preview = last().text;
    expect(preview).toContain('6 unit tidak dapat menerima karena belum ada grup yang terhubung maupun pengguna yang terdaftar:');
    for (const name of unreached) expect(preview).toContain(`• ${name}`);
    expect(preview).not.toContain('• Kota Pangkal Pinang');
    expect(preview).not.toMatch(/\bchat\b/);
    await h.api.press(coord, last(), 'Kirim sekarang');
    await h.app.outbox.idle();
    const report = last().text;
    expect(report).toContain('Terkirim 3 dari 3 penerima (grup dan orang).');
    expect(report).toContain('6 unit tidak dapat menerima');
    for (const name of unreached) expect(report).toContain(`• ${name}`);
    expect(report).not.toContain('• Kabupaten Bangka\n');
  });

  it('reports a chat that blocked the bot, with the reason', async () => {
    h.api.block(9502);
    await prepare();
    await h.api.press(coord, last(), 'Semua unit di wilayah saya');
    await h.api.press(coord, last(), 'Kirim sekarang');
    await h.app.outbox.idle();
    expect(last().text).toContain('Terkirim 2 dari 3 penerima (grup dan orang), gagal 1.');
    expect(last().text).toContain('• Staf Bangka (petugas Kabupaten Bangka): telah memblokir bot');
    expect(last().text).not.toContain('Forbidden');
  });

  it('names a group that removed the bot with its unit, in Indonesian (issue 9.9)', async () => {
    h.api.failNext({ method: 'sendMessage', chatId: -6001, errorCode: 403, description: 'Forbidden: bot was kicked from the group chat' });
    await prepare();
    await h.api.press(coord, last(), 'Semua unit di wilayah saya');
    await h.api.press(coord, last(), 'Kirim sekarang');
    await h.app.outbox.idle();
    expect(last().text).toContain('• grup “Disnaker Pangkalpinang” (Kota Pangkal Pinang): bot telah dikeluarkan dari grup');
  });

  it('does not send a queued notice to a chat that refused the bot after it was queued (issue 9.11)', async () => {
    await prepare();
    await h.api.press(coord, last(), 'Semua unit di wilayah saya');
    await h.api.press(coord, last(), 'Jadwalkan');
    await say(h, coord, 'Jumat 27/11 08.00 WIB');
    await h.api.press(coord, last(), 'Simpan jadwal');
    // Before the scheduled time Staf Bangka blocks the bot, and another send (a reminder) finds out.
    h.api.block(9502);
    await h.app.store.chats.markInactive(9502, 'Forbidden: bot was blocked by the user', h.now);
    const attempts = () => h.api.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 9502).length;
    h.now = new Date('2026-11-27T01:00:00Z');
    h.app.outbox.poke();
    await h.app.outbox.idle();
    expect(attempts()).toBe(0);
    expect(last().text).toContain('• Staf Bangka (petugas Kabupaten Bangka): penerima ini sebelumnya menolak pesan bot');
  });

  it('sends to chosen units only, after fixing a list with a typo', async () => {
    await prepare();
    await h.api.press(coord, last(), 'Beberapa unit');
    expect(await say(h, coord, 'Pangkalpinag, Kota Bandung')).toContain('“Pangkalpinag”: tidak ditemukan (mungkin: Kota Pangkal Pinang)');
    expect(h.texts(coord.id).join('\n')).toContain('“Kota Bandung”: di luar wilayah akses Bapak/Ibu');
    await say(h, coord, 'Pangkalpinang');
    expect(last().text).toContain('Penerima: Kota Pangkal Pinang (1 unit), yaitu 1 grup dan 1 orang.');
    await h.api.press(coord, last(), 'Kirim sekarang');
    await h.app.outbox.idle();
    expect(h.api.messages(9502)).toHaveLength(0);
    expect(h.api.messages(9501)).toHaveLength(1);
  });

  it('holds a scheduled notice until its time', async () => {
    await prepare();
    await h.api.press(coord, last(), 'Semua unit di wilayah saya');
    await h.api.press(coord, last(), 'Jadwalkan');
    expect(await say(h, coord, 'Jumat 27/11 08.00 WIB')).toContain('Dijadwalkan: Jumat, 27 November 2026 pukul 08.00 WIB.');
    await h.api.press(coord, last(), 'Simpan jadwal');
    expect(last().text).toContain('Pengumuman dijadwalkan untuk Jumat, 27 November 2026 pukul 08.00 WIB kepada 3 penerima (grup dan orang)');
    h.app.outbox.poke();
    expect(h.api.messages(9501)).toHaveLength(0);
    h.now = new Date('2026-11-27T01:00:00Z');
    h.app.outbox.poke();
    await h.app.outbox.idle();
    expect(h.api.messages(9501)).toHaveLength(1);
  });

  it('refuses a text that would not fit in one message under its header, and asks for a shorter one', async () => {
    await say(h, coord, '/umumkan');
    const reply = await say(h, coord, 'x'.repeat(4090));
    expect(reply).toContain('teks pengumuman terlalu panjang (4.090 karakter)');
    expect(reply).toContain('paling banyak 4.016 karakter');
    expect(await say(h, coord, 'Rapat Jumat')).toContain('Untuk siapa pengumuman ini?');
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('is for coordinators and admins only, in private chats', async () => {
    const staff = h.api.user(9501, 'Staf PKP');
    expect(await say(h, staff, '/umumkan')).toContain('tidak tersedia untuk peran');
    const group = h.api.group(-6002, 'Grup');
    expect(await say(h, coord, '/umumkan', group)).toContain('percakapan pribadi');
  });
});
