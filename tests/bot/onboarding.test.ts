import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say } from '../helpers/people.js';
import { PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
  await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
});
afterEach(async () => {
  await h.stop();
});

/** Runs /undang as `who` through role and unit; returns the invite code from the link. */
async function invite(who: Parameters<typeof say>[1], roleButton: string, unit: string): Promise<string> {
  await say(h, who, '/undang');
  await h.api.press(who, h.api.lastMessage(who.id), roleButton);
  const answer = await say(h, who, unit);
  const code = /https:\/\/t\.me\/uc_jamsosnaker_bot\?start=([A-Za-z0-9_-]+)/.exec(answer)?.[1];
  if (!code) throw new Error(`no invite link in: ${answer}`);
  return code;
}

describe('invites', () => {
  it('creates a single-use link that joins one person, is stored hashed, and tells the inviter', async () => {
    const code = await invite(h.admin, 'Petugas Disnaker (mengirim laporan)', 'Pangkalpinang');
    expect(code).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(await readFile(join(h.dataDir, 'invites.json'), 'utf8')).not.toContain(code);

    const budi = await person(h, 7001, 'Budi');
    const joined = await say(h, budi, `/start ${code}`);
    expect(joined).toContain('Selamat bergabung, Budi. Bapak/Ibu kini terdaftar sebagai petugas Kota Pangkal Pinang.');
    expect(h.app.store.users.get(budi.id)).toMatchObject({ role: 'staff', scope: '19.71' });
    expect(h.api.lastMessage(h.admin.id).text).toContain('Budi, ID 7001 telah bergabung melalui undangan Bapak/Ibu sebagai petugas Kota Pangkal Pinang');
    expect(await say(h, budi, '/cakupan')).toContain('Peserta aktif: 52.368');

    const sari = await person(h, 7002, 'Sari');
    expect(await say(h, sari, `/start ${code}`)).toContain('tautan undangan ini sudah dipakai');
    expect(h.app.store.users.get(sari.id)).toBeUndefined();
    // The code opens a seat: it never reaches the logs (captured here at debug level).
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain(code);
  });

  it('refuses an expired or unknown code and changes nothing', async () => {
    const code = await invite(h.admin, 'Pemantau (melihat data)', 'Babel');
    h.now = new Date('2026-12-01T03:00:01Z'); // seven days and a second later
    const late = await person(h, 7003, 'Tari');
    expect(await say(h, late, `/start ${code}`)).toContain('sudah kedaluwarsa sejak Selasa, 1 Desember 2026 pukul 10.00 WIB');
    expect(await say(h, late, '/start bukan-kode-yang-benar')).toContain('tautan undangan ini tidak dikenal');
    expect(h.app.store.users.get(late.id)).toBeUndefined();
    expect(h.logs.join('\n')).not.toContain(code);
  });

  it('lets a coordinator invite staff and viewers in scope only, never coordinators', async () => {
    const coord = await person(h, 7100, 'Koordinator Babel', 'coordinator', '19');
    await say(h, coord, '/undang');
    const roles = h.api.lastMessage(coord.id).buttons.flat().map((b) => b.text);
    expect(roles).toEqual(['Petugas Disnaker (mengirim laporan)', 'Pemantau (melihat data)']);
    await h.api.forgeCallback(coord, h.api.lastMessage(coord.id), 'inv:role:coordinator');
    expect(h.api.lastMessage(coord.id).text).toContain('tidak tersedia untuk peran Bapak/Ibu');
    await h.api.press(coord, h.api.messages(coord.id).at(-2) ?? h.api.lastMessage(coord.id), 'Petugas Disnaker (mengirim laporan)');
    expect(await say(h, coord, 'Kota Bandung')).toContain('Kota Bandung berada di luar wilayah akses Bapak/Ibu');
    expect(await say(h, coord, 'Bangka Tengah')).toContain('Tautan undangan siap');
  });

  it('resumes a half-finished invite after the bot restarts', async () => {
    await say(h, h.admin, '/undang');
    await h.api.press(h.admin, h.api.lastMessage(h.admin.id), 'Pemantau (melihat data)');
    await h.restart();
    expect(await say(h, h.admin, 'Pangkalpinang')).toContain('Untuk: pemantau Kota Pangkal Pinang');
  });

  it('cancels a flow with /batal at any step', async () => {
    await say(h, h.admin, '/undang');
    expect(await say(h, h.admin, '/batal')).toContain('proses dibatalkan');
    expect(await say(h, h.admin, 'Pangkalpinang')).toContain('/cakupan');
    expect(await say(h, h.admin, '/batal')).toContain('Tidak ada proses yang sedang berjalan');
  });
});

