import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';
import { figuresWith, PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';

// Tuesday 24 November 2026, 10.00 WIB: week 48.
const TUESDAY = new Date('2026-11-24T03:00:00Z');

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: TUESDAY });
  await seedReport(h.app.store, '19.03', '2026-W46', PANGKALPINANG_W48);
  await seedReport(h.app.store, '19.03', '2026-W48', figuresWith({ active_pu: 40_000 }));
  await seedReport(h.app.store, '19.71', '2026-W46', PANGKALPINANG_W48);
});
afterEach(async () => {
  await h.stop();
});

describe('/riwayat reads its week as /ekspor reads a period', () => {
  it('takes "minggu 46", "minggu ke-46", "mg 46", the bare number and the ISO week after a unit of two words', async () => {
    const coordinator = await person(h, 5001, 'Sari', 'coordinator', '19');
    for (const week of ['minggu 46', 'minggu ke-46', 'mg 46', '46', '2026-W46']) {
      const answer = await say(h, coordinator, `/riwayat Bangka Selatan ${week}`);
      expect(answer, week).toContain('Riwayat laporan Kabupaten Bangka Selatan');
      expect(answer, week).toContain('minggu ke-46');
      expect(answer, week).not.toContain('tidak ditemukan');
    }
  });

  it('takes "minggu ini" as the unit’s current week', async () => {
    const coordinator = await person(h, 5001, 'Sari', 'coordinator', '19');
    const answer = await say(h, coordinator, '/riwayat Bangka Selatan minggu ini');
    expect(answer).toContain('minggu ke-48');
    expect(answer).toContain('40.000');
  });

  it('answers a range or a week to come politely, and keeps the week across an ambiguous name', async () => {
    const coordinator = await person(h, 5001, 'Sari', 'coordinator', '19');
    expect(await say(h, coordinator, '/riwayat Bangka Selatan minggu 40 s.d. 46')).toContain('Riwayat dibuka untuk satu minggu saja');
    expect(await say(h, coordinator, '/riwayat Bangka Selatan minggu 50')).toContain('belum berjalan');
    const asked = await say(h, coordinator, '/riwayat Bangka minggu 46');
    expect(asked).toContain('Bangka');
    await h.api.press(coordinator, h.api.lastMessage(coordinator.id), 'Kabupaten Bangka Selatan');
    const answer = h.api.lastMessage(coordinator.id).text;
    expect(answer).toContain('Riwayat laporan Kabupaten Bangka Selatan');
    expect(answer).toContain('minggu ke-46');
  });

  it('says a report came in through Telegram, not "lewat Telegram"', async () => {
    const coordinator = await person(h, 5001, 'Sari', 'coordinator', '19');
    const answer = await say(h, coordinator, '/riwayat Pangkalpinang minggu 46');
    expect(answer).toContain('lewat Telegram');
    expect(answer).not.toMatch(/\bchat\b/);
  });
});
