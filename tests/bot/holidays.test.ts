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

  it('lets an admin add a day for one province, which moves only that province’s deadline, and remove it again', async () => {
    expect(await say(h, h.admin, '/libur tambah 2026-11-27 Hari Jadi Provinsi 19')).toContain('untuk provinsi 19 saja');
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
