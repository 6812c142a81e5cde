import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/sandbox/demo-data.js';
import type { BotMessage } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';
import { seedBabel } from '../helpers/rekap-seed.js';

let h: Harness;
afterEach(async () => {
  await h.stop();
});

async function sent(userId: number, action: () => Promise<unknown>): Promise<BotMessage[]> {
  const before = h.api.messages(userId).length;
  await action();
  return h.api.messages(userId).slice(before);
}

/** The decoded picture: its size, and how many distinct colours a sample of its pixels holds (1: blank). */
function decoded(m: BotMessage | undefined): { width: number; height: number; colours: number } {
  const png = PNG.sync.read(m?.file?.bytes ?? Buffer.alloc(0));
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4 * 53) colours.add(png.data.readUInt32BE(i));
  return { width: png.width, height: png.height, colours: colours.size };
}

describe('/peta (issue 19)', () => {
  beforeEach(async () => {
    // Friday 27 November 2026, 12.00 WIB: week 48; Belitung Timur (19.06) has not reported it yet.
    h = await startHarness({ now: new Date('2026-11-27T05:00:00Z') });
    await seedBabel(h.app.store, '2026-W48', 6, { skip: ['19.06'] });
  });

  it('sends a province map as a photo within Telegram’s limits, with the categories, the stale unit and the sources in its caption', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const out = await sent(coordinator.id, () => h.api.sendText(coordinator, '/peta Babel'));
    const photo = out.find((m) => m.file?.kind === 'photo');
    expect(photo?.file?.fileName).toBe('peta-kepulauan-bangka-belitung-2026-W48.png');
    const png = decoded(photo);
    expect(png.width + png.height).toBeLessThanOrEqual(10_000);
    expect(png.width).toBeGreaterThan(800);
    expect(png.colours).toBeGreaterThan(5);
    const caption = photo?.text ?? '';
    expect(caption).toContain('Peta capaian UC Provinsi Kepulauan Bangka Belitung');
    expect(caption).toContain('minggu ke-48 tahun 2026 · 7 kab/kota');
    // Seeded coverage: Bangka 8,4% (sangat rendah) ... Belitung Timur 90,6% (tinggi).
    expect(caption).toMatch(/Kategori: \d+ sangat rendah, .*\d+ tinggi\./);
    expect(caption).toContain('Tertinggi: Kabupaten Belitung Timur');
    expect(caption).toContain('Data minggu lama (cincin putus-putus): Kabupaten Belitung Timur (minggu ke-47)');
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('answers /map with the person’s own province, a kab/kota in words, and refuses what is outside the scope', async () => {
    const staff = await person(h, 5002, 'Budi', 'staff', '19.71');
    // Staff of a kab/kota may query only their unit: no province map for them, and they are told what to type.
    expect(await say(h, staff, '/map')).toContain('/peta Babel');
    expect(await say(h, staff, '/peta Babel')).toContain('di luar wilayah akses');
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const own = await sent(coordinator.id, () => h.api.sendText(coordinator, '/map'));
    expect(own.find((m) => m.file)?.file?.fileName).toBe('peta-kepulauan-bangka-belitung-2026-W48.png');
    expect(await say(h, coordinator, '/peta Pangkalpinang')).toContain('Kota Pangkal Pinang adalah kab/kota');
    expect(await say(h, coordinator, '/peta Jabar')).toContain('di luar wilayah akses');
    expect(await say(h, coordinator, '/peta nasional')).toContain('di luar wilayah akses');
    expect(await say(h, coordinator, '/peta Babel minggu 60')).toContain('tidak ada dalam kalender');
    expect(await say(h, h.stranger, '/peta nasional')).toContain('belum terdaftar');
  });

  it('draws a named week, and answers in words where no kab/kota has figures', async () => {
    const out = await sent(h.admin.id, () => h.api.sendText(h.admin, '/peta Babel minggu 47'));
    const photo = out.find((m) => m.file);
    expect(photo?.file?.fileName).toBe('peta-kepulauan-bangka-belitung-2026-W47.png');
    // In week 47 every kab/kota had reported: nothing is stale.
    expect(photo?.text).toContain('minggu ke-47 tahun 2026 · 7 kab/kota');
    expect(photo?.text).not.toContain('Data minggu lama');
    const none = await say(h, h.admin, '/peta Jabar');
    expect(none).toContain('Belum ada capaian kab/kota yang dapat dihitung untuk Provinsi Jawa Barat pada minggu ke-48 tahun 2026');
  });

  it('asks which region for an ambiguous name, answers every button, and checks a forged press again', async () => {
    await say(h, h.admin, '/peta Bangka');
    const question = h.api.lastMessage(h.admin.id);
    const buttons = question.buttons.flat();
    expect(buttons.length).toBeGreaterThan(1);
    for (const b of buttons) {
      const got = await sent(h.admin.id, () => h.api.press(h.admin, question, b.text));
      if (b.text.startsWith('Provinsi')) expect(got.find((m) => m.file)?.file?.fileName, b.text).toBe('peta-kepulauan-bangka-belitung-2026-W48.png');
      else expect(got.map((m) => m.text).join('\n'), b.text).toContain('adalah kab/kota');
    }
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    await say(h, coordinator, '/peta Bangka');
    const own = h.api.lastMessage(coordinator.id);
    const forged = await sent(coordinator.id, () => h.api.forgeCallback(coordinator, own, 'pta:u:32~~'));
    expect(forged.filter((m) => m.file)).toHaveLength(0);
    expect(forged.map((m) => m.text).join('\n')).toContain('di luar wilayah akses');
    const stale = await sent(coordinator.id, () => h.api.forgeCallback(coordinator, own, 'pta:u:99.99~~'));
    expect(stale.filter((m) => m.file)).toHaveLength(0);
    expect(h.api.failedCalls()).toEqual([]);
  });
});

describe('/peta on the demo data (issue 19)', () => {
  beforeEach(async () => {
    h = await startHarness({ now: new Date('2026-11-27T05:00:00Z') });
    await seedDemoData(h.app.store, h.app.regions, h.now);
  });

  it('draws all 514 kab/kota nationally, Papua included, within the photo limits, marked as demo data', async () => {
    const out = await sent(h.admin.id, () => h.api.sendText(h.admin, '/peta nasional'));
    const photo = out.find((m) => m.file);
    expect(photo?.file?.kind).toBe('photo');
    expect(photo?.file?.fileName).toBe('peta-nasional-2026-W48.png');
    const png = decoded(photo);
    expect(png.width + png.height).toBeLessThanOrEqual(10_000);
    expect(photo?.text).toContain('Peta capaian UC kab/kota seluruh Indonesia');
    expect(photo?.text).toMatch(/sementara: capaian \d+ dari 514 kab\/kota/);
    expect(photo?.text).toContain('Berisi data contoh (demo)');
    const babel = await sent(h.admin.id, () => h.api.sendText(h.admin, '/peta Babel'));
    expect(babel.find((m) => m.file)?.text).toContain('minggu ke-48 tahun 2026 · 7 kab/kota');
  });
});
