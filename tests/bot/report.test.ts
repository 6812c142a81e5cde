import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say, pressIfOffered } from '../helpers/people.js';
import { figuresWith, PANGKALPINANG_W48, seedBaseline, seedReport } from '../helpers/seed.js';

// Tuesday 24 November 2026, 10.00 WIB: week 48; week 47 (deadline Friday 20 November 15.00) was open to staff, late,
// until Monday 15.00 (LATE_GRACE 3 days), so by default the week is not asked.
const TUESDAY = new Date('2026-11-24T03:00:00Z');
const W47 = figuresWith({ active_pu: 38_700, active_bpu: 11_000, active_jakon: 2_100, active_pmi: 58, nonasn_jht: 1_000 });
const ANSWERS = ['38.905', '11,2rb', '2 205', '58', '4.120', '4.120', '=', '1.030', '0'];

let h: Harness;
let budi: TgUser;
beforeEach(async () => {
  h = await startHarness({ now: TUESDAY });
  budi = await person(h, 8001, 'Budi', 'staff', '19.71');
  await seedBaseline(h.app.store, '19.71');
  await seedReport(h.app.store, '19.71', '2026-W47', W47);
});
afterEach(async () => {
  await h.stop();
});

const last = () => h.api.lastMessage(budi.id);
const press = (label: string) => h.api.press(budi, last(), label);

/** /lapor, this week, and every answer: ends at the summary. */
async function fillThisWeek(answers = ANSWERS): Promise<string> {
  await say(h, budi, '/lapor');
  await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
  let reply = '';
  for (const a of answers) reply = await say(h, budi, a);
  return reply;
}

