import { afterEach, describe, expect, it } from 'vitest';
import type { BotMessage, TgUser } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say } from '../helpers/people.js';
import { seedBabel } from '../helpers/rekap-seed.js';
import { PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';

// Friday 27 November 2026, 10.00 WIB (03.00Z): week 48, the deadline is Jumat 15.00.
const FRIDAY = new Date('2026-11-27T03:00:00Z');
const QUICK = (pu: string) => `pu=${pu} bpu=2.000 jakon=300 pmi=10 nonasn=1.000 jkk=1.000 jkm=1.000 jht=400 jp=0`;

let h: Harness;
let dewi: TgUser;
let budi: TgUser;
afterEach(async () => {
  await h.stop();
});

/** Babel with 5 weeks of verified history up to week 47; Dewi coordinates Babel; Budi reports for Pangkalpinang. */
async function start(env: Record<string, string> = {}): Promise<void> {
  h = await startHarness({ now: FRIDAY, env });
  await seedBabel(h.app.store, '2026-W47', 5);
  for (const code of ['19.01', '19.02', '19.03', '19.04', '19.05', '19.06', '19.71']) {
    for (const week of ['2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47'] as const) {
      const r = await h.app.store.reports.get(code, week);
      if (r) await h.app.store.reports.decide(code, week, { rev: r.latest.rev, state: 'verified', by: { telegramId: null, name: 'Uji' }, at: FRIDAY.toISOString() });
    }
  }
  dewi = await person(h, 5001, 'Dewi', 'coordinator', '19');
  budi = await person(h, 5002, 'Budi', 'staff', '19.71');
}

/** Budi sends week 48 (or the named week) by quick entry; confirms a warning if asked; returns the bot's last words. */
async function submit(pu: string, week = ''): Promise<string> {
  const summary = await say(h, budi, `/lapor ${week} ${QUICK(pu)}`.replace(/\s+/g, ' '));
  if (summary.includes('Ya, angka sudah benar') || h.api.lastMessage(budi.id).buttons.flat().some((b) => b.text === 'Ya, angka sudah benar')) {
    await h.api.press(budi, h.api.lastMessage(budi.id), 'Ya, angka sudah benar');
  }
  const before = h.texts(budi.id).length;
  await h.api.press(budi, h.api.lastMessage(budi.id), 'Kirim laporan');
  return h.texts(budi.id).slice(before).join('\n');
}

const tick = async (at: Date): Promise<void> => {
  h.now = at;
  await h.app.scheduler.tick();
  await h.app.outbox.idle();
};
const notices = (chatId: number): BotMessage[] => h.api.messages(chatId).filter((m) => m.text.startsWith('🔎'));

describe('verification (issue 12)', () => {
  it('a report awaits verification, its coordinator is told in one grouped notice, verifies it, and the views say so', async () => {
    await start();
    expect(await submit('71.300')).toContain('telah diterima');
    await h.app.store.reportWriter.save({ unitCode: '19.01', week: '2026-W48', figures: { active_pu: 10_600, active_bpu: 2_000, active_jakon: 300, active_pmi: 10, nonasn_total: 1_000, nonasn_jkk: 1_000, nonasn_jkm: 1_000, nonasn_jht: 400, nonasn_jp: 0 }, by: { telegramId: 3003, name: 'Sari' }, source: 'chat', at: new Date('2026-11-27T03:10:00Z') });
    expect(await say(h, h.admin, '/cakupan Pangkalpinang')).toContain('⏳ menunggu verifikasi');
    // The window 10.00-10.30 WIB closes: one notice with both reports.
    await tick(new Date('2026-11-27T03:20:00Z'));
    expect(notices(dewi.id)).toHaveLength(0);
    await tick(new Date('2026-11-27T03:31:00Z'));
    expect(notices(dewi.id)).toHaveLength(1);
    const notice = notices(dewi.id)[0] as BotMessage;
    expect(notice.text).toContain('Laporan baru menunggu verifikasi (2)');
    expect(notice.text).toContain('1. Kota Pangkal Pinang, minggu ke-48 tahun 2026: 73.610 peserta (+800) · Budi, Jumat, 27 November 2026 pukul 10.00 WIB');
    expect(notice.text).toContain('2. Kabupaten Bangka, minggu ke-48 tahun 2026: 12.910 peserta (+100) · Sari');
    expect(notice.buttons.flat().map((b) => b.text)).toEqual(['✅ 1. Kota Pangkal Pinang', '↩️ 1. Kota Pangkal Pinang', '✅ 2. Kab. Bangka', '↩️ 2. Kab. Bangka']);
    // Again: no second notice for the same window.
    await tick(new Date('2026-11-27T03:40:00Z'));
    expect(notices(dewi.id)).toHaveLength(1);

    const verifyData = notice.buttons.flat()[0]?.callback_data ?? '';
    await h.api.press(dewi, notice, '✅ 1. Kota Pangkal Pinang');
    expect(lastCallbackAnswer(h)).toMatchObject({ text: 'Terverifikasi: Kota Pangkal Pinang.' });
    expect(h.api.lastMessage(dewi.id).text).toContain('telah diverifikasi oleh Dewi (koordinator Provinsi Kepulauan Bangka Belitung)');
    expect(await say(h, h.admin, '/cakupan Pangkalpinang')).toContain('✅ terverifikasi');
    const status = await say(h, dewi, '/status');
    expect(status).toContain('(1 menunggu verifikasi)');
    expect(status).toMatch(/Kota Pangkal Pinang: .*✅ terverifikasi/);
    expect(await say(h, dewi, '/audit')).toContain('Dewi: memverifikasi laporan Kota Pangkal Pinang, minggu ke-48 tahun 2026 (laporan awal)');
    // The same button again (from another copy of the notice): already decided.
    await h.api.forgeCallback(dewi, notice, verifyData);
    expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true });
    expect(lastCallbackAnswer(h)?.text).toContain('sudah diputuskan');
    // The other report, from the list.
    const list = await say(h, dewi, '/verifikasi');
    expect(list).toContain('Laporan menunggu verifikasi di Provinsi Kepulauan Bangka Belitung (1)');
    await h.api.press(dewi, h.api.lastMessage(dewi.id), '✅ 1. Kab. Bangka');
    expect(h.api.lastMessage(dewi.id).text).toContain('Tidak ada laporan yang menunggu verifikasi');
  });

  it('a returned report goes back with its reason, the correction awaits verification again, and is verified', async () => {
    await start();
    await submit('71.300');
    await say(h, dewi, '/verifikasi');
    await h.api.press(dewi, h.api.lastMessage(dewi.id), '↩️ 1. Kota Pangkal Pinang');
    const why = h.api.lastMessage(dewi.id);
    expect(why.text).toContain('Mengapa laporan Kota Pangkal Pinang, minggu ke-48 tahun 2026 dikembalikan?');
    expect(why.buttons.flat()).toHaveLength(4);
    const other = why.buttons.flat().find((b) => b.text === 'data belum lengkap')?.callback_data ?? '';
    await h.api.press(dewi, why, 'angka tidak sesuai data BPJS Ketenagakerjaan');
    expect(h.api.lastMessage(dewi.id).text).toContain('dikembalikan oleh Dewi');
    await h.app.outbox.idle();
    const told = h.api.lastMessage(budi.id).text;
    expect(told).toContain('Laporan minggu ke-48 tahun 2026 Kota Pangkal Pinang dikembalikan');
    expect(told).toContain('Alasan: angka tidak sesuai data BPJS Ketenagakerjaan.');
    // A returned report leaves the figures until corrected: last week's accepted figures stand, marked.
    const returned = await say(h, h.admin, '/cakupan Pangkalpinang');
    expect(returned).toContain('↩️ Laporan minggu ke-48 dikembalikan untuk dikoreksi; angka minggu ke-47 yang dipakai.');
    expect(returned).toContain('Data minggu ke-47 tahun 2026');
    expect(await say(h, h.admin, '/cakupan Babel')).toContain('Laporan terbaru 1 kab/kota dikembalikan untuk dikoreksi; angka sebelumnya yang diterima yang dihitung.');
    // Pressing another reason on the same question: already decided.
    await h.api.forgeCallback(dewi, why, other);
    expect(lastCallbackAnswer(h)?.text).toContain('sudah diputuskan');

    expect(await submit('71.350')).toContain('sebagai koreksi ke-1');
    expect(await say(h, dewi, '/verifikasi')).toContain('Kota Pangkal Pinang, minggu ke-48 tahun 2026 (koreksi ke-1)');
    await h.api.press(dewi, h.api.lastMessage(dewi.id), '✅ 1. Kota Pangkal Pinang');
    expect(await say(h, h.admin, '/cakupan Pangkalpinang')).toContain('✅ terverifikasi');
    // A correction to a verified report awaits verification again.
    await submit('71.400');
    expect(await say(h, h.admin, '/cakupan Pangkalpinang')).toContain('⏳ menunggu verifikasi');
    expect(await say(h, h.admin, '/audit')).toContain('mengembalikan laporan Kota Pangkal Pinang, minggu ke-48 tahun 2026 (laporan awal) kepada petugas, alasan: angka tidak sesuai data BPJS Ketenagakerjaan');
  });

  it('every return reason offered reaches the unit’s staff in its own words', async () => {
    await start();
    const reasons = ['angka tidak sesuai data BPJS Ketenagakerjaan', 'ada angka yang tertukar atau salah kolom', 'penurunan peserta perlu penjelasan', 'data belum lengkap'];
    for (const [i, reason] of reasons.entries()) {
      await submit(String(71_300 + i));
      await say(h, dewi, '/verifikasi');
      await h.api.press(dewi, h.api.lastMessage(dewi.id), '↩️ 1. Kota Pangkal Pinang');
      const why = h.api.lastMessage(dewi.id);
      expect(why.buttons.flat().map((b) => b.text)).toEqual(reasons);
      await h.api.press(dewi, why, reason);
      await h.app.outbox.idle();
      expect(h.api.lastMessage(budi.id).text).toContain(`Alasan: ${reason}.`);
    }
  });

  it('refuses a forged or stale press: another province’s coordinator, staff, a revision no longer the latest', async () => {
    await start();
    await submit('71.300');
    const jabar = await person(h, 5009, 'Asep', 'coordinator', '32');
    await say(h, dewi, '/verifikasi');
    const list = h.api.lastMessage(dewi.id);
    await h.api.forgeCallback(jabar, list, 'vrf:ok:19.71~2026-W48~1');
    expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true, text: 'Mohon maaf, laporan ini diverifikasi oleh koordinator provinsinya (atau admin).' });
    await h.api.forgeCallback(budi, list, 'vrf:ok:19.71~2026-W48~1');
    expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true });
    await h.api.forgeCallback(dewi, list, 'vrf:ok:19.71~2026-W48~7');
    expect(lastCallbackAnswer(h)?.text).toContain('sudah diputuskan atau sudah dikoreksi');
    await h.api.forgeCallback(dewi, list, 'vrf:why:19.71~2026-W48~1~9');
    expect(lastCallbackAnswer(h)?.text).toContain('sudah diputuskan atau sudah dikoreksi');
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.verification).toBeUndefined();
    // A correction between the list and the press voids the press.
    await submit('71.350');
    await h.api.press(dewi, list, '✅ 1. Kota Pangkal Pinang');
    expect(lastCallbackAnswer(h)?.text).toContain('sudah diputuskan atau sudah dikoreksi');
    expect(await say(h, budi, '/verifikasi')).toContain('verifikasi laporan dilakukan oleh koordinator provinsi');
  });

  it('lists the region named after /verifikasi, within what the person verifies (issue 23.14)', async () => {
    await start();
    await submit('81.200');
    await seedReport(h.app.store, '32.73', '2026-W48', PANGKALPINANG_W48);
    const all = await say(h, h.admin, '/verifikasi');
    expect(all).toContain('Kota Bandung');
    const babel = await say(h, h.admin, '/verifikasi Babel');
    // The province's kab/kota and its government's own report: what an admin verifies there.
    expect(babel).toContain('Laporan menunggu verifikasi di Provinsi Kepulauan Bangka Belitung (2)');
    expect(babel).not.toContain('Kota Bandung');
    expect(await say(h, dewi, '/verifikasi Jabar')).toContain('Mohon maaf, Provinsi Jawa Barat berada di luar wilayah akses Bapak/Ibu.');
    expect(await say(h, dewi, '/verifikasi Pangkalpinang')).toContain('Laporan menunggu verifikasi di Kota Pangkal Pinang (1)');
  });

  it('a province government’s own report is verified by a national coordinator, not by the province’s', async () => {
    await start();
    const agus = await person(h, 5010, 'Agus', 'coordinator', 'national');
    const sari = await person(h, 5011, 'Sari', 'staff', '19');
    await say(h, sari, '/lapor nonasn=6.900 jkk=6.900 jkm=6.900 jht=2.200 jp=450');
    await h.api.press(sari, h.api.lastMessage(sari.id), 'Kirim laporan');
    expect(await say(h, dewi, '/verifikasi')).toContain('Tidak ada laporan yang menunggu verifikasi');
    const list = await say(h, agus, '/verifikasi');
    expect(list).toContain('Laporan menunggu verifikasi di tingkat nasional (laporan pemerintah provinsi) (2)');
    expect(list).toContain('1. Provinsi Kepulauan Bangka Belitung, minggu ke-48 tahun 2026: non-ASN · Sari');
    await h.api.forgeCallback(dewi, h.api.lastMessage(agus.id), 'vrf:ok:19~2026-W48~1');
    expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true });
    await h.api.press(agus, h.api.lastMessage(agus.id), '✅ 1. Pemprov Kepulauan Bangka Belitung');
    expect((await h.app.store.reports.get('19', '2026-W48'))?.verification).toMatchObject({ state: 'verified', by: { name: 'Agus' } });
  });

  it('counts unverified figures in the province total, marked; with UNVERIFIED_IN_TOTALS=exclude leaves them out', async () => {
    await start();
    await submit('81.200');
    const counted = await say(h, h.admin, '/cakupan Babel');
    expect(counted).toContain('1 kab/kota belum diverifikasi koordinator; angkanya ikut dihitung');
    expect(counted).toContain('Kota Pangkal Pinang: 83.510 peserta · 80,3% · minggu ini ⏳');
    const total = Number(/Peserta aktif: ([\d.]+)/.exec(counted)?.[1]?.replace(/\./g, ''));
    await h.stop();

    await start({ UNVERIFIED_IN_TOTALS: 'exclude' });
    await submit('81.200');
    const excluded = await say(h, h.admin, '/cakupan Babel');
    expect(excluded).toContain('1 kab/kota belum diverifikasi koordinator; angkanya tidak dihitung');
    // Pangkalpinang's unverified week-48 figures left out; its verified week-47 figures (72.810) stand instead.
    expect(excluded).toContain('(menurut laporan terakhir 7 dari 7 kab/kota)');
    expect(excluded).toContain('Kota Pangkal Pinang: 72.810 peserta · 70,0% · minggu ke-47 ✅ · laporan minggu ke-48 belum diverifikasi dan tidak dihitung');
    expect(Number(/Peserta aktif: ([\d.]+)/.exec(excluded)?.[1]?.replace(/\./g, ''))).toBe(total - 83_510 + 72_810);
  });
});

