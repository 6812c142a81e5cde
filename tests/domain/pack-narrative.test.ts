import { describe, expect, it } from 'vitest';
import type { PackInput, PackNonAsnRow } from '../../src/domain/pack.js';
import { narrativeSentences, packNarrative } from '../../src/messages/pack.js';

const programmes = (total: number, jkk: number, jkm: number, jht: number, jp: number): PackNonAsnRow['programmes'] => ({
  nonasn_jkk: { count: jkk, pct: (jkk / total) * 100 },
  nonasn_jkm: { count: jkm, pct: (jkm / total) * 100 },
  nonasn_jht: { count: jht, pct: (jht / total) * 100 },
  nonasn_jp: { count: jp, pct: (jp / total) * 100 },
});

/** A province at week 48 of 2026: 36,0% against a 40,0% target, up from 35,5% last week and 30,0% in week 1. */
function province(change: (p: PackInput) => void = () => undefined): PackInput {
  const p: PackInput = {
    scope: { code: '19', kind: 'provinsi', name: 'Provinsi Kepulauan Bangka Belitung', slug: 'kepulauan-bangka-belitung', zone: 'WIB' },
    week: '2026-W48',
    generatedAt: '2026-11-27T09:00:00.000Z',
    coverage: {
      participants: 180_000,
      basisParticipants: 180_000,
      workforce: 500_000,
      workforceSource: 'Sakernas Agustus 2025',
      pct: 36,
      previousPct: 35.5,
      previousParticipants: 177_500,
      startWeek: '2026-W01',
      startPct: 30,
      startParticipants: 150_000,
      recentPerWeek: 2_000,
      recentWeeks: 4,
      partial: false,
      stale: false,
    },
    targets: [
      {
        year: 2026,
        pct: 40,
        source: 'RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029',
        main: true,
        gapPoints: -4,
        pace: { targetParticipants: 200_000, shortfall: 20_000, targetYear: 2026, weeksLeft: 5, neededPerWeek: 4_000, status: 'behind' },
      },
    ],
    trend: [],
    ranking: {
      level: 'kabkota',
      within: 'Provinsi Kepulauan Bangka Belitung',
      rows: [
        { code: '19.71', name: 'Kota Pangkal Pinang', participants: 52_000, pct: 50.4, latestWeek: '2026-W48', partial: false, stale: false, unverified: false, self: false },
        { code: '19.01', name: 'Kabupaten Bangka', participants: 32_000, pct: 28.1, latestWeek: '2026-W48', partial: false, stale: false, unverified: false, self: false },
        { code: '19.03', name: 'Kabupaten Bangka Selatan', participants: 16_000, pct: 22.4, latestWeek: '2026-W45', partial: false, stale: true, unverified: false, self: false },
      ],
    },
    segments: { active_pu: 130_000, active_bpu: 40_000, active_jakon: 8_000, active_pmi: 2_000 },
    nonAsn: [
      { code: '19', name: 'Pemerintah Provinsi Kepulauan Bangka Belitung', week: '2026-W48', total: 6_000, programmes: programmes(6_000, 6_000, 6_000, 1_500, 600) },
      { code: '19.71', name: 'Pemerintah Kota Pangkal Pinang', week: '2026-W48', total: 4_000, programmes: programmes(4_000, 4_000, 4_000, 1_500, 400) },
    ],
    completeness: { total: 8, onTime: 8, late: 0, withData: 8, members: 7, verified: 8, unverified: 0, stale: 0, missing: [] },
    demo: false,
  };
  change(p);
  return p;
}

const read = (p: PackInput): string[] => narrativeSentences(packNarrative(p));