describe('the guided weekly report', () => {
  it('offers last week while its grace runs, and a report sent for it is a late correction', async () => {
    h.now = new Date('2026-11-23T03:00:00Z');
    await say(h, budi, '/lapor');
    expect(last().text).toContain('Batas waktu laporan minggu lalu sudah lewat (Jumat, 20 November 2026 pukul 15.00 WIB); laporannya masih dapat dikirim sampai Senin, 23 November 2026 pukul 15.00 WIB dan akan ditandai terlambat.');
    await h.api.press(budi, last(), 'Minggu lalu (ke-47)');
    expect(last().text).toContain('minggu ke-47 tahun 2026');
    // A correction opens at its summary: change the first figure, then send.
    await say(h, budi, '1');
    await say(h, budi, '38.800');
    await h.api.press(budi, last(), 'Kirim laporan');
    expect(last().text).toContain('tercatat terlambat');
    expect((await h.app.store.reports.get('19.71', '2026-W47'))?.latest).toMatchObject({ rev: 2, late: true });
  });

  it('asks each field with its label, example and last week, echoes each number, and saves on Send', async () => {
    // Monday 10.00 WIB: last week may still be sent (its deadline plus LATE_GRACE), so the week is asked.
    h.now = new Date('2026-11-23T03:00:00Z');
    await say(h, budi, '/lapor');
    expect(last().text).toContain('Laporan untuk minggu yang mana?');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    expect(last().text).toContain('(1/9) Peserta aktif Penerima Upah (pekerja formal)');
    expect(last().text).toContain('Contoh: 38.905 atau 38,9rb');
    expect(last().text).toContain('Minggu lalu: 38.700.');
    expect(last().buttons.flat().map((b) => b.text)).toEqual(['Sama: 38.700', 'Belum ada data minggu ini']);
    expect(await say(h, budi, '38.905')).toContain('✓ Peserta aktif Penerima Upah (pekerja formal): 38.905');
    let reply = '';
    for (const a of ANSWERS.slice(1)) reply = await say(h, budi, a);
    expect(reply).toContain('Ringkasan laporan');
    expect(reply).toContain('1. Peserta aktif Penerima Upah (pekerja formal): 38.905 (+205)');
    expect(reply).toContain('2. Peserta aktif Bukan Penerima Upah (pekerja informal): 11.200 (+200)');
    expect(reply).toContain('3. Peserta aktif Jasa Konstruksi: 2.205 (+105)');
    expect(reply).toContain('7. Non-ASN terlindungi JKM: 4.120 (0)');
    await press('Kirim laporan');
    expect(last().text).toContain('✅ Laporan Kota Pangkal Pinang, minggu ke-48 tahun 2026 (23–29 November 2026) telah diterima');
    const saved = await h.app.store.reports.get('19.71', '2026-W48');
    expect(saved?.latest).toMatchObject({ figures: PANGKALPINANG_W48, by: { telegramId: budi.id, name: 'Budi' }, source: 'chat' });
    expect(saved?.latest.onBehalf).toBeUndefined();
    expect(await say(h, budi, '/cakupan')).toContain('Peserta aktif: 52.368 (+510 dibanding minggu sebelumnya)');
    expect((await h.app.store.audit.recent(5)).map((e) => e.action)).toContain('report.submit');
  });

  it.each(['abc', '-5', '1,5', '1,250', '   ', '900an'])('asks again after %j, then takes a good value', async (bad) => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    for (let i = 0; i < ANSWERS.length; i++) {
      const again = await say(h, budi, bad);
      expect(again).toContain('Mohon maaf');
      expect(again).toContain(`(${i + 1}/9)`);
      await say(h, budi, ANSWERS[i] ?? '');
    }
    expect(last().text).toContain('Ringkasan laporan');
    expect(await h.app.store.reports.get('19.71', '2026-W48')).toBeUndefined();
  });

  it('answers every message typed while the bot is still answering, and takes a double-sent answer once (issue 23.1)', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    let before = h.texts(budi.id).length;
    // A photo and, at once, -5: both were sent before the bot's answer to the photo arrived.
    h.api.queueMessage(budi, { photo: [{ file_id: 'ph', file_unique_id: 'ph-u', width: 90, height: 90 }] });
    await h.api.waitForAck(h.api.queueText(budi, '-5'));
    let replies = h.texts(budi.id).slice(before);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('foto tidak dapat dibaca sebagai jawaban');
    expect(replies[1]).toContain('Mohon maaf');
    expect(replies[1]).toContain('(1/9) Peserta aktif Penerima Upah');
    // The same answer sent twice in a row is taken once; two different answers typed ahead are both taken.
    before = h.texts(budi.id).length;
    h.api.queueText(budi, '38.905');
    h.api.queueText(budi, '38.905');
    h.api.queueText(budi, '11,2rb');
    await h.api.waitForAck(h.api.queueText(budi, '2 205'));
    replies = h.texts(budi.id).slice(before);
    expect(replies).toHaveLength(3);
    expect(replies[0]).toContain('(2/9)');
    expect(replies[1]).toContain('(3/9)');
    expect(replies[2]).toContain('(4/9)');
    for (const a of ANSWERS.slice(3)) await say(h, budi, a);
    await press('Kirim laporan');
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.latest.figures).toEqual(PANGKALPINANG_W48);
  });

  it('closes this week to staff after its deadline and grace; a coordinator may still enter it (issue 23.3)', async () => {
    await h.stop();
    // Wednesday 2 December 2026 (week 49), deadline Wednesday 17.53 WIB, one minute's grace.
    h = await startHarness({ now: new Date('2026-12-02T10:52:00Z'), env: { REPORT_DEADLINE: 'Rabu 17.53', LATE_GRACE: '1m' } });
    budi = await person(h, 8001, 'Budi', 'staff', '19.71');
    const dewi = await person(h, 8002, 'Dewi', 'coordinator', '19');
    await seedBaseline(h.app.store, '19.71');
    const quick = 'pu=38.905 bpu=11.200 jakon=2.205 pmi=58 nonasn=4.120 jkk=4.120 jkm=4.120 jht=1.030 jp=0';
    // 17.52: on time.
    expect(await say(h, budi, `/lapor minggu 49 ${quick}`)).toContain('Ringkasan');
    await say(h, budi, '/batal');
    // 17.55: past the deadline and its grace.
    h.now = new Date('2026-12-02T10:55:00Z');
    expect(await say(h, budi, `/lapor minggu 49 ${quick}`)).toContain('masa tenggang keterlambatannya sudah lewat');
    expect(await say(h, budi, `/lapor ${quick}`)).toContain('masa tenggang keterlambatannya sudah lewat');
    expect(await say(h, budi, '/lapor')).toContain('Koordinator provinsi dapat memasukkannya');
    expect(await h.app.store.reports.get('19.71', '2026-W49')).toBeUndefined();
    // The workforce is not a weekly report: still open to staff.
    expect(await say(h, budi, '/penduduk')).toContain('2026');
    await say(h, budi, '/batal');
    expect(await say(h, dewi, `/lapor Pangkalpinang minggu 49 ${quick}`)).toContain('Ringkasan');
    await h.api.press(dewi, h.api.lastMessage(dewi.id), 'Kirim laporan');
    expect(h.api.lastMessage(dewi.id).text).toContain('tercatat terlambat');
    expect((await h.app.store.reports.get('19.71', '2026-W49'))?.latest).toMatchObject({ late: true, onBehalf: true });
  });

  it('takes “sama” as the button “Sama: …” says, and offers no button a total already rules out (issue 23.15)', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    expect(last().buttons.flat().map((b) => b.text)).toContain('Sama: 38.700');
    expect(await say(h, budi, 'sama')).toContain('✓ Peserta aktif Penerima Upah (pekerja formal): 38.700');
    expect(await say(h, budi, 'Sama: 11.000')).toContain('✓ Peserta aktif Bukan Penerima Upah (pekerja informal): 11.000');
    for (const a of ['2 205', '58', '60']) await say(h, budi, a);
    // Last week's JKK (4.120) is above this week's 60 non-ASN employees: no button offers it.
    expect(last().text).toContain('(6/9) Non-ASN terlindungi JKK');
    expect(last().buttons.flat().map((b) => b.text)).toEqual([]);
    const refused = await say(h, budi, '2.300');
    expect(refused).toContain('Non-ASN terlindungi JKK (2.300) melebihi jumlah pegawai non-ASN (60)');
    expect(last().buttons.flat().map((b) => b.text)).toEqual([]);
    expect(await say(h, budi, 'sama')).toContain('melebihi jumlah pegawai non-ASN (60)');
    expect(await say(h, budi, '60')).toContain('(7/9)');
  });

  it('/penduduk with a /lapor draft open asks first and keeps the draft (issue 23.13)', async () => {
    await fillThisWeek();
    expect(last().text).toContain('Ringkasan laporan');
    const asked = await say(h, budi, '/penduduk');
    expect(asked).toContain('Laporan Kota Pangkal Pinang, minggu ke-48 tahun 2026 (23–29 November 2026) sedang disusun dan belum dikirim');
    expect(last().buttons.flat().map((b) => b.text)).toEqual(['Ubah penduduk bekerja di laporan ini', 'Kembali ke laporan', 'Buang draf, lanjut /penduduk']);
    await press('Kembali ke laporan');
    expect(last().text).toContain('Ringkasan laporan');
    expect(last().text).toContain('1. Peserta aktif Penerima Upah (pekerja formal): 38.905');
    // The workforce changed in the draft, saved with the report.
    await say(h, budi, '/penduduk');
    await press('Ubah penduduk bekerja di laporan ini');
    expect(last().text).toContain('Data penduduk bekerja Kota Pangkal Pinang tahun 2026');
    await say(h, budi, '110.000');
    const summary = await say(h, budi, 'Sakernas Agustus 2026');
    expect(summary).toContain('Ringkasan laporan');
    expect(summary).toContain('110.000');
    await press('Kirim laporan');
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.latest.figures).toEqual(PANGKALPINANG_W48);
    expect(h.app.store.baselines.forYear('19.71', 2026)?.workforce_total).toBe(110_000);
    // Halfway through a correction: back to its question; or, by choice only, the draft is left for /penduduk.
    h.now = new Date(TUESDAY.getTime() + 5 * 60_000);
    await say(h, budi, '/lapor');
    await say(h, budi, '1');
    expect(last().text).toContain('(1/9)');
    await say(h, budi, '/penduduk');
    expect(last().buttons.flat().map((b) => b.text)).toEqual(['Kembali ke laporan', 'Buang draf, lanjut /penduduk']);
    expect(await say(h, budi, 'apa ini')).toContain('Mohon pilih salah satu tombol');
    expect(await say(h, budi, 'kembali')).toContain('(1/9)');
    await say(h, budi, '/penduduk');
    await press('Buang draf, lanjut /penduduk');
    expect(last().text).toContain('Data penduduk bekerja Kota Pangkal Pinang tahun 2026');
    await say(h, budi, '111.000');
    expect(await say(h, budi, '=')).toContain('111.000');
    expect(h.app.store.baselines.forYear('19.71', 2026)?.workforce_total).toBe(111_000);
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.revisions).toHaveLength(1);
  });

  it('warns on sharp rises as on falls, and a confirmed rise reaches the verifiers (issue 23.7)', async () => {
    const dewi = await person(h, 8002, 'Dewi', 'coordinator', '19');
    await seedReport(h.app.store, '19.71', '2026-W47', { ...W47, active_jakon: 658, active_pmi: 59 });
    const reply = await fillThisWeek(['38.905', '11,2rb', '12.500', '2.300', ...ANSWERS.slice(4)]);
    expect(reply).toContain('⚠️ Peserta aktif Jasa Konstruksi naik 19 kali lipat dibanding laporan sebelumnya (658 → 12.500).');
    expect(reply).toContain('⚠️ Peserta aktif Pekerja Migran Indonesia naik 39 kali lipat dibanding laporan sebelumnya (59 → 2.300).');
    await press('Ya, angka sudah benar');
    await press('Kirim laporan');
    await h.app.outbox.idle();
    const alert = h.api.messages(dewi.id).find((m) => m.text.startsWith('⚠️ Peringatan angka'))?.text ?? '';
    expect(alert).toContain('Peringatan angka: Kota Pangkal Pinang, minggu ke-48 tahun 2026');
    expect(alert).toContain('• Peserta aktif Jasa Konstruksi naik 19 kali lipat dibanding laporan sebelumnya (658 → 12.500).');
    expect(alert).toContain('• Peserta aktif Pekerja Migran Indonesia naik 39 kali lipat dibanding laporan sebelumnya (59 → 2.300).');
    expect(alert).toContain('dikonfirmasi benar oleh Budi');
  });

  it('“1,5 jt” for a workforce of 72.000: the rise and the workforce both asked, and both sent to the verifiers (issue 23.7)', async () => {
    const dewi = await person(h, 8002, 'Dewi', 'coordinator', '19');
    await seedBaseline(h.app.store, '19.71', { workforce_total: 72_000 });
    const reply = await fillThisWeek(['1,5 jt', ...ANSWERS.slice(1)]);
    expect(reply).toContain('⚠️ Peserta aktif Penerima Upah (pekerja formal) naik 39 kali lipat dibanding laporan sebelumnya (38.700 → 1.500.000).');
    expect(reply).toContain('melebihi jumlah penduduk bekerja (72.000)');
    await press('Ya, angka sudah benar');
    await press('Kirim laporan');
    await h.app.outbox.idle();
    const alert = h.api.messages(dewi.id).find((m) => m.text.startsWith('⚠️ Peringatan angka'))?.text ?? '';
    expect(alert).toContain('naik 39 kali lipat');
    expect(alert).toContain('melebihi jumlah penduduk bekerja (72.000)');
  });

  it('refuses a non-ASN programme above the non-ASN total on the spot', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    for (const a of ANSWERS.slice(0, 5)) await say(h, budi, a);
    expect(await say(h, budi, '5.000')).toContain('Non-ASN terlindungi JKK (5.000) melebihi jumlah pegawai non-ASN (4.120)');
    expect(last().text).toContain('(6/9) Non-ASN terlindungi JKK');
  });

  it('asks to confirm a soft warning and keeps it on record', async () => {
    const reply = await fillThisWeek(['30.000', ...ANSWERS.slice(1)]);
    expect(reply).toContain('⚠️ Peserta aktif Penerima Upah (pekerja formal) turun 22,5% dibanding laporan sebelumnya (38.700 → 30.000).');
    await press('Ya, angka sudah benar');
    expect(last().text).toContain('Ringkasan laporan');
    await press('Kirim laporan');
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.latest.figures.active_pu).toBe(30_000);
    const entry = (await h.app.store.audit.recent(1))[0];
    expect(entry?.details).toMatchObject({ warningsConfirmed: true });
  });

  it('asks a confirmed warning again only when the figures behind it change (issue 9.6)', async () => {
    await fillThisWeek(['30.000', ...ANSWERS.slice(1)]);
    await press('Ya, angka sudah benar');
    await press('Ubah angka');
    await press('3. Peserta aktif Jasa Konstruksi');
    const unrelated = await say(h, budi, '2.300');
    expect(unrelated).not.toContain('⚠️');
    expect(unrelated).toContain('Ringkasan laporan');
    await press('Ubah angka');
    await press('1. Peserta aktif Penerima Upah (pekerja formal)');
    expect(await say(h, budi, '31.000')).toContain('turun 19,9% dibanding laporan sebelumnya (38.700 → 31.000)');
    await press('Ya, angka sudah benar');
    await press('Kirim laporan');
    // A correction starts from figures whose warnings were confirmed: it is not asked again at its start.
    h.now = new Date(TUESDAY.getTime() + 60_000);
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    expect(last().text).toContain('Ringkasan koreksi laporan');
    expect(h.texts(budi.id).slice(-2).join('\n')).not.toContain('⚠️');
  });

  it('changes one field from the summary and comes back to it', async () => {
    await fillThisWeek();
    await press('Ubah angka');
    await press('3. Peserta aktif Jasa Konstruksi');
    expect(last().text).toContain('Angka tersimpan: 2.205');
    const reply = await say(h, budi, '2.300');
    expect(reply).toContain('✓ Peserta aktif Jasa Konstruksi: 2.300');
    expect(reply).toContain('3. Peserta aktif Jasa Konstruksi: 2.300 (+200)');
    expect(await say(h, budi, '1')).toContain('(1/9) Peserta aktif Penerima Upah');
    expect(await say(h, budi, '=')).toContain('Ringkasan laporan');
    expect(await say(h, budi, 'kirim')).toContain('telah diterima');
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.latest.figures.active_jakon).toBe(2_300);
  });

  it.each([
    ['the week', 0],
    ['the first field', 1],
    ['a middle field', 5],
    ['the summary', 10],
  ])('cancels at %s with /batal, storing nothing', async (_step, answered) => {
    await say(h, budi, '/lapor');
    if (answered > 0) await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    for (const a of ANSWERS.slice(0, Math.max(0, answered - 1))) await say(h, budi, a);
    expect(await say(h, budi, '/batal')).toContain('proses dibatalkan');
    expect(await say(h, budi, '38.905')).toContain('/cakupan');
    expect(await h.app.store.reports.get('19.71', '2026-W48')).toBeUndefined();
  });

  it('cancels at the warning step too', async () => {
    await fillThisWeek(['30.000', ...ANSWERS.slice(1)]);
    expect(await say(h, budi, '/cancel')).toContain('proses dibatalkan');
    expect(await h.app.store.reports.get('19.71', '2026-W48')).toBeUndefined();
  });

  it('resumes at the same step with the answers so far after the bot restarts', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    for (const a of ANSWERS.slice(0, 4)) await say(h, budi, a);
    await h.restart();
    for (const a of ANSWERS.slice(4)) await say(h, budi, a);
    expect(last().text).toContain('1. Peserta aktif Penerima Upah (pekerja formal): 38.905');
    await press('Kirim laporan');
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.latest.figures).toEqual(PANGKALPINANG_W48);
  });
});

