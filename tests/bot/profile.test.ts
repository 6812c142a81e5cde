import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say } from '../helpers/people.js';

// Tuesday 24 November 2026, 10.00 WIB.
let h: Harness;
let staff: TgUser;
let coord: TgUser;
beforeEach(async () => {
  // The clock stands still in these tests, so the flood limit's bucket never refills: pressing every button of a
  // flow is more than 20 updates.
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z'), env: { RATE_LIMIT_BURST: '1000' } });
  staff = await person(h, 8001, 'Budi', 'staff', '19.71');
  coord = await person(h, 8100, 'Koor Babel', 'coordinator', '19');
});
afterEach(async () => {
  await h.stop();
});

const NO_ACCESS = 'Mohon maaf, Bapak/Ibu tidak memiliki akses untuk tindakan ini.';
const last = (u: TgUser) => h.api.lastMessage(u.id);
const labels = (u: TgUser) => last(u).buttons.flat().map((b) => b.text);
/** Presses a button of the last message to this person and returns what the bot said after. */
async function press(u: TgUser, label: string): Promise<string> {
  const before = h.texts(u.id).length;
  await h.api.press(u, last(u), label);
  return h.texts(u.id).slice(before).join('\n---\n');
}
let nextMessageId = 50_000;
/** A document sent in the person's private chat, as Telegram delivers it (only its file_id, name and size reach the bot). */
async function sendDocument(u: TgUser, doc: { file_id: string; file_name: string; file_size: number; file_unique_id?: string }): Promise<string> {
  const before = h.texts(u.id).length;
  await h.api.deliver({
    message: { message_id: nextMessageId++, from: u, chat: { id: u.id, type: 'private', first_name: u.first_name }, date: Math.floor(h.now.getTime() / 1000), document: { ...doc, file_unique_id: `${doc.file_id}-u`, mime_type: 'application/pdf' } },
  });
  return h.texts(u.id).slice(before).join('\n---\n');
}