describe('"belum ada data" (issue 12)', () => {
  it('counts as reported on time, carries no figures, and /cakupan shows the latest real figures with their week', async () => {
    await start();
    await say(h, budi, '/lapor');
    const first = h.api.lastMessage(budi.id);
    await h.api.press(budi, first, 'Belum ada data minggu ini');
    await h.api.press(budi, h.api.lastMessage(budi.id), 'Data BPJS belum turun');
    expect(h.api.lastMessage(budi.id).text).toContain('Keterangan: belum ada data (Data BPJS belum turun)');
    await h.api.press(budi, h.api.lastMessage(budi.id), 'Kirim laporan');
    expect(h.api.lastMessage(budi.id).text).toContain('Keterangan belum ada data untuk Kota Pangkal Pinang, minggu ke-48 tahun 2026');
    const status = await say(h, dewi, '/status');
    expect(status).toMatch(/Kota Pangkal Pinang: .*belum ada data: Data BPJS belum turun/);
    expect(status).toContain('(1 belum ada data)');
    const coverage = await say(h, h.admin, '/cakupan Pangkalpinang');
    expect(coverage).toContain('Data minggu ke-47 tahun 2026');
    expect(coverage).toContain('Minggu ini dilaporkan belum ada data (Data BPJS belum turun)');
    expect(coverage).toContain('Peserta aktif: 72.810');
    const province = await say(h, h.admin, '/cakupan Babel');
    expect(province).toContain('1 dari 7 kab/kota; 1 dari 8 unit pelapor (termasuk pemerintah provinsi) telah melapor');
    expect(province).toContain('Kota Pangkal Pinang: 72.810 peserta · 70,0% · minggu ke-47 ✅ · minggu ini belum ada data (Data BPJS belum turun)');
    // Nothing is asked to verify, and the typed form works too.
    expect(await say(h, dewi, '/verifikasi')).toContain('Tidak ada laporan yang menunggu verifikasi');
    const bangka = await person(h, 5003, 'Rudi', 'staff', '19.01');
    await say(h, bangka, '/lapor belum ada data: rekonsiliasi dengan BPJS');
    await h.api.press(bangka, h.api.lastMessage(bangka.id), 'Kirim laporan');
    expect((await h.app.store.reports.get('19.01', '2026-W48'))?.latest).toMatchObject({ figures: {}, noData: { reason: 'rekonsiliasi dengan BPJS' } });
  });
});

