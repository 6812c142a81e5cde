import { describe, expect, it } from 'vitest';
import type { Access } from '../../src/domain/access.js';
import { BUDGET_SOURCES, type UnitProfile } from '../../src/domain/profile.js';
import { matchChoice, profileStep, startProfileEntry, type ProfileFacts, type ProfileInput } from '../../src/flows/profile.js';
import { BUDGET_SOURCE_LABELS } from '../../src/messages/profile.js';
import { buttonsOf, pressOf, text, words } from '../helpers/flows.js';

const stored: UnitProfile = {
  regulations: [],
  budget: [
    { id: 'aaaaaaaa', year: 2026, purpose: 'nonasn', source: 'apbdp', paguSen: 100_000_000_000, realisasiSen: 10_000_000_000, people: 1000, at: '2026-10-01T00:00:00.000Z', by: { telegramId: 1, name: 'Budi' } },
  ],
  kendala: [],
};
// Tuesday 24 November 2026; Pangkalpinang's staff.
const facts = (access: Access = { role: 'staff', scope: '19.71' }): ProfileFacts => ({
  access,
  now: new Date('2026-11-24T03:00:00Z'),
  year: 2026,
  actor: { telegramId: 8001, name: 'Budi' },
  unitName: (code) => (code === '19.71' ? 'Kota Pangkal Pinang' : code === '19.01' ? 'Kabupaten Bangka' : undefined),
  profile: (code) => (code === '19.71' ? stored : undefined),
});

/** Drives a flow with answers, returning every result. */
function drive(start: ReturnType<typeof startProfileEntry>, answers: Array<ProfileInput | string>, f = facts()) {
  let r = start;
  const seen = [r];
  for (const a of answers) {
    const input: ProfileInput = typeof a === 'string' ? (a.startsWith('press:') ? pressOf(buttonsOf(r).find((b) => b.text === a.slice(6))) : text(a)) : a;
    r = profileStep(r.state, input, f);
    seen.push(r);
  }
  return { r, seen };
}

describe('entering a budget line, without a bot (issue 20.4)', () => {
  it('reads messy rupiah and counts, asks again politely on junk, and saves the line it echoed', () => {
    const { r, seen } = drive(startProfileEntry('feedf00d', '19.71', 'budget', facts()), [
      'tahun 2031',
      'TA 2026',
      'non ASN',
      'press:APBD-P',
      '-Rp 5 jt',
      'Rp5.000,555',
      'dua miliar',
      'Rp 2,2 M',
      '1,250',
      'Rp1.493.319.120',
      '1.650 orang',
      'iuran JHT',
    ]);
    const said = seen.map(words);
    expect(said[1]).toContain('“2031” bukan tahun yang dapat diterima: tulis empat angka antara 2000 dan 2027.');
    expect(buttonsOf(seen[3]!).map((b) => b.text)).toEqual([...BUDGET_SOURCES.map((s) => BUDGET_SOURCE_LABELS[s]), 'Batal']);
    expect(said[5]).toContain('jumlah rupiah tidak boleh negatif');
    expect(said[6]).toContain('lebih rinci dari satu sen');
    expect(said[7]).toContain('tidak terbaca sebagai jumlah rupiah');
    expect(said[9]).toContain('dapat dibaca dua cara. Bila maksudnya Rp1.250, tulis dengan titik: 1.250.');
    expect(words(r)).toContain('Pegawai non-ASN, APBD-P 2026 (iuran JHT)');
    expect(words(r)).toContain('Pagu: Rp2.200.000.000 (Rp2,2 miliar)');
    expect(words(r)).toContain('Realisasi: Rp1.493.319.120 (67,9% dari pagu)');
    expect(words(r)).toContain('Dilindungi: 1.650 orang');
    // The same year, purpose and source replaces the stored line, and says so before saving.
    expect(words(r)).toContain('Menggantikan data sebelumnya: pagu Rp1.000.000.000, realisasi Rp100.000.000, 1.000 orang.');
    // Nothing is saved until "Simpan".
    expect(seen.flatMap((x) => x.effects)).toEqual([]);
    const saved = profileStep(r.state, pressOf(buttonsOf(r).find((b) => b.text === 'Simpan')), facts());
    expect(saved.state).toBeUndefined();
    expect(saved.effects).toEqual([
      {
        kind: 'budget',
        unitCode: '19.71',
        line: { id: 'feedf00d', year: 2026, purpose: 'nonasn', source: 'apbdp', paguSen: 220_000_000_000, realisasiSen: 149_331_912_000, people: 1650, note: 'iuran JHT', at: '2026-11-24T03:00:00.000Z', by: { telegramId: 8001, name: 'Budi' } },
      },
    ]);
  });

  it('asks before taking a realisasi above pagu, and lets it be changed', () => {
    const { r, seen } = drive(startProfileEntry('feedf00d', '19.71', 'budget', facts()), ['2026', 'press:Pekerja rentan', 'apbd', '750 jt', '800 juta']);
    expect(words(r)).toContain('⚠️ Realisasi Rp800.000.000 melebihi pagu Rp750.000.000 (106,7% dari pagu). Apakah angka ini benar?');
    expect(buttonsOf(r).map((b) => b.text)).toEqual(['Ya, benar', 'Ubah realisasi']);
    const redo = profileStep(r.state, pressOf(buttonsOf(r)[1]), facts());
    expect(words(redo)).toContain('Berapa realisasinya');
    const ok = drive(redo, ['700 jt', '2.000', 'press:Lewati']).r;
    expect(words(ok)).toContain('Realisasi: Rp700.000.000 (93,3% dari pagu)');
    const accepted = drive(r, ['press:Ya, benar', '2.000', 'lewati']).r;
    expect(words(accepted)).toContain('Realisasi: Rp800.000.000 (106,7% dari pagu)');
    expect(seen.flatMap((x) => x.effects)).toEqual([]);
  });

  it('refuses a pagu of zero, fractions of people and a stale button', () => {
    const { r, seen } = drive(startProfileEntry('feedf00d', '19.71', 'budget', facts()), ['2026', 'pemilu', 'csr', 'nihil', '1 M', '0', '12,5']);
    expect(words(seen[4]!)).toContain('Pagu harus lebih dari nol.');
    expect(words(r)).toContain('Mohon maaf,');
    expect(r.state?.step).toBe('bud_people');
    const stale = profileStep(r.state, { kind: 'press', action: 'save', arg: '0badcafe' }, facts());
    expect(stale.untouched).toBe(true);
    expect(stale.notice).toBeDefined();
  });
});