describe('exactly once', () => {
  it('stores one revision when Send is pressed twice', async () => {
    await fillThisWeek();
    const summary = last();
    await h.api.press(budi, summary, 'Kirim laporan');
    await h.api.press(budi, summary, 'Kirim laporan');
    expect(lastCallbackAnswer(h)).toMatchObject({ text: 'Laporan ini sudah terkirim atau dibatalkan; tombol ini tidak berlaku lagi.' });
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.revisions).toHaveLength(1);
  });

  it('ignores an update Telegram delivers again after a crash', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    const first = h.api.queueText(budi, '38.905');
    await h.api.waitForAck(first);
    const before = h.texts(budi.id).length;
    await h.restart(() => h.api.redeliver(first));
    await h.api.waitForAck(first);
    expect(h.texts(budi.id)).toHaveLength(before);
    expect(await say(h, budi, '11.200')).toContain('(3/9) Peserta aktif Jasa Konstruksi');
  });

  it('takes two quick answers to one question as one', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    const a = h.api.queueText(budi, '38.905');
    const b = h.api.queueText(budi, '38.905');
    await h.api.waitForAck(a);
    await h.api.waitForAck(b);
    expect(last().text).toContain('(2/9) Peserta aktif Bukan Penerima Upah');
    expect(h.texts(budi.id).filter((t) => t.includes('(2/9)'))).toHaveLength(1);
  });
});