describe('"belum ada data", cancelled (issue 12)', () => {
  it('Batal at the reason and at the summary stores nothing', async () => {
    await start();
    await say(h, budi, '/lapor');
    await h.api.press(budi, h.api.lastMessage(budi.id), 'Belum ada data minggu ini');
    await h.api.press(budi, h.api.lastMessage(budi.id), 'Batal');
    expect(h.api.lastMessage(budi.id).text).toContain('dibatalkan');
    await say(h, budi, '/lapor belum ada data: rekonsiliasi');
    await h.api.press(budi, h.api.lastMessage(budi.id), 'Batal');
    expect(h.api.lastMessage(budi.id).text).toContain('dibatalkan');
    expect(await h.app.store.reports.get('19.71', '2026-W48')).toBeUndefined();
  });
});

describe('drop alerts (issue 12)', () => {
  it('a confirmed fall reaches the province’s coordinators at once, exactly once', async () => {
    await start();
    const group = h.api.group(-7001, 'Koordinator UC Babel');
    await say(h, dewi, '/hubungkan Babel', group);
    const reply = await submit('60.000');
    expect(reply).toContain('telah diterima');
    await h.app.outbox.idle();
    const alerts = (chatId: number) => h.api.messages(chatId).filter((m) => m.text.startsWith('⚠️ Peringatan angka'));
    expect(alerts(dewi.id)).toHaveLength(1);
    expect(alerts(group.id)).toHaveLength(1);
    const alert = alerts(dewi.id)[0]?.text ?? '';
    expect(alert).toContain('Peringatan angka: Kota Pangkal Pinang, minggu ke-48 tahun 2026');
    expect(alert).toContain('Peserta aktif Penerima Upah (pekerja formal) turun 14,9% dibanding laporan sebelumnya (70.500 → 60.000)');
    expect(alert).toContain('dikonfirmasi benar oleh Budi (petugas Kota Pangkal Pinang)');
    // The same figures again add no revision and no second alert; staff of other units hear nothing.
    await submit('60.000');
    await h.app.outbox.idle();
    expect(alerts(dewi.id)).toHaveLength(1);
    expect(alerts(budi.id)).toHaveLength(0);
  });
});

