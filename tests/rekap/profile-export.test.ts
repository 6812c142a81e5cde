import { describe, expect, it } from 'vitest';
import type { UnitProfile } from '../../src/domain/profile.js';
import { WIB } from '../../src/domain/zones.js';
import { profilePackSummary, profileSheet } from '../../src/rekap/profile-export.js';

const by = { telegramId: 1, name: 'Budi' };
const pangkalpinang: UnitProfile = {
  regulations: [{ id: 'a0000001', kind: 'perkada', number: '12', year: 2024, subject: 'Jamsosnaker non-ASN', document: { fileId: 'f', name: 'perwako.pdf', size: 1_258_291 }, at: '2026-11-24T03:00:00.000Z', by }],
  budget: [
    { id: 'a0000002', year: 2025, purpose: 'nonasn', source: 'apbd', paguSen: 50_000_000_000, realisasiSen: 50_000_000_000, people: 4120, at: '2026-11-24T03:00:00.000Z', by },
    { id: 'a0000003', year: 2026, purpose: 'nonasn', source: 'apbdp', paguSen: 223_933_968_000, realisasiSen: 149_331_912_000, people: 1650, note: 'iuran JHT', at: '2026-11-24T03:00:00.000Z', by },
  ],
  villages: { desa: 0, covered: 0, at: '2026-11-24T03:00:00.000Z', by },
  kendala: [
    { id: 'a0000004', text: 'JHT non-ASN belum dianggarkan karena keterbatasan anggaran daerah', at: '2026-11-20T03:00:00.000Z', by },
    { id: 'a0000005', text: 'Data non-ASN belum mutakhir', at: '2026-10-01T03:00:00.000Z', by, closedAt: '2026-11-02T03:00:00.000Z', closedBy: by },
  ],
};

describe('the Profil sheet and the pack summary (issue 20.4)', () => {
  it('gives a header and one row per item, amounts as numbers of rupiah, a unit with nothing as one row', () => {
    const sheet = profileSheet([
      { code: '19.71', name: 'Kota Pangkal Pinang', zone: WIB, profile: pangkalpinang },
      { code: '19.05', name: 'Kabupaten Bangka Barat', zone: WIB, profile: undefined },
    ]);
    expect(sheet.name).toBe('Profil');
    expect(sheet.columns.map((c) => c.header)).toEqual([
      'Kode', 'Wilayah', 'Bagian', 'Tahun', 'Uraian', 'Sumber dana', 'Pagu (Rp)', 'Realisasi (Rp)', 'Realisasi (% pagu)', 'Jumlah (orang/desa)',
      'Desa dengan seluruh aparatur terlindungi', 'Status', 'Tanggal', 'Lampiran',
    ]);
    expect(sheet.rows.every((r) => r.length === sheet.columns.length)).toBe(true);
    expect(sheet.rows.map((r) => r[2])).toEqual(['Kelengkapan', 'Peraturan', 'Anggaran', 'Anggaran', 'Desa', 'Kendala', 'Kendala', 'Kelengkapan']);
    expect(sheet.rows[0]?.[4]).toBe('4/4: peraturan, anggaran, desa, kendala');
    expect(sheet.rows[1]).toEqual(['19.71', 'Kota Pangkal Pinang', 'Peraturan', 2024, 'Perkada No. 12 Tahun 2024 tentang Jamsosnaker non-ASN', null, null, null, null, null, null, null, '24 November 2026', 'perwako.pdf, 1,2 MB']);
    // Newest year first; rupiah as numbers, the share as a fraction (for a 0.0% format).
    expect(sheet.rows[2]?.slice(3, 10)).toEqual([2026, 'Pegawai non-ASN (iuran JHT)', 'APBD-P', 2_239_339_680, 1_493_319_120, 1_493_319_120 / 2_239_339_680, 1650]);
    expect(sheet.rows[4]?.slice(4, 11)).toEqual(['tidak ada desa (hanya kelurahan)', null, null, null, null, 0, 0]);
    expect(sheet.rows[5]?.[11]).toBe('terbuka');
    expect(sheet.rows[6]?.[11]).toBe('selesai 2 November 2026');
    expect(sheet.rows[7]?.slice(0, 5)).toEqual(['19.05', 'Kabupaten Bangka Barat', 'Kelengkapan', null, 'belum ada isian']);
  });

  it('summarises one unit for a slide: completeness, regulations, budget lines, villages and open kendala', () => {
    const s = profilePackSummary({ code: '19.71', name: 'Kota Pangkal Pinang', zone: WIB, profile: pangkalpinang });
    expect(s.completeness).toEqual({ regulations: true, budget: true, villages: true, kendala: true, filled: 4, of: 4 });
    expect(s.budget[0]).toMatchObject({ year: 2026, paguRupiah: 2_239_339_680, realisasiRupiah: 1_493_319_120, pagu: 'Rp2.239.339.680', realisasi: 'Rp1.493.319.120', people: 1650 });
    expect(s.openKendala).toEqual([{ text: 'JHT non-ASN belum dianggarkan karena keterbatasan anggaran daerah', since: '20 November 2026' }]);
    expect(s.lines).toEqual([
      'Kelengkapan profil: ✅ peraturan · ✅ anggaran · ✅ desa · ✅ kendala (4/4)',
      'Perkada No. 12 Tahun 2024 tentang Jamsosnaker non-ASN',
      'Pegawai non-ASN, APBD-P 2026 (iuran JHT): pagu Rp2,24 miliar, realisasi Rp1,49 miliar (66,7%), 1.650 orang',
      'Pegawai non-ASN, APBD 2025: pagu Rp500 juta, realisasi Rp500 juta (100,0%), 4.120 orang',
      'Desa: tidak ada desa (hanya kelurahan)',
      'Kendala (sejak 20 November 2026): JHT non-ASN belum dianggarkan karena keterbatasan anggaran daerah',
    ]);
    const empty = profilePackSummary({ code: '19.05', name: 'Kabupaten Bangka Barat', zone: WIB, profile: undefined });
    expect(empty.completeness.filled).toBe(0);
    expect(empty.lines).toEqual(['Kelengkapan profil: ⬜ peraturan · ⬜ anggaran · ⬜ desa · ⬜ kendala (0/4)']);
  });
});