describe('corrections and history', () => {
  it('starts from the stored figures, saves a new revision, and /riwayat shows old -> new', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48, { by: 'Budi' });
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    // One vocabulary for revisions everywhere: a first report, then corrections (issue 9).
    expect(last().text).toContain('Laporan minggu ini sudah ada (laporan awal, belum dikoreksi)');
    expect(last().text).toContain('1. Peserta aktif Penerima Upah (pekerja formal): 38.905');
    await say(h, budi, '1');
    await say(h, budi, '39.000');
    await press('Kirim laporan');
    expect(last().text).toContain('telah diterima sebagai koreksi ke-1');
    const history = await say(h, budi, '/riwayat Pangkalpinang 48');
    expect(history).toContain('minggu ke-48 tahun 2026 (23–29 November 2026) · laporan awal dan 1 koreksi');
    expect(history).toContain('Laporan awal · Selasa, 24 November 2026 pukul 09.00 WIB · Budi · lewat Telegram');
    expect(history).toContain('Koreksi ke-1 · Selasa, 24 November 2026 pukul 10.00 WIB · Budi · lewat Telegram');
    expect(await say(h, budi, '/status')).toContain('dikoreksi 1 kali');
    expect(await say(h, budi, '/cakupan')).toContain('(dikoreksi 1 kali)');
    expect(history).toContain('• Peserta aktif Penerima Upah (pekerja formal): 38.905 → 39.000');
    expect(history).not.toContain('Jasa Konstruksi: 2.205 →');
  });

  it('no longer offers last week once this week’s deadline has passed', async () => {
    h.now = new Date('2026-11-27T08:00:01Z'); // Friday 15.00.01 WIB
    await say(h, budi, '/lapor');
    expect(last().text).toContain('minggu ke-48');
    expect(last().text).toContain('(1/9)');
  });
});