describe('the narrative, written by rules from the figures (issue 19)', () => {
  it('says coverage against the target and its source, the changes, the pace, the ends of the ranking, non-ASN and the data', () => {
    const s = read(province());
    expect(s).toEqual([
      'Capaian UC Jamsosnaker Provinsi Kepulauan Bangka Belitung pada minggu ke-48 tahun 2026 sebesar 36,0% (180.000 peserta aktif dari 500.000 penduduk bekerja; sumber penduduk bekerja: Sakernas Agustus 2025), masih 4,0 poin di bawah target 2026 sebesar 40,0% (sumber: RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029).',
      'Dibanding minggu sebelumnya capaian naik 0,5 poin (+2.500 peserta), dan sejak awal tahun naik 6,0 poin.',
      'Untuk mencapai target pada akhir 2026 (5 minggu lagi) diperlukan tambahan sekitar 4.000 peserta per minggu, sedangkan rata-rata 4 minggu terakhir +2.000 peserta per minggu, sehingga laju saat ini belum cukup untuk mencapai target.',
      'Capaian kab/kota tertinggi di Kota Pangkal Pinang (50,4%) dan terendah di Kabupaten Bangka Selatan (22,4%, data lama).',
      'Dari 10.000 pegawai non-ASN yang dilaporkan 2 pemerintah daerah, JKK dan JKM sudah 100%, sedangkan JHT baru 30,0% dan JP 10,0%.',
      'Pada minggu ke-48 tahun 2026, sebanyak 8 dari 8 unit pelapor telah melapor; seluruh 8 angka yang dipakai telah diverifikasi koordinator.',
    ]);
  });

  it('a target reached: says so with the margin, and no pace is needed', () => {
    const s = read(
      province((p) => {
        p.coverage.pct = 41.25;
        p.coverage.previousPct = 40.5;
        const t = p.targets[0];
        if (t?.pace) t.pace = { ...t.pace, shortfall: 0, neededPerWeek: 0, status: 'reached' };
      }),
    );
    expect(s[0]).toContain('sebesar 41,3% (');
    expect(s[0]).toContain('telah melampaui target 2026 sebesar 40,0% (sumber: RPJMD Provinsi Kepulauan Bangka Belitung 2025-2029) dengan selisih 1,3 poin.');
    expect(s.join(' ')).not.toContain('diperlukan tambahan');
    expect(s).toHaveLength(5);
  });

  it('falling coverage is said to fall, since last week and since the start of the year', () => {
    const s = read(
      province((p) => {
        p.coverage.previousPct = 36.4;
        p.coverage.previousParticipants = 182_000;
        p.coverage.startPct = 37;
        p.coverage.recentPerWeek = -300;
      }),
    );
    expect(s[1]).toBe('Dibanding minggu sebelumnya capaian turun 0,4 poin (-2.000 peserta), dan sejak awal tahun turun 1,0 poin.');
    expect(s[2]).toContain('sedangkan rata-rata 4 minggu terakhir -300 peserta per minggu, sehingga laju saat ini belum cukup');
  });

  it('partial, stale and unverified data are said plainly', () => {
    const s = read(
      province((p) => {
        p.coverage.partial = true;
        p.coverage.coverageMembers = 6;
        p.coverage.stale = true;
        p.completeness = { total: 8, onTime: 5, late: 1, withData: 7, members: 7, verified: 4, unverified: 3, stale: 1, missing: ['Kabupaten Belitung Timur', 'Kabupaten Bangka Barat'] };
        const first = p.ranking?.rows[0];
        if (first) first.unverified = true;
      }),
    );
    expect(s[3]).toBe('Capaian kab/kota tertinggi di Kota Pangkal Pinang (50,4%, belum diverifikasi) dan terendah di Kabupaten Bangka Selatan (22,4%, data lama).');
    expect(s[5]).toBe(
      'Pada minggu ke-48 tahun 2026, sebanyak 6 dari 8 unit pelapor telah melapor (1 terlambat); 4 dari 7 angka yang dipakai telah diverifikasi koordinator dan 3 belum, sehingga angka ini belum final; angka ini sementara karena baru 6 dari 7 kab/kota yang angkanya dapat dihitung; angka dari 1 unit sudah lebih dari 2 minggu tidak diperbarui.',
    );
  });

  it('without a target: coverage and the recent pace, no gap and no pace needed', () => {
    const s = read(
      province((p) => {
        p.targets = [];
      }),
    );
    expect(s[0]).toBe(
      'Capaian UC Jamsosnaker Provinsi Kepulauan Bangka Belitung pada minggu ke-48 tahun 2026 sebesar 36,0% (180.000 peserta aktif dari 500.000 penduduk bekerja; sumber penduduk bekerja: Sakernas Agustus 2025); target capaian untuk wilayah ini belum tercatat.',
    );
    expect(s[2]).toBe('Pertambahan peserta rata-rata 4 minggu terakhir +2.000 peserta per minggu.');
    expect(s.join(' ')).not.toMatch(/di bawah target|diperlukan/);
  });

  it('without a workforce: participants only, said to be uncomputable', () => {
    const s = read(
      province((p) => {
        p.coverage = { ...p.coverage, pct: undefined, workforce: undefined, previousPct: undefined, startPct: undefined };
      }),
    );
    expect(s[0]).toBe('Capaian UC Jamsosnaker Provinsi Kepulauan Bangka Belitung pada minggu ke-48 tahun 2026 belum dapat dihitung karena data penduduk bekerja belum tersedia; tercatat 180.000 peserta aktif.');
    expect(s[1]).toBe('Dibanding minggu sebelumnya jumlah peserta aktif berubah +2.500.');
  });

  it('non-ASN: complete, short of some programmes, and not reported', () => {
    const complete = read(
      province((p) => {
        p.nonAsn = p.nonAsn.map((r) => ({ ...r, programmes: programmes(r.total ?? 1, r.total ?? 1, r.total ?? 1, r.total ?? 1, r.total ?? 1) }));
      }),
    );
    expect(complete[4]).toBe('Dari 10.000 pegawai non-ASN yang dilaporkan 2 pemerintah daerah, seluruhnya telah terlindungi JKK, JKM, JHT dan JP.');
    const oneCity = read(
      province((p) => {
        p.nonAsn = [{ code: '19.71', name: 'Pemerintah Kota Pangkal Pinang', week: '2026-W48', total: 4_120, programmes: programmes(4_120, 4_120, 4_120, 1_648, 0) }];
      }),
    );
    expect(oneCity[4]).toBe('Dari 4.120 pegawai non-ASN Pemerintah Kota Pangkal Pinang, JKK dan JKM sudah 100%, sedangkan JHT baru 40,0% dan JP 0,0%.');
    const someMissing = read(
      province((p) => {
        p.nonAsn.push({ code: '19.06', name: 'Pemerintah Kabupaten Belitung Timur', total: undefined, programmes: programmes(1, 0, 0, 0, 0) });
      }),
    );
    expect(someMissing[4]).toContain('; 1 pemerintah daerah belum melaporkan data non-ASN.');
    const none = read(
      province((p) => {
        p.nonAsn = [];
      }),
    );
    expect(none[4]).toBe('Data perlindungan pegawai non-ASN belum dilaporkan.');
  });

  it('a kab/kota is placed among its province’s, and every narrative has three to six sentences', () => {
    const city = province((p) => {
      p.scope = { code: '19.01', kind: 'kabupaten', name: 'Kabupaten Bangka', slug: 'kabupaten-bangka', zone: 'WIB' };
      const row = p.ranking?.rows[1];
      if (row) row.self = true;
    });
    expect(read(city)[3]).toBe('Kabupaten Bangka berada di peringkat 2 dari 3 kab/kota di Provinsi Kepulauan Bangka Belitung; tertinggi Kota Pangkal Pinang (50,4%) dan terendah Kabupaten Bangka Selatan (22,4%, data lama).');
    const empty = province((p) => {
      p.coverage = { participants: 0, basisParticipants: 0, partial: true, stale: false };
      p.targets = [];
      p.ranking = undefined;
      p.nonAsn = [];
      p.completeness = { total: 8, onTime: 0, late: 0, withData: 0, members: 7, verified: 0, unverified: 0, stale: 0, missing: [] };
    });
    for (const p of [province(), city, empty]) {
      const n = read(p).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
    expect(read(empty)[0]).toBe('Hingga minggu ke-48 tahun 2026 belum ada angka kepesertaan yang dilaporkan untuk Provinsi Kepulauan Bangka Belitung, sehingga capaian UC Jamsosnaker belum dapat dihitung.');
  });
});
