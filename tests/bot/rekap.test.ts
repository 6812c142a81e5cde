import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';
import { seedBabel } from '../helpers/rekap-seed.js';

let h: Harness;
beforeEach(async () => {
  // Friday 27 November 2026, 12.00 WIB: week 48, before the deadline (Friday 17.00).
  h = await startHarness({ now: new Date('2026-11-27T05:00:00Z') });
  await seedBabel(h.app.store, '2026-W48', 12, { skip: ['19.06'] });
});
afterEach(async () => {
  await h.stop();
});

const filesSince = (chatId: number, from: number): BotMessage[] => h.api.messages(chatId).slice(from).filter((m) => m.file);

async function sent(userId: number, action: () => Promise<unknown>): Promise<BotMessage[]> {
  const before = h.api.messages(userId).length;
  await action();
  return h.api.messages(userId).slice(before);
}

describe('/ekspor (issue 10)', () => {
  it('sends the XLSX rekap of a province for a week, read back with a real reader', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const out = await sent(coordinator.id, () => h.api.sendText(coordinator, '/ekspor Babel minggu 48'));
    const doc = out.find((m) => m.file)?.file;
    expect(doc?.kind).toBe('document');
    expect(doc?.fileName).toBe('rekap-uc-kepulauan-bangka-belitung-2026-W48.xlsx');
    const sheets = await readXlsxFile(doc?.bytes ?? Buffer.alloc(0));
    expect(sheets.map((s) => s.sheet)).toEqual(['Rekap', 'Tren', 'Profil', 'Metadata']);
    const whole = sheets[0]?.data ?? [];
    // A title and the period above the table (issue 23: a sheet put on a slide says what it is).
    expect(whole[0]?.[0]).toBe('Rekap Capaian UC Jamsosnaker Provinsi Kepulauan Bangka Belitung');
    expect(String(whole[1]?.[0])).toContain('Periode: minggu ke-48 tahun 2026');
    const rekap = whole.slice(2);
    const header = rekap[0] as string[];
    expect(header.slice(0, 3)).toEqual(['Kode wilayah', 'Nama', 'Minggu laporan terakhir']);
    // 7 kab/kota, the province's own non-ASN row, the totals row.
    expect(rekap).toHaveLength(1 + 7 + 1 + 1);
    const pangkal = rekap.find((r) => r[0] === '19.71') as unknown[];
    expect(pangkal[1]).toBe('Kota Pangkal Pinang');
    const col = (title: string): number => header.indexOf(title);
    // Numbers are numbers (formatted by Excel), percentages fractions, codes text.
    expect(pangkal[col('Total peserta aktif')]).toBe(70_000 + 1_200 + 2_000 + 310);
    expect(pangkal[col('Capaian UC')]).toBeCloseTo((73_510 / 104_000), 6);
    expect(pangkal[col('Target UC')]).toBeCloseTo(0.35, 6);
    expect(pangkal[col('Status laporan minggu ke-48 tahun 2026')]).toBe('Sudah');
    const beltim = rekap.find((r) => r[0] === '19.06') as unknown[];
    expect(beltim[col('Status laporan minggu ke-48 tahun 2026')]).toBe('Belum');
    expect(beltim[col('Minggu laporan terakhir')]).toBe('2026-W47');
    const total = rekap[rekap.length - 1] as unknown[];
    expect(total[1]).toBe('Jumlah Provinsi Kepulauan Bangka Belitung');
    // Completeness counts reporting units: 6 kab/kota and the province government.
    expect(total[col('Status laporan minggu ke-48 tahun 2026')]).toBe('7 dari 8 unit pelapor sudah');
    // The totals row is the sum of the rows above it: participants and non-ASN (kab/kota and the province government).
    const sum = (title: string): number => rekap.slice(1, -1).reduce((a, r) => a + (typeof r[col(title)] === 'number' ? (r[col(title)] as number) : 0), 0);
    expect(total[col('Total peserta aktif')]).toBe(sum('Total peserta aktif'));
    expect(total[col('Pegawai non-ASN')]).toBe(sum('Pegawai non-ASN'));
    expect(total[col('Penduduk bekerja')]).toBe(sum('Penduduk bekerja'));
    expect(total[0]).toBeNull();
    // The province's pace: 45% of 729.000 = 328.050 against its participants.
    expect(typeof total[col('Tambahan peserta per minggu yang diperlukan')]).toBe('number');
    expect(total[col('Rata-rata pertambahan per minggu (4 minggu terakhir)')]).toBeGreaterThan(0);

    const trend = sheets[1]?.data ?? [];
    // One row per reporting unit (7 kab/kota and the province) for the one week.
    expect(trend).toHaveLength(1 + 8);
    const trendHeader = trend[0] as string[];
    expect(trend.find((r) => r[0] === '19.71')?.[trendHeader.indexOf('Jumlah revisi')]).toBe(1);

    // The region profiles beside the figures (issue 20.4): one completeness row per reporting unit at least.
    const profil = sheets[2]?.data ?? [];
    expect(profil[0]?.slice(0, 3)).toEqual(['Kode', 'Wilayah', 'Bagian']);
    expect(profil.filter((r) => r[0] === '19.71').length).toBeGreaterThanOrEqual(1);
    const meta = (sheets[3]?.data ?? []).map((r) => r.join(' '));
    expect(meta.join('\n')).toContain('Kepmendagri Nomor 300.2.2-2138 Tahun 2025');
    expect(meta.join('\n')).toContain('Dewi');
    expect(meta.join('\n')).toContain('Tidak ada data contoh');
    expect(meta.join('\n')).toMatch(/Jumat, 27 November 2026 pukul 12\.00 WIB/);

    // Formats: thousands and one-decimal percentages; frozen header.
    const zip = unzipSync(new Uint8Array(doc?.bytes ?? Buffer.alloc(0)));
    const styles = strFromU8(zip['xl/styles.xml'] ?? new Uint8Array());
    expect(styles).toContain('formatCode="#,##0"');
    expect(styles).toContain('formatCode="0.0%"');
    const sheet1 = strFromU8(zip['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet1).toMatch(/<pane [^>]*state="frozen"/);
    // Filter, print on one page width with the header repeated, detail columns grouped.
    expect(sheet1).toContain('<autoFilter ref="A3:AB12"/>');
    expect(sheet1).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1"/);
    expect(sheet1).toMatch(/<col min="4" max="4" [^>]*outlineLevel="1"/);
    expect(strFromU8(zip['xl/workbook.xml'] ?? new Uint8Array())).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Rekap'!$3:$3</definedName>`);

    // Recorded in the audit trail: who, scope, period.
    const audit = await say(h, coordinator, '/audit');
    expect(audit).toContain('Dewi: mengekspor rekap Provinsi Kepulauan Bangka Belitung, minggu ke-48 tahun 2026 (XLSX)');
  });

  it('offers periods by button when nothing is named, and every button gives a file', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    await say(h, coordinator, '/ekspor');
    const menu = h.api.lastMessage(coordinator.id);
    expect(menu.text).toContain('Ekspor rekap Provinsi Kepulauan Bangka Belitung');
    const buttons = menu.buttons.flat();
    expect(buttons).toHaveLength(4);
    const names: string[] = [];
    for (const b of buttons) {
      const from = h.api.messages(coordinator.id).length;
      await h.api.press(coordinator, menu, b.text);
      const files = filesSince(coordinator.id, from);
      expect(files, b.text).toHaveLength(1);
      names.push(files[0]?.file?.fileName ?? '');
    }
    expect(names).toEqual([
      'rekap-uc-kepulauan-bangka-belitung-2026-W48.xlsx',
      'rekap-uc-kepulauan-bangka-belitung-2026-W45-2026-W48.xlsx',
      'rekap-uc-kepulauan-bangka-belitung-2026-W37-2026-W48.xlsx',
      'rekap-uc-kepulauan-bangka-belitung-2026.xlsx',
    ]);
    // The twelve-week Tren sheet: 8 units x 12 weeks.
    const twelve = h.api.messages(coordinator.id).filter((m) => m.file?.fileName.includes('W37')).pop();
    const sheets = await readXlsxFile(twelve?.file?.bytes ?? Buffer.alloc(0));
    expect(sheets[1]?.data).toHaveLength(1 + 8 * 12);
  });

  it('keeps a national rekap in chat to half a year: its buttons offer at most 26 weeks, and each gives a file', async () => {
    await say(h, h.admin, '/ekspor');
    const menu = h.api.lastMessage(h.admin.id);
    expect(menu.buttons.flat().map((b) => b.text)).toEqual(['Minggu ini', '4 minggu terakhir', '12 minggu terakhir', '26 minggu terakhir']);
    for (const b of menu.buttons.flat()) {
      const from = h.api.messages(h.admin.id).length;
      await h.api.press(h.admin, menu, b.text);
      expect(filesSince(h.admin.id, from), b.text).toHaveLength(1);
    }
    expect(filesSince(h.admin.id, 0).pop()?.file?.fileName).toBe('rekap-uc-nasional-2026-W23-2026-W48.xlsx');
    expect(await say(h, h.admin, '/ekspor nasional 2026')).toContain('rekap nasional 48 minggu terlalu besar untuk dikirim lewat Telegram; paling lama 26 minggu');
  });

  it('asks which unit for an ambiguous name, carrying the period, and every choice gives that unit’s file', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    await say(h, coordinator, '/ekspor Bangka 2026-W40..2026-W48');
    const question = h.api.lastMessage(coordinator.id);
    const choices = question.buttons.flat();
    expect(choices.length).toBeGreaterThan(1);
    for (const b of choices) {
      const from = h.api.messages(coordinator.id).length;
      await h.api.press(coordinator, question, b.text);
      const file = filesSince(coordinator.id, from)[0]?.file;
      expect(file?.fileName, b.text).toMatch(/^rekap-uc-.+-2026-W40-2026-W48\.xlsx$/);
    }
  });

  it('refuses a scope outside the person’s access, a forged press, staff, strangers and a bad period, politely', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    expect(await say(h, coordinator, '/ekspor Jabar')).toContain('di luar wilayah akses');
    await say(h, coordinator, '/ekspor');
    const menu = h.api.lastMessage(coordinator.id);
    const before = h.api.messages(coordinator.id).length;
    await h.api.forgeCallback(coordinator, menu, 'exp:p:32~w');
    expect(filesSince(coordinator.id, before)).toHaveLength(0);
    expect(h.api.messages(coordinator.id).slice(before).map((m) => m.text).join('\n')).toContain('di luar wilayah akses');
    await h.api.forgeCallback(coordinator, menu, 'exp:u:19.71~2026-W40~2027-W01');
    expect(filesSince(coordinator.id, before)).toHaveLength(0);
    const staff = await person(h, 5002, 'Budi', 'staff', '19.71');
    expect(await say(h, staff, '/ekspor')).toContain('ekspor rekap disediakan untuk koordinator dan admin');
    expect(await say(h, h.stranger, '/ekspor nasional')).toContain('belum terdaftar');
    expect(await say(h, coordinator, '/ekspor Babel minggu 60')).toContain('tidak ada dalam kalender');
    expect(await say(h, coordinator, '/ekspor Babel minggu 49')).toContain('belum berjalan');
    expect(await say(h, coordinator, '/ekspor Babel 2024-W01..2026-W48')).toContain('terlalu panjang');
  });
});