describe('quick entry', () => {
  it('goes straight to the summary from one message', async () => {
    const reply = await say(h, budi, '/lapor pu=38.905 bpu=11.200 jakon=2.205 pmi=58 nonasn=4.120 jkk=4.120 jkm=4.120 jht=1.030 jp=0');
    expect(reply).toContain('Ringkasan laporan');
    expect(reply).toContain('minggu ke-48');
    await press('Kirim laporan');
    expect((await h.app.store.reports.get('19.71', '2026-W48'))?.latest.figures).toEqual(PANGKALPINANG_W48);
  });

  it('says only that a key is empty when its value is left out (issue 9.5)', async () => {
    const reply = await say(h, budi, '/lapor pu= bpu=12rb jakon=2.205 pmi=58 nonasn=4.120 jkk=4.120 jkm=4.120 jht=1.030 jp=0');
    expect(reply).toContain('• pu (Peserta aktif Penerima Upah (pekerja formal)): belum diisi.');
    expect(reply).not.toContain('bpu (');
    expect(reply.match(/^• /gm)).toHaveLength(1);
  });

  it('names missing and unknown keys and stores nothing', async () => {
    const reply = await say(h, budi, '/lapor pu=38.905 bpu=11.200 jakon=2.205 nonasn=4.120 jkk=4.120 jkm=4.120 jht=0 jp=0 pekerja=5');
    expect(reply).toContain('laporan singkat belum dapat diproses');
    expect(reply).toContain('• pmi (Peserta aktif Pekerja Migran Indonesia) belum diisi.');
    expect(reply).toContain('• Kunci pekerja tidak dikenal.');
    expect(await h.app.store.reports.get('19.71', '2026-W48')).toBeUndefined();
  });
});

