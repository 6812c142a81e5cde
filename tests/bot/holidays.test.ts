import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';

let h: Harness;
beforeEach(async () => {
  // Tuesday 24 November 2026, 10.00 WIB.
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
});
afterEach(async () => {
  await h.stop();
});

describe('/libur and deadlines that move (issue 13)', () => {
  it('lists the coming days off with their decree, and shows a deadline moved for Christmas with why', async () => {
    const staff = await person(h, 8001, 'Budi', 'staff', '19.71');
    const list = await say(h, staff, '/libur');
    expect(list).toContain('Kamis, 24 Desember 2026: Cuti bersama Hari Raya Natal (cuti bersama)');
    expect(list).toContain('Jumat, 25 Desember 2026: Hari Raya Natal (libur nasional)');
    expect(list).toContain('SKB Menag, Menaker, MenPANRB No. 1497/2/5 Tahun 2025');
    expect(list).not.toContain('/libur tambah');
    h.now = new Date('2026-12-21T03:00:00Z');
    const status = await say(h, staff, '/status');
    expect(status).toContain('Batas waktu: Rabu, 23 Desember 2026 pukul 15.00 WIB (dimajukan karena Hari Raya Natal dan Cuti bersama Hari Raya Natal)');
    await say(h, staff, '/lapor');
    expect(h.api.lastMessage(staff.id).text).toContain('Batas waktu laporan minggu ini: Rabu, 23 Desember 2026 pukul 15.00 WIB (dimajukan karena');
    // Last week (deadline Friday 18 December) may still be sent until Monday 15.00, marked late.
    expect(h.api.lastMessage(staff.id).text).toContain('masih dapat dikirim sampai Senin, 21 Desember 2026 pukul 15.00 WIB dan akan ditandai terlambat');
  });

  it('shows the week’s moved deadline and why in a plain /lapor and in the national /status (issue 23.4)', async () => {
    const staff = await person(h, 8001, 'Budi', 'staff', '19.71');
    // Tuesday 22 December 2026, 16.00 WIB: only this week is open; its Friday deadline moved for Christmas.
    h.now = new Date('2026-12-22T09:00:00Z');
    await say(h, staff, '/lapor');
    const first = h.api.lastMessage(staff.id).text;
    expect(first).toContain('minggu ke-52 tahun 2026');
    expect(first).toContain('Batas waktu: Rabu, 23 Desember 2026 pukul 15.00 WIB (dimajukan karena Hari Raya Natal dan Cuti bersama Hari Raya Natal).');
    await say(h, staff, '/batal');
    const national = await say(h, h.admin, '/status nasional');
    expect(national).toContain('Batas waktu: Rabu, 23 Desember 2026 pukul 15.00 waktu setempat tiap daerah (dimajukan karena Hari Raya Natal dan Cuti bersama Hari Raya Natal).');
  });

  it('lets an admin add a day for one province, which moves only that province’s deadline, and remove it again', async () => {
    expect(await say(h, h.admin, '/libur tambah 2026-11-27 Hari Jadi Provinsi 19')).toContain('untuk Provinsi Kepulauan Bangka Belitung saja (kode 19)');
    expect(await say(h, h.admin, '/status Babel')).toContain('Batas waktu: Kamis, 26 November 2026 pukul 15.00 WIB (dimajukan karena Hari Jadi Provinsi)');
    expect(await say(h, h.admin, '/status Kota Bandung')).toContain('Batas waktu: Jumat, 27 November 2026 pukul 15.00 WIB.');
    expect(await say(h, h.admin, '/audit')).toContain('mencatat 2026-11-27 sebagai hari libur (Hari Jadi Provinsi) untuk provinsi 19');
    expect(await say(h, h.admin, '/libur hapus 2026-11-27 19')).toContain('tidak lagi dihitung sebagai hari libur');
    expect(await say(h, h.admin, '/status Babel')).toContain('Batas waktu: Jumat, 27 November 2026 pukul 15.00 WIB.');
    const coord = await person(h, 8100, 'Koor Babel', 'coordinator', '19');
    expect(await say(h, coord, '/libur tambah 2026-12-31 Libur')).toContain('hanya dapat diubah oleh admin dan koordinator nasional');
    expect(await say(h, h.admin, '/libur tambah kemarin')).toContain('Format yang dikenali');
  });
});

