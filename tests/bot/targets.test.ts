import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say } from '../helpers/people.js';
import { seedBabel } from '../helpers/rekap-seed.js';

let h: Harness;
beforeEach(async () => {
  // Friday 27 November 2026, 12.00 WIB.
  h = await startHarness({ now: new Date('2026-11-27T05:00:00Z') });
  await seedBabel(h.app.store, '2026-W48', 2);
});
afterEach(async () => {
  await h.stop();
});

const RPJMD = 'RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029';

describe('/target (issue 19)', () => {
  it('shows the national series with their references, the RPJMN as main, and the year between its stated ones as an interpolation', async () => {
    const viewer = await person(h, 5003, 'Wati', 'viewer', 'national');
    const text = await say(h, viewer, '/target nasional');
    expect(text).toContain('Target capaian UC Nasional');
    expect(text).toContain('Target utama tahun 2026: 35,09% menurut RPJMN 2025-2029 (interpolasi garis lurus antara 2025 dan 2029, bukan angka dokumen)');
    expect(text).toContain('1. ⭐ RPJMN 2025-2029');
    expect(text).toContain('Peraturan Presiden Nomor 12 Tahun 2025');
    expect(text).toContain('2025: 32,15% · 2029: 43,92%');
    expect(text).toContain('RKP 2026');
    expect(text).toContain('2026: 34,99%');
    expect(text).toContain('2045: 99,5%');
    // A viewer reads, and has no buttons to change anything.
    expect(h.api.lastMessage(viewer.id).buttons.flat()).toEqual([]);
    expect(await say(h, viewer, '/target nasional tambah 2026 35% Angka lain | Surat')).toContain('disediakan untuk koordinator dan admin');
  });

  it('lets a coordinator add a series in one line, add a year, change a value, choose the main one and remove it, every button pressed and audited', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    // Before: the province's baseline target (45%) is its only series, hence main.
    expect(await say(h, coordinator, '/target')).toContain('Target utama tahun 2026: 45,0% menurut Target tahunan pada data dasar');
    const view = h.api.lastMessage(coordinator.id);
    expect(view.buttons.flat().map((b) => b.text)).toEqual(['➕ Tambah target']);
    await h.api.press(coordinator, view, '➕ Tambah target');
    expect(h.api.lastMessage(coordinator.id).text).toContain('/target 19 tambah <tahun> <nilai>% <sumber> | <rujukan>');

    const added = await say(h, coordinator, `/target Babel tambah 2025 30% ${RPJMD} | Perda Provinsi Nomor 1 Tahun 2025`);
    expect(added).toContain(`Seri target baru untuk Provinsi Kepulauan Bangka Belitung disimpan: ${RPJMD} tahun 2025: 30,0%`);
    const year = await say(h, coordinator, `/target Babel tambah 2029 45,5 persen ${RPJMD} | Perda Provinsi Nomor 1 Tahun 2025`);
    expect(year).toContain('ditambahkan ke seri yang ada');
    // The RPJMD is the main target now: 2026 lies between its stated years.
    expect(year).toContain(`Target utama tahun 2026: 33,88% menurut ${RPJMD} (interpolasi garis lurus antara 2025 dan 2029`);
    expect(await say(h, coordinator, `/target Babel tambah 2029 46% ${RPJMD.toLowerCase()} | Perda Provinsi Nomor 1 Tahun 2025`)).toContain('menggantikan 45,5%');
    expect(await say(h, coordinator, `/target Babel tambah 2029 46% ${RPJMD} | Perda Provinsi Nomor 1 Tahun 2025`)).toContain('sudah tercatat persis sama');

    // Choose the baseline as main, then the RPJMD again: every ⭐ button.
    let last = h.api.lastMessage(coordinator.id);
    const labels = last.buttons.flat().map((b) => b.text);
    expect(labels).toEqual(['➕ Tambah target', '🗑️ Hapus: RPJMD Provinsi Kepulauan Ba…', '⭐ Jadikan utama: Target tahunan pada data da…']);
    await h.api.press(coordinator, last, '⭐ Jadikan utama: Target tahunan pada data da…');
    expect(h.texts(coordinator.id).slice(-2).join('\n')).toContain('Target tahunan pada data dasar sekarang menjadi target utama');
    last = h.api.lastMessage(coordinator.id);
    expect(last.text).toContain('Target utama tahun 2026: 45,0% menurut Target tahunan pada data dasar');
    await h.api.press(coordinator, last, '⭐ Jadikan utama: RPJMD Provinsi Kepulauan Ba…');
    last = h.api.lastMessage(coordinator.id);
    expect(last.text).toContain(`1. ⭐ ${RPJMD}`);

    // Remove: asked first; Batal keeps it, Ya, hapus removes it.
    await h.api.press(coordinator, last, '🗑️ Hapus: RPJMD Provinsi Kepulauan Ba…');
    const confirm = h.api.lastMessage(coordinator.id);
    expect(confirm.text).toContain(`Hapus seri target ${RPJMD}`);
    await h.api.press(coordinator, confirm, 'Batal');
    expect(h.api.lastMessage(coordinator.id).text).toContain('tidak ada yang diubah');
    expect(h.app.store.targets.seriesFor('19').map((s) => s.source)).toContain(RPJMD);
    await h.api.press(coordinator, confirm, 'Ya, hapus');
    expect(h.texts(coordinator.id).slice(-2).join('\n')).toContain(`Seri target ${RPJMD} dihapus`);
    expect(h.app.store.targets.seriesFor('19').map((s) => s.source)).toEqual(['Target tahunan pada data dasar']);
    // Pressed again after removal: told it is gone, nothing changes.
    await h.api.press(coordinator, confirm, 'Ya, hapus');
    expect(h.api.lastMessage(coordinator.id).text).toContain('sudah tidak ada');

    const audit = await say(h, coordinator, '/audit');
    expect(audit).toContain(`mencatat target Provinsi Kepulauan Bangka Belitung tahun 2029: 46,0% (sebelumnya 45,5%), sumber ${RPJMD}`);
    expect(audit).toContain('menjadikan Target tahunan pada data dasar target utama Provinsi Kepulauan Bangka Belitung');
    expect(audit).toContain(`menghapus seri target ${RPJMD} Provinsi Kepulauan Bangka Belitung`);
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('refuses bad entries politely and stores nothing', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const bad = await say(h, coordinator, '/target Pangkalpinang tambah 20x9 lima RPJMD Kota');
    expect(bad).toContain('Tahun “20x9” tidak dapat dipakai');
    expect(bad).toContain('“lima” bukan persentase');
    expect(bad).toContain('Rujukan belum diisi');
    expect(await say(h, coordinator, '/target Pangkalpinang tambah 2029 120% RPJMD Kota | Perda')).toContain('melebihi 100%');
    expect(await say(h, coordinator, '/target Pangkalpinang tambah 2029')).toContain('format belum lengkap');
    expect(h.app.store.targets.seriesFor('19.71').filter((s) => s.origin === 'entered')).toEqual([]);
  });

  it('keeps each person within their scope, on commands and on forged presses', async () => {
    const coordinator = await person(h, 5001, 'Dewi', 'coordinator', '19');
    expect(await say(h, coordinator, '/target Jabar')).toContain('di luar wilayah akses');
    expect(await say(h, coordinator, '/target nasional tambah 2026 50% Angka sesi | Paparan')).toContain('di luar wilayah akses');
    expect(h.app.store.targets.seriesFor('national').every((s) => s.origin === 'shipped')).toBe(true);
    const staff = await person(h, 5002, 'Budi', 'staff', '19.71');
    expect(await say(h, staff, '/target')).toContain('Target capaian UC Kota Pangkal Pinang');
    expect(await say(h, staff, '/target Babel')).toContain('di luar wilayah akses');
    expect(await say(h, staff, '/target tambah 2029 50% RPJMD Kota | Perda')).toContain('disediakan untuk koordinator dan admin');
    expect(await say(h, h.stranger, '/target nasional')).toContain('belum terdaftar');

    // A coordinator of Babel forging presses on another province, on the nation, and a staff member forging a change.
    await say(h, coordinator, '/target Babel');
    const view = h.api.lastMessage(coordinator.id);
    await h.api.forgeCallback(coordinator, view, 'tgt:m:n~rkp26');
    expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true });
    expect(h.app.store.targets.mainSeriesFor('national')?.id).toBe('rpjmn');
    await h.api.forgeCallback(coordinator, view, 'tgt:a:32');
    expect(h.api.lastMessage(coordinator.id).text).toContain('di luar wilayah akses');
    await say(h, staff, '/target');
    await h.api.forgeCallback(staff, h.api.lastMessage(staff.id), 'tgt:m:19.71~baseline');
    expect(h.api.lastMessage(staff.id).text).toContain('disediakan untuk koordinator dan admin');
    await h.api.forgeCallback(coordinator, view, 'tgt:m:99~x');
    expect(h.api.lastMessage(coordinator.id).text).toContain('pilihan tersebut tidak dikenali. Silakan ketik ulang /target');

    // An ambiguous name is asked back; each button shows that unit's targets.
    await say(h, h.admin, '/target Bangka');
    const question = h.api.lastMessage(h.admin.id);
    for (const b of question.buttons.flat()) {
      await h.api.press(h.admin, question, b.text);
      expect(h.api.lastMessage(h.admin.id).text, b.text).toContain(`Target capaian UC ${b.text}`);
    }
    expect(h.api.failedCalls()).toEqual([]);
  });
});
