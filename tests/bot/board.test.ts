import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';
import { PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';

// Tuesday 24 November 2026, 10.00 WIB.
const T0 = Date.parse('2026-11-24T03:00:00Z');
let h: Harness;
let coord: TgUser;
const GROUP = -8801;
beforeEach(async () => {
  h = await startHarness({ now: new Date(T0) });
  coord = await person(h, 8800, 'Koor Babel', 'coordinator', '19');
  h.api.group(GROUP, 'Koordinator UC Babel', 'supergroup');
});
afterEach(async () => {
  await h.stop();
});

const at = async (ms: number): Promise<void> => {
  h.now = new Date(T0 + ms);
  await h.app.scheduler.tick();
};
const board = () => {
  const id = h.api.pinned.get(GROUP);
  return h.api.messages(GROUP).find((m) => m.message_id === id);
};

describe('/papan: a live status board (issue 13)', () => {
  it('is posted and pinned, edited as reports arrive at most once a minute, and survives a restart', async () => {
    await h.api.sendText(coord, '/papan', h.api.group(GROUP, 'Koordinator UC Babel', 'supergroup'));
    expect(board()?.text).toContain('📋 Papan status laporan · Provinsi Kepulauan Bangka Belitung');
    expect(board()?.text).toContain('Sudah melapor: 0 dari 8 unit pelapor (kab/kota dan pemerintah provinsi).');
    expect(board()?.text).toContain('Batas waktu: Jumat, 27 November 2026 pukul 15.00 WIB (sisa 3 hari 5 jam).');
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    await at(30_000);
    expect(board()?.edits).toBe(0);
    await at(61_000);
    expect(board()?.text).toContain('Sudah melapor: 1 dari 8 unit pelapor (kab/kota dan pemerintah provinsi).');
    expect(board()?.text).not.toContain('• Kota Pangkal Pinang');
    await seedReport(h.app.store, '19.01', '2026-W48', PANGKALPINANG_W48);
    await seedReport(h.app.store, '19.02', '2026-W48', PANGKALPINANG_W48);
    await at(90_000);
    expect(board()?.edits).toBe(1);
    await h.restart();
    await at(125_000);
    expect(board()?.edits).toBe(2);
    expect(board()?.text).toContain('Sudah melapor: 3 dari 8 unit pelapor (kab/kota dan pemerintah provinsi).');
    expect(h.api.failedCalls().filter((c) => !/not modified/.test(c.description ?? ''))).toEqual([]);
  });

  it('posts a new board when someone deleted it, and a new one each week', async () => {
    await say(h, coord, '/papan', h.api.group(GROUP, 'Koordinator UC Babel', 'supergroup'));
    const first = board()?.message_id ?? 0;
    h.api.deleteByUser(GROUP, first);
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    await at(61_000);
    const second = board();
    expect(second?.message_id).toBeGreaterThan(first);
    expect(second?.text).toContain('Sudah melapor: 1 dari 8 unit pelapor (kab/kota dan pemerintah provinsi).');
    await at(7 * 86_400_000);
    expect(board()?.text).toContain('minggu ke-49 tahun 2026');
    expect(board()?.message_id).toBeGreaterThan(second?.message_id ?? 0);
  });

  it('says how to allow pinning where the bot may not pin, and is for coordinators and admins only', async () => {
    h.api.denyPins(GROUP);
    const reply = await say(h, coord, '/papan', h.api.group(GROUP, 'Koordinator UC Babel', 'supergroup'));
    expect(reply).toContain('Papan status laporan');
    expect(reply).toContain('izin Sematkan pesan');
    const national = await say(h, h.admin, '/papan');
    expect(national).toContain('📋 Papan status laporan · Nasional');
    expect(national).toContain('• Kepulauan Bangka Belitung: 0 dari 8');
    expect(national.length).toBeLessThan(4096);
    const staff = await person(h, 8802, 'Budi', 'staff', '19.71');
    expect(await say(h, staff, '/papan')).toContain('papan status dibuat oleh koordinator atau admin');
  });

  it('takes the scope named after the command, within the person’s scope (issue 23.14)', async () => {
    const group = h.api.group(GROUP, 'Koordinator UC Babel', 'supergroup');
    await h.api.sendText(h.admin, '/papan Babel', group);
    expect(board()?.text).toContain('📋 Papan status laporan · Provinsi Kepulauan Bangka Belitung');
    expect(board()?.text).not.toContain('Per provinsi');
    await h.api.sendText(coord, '/papan Jabar', group);
    expect(h.api.lastMessage(GROUP).text).toContain('Mohon maaf, Provinsi Jawa Barat berada di luar wilayah akses Bapak/Ibu.');
    await h.api.sendText(h.admin, '/papan Pangkalpinang', group);
    expect(h.api.lastMessage(GROUP).text).toContain('Papan status dibuat untuk satu provinsi atau nasional; Kota Pangkal Pinang adalah kab/kota.');
    await h.api.sendText(h.admin, '/papan Atlantis', group);
    expect(h.api.lastMessage(GROUP).text).toContain('wilayah “Atlantis” tidak ditemukan');
  });
});