describe('/profil: a unit’s staff entering a budget line (issue 20.4)', () => {
  it('is guided from the view’s button, reads rupiah as officials write them, stores, audits and shows the line', async () => {
    const empty = await say(h, staff, '/profil');
    expect(empty).toContain('Profil Kota Pangkal Pinang');
    expect(empty).toContain('Kelengkapan: ⬜ peraturan · ⬜ anggaran · ⬜ desa · ⬜ kendala (0/4)');
    expect(labels(staff)).toEqual(['➕ Peraturan', '➕ Anggaran', '🏘 Data desa', '➕ Kendala']);
    expect(await press(staff, '➕ Anggaran')).toContain('tahun anggaran berapa?');
    expect(await say(h, staff, '2026')).toContain('Anggaran ini untuk membayar iuran siapa?');
    expect(await press(staff, 'Pegawai non-ASN')).toContain('Dari sumber dana apa?');
    expect(await press(staff, 'APBD-P')).toContain('Berapa pagunya?');
    expect(await say(h, staff, 'Rp -2 M')).toContain('jumlah rupiah tidak boleh negatif');
    expect(await say(h, staff, 'dua milyar')).toContain('tidak terbaca sebagai jumlah rupiah');
    expect(await say(h, staff, 'Rp 2.239.339.680')).toContain('Berapa realisasinya');
    expect(await say(h, staff, 'Rp1.493.319.120')).toContain('Berapa orang');
    expect(await say(h, staff, '1.650 orang')).toContain('Keterangan singkat');
    const summary = await say(h, staff, 'iuran JHT');
    expect(summary).toContain('Pagu: Rp2.239.339.680 (Rp2,24 miliar)');
    expect(summary).toContain('Realisasi: Rp1.493.319.120 (66,7% dari pagu)');
    expect(h.app.store.profiles.get('19.71')).toBeUndefined();
    expect(await press(staff, 'Simpan')).toContain('Tersimpan: anggaran Pegawai non-ASN, APBD-P 2026, Kota Pangkal Pinang.');
    expect(h.app.store.profiles.get('19.71')?.budget[0]).toMatchObject({ year: 2026, purpose: 'nonasn', source: 'apbdp', paguSen: 223_933_968_000, realisasiSen: 149_331_912_000, people: 1650 });
    const view = await say(h, staff, '/profil Pangkalpinang');
    expect(view).toContain('Kelengkapan: ⬜ peraturan · ✅ anggaran · ⬜ desa · ⬜ kendala (1/4)');
    expect(view).toContain('pagu Rp2.239.339.680 (Rp2,24 miliar); realisasi Rp1.493.319.120 (66,7% dari pagu); 1.650 orang');
    const audit = await say(h, coord, '/audit');
    expect(audit).toContain(
      'Budi: mencatat anggaran iuran Kota Pangkal Pinang tahun 2026 (pegawai non-ASN, APBD-P): pagu Rp2.239.339.680, realisasi Rp1.493.319.120, 1.650 orang',
    );
  });

  it('updates a line entered again (old → new in the audit) and survives a restart in the data file, which check accepts', async () => {
    const enter = async (realisasi: string) => {
      await say(h, staff, '/profil');
      await press(staff, '➕ Anggaran');
      await say(h, staff, '2026');
      await press(staff, 'Pekerja rentan');
      await press(staff, 'APBD');
      await say(h, staff, '750 jt');
      await say(h, staff, realisasi);
    };
    await enter('300 jt');
    await say(h, staff, '2.000');
    await press(staff, 'Lewati');
    await press(staff, 'Simpan');
    await enter('800 jt');
    expect(h.texts(staff.id).at(-1)).toContain('melebihi pagu Rp750.000.000 (106,7% dari pagu)');
    expect(await press(staff, 'Ubah realisasi')).toContain('Berapa realisasinya');
    await say(h, staff, '800 juta');
    expect(await press(staff, 'Ya, benar')).toContain('Berapa orang');
    await say(h, staff, '2.100');
    expect(await press(staff, 'Lewati')).toContain('Menggantikan data sebelumnya: pagu Rp750.000.000, realisasi Rp300.000.000, 2.000 orang.');
    await press(staff, 'Simpan');
    await h.restart();
    expect(h.app.store.profiles.get('19.71')?.budget).toHaveLength(1);
    expect(await say(h, staff, '/profil')).toContain('realisasi Rp800.000.000 (106,7% dari pagu); 2.100 orang');
    expect(await say(h, h.admin, '/audit')).toContain('realisasi Rp300.000.000 → Rp800.000.000');
    const { checkDataFiles } = await import('../../src/store/check.js');
    expect((await checkDataFiles(h.dataDir)).problems).toEqual([]);
    // A line entered by mistake is removed, and the removal audited.
    await say(h, staff, '/profil');
    await press(staff, '🗑 Hapus entri');
    expect(await press(staff, '🗑 Pekerja rentan APBD 2026')).toContain('Hapus Pekerja rentan, APBD 2026 dari profil Kota Pangkal Pinang?');
    expect(await press(staff, 'Ya, hapus')).toContain('Dihapus: Pekerja rentan, APBD 2026.');
    expect(h.app.store.profiles.get('19.71')?.budget).toEqual([]);
    expect(await say(h, h.admin, '/audit')).toContain('menghapus anggaran iuran Kota Pangkal Pinang tahun 2026 (pekerja rentan, APBD) dari profil');
  });
});