describe('who reports', () => {
  it('lets a coordinator report a unit in scope on its behalf, and asks once for a missing baseline', async () => {
    const coord = await person(h, 8100, 'Koor Babel', 'coordinator', '19');
    await say(h, coord, '/lapor Bangka Tengah');
    await pressIfOffered(h, coord, 'Minggu ini (ke-48)');
    expect(h.api.lastMessage(coord.id).text).toContain('Data penduduk bekerja Kabupaten Bangka Tengah tahun 2026 belum ada');
    expect(await say(h, coord, '76.000')).toContain('Apa sumber angka tersebut?');
    await say(h, coord, 'Sakernas Agustus 2025');
    for (const a of ANSWERS) await say(h, coord, a === '=' ? '4.120' : a);
    expect(h.api.lastMessage(coord.id).text).toContain('Dikirim atas nama unit tersebut.');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Kirim laporan');
    expect((await h.app.store.reports.get('19.04', '2026-W48'))?.latest).toMatchObject({ onBehalf: true, by: { name: 'Koor Babel' } });
    expect(h.app.store.baselines.forYear('19.04', 2026)).toMatchObject({ workforce_total: 76_000, workforce_source: 'Sakernas Agustus 2025' });
    expect(await say(h, coord, '/lapor Kota Bandung')).toContain('di luar wilayah akses');
  });

  it('refuses viewers and strangers, and runs only in private chats', async () => {
    const viewer = await person(h, 8200, 'Pemantau', 'viewer', '19.71');
    expect(await say(h, viewer, '/lapor')).toContain('laporan mingguan dikirim oleh petugas');
    expect(await say(h, h.stranger, '/lapor')).toContain('laporan mingguan dikirim oleh petugas');
    const group = h.api.group(-9009, 'Grup');
    expect(await say(h, budi, '/lapor', group)).toContain('percakapan pribadi');
  });

  it('ends a flow left alone for a day', async () => {
    await say(h, budi, '/lapor');
    h.now = new Date(TUESDAY.getTime() + 25 * 3600_000);
    const reply = await say(h, budi, 'ini');
    expect(reply).toContain('Proses sebelumnya telah berakhir karena tidak ada jawaban selama 24 jam');
  });
});