describe('/grafik (issue 10)', () => {
  it('sends the trend, ranking and completeness charts as photos within Telegram’s limits', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const out = await sent(coordinator.id, () => h.api.sendText(coordinator, '/grafik Babel'));
    const photos = out.filter((m) => m.file?.kind === 'photo');
    expect(photos.map((m) => m.file?.fileName)).toEqual([
      'tren-kepulauan-bangka-belitung-2026-W48.png',
      'peringkat-kepulauan-bangka-belitung-2026-W48.png',
      'kelengkapan-kepulauan-bangka-belitung-2026-W48.png',
    ]);
    for (const p of photos) {
      const png = PNG.sync.read(p.file?.bytes ?? Buffer.alloc(0));
      expect(png.width + png.height).toBeLessThanOrEqual(10_000);
      // Something is drawn: more than the background colour.
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
      expect(colours.size).toBeGreaterThan(3);
    }
    const [trend, ranking, completeness] = photos.map((m) => m.text);
    expect(trend).toContain('Capaian UC Provinsi Kepulauan Bangka Belitung');
    expect(trend).toMatch(/dari \d+,\d+% \(minggu ke-37 tahun 2026\) menjadi \d+,\d+% \(minggu ke-48 tahun 2026\)/);
    expect(trend).toContain('Target 45,0%');
    expect(ranking).toContain('Tertinggi: Kabupaten Belitung Timur 90,6%; terendah: Kabupaten Bangka 8,4%.');
    expect(ranking).toContain('Catatan: pengelompokan kategori capaian ini dibuat untuk keperluan pemantauan dalam UC Bot');
    expect(completeness).toContain('Minggu ke-48 tahun 2026: 7 dari 8 unit pelapor (kab/kota dan pemerintah provinsi) sudah melapor');
  });

  it('draws the ranking of all 38 provinces in one photo within the limits', async () => {
    const out = await sent(h.admin.id, () => h.api.sendText(h.admin, '/grafik nasional peringkat'));
    const photo = out.find((m) => m.file?.kind === 'photo')?.file;
    expect(photo?.fileName).toBe('peringkat-nasional-2026-W48.png');
    expect((photo?.width ?? 0) + (photo?.height ?? 0)).toBeLessThanOrEqual(10_000);
  });

  it('answers a kab/kota with its trend, and a scope without reports in words', async () => {
    const staff = await person(h, 5002, 'Budi', 'staff', '19.71');
    const out = await sent(staff.id, () => h.api.sendText(staff, '/grafik'));
    expect(out.filter((m) => m.file).map((m) => m.file?.fileName)).toEqual(['tren-kota-pangkal-pinang-2026-W48.png']);
    expect(await say(h, h.admin, '/grafik Jabar')).toContain('Belum ada laporan untuk Provinsi Jawa Barat');
  });
});