describe('/profil for a province: the coordinator’s completeness view', () => {
  it('marks each kab/kota’s completeness, names those with nothing, shows the province government, and opens each kab/kota', async () => {
    const by = { telegramId: 1, name: 'Uji' };
    const at = h.now.toISOString();
    await h.app.store.profiles.putRegulation('19.71', { id: 'a0000001', kind: 'perkada', number: '12', year: 2024, subject: 'Jamsosnaker non-ASN', at, by });
    await h.app.store.profiles.addKendala('19.71', { id: 'a0000002', text: 'JHT non-ASN belum dianggarkan', at, by });
    await h.app.store.profiles.setVillages('19.01', { desa: 62, covered: 40, at, by });
    await h.app.store.profiles.putBudget('19', { id: 'a0000003', year: 2026, purpose: 'rentan', source: 'apbd', paguSen: 100_000_000, realisasiSen: 0, people: 10, at, by });
    const view = await say(h, coord, '/profil Babel');
    expect(view).toContain('Profil wilayah Provinsi Kepulauan Bangka Belitung');
    expect(view).toContain('Kelengkapan profil kab/kota: 0 dari 7 lengkap.');
    expect(view).toContain('• Kota Pangkal Pinang: ✅ peraturan · ⬜ anggaran · ⬜ desa · ✅ kendala (2/4)');
    expect(view).toContain('• Kabupaten Bangka: ⬜ peraturan · ⬜ anggaran · ✅ desa · ⬜ kendala (1/4)');
    expect(view).toContain(
      'Belum mengisi apa pun (tanpa bahan untuk penilaian Paritrana): Kabupaten Belitung, Kabupaten Bangka Selatan, Kabupaten Bangka Tengah, Kabupaten Bangka Barat, Kabupaten Belitung Timur.',
    );
    expect(view).toContain('Profil Pemerintah Provinsi Kepulauan Bangka Belitung');
    expect(view).toContain('• Pekerja rentan, APBD 2026');
    expect(view).toContain('pagu Rp1.000.000 (Rp1 juta); realisasi Rp0 (0,0% dari pagu); 10 orang');
    const units = ['Kabupaten Bangka', 'Kabupaten Belitung', 'Kabupaten Bangka Selatan', 'Kabupaten Bangka Tengah', 'Kabupaten Bangka Barat', 'Kabupaten Belitung Timur', 'Kota Pangkal Pinang'];
    expect(labels(coord)).toEqual(['➕ Peraturan', '➕ Anggaran', '🏘 Data desa', '➕ Kendala', '🗑 Hapus entri', ...units]);
    const province = last(coord);
    for (const name of units) {
      const before = h.texts(coord.id).length;
      await h.api.press(coord, province, name);
      expect(h.texts(coord.id).slice(before).join('\n')).toContain(`Profil ${name}`);
      // The coordinator may enter every kab/kota of the province.
      expect(labels(coord).slice(0, 4)).toEqual(['➕ Peraturan', '➕ Anggaran', '🏘 Data desa', '➕ Kendala']);
    }
    // Nationally: per province, how many kab/kota are complete and how many have nothing.
    expect(await say(h, h.admin, '/profil nasional')).toContain('• Provinsi Kepulauan Bangka Belitung: 0 dari 7 lengkap; 5 belum mengisi apa pun');
    // A viewer reads, without buttons; a group reads, without buttons.
    const viewer = await person(h, 8200, 'Pak Wali', 'viewer', '19.71');
    expect(await say(h, viewer, '/profil')).toContain('JHT non-ASN belum dianggarkan');
    expect(labels(viewer)).toEqual([]);
    const group = h.api.group(-100500, 'Disnaker PKP');
    expect(await say(h, staff, '/profil', group)).toContain('Profil Kota Pangkal Pinang');
    expect(h.api.lastMessage(group.id).buttons).toEqual([]);
    // Outside the scope: a polite refusal.
    expect(await say(h, staff, '/profil Bangka Barat')).toContain('Kabupaten Bangka Barat');
    expect(h.texts(staff.id).at(-1)).not.toContain('Kelengkapan');
  });
});

