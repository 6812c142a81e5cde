import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import type { Meeting } from '../../src/store/schema.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say } from '../helpers/people.js';
import { PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';

// Session: Friday 27 November 2026, 09.00-11.00 WIB (02.00Z). Reminders 3d, 1d, 1h before.
const START = '2026-11-27T02:00:00.000Z';
let h: Harness;
let coord: TgUser;

beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-23T00:00:00Z') });
  coord = await person(h, 9600, 'Koor Nasional', 'coordinator', 'national');
  await person(h, 9601, 'Staf PKP', 'staff', '19.71');
  await person(h, 9602, 'Staf Makassar', 'staff', '73.71');
  await person(h, 9603, 'Staf Jayapura', 'staff', '91.71');
  await person(h, 9604, 'Staf Bandung', 'staff', '32.73');
});
afterEach(async () => {
  await h.stop();
});

async function addMeeting(overrides: Partial<Meeting> = {}): Promise<Meeting> {
  const m: Meeting = {
    id: 'a1b2c3d4',
    title: 'Monev Capaian UC',
    startsAt: START,
    zone: 'WIB',
    durationMinutes: 120,
    place: 'https://zoom.us/j/1',
    agenda: 'Paparan <capaian> & kendala',
    audience: { kind: 'units', codes: ['19.71', '73.71', '91.71'] },
    scope: 'national',
    createdBy: { telegramId: coord.id, name: 'Koor Nasional' },
    organiserChatId: coord.id,
    createdAt: h.now.toISOString(),
    version: 1,
    status: 'scheduled',
    attendance: [],
    ...overrides,
  };
  await h.app.store.meetings.add(m);
  return m;
}

const tickAt = async (iso: string): Promise<void> => {
  h.now = new Date(iso);
  await h.app.scheduler.tick();
  await h.app.outbox.idle();
};
/** Session reminders only: the same staff also get the week's late-report reminders. */
const reminders = (chatId: number) => h.api.messages(chatId).filter((m) => m.text.startsWith('📅 Pengingat'));
const count = (chatId: number): number => reminders(chatId).length;