describe('access requests', () => {
  it('reaches the coordinators in scope and the admins; an approval grants the role and tells the person', async () => {
    const coord19 = await person(h, 7200, 'Koor Babel', 'coordinator', '19');
    const coord32 = await person(h, 7201, 'Koor Jabar', 'coordinator', '32');
    const asker = await person(h, 7300, 'Dedi');
    expect(await say(h, asker, '/start')).toContain('Bapak/Ibu belum terdaftar');
    await h.api.press(asker, h.api.lastMessage(asker.id), 'Ajukan permohonan akses');
    await h.api.press(asker, h.api.lastMessage(asker.id), 'Petugas Disnaker (mengirim laporan)');
    expect(await say(h, asker, 'Pangkal Pinang')).toContain('telah dikirim kepada 2 admin/koordinator');
    expect(h.api.messages(coord32.id)).toHaveLength(0);
    const forCoord = h.api.lastMessage(coord19.id);
    expect(forCoord.text).toContain('Dedi, ID 7300 meminta peran petugas Kota Pangkal Pinang');

    expect(await say(h, asker, '/start')).toContain('sedang menunggu persetujuan');

    const rejectData = forCoord.buttons.flat().find((b) => b.text === 'Tolak')?.callback_data ?? '';
    const approveData = forCoord.buttons.flat().find((b) => b.text === 'Setujui')?.callback_data ?? '';
    await h.api.press(coord19, forCoord, 'Setujui');
    expect(h.api.lastMessage(coord19.id).text).toContain('Disetujui oleh Koor Babel');
    expect(h.api.lastMessage(asker.id).text).toContain('telah disetujui');
    expect(h.app.store.users.get(asker.id)).toMatchObject({ role: 'staff', scope: '19.71' });

    // The admin's copy no longer offers live buttons: it says who decided.
    const adminCopy = h.api.lastMessage(h.admin.id);
    expect(adminCopy.text).toContain('Disetujui oleh Koor Babel');
    expect(adminCopy.buttons).toEqual([]);
    // A late press of the old button (a stale client) is still refused.
    await h.api.forgeCallback(h.admin, adminCopy, rejectData);
    expect(lastCallbackAnswer(h)).toMatchObject({ text: 'Permohonan ini sudah diputuskan sebelumnya.' });
    expect(h.app.store.users.get(asker.id)?.role).toBe('staff');
    // Setujui on the decided copy: no edit that changes nothing, so no 400 "message is not modified" (issue 23.6).
    await h.api.forgeCallback(h.admin, adminCopy, approveData);
    expect(lastCallbackAnswer(h)).toMatchObject({ text: 'Permohonan ini sudah diputuskan sebelumnya.' });
    expect(adminCopy.text).toContain('Disetujui oleh Koor Babel');
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('each reason button rejects with that reason', async () => {
    const labels = ['Bukan petugas unit itu', 'Unit sudah punya petugas', 'Identitas belum pasti', 'Alasan lain'];
    for (const [i, label] of labels.entries()) {
      const asker = await person(h, 7400 + i, `Pemohon ${i}`);
      await say(h, asker, '/start');
      await h.api.press(asker, h.api.lastMessage(asker.id), 'Ajukan permohonan akses');
      await say(h, asker, 'pemantau');
      await say(h, asker, 'Babel');
      await h.api.press(h.admin, h.api.lastMessage(h.admin.id), 'Tolak');
      await h.api.press(h.admin, h.api.lastMessage(h.admin.id), label);
      expect(h.api.lastMessage(asker.id).text).toContain('Alasan: ');
      h.now = new Date(h.now.getTime() + 60_000);
    }
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('tells the person when a request is rejected, and leaves them without access', async () => {
    const asker = await person(h, 7301, 'Eka');
    await say(h, asker, '/start');
    await h.api.press(asker, h.api.lastMessage(asker.id), 'Ajukan permohonan akses');
    await say(h, asker, 'pemantau');
    await say(h, asker, 'nasional');
    await h.api.press(h.admin, h.api.lastMessage(h.admin.id), 'Tolak');
    expect(h.api.lastMessage(h.admin.id).text).toContain('Apa alasan penolakannya?');
    // Every reason button decodes (pressed on a copy, the first decision wins; checked here one by one).
    const reasons = h.api.lastMessage(h.admin.id).buttons.flat().map((b) => b.text);
    expect(reasons).toEqual(['Bukan petugas unit itu', 'Unit sudah punya petugas', 'Identitas belum pasti', 'Alasan lain', 'Kembali']);
    await h.api.press(h.admin, h.api.lastMessage(h.admin.id), 'Kembali');
    expect(h.api.lastMessage(h.admin.id).buttons.flat().map((b) => b.text)).toEqual(['Setujui', 'Tolak']);
    await h.api.press(h.admin, h.api.lastMessage(h.admin.id), 'Tolak');
    await h.api.press(h.admin, h.api.lastMessage(h.admin.id), 'Identitas belum pasti');
    const told = h.api.lastMessage(asker.id).text;
    expect(told).toContain('permohonan akses Bapak/Ibu sebagai pemantau nasional belum dapat disetujui');
    expect(told).toContain('Alasan: identitas pemohon belum dapat dipastikan.');
    expect(h.api.lastMessage(h.admin.id).text).toContain('Ditolak oleh Rina (alasan: identitas pemohon belum dapat dipastikan)');
    expect(await say(h, h.admin, '/audit')).toContain('menolak permohonan Eka (pemantau nasional), alasan: identitas pemohon belum dapat dipastikan');
    expect(h.app.store.users.get(asker.id)).toBeUndefined();
    expect(await say(h, asker, '/cakupan Pangkalpinang')).toContain('belum terdaftar');
  });
});

describe('managing people', () => {
  it('lists people in scope, revokes after confirmation, and hands a seat over with a new invite', async () => {
    const coord = await person(h, 7400, 'Koor Babel', 'coordinator', '19');
    const staff = await person(h, 7401, 'Fajar', 'staff', '19.71');
    await person(h, 7402, 'Gita', 'staff', '32.73');
    const list = await say(h, coord, '/pengguna');
    expect(list).toContain('Fajar, ID 7401: petugas Kota Pangkal Pinang');
    expect(list).not.toContain('Gita');
    expect(await say(h, coord, '/cabut 7402')).toContain('Tidak ada pengguna aktif dengan ID 7402');

    await say(h, coord, '/alihkan 7401');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Ya, alihkan');
    expect(h.app.store.users.get(staff.id)).toBeUndefined();
    expect(h.api.lastMessage(staff.id).text).toContain('Akses Bapak/Ibu ke UC Bot telah dicabut');
    const link = h.api.lastMessage(coord.id).text;
    expect(link).toContain('Untuk: petugas Kota Pangkal Pinang');
    const code = /start=([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '';
    const successor = await person(h, 7403, 'Hana');
    await say(h, successor, `/start ${code}`);
    expect(h.app.store.users.get(successor.id)).toMatchObject({ role: 'staff', scope: '19.71' });

    await say(h, coord, '/cabut 7403');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Batal');
    expect(h.app.store.users.get(successor.id)).toBeDefined();
  });
});

describe('groups', () => {
  it('links by staff of the unit, unlinks, and drops the link when the bot is removed', async () => {
    const staff = await person(h, 7500, 'Indra', 'staff', '19.71');
    const viewer = await person(h, 7501, 'Joko', 'viewer', '19.71');
    const group = h.api.group(-1001, 'Disnaker Pangkalpinang');
    expect(await say(h, viewer, '/hubungkan Pangkalpinang', group)).toContain('tidak tersedia');
    expect(await say(h, staff, '/hubungkan Bangka', group)).toContain('di luar wilayah akses');
    expect(await say(h, staff, '/hubungkan Pangkalpinang', group)).toContain('Grup ini kini terhubung dengan Kota Pangkal Pinang');
    expect(h.app.store.chats.linksOf('19.71').map((c) => c.chatId)).toEqual([-1001]);
    // In private, /hubungkan says how to do it in the group, and which group is linked now (issue 23.16).
    const privately = await say(h, staff, '/hubungkan');
    expect(privately).toContain('2. Di grup itu, kirim /hubungkan Kota Pangkal Pinang.');
    expect(privately).toContain('Grup yang kini terhubung dengan Kota Pangkal Pinang: Disnaker Pangkalpinang.');
    expect(await say(h, viewer, '/hubungkan')).toContain('digunakan di dalam grup');
    expect(await say(h, staff, '/lepaskan', group)).toContain('telah diakhiri');
    expect(h.app.store.chats.linkOf(-1001)).toBeUndefined();

    await say(h, staff, '/hubungkan Pangkalpinang', group);
    await h.api.deliver({
      my_chat_member: {
        chat: group,
        from: { id: staff.id, is_bot: false, first_name: 'Indra' },
        date: 1,
        old_chat_member: { user: h.api.bot, status: 'member' },
        new_chat_member: { user: h.api.bot, status: 'left' },
      },
    });
    expect(h.app.store.chats.linkOf(-1001)).toBeUndefined();
  });

  it('follows a group that becomes a supergroup', async () => {
    const group = h.api.group(-2002, 'Disnaker Babel');
    await say(h, h.admin, '/hubungkan Babel', group);
    await h.api.deliver({
      message: { message_id: 99, date: 1, chat: group, from: h.admin, migrate_to_chat_id: -1002002 },
    });
    expect(h.app.store.chats.linkOf(-2002)).toBeUndefined();
    expect(h.app.store.chats.linkOf(-1002002)?.unitCode).toBe('19');
  });

  it('keeps guided flows in private chats and answers commands only in groups', async () => {
    const group = h.api.group(-3003, 'Grup Umum');
    expect(await say(h, h.admin, '/undang', group)).toContain('percakapan pribadi dengan bot');
    expect(await say(h, h.admin, '/hubungkan Babel')).toContain('dikirim di grup Telegram kantor, bukan di percakapan pribadi');
    expect(await say(h, h.admin, 'halo semua', group)).toBe('');
  });
});

describe('the audit trail', () => {
  it('records who did what, and shows coordinators only their scope', async () => {
    const coord = await person(h, 7600, 'Koor Babel', 'coordinator', '19');
    await invite(h.admin, 'Petugas Disnaker (mengirim laporan)', 'Kota Bandung');
    const code = await invite(coord, 'Pemantau (melihat data)', 'Pangkalpinang');
    await say(h, await person(h, 7601, 'Kiki'), `/start ${code}`);
    const forAdmin = await say(h, h.admin, '/audit');
    expect(forAdmin).toContain('Rina: membuat undangan petugas Kota Bandung');
    expect(forAdmin).toContain('Koor Babel: membuat undangan pemantau Kota Pangkal Pinang');
    expect(forAdmin).toContain('Kiki: bergabung sebagai pemantau Kota Pangkal Pinang lewat undangan Koor Babel');
    const forCoord = await say(h, coord, '/audit');
    expect(forCoord).toContain('Kiki: bergabung');
    expect(forCoord).not.toContain('Kota Bandung');
  });
});

describe('flood control', () => {
  it('slows down one person who sends too fast, politely and once, without touching others', async () => {
    const flooder = await person(h, 7700, 'Cepat', 'viewer', '19.71');
    const ids = Array.from({ length: 25 }, () => h.api.queueText(flooder, '/bantuan'));
    for (const id of ids) await h.api.waitForAck(id);
    const texts = h.texts(flooder.id);
    expect(texts.filter((t) => t.includes('Perintah yang dapat'))).toHaveLength(20);
    expect(texts.filter((t) => t.includes('terlalu cepat'))).toHaveLength(1);
    expect(await say(h, h.admin, '/bantuan')).toContain('Perintah yang dapat');
    h.now = new Date(h.now.getTime() + 60_000);
    expect(await say(h, flooder, '/bantuan')).toContain('Perintah yang dapat');
  });
});

describe('menus per role (issue 13)', () => {
  it('a coordinator who had not opened the chat at start-up gets their menu with their first /start (issue 23.5)', async () => {
    const dewi = await person(h, 7395, 'Dewi', 'coordinator', '19');
    h.api.notOpened(dewi.id);
    await h.restart();
    // The start-up pass tried and Telegram answered "chat not found".
    await vi.waitFor(() => expect(h.api.failedCalls().some((c) => c.method === 'setMyCommands' && JSON.stringify(c.payload).includes(String(dewi.id)))).toBe(true));
    expect(h.api.menuOf(dewi.id)).toEqual(['start', 'bantuan']);
    expect(await say(h, dewi, '/start')).toContain('Dewi');
    expect(h.api.menuOf(dewi.id)).toContain('verifikasi');
    expect(h.api.menuOf(dewi.id)).toContain('undang');
  });


  it('change with the person’s role: a stranger’s, then staff’s after approval, then a stranger’s again after revocation', async () => {
    const asker = await person(h, 7390, 'Fajar');
    expect(h.api.menuOf(asker.id)).toEqual(['start', 'bantuan']);
    await say(h, asker, '/start');
    await h.api.press(asker, h.api.lastMessage(asker.id), 'Ajukan permohonan akses');
    await h.api.press(asker, h.api.lastMessage(asker.id), 'Petugas Disnaker (mengirim laporan)');
    await say(h, asker, 'Pangkalpinang');
    await h.api.press(h.admin, h.api.lastMessage(h.admin.id), 'Setujui');
    expect(h.api.menuOf(asker.id)).toEqual(['cakupan', 'lapor', 'status', 'grafik', 'peringkat', 'peta', 'target', 'paparan', 'riwayat', 'penduduk', 'jadwal', 'tindaklanjut', 'profil', 'libur', 'batal', 'bantuan']);
    await say(h, h.admin, `/cabut ${asker.id}`);
    await h.api.press(h.admin, h.api.lastMessage(h.admin.id), 0);
    expect(h.api.menuOf(asker.id)).toEqual(['start', 'bantuan']);
    const group = h.api.group(-7391, 'Disnaker');
    expect(h.api.menuOf(group.id)).toEqual(['cakupan', 'status', 'grafik', 'peringkat', 'peta', 'hubungkan', 'papan', 'bantuan']);
  });
});
