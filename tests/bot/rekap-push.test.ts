import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';
import { seedBabel } from '../helpers/rekap-seed.js';

let h: Harness;
beforeEach(async () => {
  // Friday 27 November 2026, 16.00 WIB: the deadline (Jumat 15.00) has passed, the rekap is due at 17.00.
  h = await startHarness({ now: new Date('2026-11-27T09:00:00Z'), env: { REKAP_AFTER_DEADLINE: '2h' } });
  await seedBabel(h.app.store, '2026-W48', 6, { skip: ['19.06'] });
});
afterEach(async () => {
  await h.stop();
});

const tick = async (): Promise<void> => {
  await h.app.scheduler.tick();
  await h.app.outbox.idle();
};

describe('the weekly rekap, pushed after the deadline (issue 10)', () => {
  it('reaches coordinators and linked groups once per week and scope: text, ranked chart, XLSX', async () => {
    const dewi = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const nasional = await person(h, 5003, 'Agus', 'coordinator', 'national');
    const babelGroup = h.api.group(-7001, 'Koordinator UC Babel');
    const nationalGroup = h.api.group(-7002, 'Koordinator UC Nasional');
    expect(await say(h, dewi, '/hubungkan Babel', babelGroup)).toContain('terhubung dengan Provinsi Kepulauan Bangka Belitung');
    expect(await say(h, h.admin, '/hubungkan nasional', nationalGroup)).toContain('terhubung dengan Nasional');
    const staff = await person(h, 5002, 'Budi', 'staff', '19.71');

    // At 16.00 the week-48 rekap is not due yet; week 47's was missed (the bot just started): it goes now, alone.
    await tick();
    expect(h.api.messages(dewi.id).map((m) => m.file?.fileName ?? m.text.split('\n')[1])).toEqual([
      expect.stringContaining('minggu ke-47 tahun 2026'),
      'peringkat-kepulauan-bangka-belitung-2026-W47.png',
      'rekap-uc-kepulauan-bangka-belitung-2026-W47.xlsx',
    ]);
    h.now = new Date('2026-11-27T10:00:00Z');
    await tick();

    for (const chatId of [dewi.id, babelGroup.id]) {
      const got = h.api.messages(chatId).slice(chatId === babelGroup.id ? 4 : 3);
      expect(got.map((m) => m.file?.kind ?? 'text')).toEqual(['text', 'photo', 'document']);
      expect(got[0]?.text).toContain('Rekap mingguan UC Jamsosnaker Provinsi Kepulauan Bangka Belitung');
      expect(got[0]?.text).toContain('Laporan masuk: 6 dari 7 kab/kota; 7 dari 8 unit pelapor (termasuk pemerintah provinsi).');
      expect(got[0]?.text).toContain('Belum melapor (1): Kabupaten Belitung Timur.');
      // Belitung Timur did not report: its stock carries, so it is not a mover.
      expect(got[0]?.text).toContain('Perubahan terbesar:\n• Kabupaten Bangka: +100 peserta');
      expect(got[0]?.text).toContain('Capaian UC: 41,2% dari 729.000 penduduk bekerja (atas seluruh 7 kab/kota)');
      // Belitung Timur's week-47 stock carries: the change compares the same 7 kab/kota in both weeks.
      expect(got[0]?.text).toContain('Dibanding minggu sebelumnya, atas 7 kab/kota: +600 peserta, capaian +0,1 poin.');
      expect(got[1]?.file?.fileName).toBe('peringkat-kepulauan-bangka-belitung-2026-W48.png');
      const sheets = await readXlsxFile(got[2]?.file?.bytes ?? Buffer.alloc(0));
      expect(sheets[0]?.data).toHaveLength(2 + 1 + 7 + 1 + 1);
    }
    for (const chatId of [nasional.id, nationalGroup.id]) {
      const got = h.api.messages(chatId).slice(chatId === nationalGroup.id ? 4 : 3);
      expect(got.map((m) => m.file?.kind ?? 'text')).toEqual(['text', 'photo', 'document']);
      expect(got[0]?.text).toContain('Rekap mingguan UC Jamsosnaker Nasional');
      expect(got[2]?.file?.fileName).toBe('rekap-uc-nasional-2026-W48.xlsx');
    }
    // Staff get no rekap; the second recipient of a file gets it by file_id, not a second upload.
    expect(h.api.messages(staff.id)).toHaveLength(0);
    const documents = h.api.calls.filter((c) => c.method === 'sendDocument' && c.ok);
    expect(documents.filter((c) => typeof c.payload.document === 'string')).toHaveLength(4);

    // Again, and after a restart: nothing new.
    const count = (): number => [dewi.id, nasional.id, babelGroup.id, nationalGroup.id].reduce((n, id) => n + h.api.messages(id).length, 0);
    const before = count();
    await tick();
    await h.restart();
    await tick();
    expect(count()).toBe(before);

    // Three weeks of downtime: only the latest due week is sent.
    await h.app.stop('downtime');
    h.now = new Date('2026-12-18T12:00:00Z');
    await h.restart();
    await tick();
    const late = h.api.messages(dewi.id).slice(6);
    expect(late.map((m) => m.file?.fileName ?? 'text')).toEqual(['text', 'peringkat-kepulauan-bangka-belitung-2026-W51.png', 'rekap-uc-kepulauan-bangka-belitung-2026-W51.xlsx']);
    expect(late[0]?.text).toContain('minggu ke-51 tahun 2026');
    expect(late[0]?.text).toContain('Laporan masuk: 0 dari 7 kab/kota; 0 dari 8 unit pelapor (termasuk pemerintah provinsi).');
  });
});
