import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { PANGKALPINANG_W48, seedBaseline, seedReport } from '../helpers/seed.js';

let h: Harness;
beforeEach(async () => {
  // Tuesday 24 November 2026, 10.00 WIB: ISO week 2026-W48.
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
  await seedBaseline(h.app.store, '19.71');
  await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
});
afterEach(async () => {
  await h.stop();
});

const ask = async (text: string): Promise<string> => {
  await h.api.sendText(h.admin, text);
  return h.api.lastMessage(h.admin.id).text;
};

describe('words officials use for regions and for coverage', () => {
  it('takes "pkp" for Pangkalpinang', async () => {
    const text = await ask('/cakupan pkp');
    expect(text).toContain('Kota Pangkal Pinang · kode 19.71');
    expect(text).toContain('Peserta aktif: 52.368');
  });

  it('resolves "Prov. Kep. Bangka Belitung" at once, not as a suggestion', async () => {
    const text = await ask('/cakupan Prov. Kep. Bangka Belitung');
    expect(text).toContain('Provinsi Kepulauan Bangka Belitung');
    expect(text).not.toContain('tidak ditemukan');
    expect(h.api.lastMessage(h.admin.id).buttons.flat()).toEqual([]);
  });

  it('answers /capaian as /cakupan, and /bantuan lists it', async () => {
    expect(await ask('/capaian Pangkalpinang')).toBe(await ask('/cakupan Pangkalpinang'));
    expect(await ask('/bantuan')).toContain('/capaian');
  });

  it('takes the spellings regions use themselves, and shows names as the decree writes them', async () => {
    expect(await ask('/cakupan Padangsidimpuan')).toContain('kode 12.77');
    expect(await ask('/cakupan Palangka Raya')).toContain('kode 62.71');
    expect(await ask('/cakupan Tanjungpinang')).toContain('kode 21.72');
    const pangkep = await ask('/cakupan Pangkajene dan Kepulauan');
    expect(pangkep).toContain('Kabupaten Pangkajene dan Kepulauan');
    expect(pangkep).not.toContain('Pangkajene Dan');
    expect(await ask('/cakupan Tojo Una Una')).toContain('Kabupaten Tojo Una-Una');
  });
});