describe('gap and pace (issue 10)', () => {
  it('/cakupan shows the participants needed per week beside the recent pace, and says whether it is enough', async () => {
    const text = await say(h, h.admin, '/cakupan Pangkalpinang');
    // 35% of 104.000 = 36.400 < 73.510: reached.
    expect(text).toContain('Target tahun 2026 sudah tercapai');
    const province = await say(h, h.admin, '/cakupan Babel');
    expect(province).toMatch(/perlu \+[\d.]+ peserta per minggu; rata-rata 4 minggu terakhir \+\d+/);
    expect(province).toContain('Laju saat ini belum cukup untuk mencapai target.');
  });

  it('/peringkat ranks with gap and pace, national within Telegram’s limit', async () => {
    const babel = await say(h, h.admin, '/peringkat Babel');
    expect(babel).toContain('2. Kota Pangkal Pinang: 70,7% (target 35,0%; lebih 35,7 poin) · target tercapai');
    // 35% of 160.000 = 56.000 against 13.510, over the 5 weeks left of 2026: +8.498 a week; +100 a week lately.
    expect(babel).toContain('7. Kabupaten Bangka: 8,4% (target 35,0%; kurang 26,6 poin) · perlu +8.498/minggu, laju +100 ⚠️');
    const national = await say(h, h.admin, '/peringkat nasional');
    expect(national).toContain('1. Kepulauan Bangka Belitung');
    expect(national).toContain('Belum dapat dihitung');
    for (const m of h.api.messages(h.admin.id)) expect(m.text.length).toBeLessThanOrEqual(4096);
  });
});