describe('forged presses and documents over the limits', () => {
  it('refuses presses on another region’s profile, whoever forges them, and stores nothing', async () => {
    const by = { telegramId: 1, name: 'Uji' };
    await h.app.store.profiles.addKendala('19.01', { id: 'b0000001', text: 'Kendala Bangka', at: h.now.toISOString(), by });
    await h.app.store.profiles.putRegulation('19.01', { id: 'b0000002', kind: 'perda', number: '7', year: 2023, subject: 'Jamsosnaker', at: h.now.toISOString(), by });
    await h.app.store.profiles.putBudget('19.01', { id: 'b0000003', year: 2026, purpose: 'desa', source: 'apbdes', paguSen: 100, realisasiSen: 0, people: 1, at: h.now.toISOString(), by });
    await say(h, staff, '/profil');
    const own = last(staff);
    for (const data of ['prf:ebud:19.01', 'prf:ereg:19', 'prf:kc:19.01', 'prf:kx:b0000001', 'prf:u:32.73', 'prf:eken:32.73', 'prf:del:19.01', 'prf:dr:b0000002', 'prf:drx:b0000002', 'prf:dbx:b0000003']) {
      await h.api.forgeCallback(staff, own, data);
      expect(lastCallbackAnswer(h)?.text).toBe(NO_ACCESS);
    }
    const outsider = await person(h, 8300, 'Koor Jabar', 'coordinator', '32');
    await say(h, outsider, '/profil Kota Bandung');
    await h.api.forgeCallback(outsider, last(outsider), 'prf:kx:b0000001');
    expect(lastCallbackAnswer(h)?.text).toBe(NO_ACCESS);
    await h.api.forgeCallback(outsider, last(outsider), 'prf:evil:19.71');
    expect(lastCallbackAnswer(h)?.text).toBe(NO_ACCESS);
    const viewer = await person(h, 8200, 'Pak Wali', 'viewer', '19.71');
    await say(h, viewer, '/profil');
    await h.api.forgeCallback(viewer, last(viewer), 'prf:ereg:19.71');
    expect(lastCallbackAnswer(h)?.text).toBe(NO_ACCESS);
    const stranger = h.stranger;
    await say(h, stranger, '/start');
    await h.api.forgeCallback(stranger, last(stranger), 'prf:ebud:19.71');
    expect(lastCallbackAnswer(h)?.text).toBe(NO_ACCESS);
    // Junk and a flow button of no flow: stale, nothing happens.
    await h.api.forgeCallback(staff, own, 'prf:ereg:99.99');
    expect(lastCallbackAnswer(h)?.text).toBe('Mohon maaf, tombol ini sudah tidak berlaku.');
    await h.api.forgeCallback(staff, own, 'prf:save:deadbeef');
    expect(lastCallbackAnswer(h)?.text).toBe('Mohon maaf, tombol ini sudah tidak berlaku.');
    expect(h.app.store.profiles.get('19.01')?.kendala[0]?.closedAt).toBeUndefined();
    expect(h.app.store.profiles.get('19.01')?.regulations).toHaveLength(1);
    expect(h.app.store.profiles.get('19.01')?.budget).toHaveLength(1);
    expect(h.app.store.profiles.get('19.71')).toBeUndefined();
    expect(await say(h, staff, '/profil')).not.toContain('Kendala Bangka');
  });

  it('refuses a document over 20 MB, takes one within, and shows its name and size', async () => {
    await say(h, staff, '/profil');
    await press(staff, '➕ Peraturan');
    expect(labels(staff)).toEqual(['Perda', 'Perkada', 'Surat Edaran', 'Keputusan', 'MoU dengan BPJS Ketenagakerjaan', 'Batal']);
    await press(staff, 'Perkada');
    await say(h, staff, '12');
    await say(h, staff, '2024');
    expect(await sendDocument(staff, { file_id: 'BQACAgUAA-early', file_name: 'x.pdf', file_size: 100 })).toContain('Berkas hanya diterima pada langkah lampiran peraturan');
    expect(await say(h, staff, 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pegawai Non-ASN')).toContain('paling besar 20 MB');
    const big = await sendDocument(staff, { file_id: 'BQACAgUAA-big', file_name: 'perwako-scan.pdf', file_size: 21 * 1024 * 1024 });
    expect(big).toContain('berkas perwako-scan.pdf berukuran 21 MB, melebihi batas 20 MB');
    expect(labels(staff)).toEqual(['Lewati', 'Batal']);
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_258_282, 32)]);
    const doc = h.api.userDocument('perwako-12-2024.pdf', bytes);
    const ok = await sendDocument(staff, doc);
    expect(ok).toContain('Berkas diterima: perwako-12-2024.pdf (1,2 MB).');
    expect(ok).toContain('Perkada No. 12 Tahun 2024 tentang Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pegawai Non-ASN');
    await press(staff, 'Simpan');
    expect(h.app.store.profiles.get('19.71')?.regulations[0]?.document).toEqual({ fileId: doc.file_id, name: 'perwako-12-2024.pdf', size: 1_258_291 });
    expect(await say(h, staff, '/profil')).toContain('(berkas perwako-12-2024.pdf, 1,2 MB)');
    // Whoever reads the profile may open the document: sent again by its file_id, the same bytes.
    const viewer = await person(h, 8200, 'Pak Wali', 'viewer', '19.71');
    await say(h, viewer, '/profil');
    expect(labels(viewer)).toEqual(['📄 Perkada 12/2024']);
    const data = last(viewer).buttons.flat()[0]?.callback_data ?? '';
    await h.api.press(viewer, last(viewer), '📄 Perkada 12/2024');
    const sent = last(viewer);
    expect(sent.file?.fileName).toBe('perwako-12-2024.pdf');
    expect(sent.file?.bytes.equals(bytes)).toBe(true);
    expect(sent.text).toBe('Perkada No. 12 Tahun 2024 tentang Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pegawai Non-ASN (Kota Pangkal Pinang)');
    const outsider = await person(h, 8300, 'Koor Jabar', 'coordinator', '32');
    await say(h, outsider, '/profil Kota Bandung');
    expect(data).toMatch(/^prf:doc:/);
    await h.api.forgeCallback(outsider, last(outsider), data);
    expect(lastCallbackAnswer(h)?.text).toBe(NO_ACCESS);
    expect(h.api.messages(outsider.id).some((m) => m.file)).toBe(false);
    expect(await say(h, coord, '/audit')).toContain('mencatat Perkada No. 12 Tahun 2024 Kota Pangkal Pinang dengan lampiran perwako-12-2024.pdf');
  });
});