describe('/status', () => {
  it('shows for a province who reported this week (with when) and who has not, counts first', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48, { by: 'Budi', at: new Date('2026-11-23T02:30:00Z') });
    await seedReport(h.app.store, '19.01', '2026-W48', PANGKALPINANG_W48, { by: 'Sinta', at: new Date('2026-11-24T01:00:00Z') });
    const text = await say(h, h.admin, '/status Babel');
    expect(text).toContain('Status laporan minggu ke-48 tahun 2026 (23–29 November 2026)');
    // Both counts, each named: kab/kota, and reporting units (the province government reports too).
    expect(text).toContain('Provinsi Kepulauan Bangka Belitung: 2 dari 7 kab/kota; 2 dari 8 unit pelapor (termasuk pemerintah provinsi) telah melapor (2 menunggu verifikasi); 6 unit belum.');
    expect(text).toContain('Batas waktu: Jumat, 27 November 2026 pukul 15.00 WIB.');
    expect(text).toContain('• Kota Pangkal Pinang: Senin, 23 November 2026 pukul 09.30 WIB (Budi)');
    expect(text).toContain('• Kabupaten Bangka: Selasa, 24 November 2026 pukul 08.00 WIB (Sinta)');
    expect(text).toContain('• Pemerintah Provinsi Kepulauan Bangka Belitung (belum pernah melapor)');
    expect(text.indexOf('2 dari 8')).toBeLessThan(text.indexOf('Sudah melapor'));
  });

  it('summarises the nation by province in one message, details per province on request (issue 23.12)', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    await say(h, h.admin, '/status');
    const parts = h.api.messages(h.admin.id);
    expect(parts).toHaveLength(1);
    const text = parts[0]?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toContain('Nasional: 1 dari 514 kab/kota; 1 dari 552 unit pelapor (termasuk 38 pemerintah provinsi) telah melapor');
    expect(text).toContain('• Kepulauan Bangka Belitung: 1/8');
    expect(text).toContain('• Papua Barat Daya: 0/7');
    expect(text).toContain('/status Babel');
    expect(text).not.toContain('Kota Pangkal Pinang');
    expect(h.api.failedCalls()).toEqual([]);
  });
});