describe('entering a regulation, without a bot', () => {
  it('takes the kind typed or pressed, a number, a year, a subject and a document within the limits', () => {
    const { r, seen } = drive(startProfileEntry('0badcafe', '19.71', 'regulation', facts()), [
      'peraturan menteri',
      'surat edaran',
      'No. 560/112/DISNAKER',
      '2027',
      'tahun 2025',
      'tentang Perlindungan Pekerja Rentan',
      { kind: 'document', fileId: 'BQAD-big', name: 'se.pdf', size: 25 * 1024 * 1024 },
      { kind: 'document', fileId: 'BQAD-ok', name: 'se-560.pdf', size: 1_258_291 },
    ]);
    const said = seen.map(words);
    expect(said[1]).toContain('Pilihan itu tidak dikenali');
    expect(said[4]).toContain('“2027” bukan tahun');
    expect(said[7]).toContain('berkas se.pdf berukuran 25 MB, melebihi batas 20 MB');
    expect(seen[7]!.state?.draft.document).toBeUndefined();
    expect(words(r)).toContain('Berkas diterima: se-560.pdf (1,2 MB).');
    expect(words(r)).toContain('Surat Edaran No. 560/112/DISNAKER Tahun 2025 tentang Perlindungan Pekerja Rentan');
    const saved = profileStep(r.state, pressOf(buttonsOf(r).find((b) => b.text === 'Simpan')), facts());
    expect(saved.effects[0]).toMatchObject({
      kind: 'regulation',
      unitCode: '19.71',
      regulation: { id: '0badcafe', kind: 'se', number: '560/112/DISNAKER', year: 2025, subject: 'Perlindungan Pekerja Rentan', document: { fileId: 'BQAD-ok', name: 'se-560.pdf', size: 1_258_291 } },
    });
  });

  it('refuses an empty or over-long answer, a document at the wrong step, and may skip the document', () => {
    const { r, seen } = drive(startProfileEntry('0badcafe', '19.71', 'regulation', facts()), [
      'press:Perda',
      { kind: 'document', fileId: 'x', name: 'a.pdf', size: 10 },
      'x'.repeat(101),
      '3',
      '2024',
      'y'.repeat(301),
      'Jaminan Sosial Ketenagakerjaan',
      'press:Lewati',
    ]);
    expect(words(seen[2]!)).toContain('Berkas hanya diterima pada langkah lampiran peraturan.');
    expect(words(seen[3]!)).toContain('paling banyak 100 karakter');
    expect(words(seen[6]!)).toContain('paling banyak 300 karakter');
    expect(words(r)).toContain('Lampiran: tidak ada');
    expect(seen.flatMap((x) => x.effects)).toEqual([]);
    // A photo where the document is asked: the file itself is asked for, and Lewati offered again.
    const photo = profileStep(seen[7]!.state, { kind: 'other', what: 'photo' }, facts());
    expect(words(photo)).toContain('sebagai berkas');
    expect(buttonsOf(photo).map((b) => b.text)).toEqual(['Lewati', 'Batal']);
    expect(photo.state?.step).toBe('reg_document');
  });
});

