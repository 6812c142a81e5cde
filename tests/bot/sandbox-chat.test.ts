import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPersonas } from '../../src/sandbox/personas.js';
import { runTerminalChat } from '../../src/sandbox/terminal-chat.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { PANGKALPINANG_W48, seedBaseline, seedReport } from '../helpers/seed.js';

let h: Harness;
beforeEach(async () => {
  // Tuesday 24 November 2026, 10.00 WIB.
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
  await seedBaseline(h.app.store, '19.71');
  await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
});
afterEach(async () => {
  await h.stop();
});

/** The sandbox's terminal chat, scripted, against the real bot: everything it prints. */
async function terminal(lines: string[]): Promise<string> {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const personas = createPersonas({ api: h.api, store: h.app.store, regions: h.app.regions, admin: h.admin, now: () => h.now });
  await runTerminalChat({
    api: h.api,
    user: h.admin,
    input: Readable.from(lines.map((l) => `${l}\n`)),
    output,
    interactive: false,
    settle: () => h.app.outbox.idle(),
    switchPerson: personas.switchTo,
  });
  return printed;
}

/** What the terminal printed after a typed line, up to the next one. */
const after = (printed: string, line: string): string => {
  const start = printed.indexOf(`Anda > ${line}\n`);
  if (start < 0) throw new Error(`not typed: ${line}`);
  const rest = printed.slice(start + `Anda > ${line}\n`.length);
  const end = rest.indexOf('\nAnda > ');
  return end < 0 ? rest : rest.slice(0, end);
};

describe('the sandbox terminal chat (issue 23.17)', () => {
  it('switches person: an officer, a provincial coordinator and a national viewer, each seeing what their role sees', async () => {
    const printed = await terminal([
      '/sebagai petugas Pangkalpinang',
      '/cakupan',
      '/sebagai koordinator Babel',
      '/status',
      '/cakupan Kota Bandung',
      '/sebagai pemantau nasional',
      '/cakupan Kota Bandung',
      '/umumkan',
      '/sebagai koordinator Pangkalpinang',
      '/sebagai petugas nasional',
      '/sebagai admin',
      '/bantuan',
    ]);
    expect(after(printed, '/sebagai petugas Pangkalpinang')).toContain('Sekarang Anda berperan sebagai Budi Contoh (petugas Kota Pangkal Pinang)');
    // The officer's own unit, without naming it.
    expect(after(printed, '/cakupan')).toContain('Kota Pangkal Pinang · kode 19.71');
    expect(after(printed, '/sebagai koordinator Babel')).toContain('Sari Contoh (koordinator Provinsi Kepulauan Bangka Belitung)');
    expect(after(printed, '/status')).toContain('Kepulauan Bangka Belitung');
    // A provincial coordinator's scope stops at the province; a national viewer's does not.
    const outside = printed.split('Anda > /cakupan Kota Bandung\n');
    expect(outside[1]).toContain('di luar wilayah');
    expect(outside[2]).not.toContain('di luar wilayah');
    expect(after(printed, '/sebagai pemantau nasional')).toContain('Agus Contoh (pemantau nasional)');
    expect(after(printed, '/umumkan')).not.toContain('Membuat pengumuman');
    expect(after(printed, '/sebagai koordinator Pangkalpinang')).toContain('Koordinator memegang sebuah provinsi atau nasional');
    expect(after(printed, '/sebagai petugas nasional')).toContain('Petugas selalu milik satu unit');
    expect(after(printed, '/sebagai admin')).toContain('(admin UC Bot)');
    expect(after(printed, '/bantuan')).toContain('/undang');
    // Each demo person is registered with that role, as an invite would leave them.
    const people = h.app.store.users.active().map((u) => [u.name, u.role, u.scope]);
    expect(people).toEqual(expect.arrayContaining([['Budi Contoh', 'staff', '19.71'], ['Sari Contoh', 'coordinator', '19'], ['Agus Contoh', 'viewer', 'national']]));
  });

  it('prints the short answer of every button press, so that an old button never looks dead', async () => {
    const printed = await terminal(['/umumkan', 'Rapat evaluasi UC', '/batal', '#1']);
    expect(after(printed, '#1')).toContain('[pemberitahuan singkat] Mohon maaf, tombol ini sudah tidak berlaku.');
  });
});