describe('every button of the rekap commands (issue 10)', () => {
  it('/grafik and /peringkat ask which unit for an ambiguous name, and every choice is answered', async () => {
    await say(h, h.admin, '/grafik Bangka 2026-W45..2026-W48 tren');
    const charts = h.api.lastMessage(h.admin.id);
    expect(charts.buttons.flat().length).toBeGreaterThan(1);
    for (const b of charts.buttons.flat()) {
      const before = h.api.messages(h.admin.id).length;
      await h.api.press(h.admin, charts, b.text);
      const got = h.api.messages(h.admin.id).slice(before);
      expect(got.some((m) => m.file?.kind === 'photo' && m.file.fileName.startsWith('tren-')), b.text).toBe(true);
      expect(got.find((m) => m.file)?.text, b.text).toContain('minggu ke-45 s.d. ke-48 tahun 2026');
    }
    await say(h, h.admin, '/peringkat Bangka');
    const ranking = h.api.lastMessage(h.admin.id);
    for (const b of ranking.buttons.flat()) {
      const before = h.api.messages(h.admin.id).length;
      await h.api.press(h.admin, ranking, b.text);
      const answer = h.api.messages(h.admin.id).slice(before).map((m) => m.text).join('\n');
      expect(answer, b.text).toMatch(b.text.startsWith('Provinsi') ? /Peringkat capaian UC kab\/kota/ : /adalah kab\/kota/);
    }
    expect(h.api.failedCalls()).toEqual([]);
  });
});