describe('every button the profile offers', () => {
  it('presses each kind, purpose, source, Batal, Lewati, the villages and kendala entries, and closing a kendala', async () => {
    const start = async (entry: string) => {
      await say(h, staff, '/profil');
      return press(staff, entry);
    };
    for (const kind of ['Perda', 'Perkada', 'Surat Edaran', 'Keputusan', 'MoU dengan BPJS Ketenagakerjaan']) {
      await start('➕ Peraturan');
      expect(await press(staff, kind)).toContain('Nomor peraturan?');
      await say(h, staff, '/batal');
    }
    await start('➕ Peraturan');
    expect(await press(staff, 'Batal')).toContain('proses dibatalkan');
    // The document's Lewati and Batal, the summary's Batal and Simpan.
    for (const end of ['Batal', 'Lewati:Batal', 'Lewati:Simpan']) {
      await start('➕ Peraturan');
      await press(staff, 'Perda');
      await say(h, staff, '3');
      await say(h, staff, '2025');
      await say(h, staff, 'Jaminan Sosial Ketenagakerjaan');
      const [first = '', second] = end.split(':');
      const after = await press(staff, first);
      if (second) expect(after).toContain('Lampiran: tidak ada');
      if (second) expect(await press(staff, second)).toContain(second === 'Simpan' ? 'Tersimpan: Perda No. 3 Tahun 2025' : 'proses dibatalkan');
      else expect(after).toContain('proses dibatalkan');
    }
    await start('➕ Anggaran');
    await say(h, staff, '2026');
    expect(labels(staff)).toEqual(['Pegawai non-ASN', 'Pekerja rentan', 'Aparatur desa', 'Badan ad hoc pemilu', 'Batal']);
    expect(await press(staff, 'Batal')).toContain('proses dibatalkan');
    for (const purpose of ['Pegawai non-ASN', 'Pekerja rentan', 'Aparatur desa', 'Badan ad hoc pemilu']) {
      await start('➕ Anggaran');
      await say(h, staff, '2026');
      expect(await press(staff, purpose)).toContain('Dari sumber dana apa?');
      expect(labels(staff)).toEqual(['APBD', 'APBD-P', 'APBDes', 'CSR', 'Batal']);
      expect(await press(staff, 'Batal')).toContain('proses dibatalkan');
    }
    for (const source of ['APBD', 'APBD-P', 'APBDes', 'CSR']) {
      await start('➕ Anggaran');
      await say(h, staff, '2026');
      await press(staff, 'Pekerja rentan');
      expect(await press(staff, source)).toContain('Berapa pagunya?');
      await say(h, staff, '/batal');
    }
    // Villages: Simpan and Batal of the summary.
    expect(await start('🏘 Data desa')).toContain('berapa jumlah desanya?');
    await say(h, staff, '0');
    expect(labels(staff)).toEqual(['Simpan', 'Batal']);
    expect(await press(staff, 'Batal')).toContain('proses dibatalkan');
    await start('🏘 Data desa');
    await say(h, staff, '0');
    expect(await press(staff, 'Simpan')).toContain('Tersimpan: data desa Kota Pangkal Pinang.');
    // Kendala: entered, then closed from the view.
    expect(await start('➕ Kendala')).toContain('tuliskan secara singkat');
    expect(await say(h, staff, 'JHT non-ASN belum dianggarkan karena keterbatasan anggaran daerah')).toContain('Kendala Kota Pangkal Pinang tercatat.');
    await say(h, staff, '/profil');
    expect(labels(staff)).toContain('✔️ Tutup kendala');
    expect(await press(staff, '✔️ Tutup kendala')).toContain('1. JHT non-ASN belum dianggarkan karena keterbatasan anggaran daerah');
    const list = last(staff);
    expect(await press(staff, 'Tutup kendala 1')).toContain('Kendala ditutup sebagai teratasi');
    await h.api.press(staff, list, 'Tutup kendala 1');
    expect(lastCallbackAnswer(h)?.text).toBe('Kendala ini sudah ditutup sebelumnya.');
    const view = await say(h, staff, '/profil');
    expect(view).toContain('Kendala (0 terbuka)');
    expect(view).toContain('selesai Selasa, 24 November 2026: JHT non-ASN belum dianggarkan');
    expect(labels(staff)).not.toContain('✔️ Tutup kendala');
    expect(await say(h, coord, '/audit')).toContain('Budi: menutup kendala Kota Pangkal Pinang sebagai teratasi: “JHT non-ASN belum dianggarkan karena keterbatasan anggaran daerah”');
    // Removing an entry made by mistake: chosen, confirmed (or kept), audited.
    expect(labels(staff)).toContain('🗑 Hapus entri');
    expect(await press(staff, '🗑 Hapus entri')).toContain('yang akan dihapus');
    expect(labels(staff)).toEqual(['🗑 Perda 3/2025']);
    const pick = last(staff);
    expect(await press(staff, '🗑 Perda 3/2025')).toContain('Hapus Perda No. 3 Tahun 2025 tentang Jaminan Sosial Ketenagakerjaan dari profil Kota Pangkal Pinang?');
    expect(labels(staff)).toEqual(['Ya, hapus', 'Batal']);
    expect(await press(staff, 'Batal')).toContain('Tidak ada yang dihapus.');
    await h.api.press(staff, pick, '🗑 Perda 3/2025');
    expect(await press(staff, 'Ya, hapus')).toContain('Dihapus: Perda No. 3 Tahun 2025');
    expect(h.app.store.profiles.get('19.71')?.regulations).toEqual([]);
    expect(await say(h, staff, '/profil')).toContain('Peraturan (0)');
    expect(labels(staff)).not.toContain('🗑 Hapus entri');
    expect(await say(h, coord, '/audit')).toContain('Budi: menghapus Perda No. 3 Tahun 2025 dari profil Kota Pangkal Pinang');
  });
});
