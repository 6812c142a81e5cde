import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { say } from '../helpers/people.js';
import { figuresWith, PANGKALPINANG_W48, seedBaseline, seedReport } from '../helpers/seed.js';

let h: Harness;
let reads = 0;
beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
  await seedBaseline(h.app.store, '19.71');
  await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
  const store = h.app.store.reports;
  const latest = store.latest.bind(store);
  const get = store.get.bind(store);
  reads = 0;
  store.latest = (...args) => {
    reads++;
    return latest(...args);
  };
  store.get = (...args) => {
    reads++;
    return get(...args);
  };
});
afterEach(async () => {
  await h.stop();
});

describe('/cakupan answers are cached (issue 11)', () => {
  it('until a report or a baseline is saved', async () => {
    const first = await say(h, h.admin, '/cakupan Pangkalpinang');
    const afterFirst = reads;
    expect(await say(h, h.admin, '/cakupan Pangkalpinang')).toBe(first);
    expect(reads).toBe(afterFirst);
    await h.app.store.reportWriter.save({ unitCode: '19.71', week: '2026-W48', figures: figuresWith({ active_pu: 40_000 }), by: { telegramId: 1, name: 'Budi' }, source: 'chat', at: h.now });
    expect(await say(h, h.admin, '/cakupan Pangkalpinang')).toContain('Penerima Upah (formal): 40.000');
    await seedBaseline(h.app.store, '19.71', { workforce_total: 120_000 });
    expect(await say(h, h.admin, '/cakupan Pangkalpinang')).toContain('dari 120.000 penduduk bekerja');
  });

  it.each([
    ['WIB', 'Babel', '2026-11-29T16:59:00Z', '2026-11-29T17:01:00Z'],
    ['WITA', 'Sulsel', '2026-11-29T15:59:00Z', '2026-11-29T16:01:00Z'],
    ['WIT', '81', '2026-11-29T14:59:00Z', '2026-11-29T15:01:00Z'],
  ])('until the week turns in the province’s own zone (%s)', async (_zone, province, before, after) => {
    h.now = new Date(before);
    expect(await say(h, h.admin, `/cakupan ${province}`)).toContain('Minggu ke-48 tahun 2026');
    h.now = new Date(Date.parse(before) + 30_000);
    const cachedReads = reads;
    await say(h, h.admin, `/cakupan ${province}`);
    expect(reads).toBe(cachedReads);
    h.now = new Date(after);
    expect(await say(h, h.admin, `/cakupan ${province}`)).toContain('Minggu ke-49 tahun 2026');
  });
});