describe('session reminders', () => {
  it('arrive at 3 days, 1 day and 1 hour before, in each recipient’s zone with WIB, each once', async () => {
    await addMeeting();
    await tickAt('2026-11-24T01:59:59Z');
    expect(count(9601)).toBe(0);
    await tickAt('2026-11-24T02:00:00Z');
    expect(h.api.lastMessage(9601).text).toContain('📅 Pengingat (3 hari lagi): Monev Capaian UC');
    expect(h.api.lastMessage(9601).text).toContain('Pukul: 09.00–11.00 WIB');
    expect(h.api.lastMessage(9602).text).toContain('Pukul: 10.00–12.00 WITA (09.00–11.00 WIB)');
    expect(h.api.lastMessage(9603).text).toContain('Pukul: 11.00–13.00 WIT (09.00–11.00 WIB)');
    expect(h.api.lastMessage(9603).text).toContain('Agenda: Paparan <capaian> & kendala');
    expect(h.api.lastMessage(9601).buttons.flat().map((b) => b.text)).toEqual(['Hadir', 'Diwakilkan', 'Berhalangan']);
    expect(count(9604)).toBe(0);
    await tickAt('2026-11-24T02:05:00Z');
    expect(count(9601)).toBe(1);
    await tickAt('2026-11-26T02:00:00Z');
    expect(h.api.lastMessage(9602).text).toContain('(besok, pukul 10.00 WITA)');
    await tickAt('2026-11-27T01:00:00Z');
    expect(h.api.lastMessage(9603).text).toContain('(1 jam lagi)');
    expect([count(9601), count(9602), count(9603)]).toEqual([3, 3, 3]);
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('say the time left as a person would, when the tick lands seconds after the due time (issue 23.18)', async () => {
    await addMeeting();
    const heading = (chatId: number) => reminders(chatId).at(-1)?.text.split('\n')[0];
    await tickAt('2026-11-24T02:00:07Z');
    expect(heading(9601)).toBe('📅 Pengingat (3 hari lagi): Monev Capaian UC');
    await tickAt('2026-11-26T02:00:07Z');
    expect([heading(9601), heading(9602), heading(9603)]).toEqual([
      '📅 Pengingat (besok, pukul 09.00 WIB): Monev Capaian UC',
      '📅 Pengingat (besok, pukul 10.00 WITA): Monev Capaian UC',
      '📅 Pengingat (besok, pukul 11.00 WIT): Monev Capaian UC',
    ]);
    await tickAt('2026-11-27T01:00:07Z');
    expect(heading(9603)).toBe('📅 Pengingat (1 jam lagi): Monev Capaian UC');
    const notes = h.api.messages(coord.id).filter((m) => m.text.startsWith('Kesiapan')).map((m) => m.text.split('\n')[0]);
    expect(notes).toEqual(['Kesiapan Monev Capaian UC (3 hari lagi)', 'Kesiapan Monev Capaian UC (besok, pukul 09.00 WIB)', 'Kesiapan Monev Capaian UC (1 jam lagi)']);
  });

  it('after downtime, sends only the latest missed reminder, and only before the start', async () => {
    await addMeeting();
    await tickAt('2026-11-27T01:30:00Z');
    // The time left is counted when the reminder is sent, not when its offset was due (issue 9.10).
    expect(reminders(9601).map((m) => m.text.split('\n')[0])).toEqual(['📅 Pengingat (30 menit lagi): Monev Capaian UC']);
    await addMeeting({ id: 'ffff0000', startsAt: '2026-11-27T01:45:00.000Z' });
    await tickAt('2026-11-27T02:00:01Z');
    expect(count(9601)).toBe(1);
  });

  it('stop when the session is cancelled, and the audience is told', async () => {
    await addMeeting();
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Batalkan: Monev Capaian UC, Jumat 27/11');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Ya, batalkan sesi');
    await h.app.outbox.idle();
    const notice = h.api.lastMessage(9602).text;
    expect(notice).toContain('❌ Sesi dibatalkan: Monev Capaian UC');
    expect(notice).toContain('Hari/Tanggal: Jumat, 27 November 2026');
    expect(notice).toContain('Pukul: 10.00–12.00 WITA (09.00–11.00 WIB)');
    expect(notice).toContain('Dibatalkan oleh: Koor Nasional (koordinator nasional)');
    await tickAt('2026-11-26T02:00:00Z');
    expect(count(9602)).toBe(0);
    expect(h.app.store.meetings.get('a1b2c3d4')?.status).toBe('cancelled');
  });

  it('move with a reschedule, and the audience is told the new time', async () => {
    await addMeeting();
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Ubah waktu: Monev Capaian UC, Jumat 27/11');
    await say(h, coord, 'Jumat 4/12');
    expect(await say(h, coord, '13.00 WIB')).toContain('Hari/Tanggal: Jumat, 4 Desember 2026');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Ya, ubah jadwal');
    await h.app.outbox.idle();
    expect(h.api.lastMessage(9601).text).toContain('🔁 Perubahan jadwal: Monev Capaian UC');
    expect(h.api.lastMessage(9601).text).toContain('Semula Jumat, 27 November 2026 pukul 09.00 WIB, kini:');
    await tickAt('2026-11-26T02:00:00Z');
    expect(count(9601)).toBe(0);
    await tickAt('2026-12-03T06:00:00Z');
    expect(reminders(9601).at(-1)?.text).toContain('📅 Pengingat (besok, pukul 13.00 WIB)');
    expect(reminders(9601).at(-1)?.text).toContain('Pukul: 13.00–15.00 WIB');
  });

  it('give the organiser a readiness note the day before, and collect attendance', async () => {
    await addMeeting();
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    await tickAt('2026-11-26T02:00:00Z');
    const note = h.api.messages(coord.id).find((m) => m.text.startsWith('Kesiapan Monev Capaian UC'));
    expect(note?.text).toContain('2 dari 3 unit peserta belum melapor minggu ini:');
    expect(note?.text).toContain('• Kota Makassar');
    expect(note?.text).not.toContain('• Kota Pangkal Pinang');
    const staff = h.api.user(9602, 'Staf Makassar');
    const reminder = reminders(9602).at(-1);
    if (!reminder) throw new Error('no reminder');
    await h.api.press(staff, reminder, 'Hadir');
    expect(lastCallbackAnswer(h)).toMatchObject({ text: 'Terima kasih, tercatat: Hadir.' });
    const other = reminders(9603).at(-1);
    if (!other) throw new Error('no reminder');
    await h.api.press(h.api.user(9603, 'Staf Jayapura'), other, 'Berhalangan');
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Kehadiran: Monev Capaian UC, Jumat 27/11');
    const summary = h.api.lastMessage(coord.id).text;
    expect(summary).toContain('Hadir (1)\n• Staf Makassar');
    expect(summary).toContain('Berhalangan (1)\n• Staf Jayapura');
    await h.api.forgeCallback(h.stranger, reminder, 'att:a1b2c3d4:h');
    expect(h.app.store.meetings.get('a1b2c3d4')?.attendance).toHaveLength(2);
  });
});

describe('attendance and who is who (issue 9)', () => {
  it('records every one of the three buttons, lists who has not answered with their units, and names people with role and unit', async () => {
    await addMeeting({ audience: { kind: 'units', codes: ['19.71', '73.71', '91.71', '32.73'] } });
    h.api.group(-6101, 'Disnaker Bandung');
    await h.app.store.chats.link({ chatId: -6101, title: 'Disnaker Bandung', unitCode: '32.73', by: { telegramId: null, name: 'x' }, at: h.now });
    await tickAt('2026-11-24T02:00:00Z');
    const reminder = reminders(9601).at(-1);
    if (!reminder) throw new Error('no reminder');
    expect(reminder.text).toContain('Peserta: Kota Pangkal Pinang, Kota Makassar, Kota Jayapura, Kota Bandung');
    expect(reminder.text).toContain('Narahubung: Koor Nasional (koordinator nasional)');
    const presses: Array<[number, string, string]> = [
      [9601, 'Staf PKP', 'Hadir'],
      [9602, 'Staf Makassar', 'Diwakilkan'],
      [9603, 'Staf Jayapura', 'Berhalangan'],
    ];
    for (const [id, name, label] of presses) {
      const r = reminders(id).at(-1);
      if (!r) throw new Error(`no reminder for ${name}`);
      await h.api.press(h.api.user(id, name), r, label);
      expect(lastCallbackAnswer(h)).toMatchObject({ text: `Terima kasih, tercatat: ${label}.` });
    }
    expect(h.app.store.meetings.get('a1b2c3d4')?.attendance.map((a) => a.status)).toEqual(['hadir', 'diwakilkan', 'berhalangan']);
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Kehadiran: Monev Capaian UC, Jumat 27/11');
    const view = h.api.lastMessage(coord.id).text;
    expect(view).toContain('Hadir (1)\n• Staf PKP (petugas Kota Pangkal Pinang)');
    expect(view).toContain('Diwakilkan (1)\n• Staf Makassar (petugas Kota Makassar)');
    expect(view).toContain('Berhalangan (1)\n• Staf Jayapura (petugas Kota Jayapura)');
    expect(view).toContain('Belum konfirmasi (1 unit)\n• Kota Bandung: Staf Bandung (petugas), grup “Disnaker Bandung”');
  });

  it('counts, rather than lists, the audience’s units that nobody could answer for', async () => {
    const babel = await person(h, 9701, 'Koor Babel', 'coordinator', '19');
    await addMeeting({ audience: { kind: 'all' }, scope: '19', createdBy: { telegramId: babel.id, name: 'Koor Babel' }, organiserChatId: babel.id });
    await say(h, babel, '/jadwal');
    await h.api.press(babel, h.api.lastMessage(babel.id), 'Kehadiran: Monev Capaian UC, Jumat 27/11');
    const view = h.api.lastMessage(babel.id).text;
    expect(view).toContain('Belum konfirmasi (8 unit)\n• Kota Pangkal Pinang: Staf PKP (petugas)');
    expect(view).toContain('7 unit lainnya belum punya grup atau pengguna terdaftar');
  });

  it('names the organiser’s scope for "all units", so recipients elsewhere do not read it as their own region', async () => {
    const babel = await person(h, 9700, 'Koor Babel', 'coordinator', '19');
    await addMeeting({ audience: { kind: 'all' }, scope: '19', createdBy: { telegramId: babel.id, name: 'Koor Babel' }, organiserChatId: babel.id });
    await tickAt('2026-11-24T02:00:00Z');
    expect(reminders(9601).at(-1)?.text).toContain('Peserta: semua unit di Provinsi Kepulauan Bangka Belitung');
    expect(reminders(9601).at(-1)?.text).toContain('Narahubung: Koor Babel (koordinator Provinsi Kepulauan Bangka Belitung)');
  });

  it('send the readiness note with every reminder offset, and ask each unit that has not reported to report first (issue 10)', async () => {
    await addMeeting();
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    const notes = (): string[] => h.api.messages(coord.id).filter((m) => m.text.startsWith('Kesiapan Monev Capaian UC')).map((m) => m.text);
    await tickAt('2026-11-24T02:00:00Z');
    expect(notes()).toHaveLength(1);
    expect(notes()[0]).toContain('Kesiapan Monev Capaian UC (3 hari lagi)');
    expect(notes()[0]).toContain('2 dari 3 unit peserta belum melapor minggu ini:');
    // Makassar has not reported: its reminder says so; Pangkalpinang's does not.
    expect(reminders(9602).at(-1)?.text).toContain('Laporan minggu ke-48 tahun 2026 Kota Makassar belum masuk. Mohon kirim dengan /lapor sebelum sesi dimulai');
    expect(reminders(9601).at(-1)?.text).not.toContain('belum masuk');
    await seedReport(h.app.store, '73.71', '2026-W48', PANGKALPINANG_W48);
    await tickAt('2026-11-26T02:00:00Z');
    expect(notes()).toHaveLength(2);
    expect(notes()[1]).toContain('(besok, pukul 09.00 WIB)');
    expect(notes()[1]).toContain('1 dari 3 unit peserta belum melapor minggu ini:');
    expect(reminders(9602).at(-1)?.text).not.toContain('belum masuk');
    await tickAt('2026-11-27T01:00:00Z');
    expect(notes()).toHaveLength(3);
    expect(notes()[2]).toContain('(1 jam lagi)');
    expect(reminders(9603).at(-1)?.text).toContain('Kota Jayapura belum masuk');
  });

  it('keeps the organiser’s zone when a new time is typed in another zone (issue 9.12)', async () => {
    await addMeeting();
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Ubah waktu: Monev Capaian UC, Jumat 27/11');
    await say(h, coord, 'Jumat 4/12');
    expect(await say(h, coord, '14.00 WITA')).toContain('Pukul: 13.00–15.00 WIB');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Ya, ubah jadwal');
    expect(h.app.store.meetings.get('a1b2c3d4')?.zone).toBe('WIB');
    await tickAt('2026-12-03T06:00:00Z');
    const note = h.api.messages(coord.id).find((m) => m.text.startsWith('Kesiapan Monev Capaian UC'));
    expect(note?.text).toContain('Sesi dimulai Jumat, 4 Desember 2026 pukul 13.00 WIB');
  });
});

describe('/jadwal', () => {
  it('schedules a session through the guided flow and lists it for its audience', async () => {
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Tambah sesi');
    await say(h, coord, 'Asistensi UC');
    expect(await say(h, coord, 'Sabtu 27/11')).toContain('tanggal itu jatuh pada hari Jumat');
    await say(h, coord, 'Jumat 27/11');
    expect(await say(h, coord, '08.00')).toContain('Berapa lama?');
    await say(h, coord, '90 menit');
    await say(h, coord, 'https://zoom.us/j/2');
    await say(h, coord, 'Capaian <UC> & rencana');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Beberapa provinsi');
    const preview = await say(h, coord, 'Babel, Sulsel');
    expect(preview).toContain('Pukul: 08.00–09.30 WIB');
    expect(preview).toContain('Pengingat akan dikirim ke 2 penerima (grup dan orang) dari 33 unit.');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Simpan jadwal');
    expect(h.api.lastMessage(coord.id).text).toContain('dijadwalkan Jumat, 27 November 2026 pukul 08.00 WIB');
    const staff = h.api.user(9602, 'Staf Makassar');
    expect(await say(h, staff, '/jadwal')).toContain('Asistensi UC');
    expect(await say(h, h.api.user(9604, 'Staf Bandung'), '/jadwal')).toContain('Belum ada sesi monitoring');
    expect(h.api.lastMessage(9602).buttons).toEqual([]);
  });

  it('builds its date examples from the coming Friday, takes "jumat" and "jam 9 pagi", and confirms only the reminders that will be sent (issue 23.9)', async () => {
    // Wednesday 25 November 2026, 09.00 WIB: Friday is two days away, so the 3-day reminder point has passed.
    h.now = new Date('2026-11-25T02:00:00Z');
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Tambah sesi');
    const askDate = await say(h, coord, 'Asistensi UC');
    expect(askDate).toContain('Jumat 27/11');
    expect(askDate).toContain('27 November 2026');
    expect(askDate).toContain('2026-11-27');
    expect(askDate).not.toContain('23/5');
    expect(await say(h, coord, 'jumat')).toContain('Pukul berapa');
    expect(await say(h, coord, 'jam 9 pagi')).toContain('Berapa lama?');
    await say(h, coord, '2 jam');
    await say(h, coord, 'https://zoom.us/j/3');
    await say(h, coord, 'Capaian');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Beberapa unit');
    await say(h, coord, 'Pangkalpinang');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Simpan jadwal');
    const saved = h.api.lastMessage(coord.id).text;
    expect(saved).toContain('dijadwalkan Jumat, 27 November 2026 pukul 09.00 WIB');
    expect(saved).toContain('Pengingat dikirim segera, lalu 1 hari dan 1 jam sebelum sesi dimulai.');
    expect(saved).not.toContain('3 hari');
    // What it says is what happens: one reminder at the next tick, then at 1 day and 1 hour.
    await tickAt('2026-11-25T02:01:00Z');
    expect(count(9601)).toBe(1);
    await tickAt('2026-11-26T02:00:00Z');
    await tickAt('2026-11-27T01:00:00Z');
    expect(count(9601)).toBe(3);
  });

  it('says the date examples again, from real dates, when a date cannot be read', async () => {
    h.now = new Date('2026-11-25T02:00:00Z');
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Tambah sesi');
    await say(h, coord, 'Asistensi UC');
    const answer = await say(h, coord, 'minggu depan');
    expect(answer).toContain('bukan tanggal yang dikenali');
    expect(answer).toContain('Jumat 27/11');
    expect(answer).toContain('jumat saja (berarti Jumat, 27 November 2026)');
  });

  it('names the session on each of its buttons, within Telegram’s limits, and every button works (issue 23, wording)', async () => {
    await addMeeting();
    await addMeeting({ id: 'b2c3d4e5', title: 'Rapat Koordinasi Percepatan Universal Coverage Jamsosnaker Tahun 2027', startsAt: '2026-12-04T02:00:00.000Z' });
    await say(h, coord, '/jadwal');
    const labels = h.api.lastMessage(coord.id).buttons.map((row) => row.map((b) => b.text));
    expect(labels).toEqual([
      ['Ubah waktu: Monev Capaian UC, Jumat 27/11'],
      ['Batalkan: Monev Capaian UC, Jumat 27/11'],
      ['Kehadiran: Monev Capaian UC, Jumat 27/11'],
      ['Ingatkan yang belum melapor: Monev Capaian UC, Jumat 27/11'],
      ['Ubah waktu: Rapat Koordinasi Percepatan…, Jumat 4/12'],
      ['Batalkan: Rapat Koordinasi Percepatan…, Jumat 4/12'],
      ['Kehadiran: Rapat Koordinasi Percepatan…, Jumat 4/12'],
      ['Ingatkan yang belum melapor: Rapat Koordinasi Percepatan…, Jumat 4/12'],
      ['Tambah sesi'],
    ]);
    for (const b of h.api.lastMessage(coord.id).buttons.flat()) expect(Buffer.byteLength(b.callback_data ?? '')).toBeLessThanOrEqual(64);
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Kehadiran: Rapat Koordinasi Percepatan…, Jumat 4/12');
    expect(h.api.lastMessage(coord.id).text).toContain('Kehadiran: Rapat Koordinasi Percepatan Universal Coverage Jamsosnaker Tahun 2027');
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Batalkan: Rapat Koordinasi Percepatan…, Jumat 4/12');
    expect(h.api.lastMessage(coord.id).text).toContain('Batalkan Rapat Koordinasi Percepatan Universal Coverage Jamsosnaker Tahun 2027?');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Tidak');
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Ubah waktu: Rapat Koordinasi Percepatan…, Jumat 4/12');
    expect(h.api.lastMessage(coord.id).text).toContain('Menjadwalkan ulang Rapat Koordinasi Percepatan Universal Coverage Jamsosnaker Tahun 2027.');
    await say(h, coord, '/batal');
    await say(h, coord, '/jadwal');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Ingatkan yang belum melapor: Rapat Koordinasi Percepatan…, Jumat 4/12');
    expect(h.api.lastMessage(coord.id).text).toContain('Pengingat dikirim kepada 3 unit (3 penerima: grup dan orang) yang belum melapor minggu ini.');
  });
});