describe('/libur for the people a day concerns, and a year the calendar does not know (issue 23.11)', () => {
  it('lists a province’s own day to that province’s people and to national roles, not to other provinces', async () => {
    await say(h, h.admin, '/libur tambah 2026-12-31 Hari Jadi Provinsi 19');
    const line = 'Kamis, 31 Desember 2026: Hari Jadi Provinsi (libur daerah, Provinsi Kepulauan Bangka Belitung saja)';
    expect(await say(h, h.admin, '/libur')).toContain(line);
    expect(await say(h, await person(h, 8001, 'Budi', 'staff', '19.71'), '/libur')).toContain(line);
    expect(await say(h, await person(h, 8002, 'Koor Nasional', 'coordinator', 'national'), '/libur')).toContain(line);
    expect(await say(h, await person(h, 8003, 'Staf Bandung', 'staff', '32.73'), '/libur')).not.toContain('Hari Jadi Provinsi');
    // A province named after the command (issue 23.14): its days; another province's, not.
    expect(await say(h, h.admin, '/libur Babel')).toContain(line);
    const jabar = await say(h, h.admin, '/libur Jabar');
    expect(jabar).toContain('Jumat, 25 Desember 2026: Hari Raya Natal');
    expect(jabar).not.toContain('Hari Jadi Provinsi');
    expect(await say(h, await person(h, 8004, 'Sari', 'staff', '19.71'), '/libur Jabar')).toContain('berada di luar wilayah akses');
  });

  it('warns admins and coordinators, in /libur and once by message, ahead of a deadline in 2027, until a 2027 day is entered', async () => {
    await h.stop();
    // 10 November 2026: more than 45 days before Friday 1 January 2027.
    h = await startHarness({ now: new Date('2026-11-10T03:00:00Z'), env: { CALENDAR_WARNING: '45d' } });
    const coord = await person(h, 8100, 'Koor Babel', 'coordinator', '19');
    const staff = await person(h, 8001, 'Budi', 'staff', '19.71');
    const warning = 'Hari libur tahun 2027 belum tercatat.';
    /** The warning as a message of its own (the /libur answers carry it too). */
    const notices = (chatId: number) => h.texts(chatId).filter((t) => t.includes(warning) && !t.includes('Hari libur dan cuti bersama yang akan datang'));
    h.now = new Date('2026-11-24T03:00:00Z');
    const list = await say(h, coord, '/libur');
    expect(list).toContain(warning);
    expect(list).toContain('Batas waktu laporan minggu ke-53 tahun 2026 jatuh pada Jumat, 1 Januari 2027 pukul 15.00 WIB');
    expect(await say(h, staff, '/libur')).not.toContain(warning);
    // Seven weeks ahead is too early; 45 days before the deadline, one message each to the admin and the coordinators.
    h.now = new Date('2026-11-10T03:00:00Z');
    await h.app.scheduler.tick();
    await h.app.outbox.idle();
    expect(notices(coord.id)).toHaveLength(0);
    h.now = new Date('2026-11-24T03:00:00Z');
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    await h.app.outbox.idle();
    expect(notices(coord.id)).toHaveLength(1);
    expect(notices(h.admin.id)).toHaveLength(1);
    expect(notices(staff.id)).toHaveLength(0);
    await say(h, h.admin, '/libur tambah 2027-01-01 Tahun Baru Masehi');
    expect(await say(h, coord, '/libur')).not.toContain(warning);
  });
});

describe('late-report reminders at a moved deadline', () => {
  it('go to a province whose deadline moved at its own time, saying why; other provinces keep theirs', async () => {
    const babel = await person(h, 8501, 'Staf PKP', 'staff', '19.71');
    const jabar = await person(h, 8502, 'Staf Bandung', 'staff', '32.73');
    await say(h, h.admin, '/libur tambah 2026-11-27 Hari Jadi Provinsi 19');
    const reminders = (id: number) => h.api.messages(id).filter((m) => m.text.startsWith('Pengingat laporan mingguan'));
    h.now = new Date('2026-11-25T08:00:00Z'); // a day before Thursday 15.00 WIB
    await h.app.scheduler.tick();
    await h.app.outbox.idle();
    expect(reminders(babel.id).at(-1)?.text).toContain('Batas waktu: Kamis, 26 November 2026 pukul 15.00 WIB (dimajukan karena Hari Jadi Provinsi).');
    expect(reminders(jabar.id)).toHaveLength(0);
    h.now = new Date('2026-11-26T08:00:00Z');
    await h.app.scheduler.tick();
    await h.app.outbox.idle();
    expect(reminders(jabar.id).at(-1)?.text).toContain('Batas waktu: Jumat, 27 November 2026 pukul 15.00 WIB.');
  });
});