describe('late arrivals (issue 12)', () => {
  it('staff may send a past week within LATE_GRACE, marked late; after it only a coordinator may', async () => {
    await start();
    // Saturday 28 November, after week 48's deadline: the week is still open to staff, and late.
    h.now = new Date('2026-11-28T03:00:00Z');
    const summary = await say(h, budi, `/lapor minggu 48 ${QUICK('71.300')}`);
    expect(summary, summary).toContain('Ringkasan');
    await h.api.press(budi, h.api.lastMessage(budi.id), 'Kirim laporan');
    const sent = h.api.lastMessage(budi.id).text;
    expect(sent).toContain('dikirim setelah batas waktu dan tercatat terlambat');
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.latest.late).toBe(true);
    const status = await say(h, dewi, '/status Babel');
    expect(status).toMatch(/Kota Pangkal Pinang: .*⏰ terlambat/);
    await h.app.outbox.idle();
    // Tuesday 1 December, past Friday's deadline plus 3 days: staff are refused, the coordinator may enter it.
    h.now = new Date('2026-12-01T03:00:00Z');
    const bangka = await person(h, 5003, 'Rudi', 'staff', '19.01');
    expect(await say(h, bangka, `/lapor minggu 48 ${QUICK('10.600')}`)).toContain('masa tenggang keterlambatannya sudah lewat');
    expect(await h.app.store.reports.get('19.01', '2026-W48')).toBeUndefined();
    await say(h, dewi, `/lapor Bangka minggu 48 ${QUICK('10.600')}`);
    const ask = h.api.lastMessage(dewi.id);
    if (ask.buttons.flat().some((b) => b.text === 'Kabupaten Bangka')) await h.api.press(dewi, ask, 'Kabupaten Bangka');
    await h.api.press(dewi, h.api.lastMessage(dewi.id), 'Kirim laporan');
    const entered = await h.app.store.reports.get('19.01', '2026-W48');
    expect(entered?.latest).toMatchObject({ late: true, onBehalf: true });
    // Entered by its province's coordinator: verified as it is saved.
    expect(entered?.verification).toMatchObject({ state: 'verified', by: { name: 'Dewi' } });
    await h.app.outbox.idle();
    expect(await say(h, dewi, '/audit')).toContain('Dewi: mengirim laporan Kabupaten Bangka, minggu ke-48 tahun 2026');
  });
});