describe('villages and kendala, and who may enter them', () => {
  it('keeps covered desa within the number of desa; a kota may have none', () => {
    const { r, seen } = drive(startProfileEntry('0badcafe', '19.71', 'villages', facts()), ['65 desa', '70', '-3', '40']);
    expect(words(seen[2]!)).toContain('Jumlah desa yang terlindungi (70) tidak boleh melebihi jumlah desa (65).');
    expect(words(r)).toContain('40 dari 65 desa (61,5%) seluruh aparaturnya');
    const none = drive(startProfileEntry('0badcafe', '19.71', 'villages', facts()), ['0']).r;
    expect(words(none)).toContain('tidak ada desa (hanya kelurahan)');
    expect(profileStep(none.state, pressOf(buttonsOf(none)[0]), facts()).effects[0]).toMatchObject({ kind: 'villages', villages: { desa: 0, covered: 0 } });
  });

  it('saves a kendala as typed, and refuses an empty or over-long one', () => {
    const start = startProfileEntry('0badcafe', '19.71', 'kendala', facts());
    expect(words(profileStep(start.state, text('k'.repeat(501)), facts()))).toContain('paling banyak 500 karakter');
    const done = profileStep(start.state, text('  JHT non-ASN belum dianggarkan  '), facts());
    expect(done.effects).toEqual([{ kind: 'kendala', unitCode: '19.71', kendala: { id: '0badcafe', text: 'JHT non-ASN belum dianggarkan', at: '2026-11-24T03:00:00.000Z', by: { telegramId: 8001, name: 'Budi' } } }]);
  });

  it('lets only the unit’s staff, a coordinator in scope or an admin enter it, at every step', () => {
    expect(words(startProfileEntry('0badcafe', '19.01', 'kendala', facts()))).toContain('tidak berwenang mengubah profil Kabupaten Bangka');
    expect(startProfileEntry('0badcafe', '19.01', 'kendala', facts({ role: 'coordinator', scope: '19' })).state?.step).toBe('ken_text');
    expect(startProfileEntry('0badcafe', '19.71', 'kendala', facts({ role: 'coordinator', scope: '32' })).state).toBeUndefined();
    expect(startProfileEntry('0badcafe', '19.71', 'kendala', facts({ role: 'viewer', scope: '19.71' })).state).toBeUndefined();
    expect(startProfileEntry('0badcafe', '19.71', 'kendala', facts({ role: 'admin' })).state?.step).toBe('ken_text');
    // Access revoked half-way: the next answer ends the flow and saves nothing.
    const started = startProfileEntry('0badcafe', '19.71', 'kendala', facts());
    const after = profileStep(started.state, text('Kendala'), facts({ role: 'unknown' }));
    expect(after.state).toBeUndefined();
    expect(after.effects).toEqual([]);
  });

  it('reads typed choices by key, label or position', () => {
    expect(matchChoice('APBD-P', BUDGET_SOURCE_LABELS, BUDGET_SOURCES)).toBe('apbdp');
    expect(matchChoice('apbdes', BUDGET_SOURCE_LABELS, BUDGET_SOURCES)).toBe('apbdes');
    expect(matchChoice('2', BUDGET_SOURCE_LABELS, BUDGET_SOURCES)).toBe('apbdp');
    expect(matchChoice('dana desa', BUDGET_SOURCE_LABELS, BUDGET_SOURCES)).toBeUndefined();
  });
});