describe('correcting the workforce (issue 9.7)', () => {
  it('is changeable from the summary, kept with the year’s target and its history, and audited old -> new', async () => {
    await seedBaseline(h.app.store, '19.71', { target_pct: 55 });
    const summary = await fillThisWeek();
    expect(summary).toContain('10. Penduduk bekerja (penyebut capaian) tahun 2026: 104.000 (sumber: Sakernas Agustus 2025)');
    await press('Ubah angka');
    await press('10. Penduduk bekerja (penyebut capaian)');
    expect(last().text).toContain('Saat ini: 104.000 (sumber: Sakernas Agustus 2025).');
    expect(await say(h, budi, '110.000')).toContain('Ketik = untuk tetap memakai sumber sebelumnya: Sakernas Agustus 2025.');
    const changed = await say(h, budi, '=');
    expect(changed).toContain('10. Penduduk bekerja (penyebut capaian) tahun 2026: 110.000 (sumber: Sakernas Agustus 2025) · diubah');
    await press('Kirim laporan');
    const record = h.app.store.baselines.recordOf('19.71', 2026);
    expect(record).toMatchObject({ workforce_total: 110_000, target_pct: 55 });
    // The seed's two versions (without, then with the target) came before this correction.
    expect(record?.history?.map((v) => [v.workforce_total, v.target_pct])).toEqual([[104_000, undefined], [104_000, 55]]);
    expect(await say(h, budi, '/audit')).toBeDefined();
    const audit = await h.app.store.audit.recent(5);
    expect(audit.find((e) => e.action === 'baseline.set')?.details).toMatchObject({ from: 104_000, to: 110_000 });
    expect(await say(h, budi, '/cakupan')).toContain('dari 110.000 penduduk bekerja');
  });

  it('/penduduk lets the unit’s staff correct it alone, and a coordinator for a unit in scope', async () => {
    await say(h, budi, '/penduduk');
    expect(last().text).toContain('Data penduduk bekerja Kota Pangkal Pinang tahun 2026');
    await say(h, budi, '105rb');
    expect(await say(h, budi, 'Sakernas Agustus 2025 (koreksi BPS)')).toContain(
      '✅ Data penduduk bekerja Kota Pangkal Pinang tahun 2026 disimpan: 104.000 → 105.000 (sumber: Sakernas Agustus 2025 (koreksi BPS))',
    );
    const coord = await person(h, 8100, 'Koor Babel', 'coordinator', '19');
    expect(await say(h, coord, '/penduduk Kota Bandung')).toContain('ketik nama wilayah lain');
    await say(h, coord, '/batal');
    await say(h, coord, '/penduduk Pangkalpinang');
    await say(h, coord, '106.000');
    expect(await say(h, coord, '=')).toContain('105.000 → 106.000');
    expect(h.app.store.baselines.recordOf('19.71', 2026)?.history?.map((v) => v.workforce_total)).toEqual([104_000, 105_000]);
    const viewer = await person(h, 8101, 'Pak Wali', 'viewer', '19.71');
    expect(await say(h, viewer, '/penduduk')).toContain('data penduduk bekerja diubah oleh petugas unit itu sendiri');
    expect(await say(h, budi, '/penduduk')).toContain('Saat ini: 106.000');
    expect(await say(h, budi, 'lewati')).toContain('proses dibatalkan');
  });
});
