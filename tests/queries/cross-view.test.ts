import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { tenthsOf } from '../../src/domain/exact.js';
import type { Figures } from '../../src/domain/figures.js';
import { formatCount, formatShare } from '../../src/domain/format.js';
import { shiftWeek, type WeekKey } from '../../src/domain/weeks.js';
import { createReadSide } from '../../src/queries/read-side.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { say } from '../helpers/people.js';
import { seededRandom } from '../helpers/random.js';

/**
 * Issue 18: the same week's figures and counts are equal in every view. Seeded random histories of Bangka Belitung
 * (partial reporting, late reports, returned and verified ones, "belum ada data", stale units, missing baselines) are
 * rendered through /cakupan, /status, /peringkat, /grafik captions and the /ekspor spreadsheet, over HTTP; every
 * shared number is read back from what a user receives and compared across views and with the read side.
 */

const NOW = new Date('2026-11-27T05:00:00Z'); // Friday 12.00 WIB, week 48, before the deadline
const WEEK: WeekKey = '2026-W48';
const KABKOTA = ['19.01', '19.02', '19.03', '19.04', '19.05', '19.06', '19.71'];
const NAMES: Record<string, string> = {
  '19.01': 'Kabupaten Bangka',
  '19.02': 'Kabupaten Belitung',
  '19.03': 'Kabupaten Bangka Selatan',
  '19.04': 'Kabupaten Bangka Tengah',
  '19.05': 'Kabupaten Bangka Barat',
  '19.06': 'Kabupaten Belitung Timur',
  '19.71': 'Kota Pangkal Pinang',
};

const random = seededRandom;

const BY = { telegramId: 3003, name: 'Petugas Uji' };
const OPERATOR = { telegramId: null, name: 'Uji' };

async function seedHistory(h: Harness, seed: number): Promise<void> {
  const rnd = random(seed);
  const store = h.app.store;
  await store.baselines.upsert('19', { year: 2026, workforce_total: 573_200 + Math.floor(rnd() * 20_000), workforce_source: 'Sakernas Agustus 2025', target_pct: 35 + Math.floor(rnd() * 10) + (rnd() < 0.5 ? 0.15 : 0) }, OPERATOR, NOW);
  for (const code of KABKOTA) {
    // One kab/kota in five has no workforce baseline: its participants count, its coverage cannot.
    if (rnd() < 0.8) {
      await store.baselines.upsert(code, { year: 2026, workforce_total: 50_000 + Math.floor(rnd() * 150_000), workforce_source: 'Sakernas Agustus 2025', target_pct: rnd() < 0.5 ? 55 : 32.15 }, OPERATOR, NOW);
    }
    let pu = 10_000 + Math.floor(rnd() * 60_000);
    for (let k = 9; k >= 0; k--) {
      const week = shiftWeek(WEEK, -k);
      const roll = rnd();
      if (roll < 0.3) continue; // not reported
      pu += Math.floor(rnd() * 900) - 100;
      const monday = Date.parse('2026-11-23T02:00:00Z') - k * 7 * 86_400_000;
      const noData = roll < 0.38;
      const figures: Figures = noData ? {} : { active_pu: pu, active_bpu: 2_000 + Math.floor(rnd() * 5_000), active_jakon: Math.floor(rnd() * 900), active_pmi: Math.floor(rnd() * 90), nonasn_total: 1_000, nonasn_jkk: 1_000, nonasn_jkm: 1_000, nonasn_jht: Math.floor(rnd() * 1_000), nonasn_jp: 0 };
      const saved = await store.reportWriter.save({ unitCode: code, week, figures, by: BY, source: 'chat', at: new Date(monday + (rnd() < 0.2 ? 6 * 86_400_000 : 0)), ...(noData ? { noData: { reason: 'data BPJS belum turun' } } : {}) });
      if (!saved.saved || noData) continue;
      const decision = rnd();
      if (decision < 0.4) await store.reports.decide(code, week, { rev: saved.rev, state: 'verified', by: OPERATOR, at: NOW.toISOString() });
      else if (decision < 0.55) await store.reports.decide(code, week, { rev: saved.rev, state: 'returned', by: OPERATOR, at: NOW.toISOString(), reason: RETURN_REASON });
    }
  }
  if (rnd() < 0.7) await store.reportWriter.save({ unitCode: '19', week: WEEK, figures: { nonasn_total: 6_800, nonasn_jkk: 6_800, nonasn_jkm: 6_800, nonasn_jht: 2_100, nonasn_jp: 450 }, by: BY, source: 'chat', at: new Date('2026-11-24T02:00:00Z') });
}
const RETURN_REASON = 'not_bpjs' as const;

/** What the seeded histories produced, so the test proves it met each case it claims to cover. */
const met = new Set<string>();

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The first capture of `re` in `text`, or a failure naming what was looked for. */
const grab = (text: string, re: RegExp, what: string): string => {
  const m = re.exec(text);
  if (!m?.[1]) throw new Error(`${what} not found in:\n${text}`);
  return m[1];
};

describe('one meaning for every figure (issue 18)', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`shows the same week's figures and counts in every view (seed ${seed})`, async () => {
      h = await startHarness({ now: NOW });
      await seedHistory(h, seed);
      const admin = h.admin;
      const readSide = createReadSide({ store: h.app.store, regions: h.app.regions, deadline: { weekday: 5, hour: 15, minute: 0 }, unverified: 'count' });
      const area = (await readSide.week(h.app.regions.get('19') ?? 'national', WEEK)).area;
      if (!area) throw new Error('Babel is an area');

      if (!area.complete && area.coverage) met.add('partial');
      if (area.complete) met.add('complete');
      for (const m of area.members) {
        if (m.setAside) met.add(m.setAside.reason);
        if (m.standing?.stale) met.add('stale');
        if (m.own?.noData !== undefined) met.add('noData');
        if (m.status === 'terlambat') met.add('late');
        if (m.standing && !m.coverage) met.add('noBaseline');
      }
      const cakupan = await say(h, admin, '/cakupan Babel');
      const status = await say(h, admin, '/status Babel');
      const ranking = await say(h, admin, '/peringkat Babel');
      const national = await say(h, admin, '/peringkat nasional');
      const before = h.api.messages(admin.id).length;
      await say(h, admin, '/grafik Babel');
      const captions = h.api.messages(admin.id).slice(before).map((m) => m.text);
      const fileFrom = h.api.messages(admin.id).length;
      await say(h, admin, '/ekspor Babel minggu 48');
      const doc = h.api.messages(admin.id).slice(fileFrom).find((m) => m.file)?.file;
      const sheets = await readXlsxFile(doc?.bytes ?? Buffer.alloc(0));
      const rows = (sheets[0]?.data ?? []).slice(2);
      const header = rows[0] as string[];
      const col = (title: string): number => header.indexOf(title);
      const total = rows[rows.length - 1] as unknown[];
      const pctCell = (v: unknown): string | undefined => (typeof v === 'number' ? formatShare({ num: Math.round(v * 1e9), den: 1e9 }) : undefined);

      // Completeness, in the one counting language: kab/kota, and reporting units (with the province government).
      const counts = `${area.members.filter((m) => m.status !== 'belum').length} dari 7 kab/kota; ${area.reporting.reported} dari 8 unit pelapor`;
      expect(cakupan).toContain(counts);
      expect(status).toContain(counts);
      expect(captions.join('\n')).toContain(`${area.reporting.reported} dari 8 unit pelapor (kab/kota dan pemerintah provinsi) sudah melapor`);
      expect(total[col('Status laporan minggu ke-48 tahun 2026')]).toBe(`${area.reporting.reported} dari 8 unit pelapor sudah${area.reporting.late > 0 ? ` (${area.reporting.late} terlambat)` : ''}`);

      // Participants: the area's total, as the chat says it and as the spreadsheet's totals row (the sum of its rows).
      if (area.counted > 0) {
        expect(cakupan).toContain(`Peserta aktif: ${formatCount(area.participants)} (menurut laporan terakhir ${area.counted} dari 7 kab/kota)`);
        expect(total[col('Total peserta aktif')]).toBe(area.participants);
        const sum = rows.slice(1, -1).reduce((a: number, r) => a + (typeof r[col('Total peserta aktif')] === 'number' ? (r[col('Total peserta aktif')] as number) : 0), 0);
        expect(sum).toBe(area.participants);
      } else {
        expect(total[col('Total peserta aktif')]).toBeNull();
      }

      // Coverage: one figure, to the shown digit, in the chat, the league table, the chart caption and the XLSX.
      if (area.coverage) {
        const shown = formatShare(area.coverage);
        expect(grab(cakupan, /Capaian UC: (\d+,\d%)/, 'coverage in /cakupan')).toBe(shown);
        expect(grab(national, /Kepulauan Bangka Belitung: ([\d,]+%)/, 'Babel in /peringkat nasional')).toBe(shown);
        expect(grab(captions[0] ?? '', /Capaian minggu ke-48 tahun 2026: (\d+,\d%)/, 'coverage in the trend caption')).toBe(shown);
        expect(pctCell(total[col('Capaian UC')])).toBe(shown);
        expect(tenthsOf(area.coverage)).toBe(Number(shown.replace('%', '').replace(',', '')));
        // A partial figure says so wherever it appears.
        if (!area.complete) {
          const partial = `sementara: atas ${area.coverageMembers} dari 7 kab/kota`;
          expect(cakupan).toContain(partial);
          expect(captions[0]).toContain(partial);
          expect(national).toContain(`sementara: ${area.coverageMembers} dari 7 kab/kota`);
          expect(String(total[col('Keterangan')])).toContain(`${area.coverageMembers} dari 7 kab/kota`);
        }
        if (area.gapHundredths !== undefined) {
          const gapText = grab(cakupan, /Target [\d,]+%: (?:tercapai, lebih|kurang) ([\d,]+) poin/, 'gap in /cakupan');
          expect(Math.abs(total[col('Selisih terhadap target (poin)')] as number).toFixed(2).replace('.', ',')).toBe(
            Number(gapText.replace(',', '.')).toFixed(2).replace('.', ','),
          );
        }
      } else {
        expect(cakupan).toContain('Capaian UC belum dapat dihitung');
        expect(total[col('Capaian UC')]).toBeNull();
      }

      // Each kab/kota: the same coverage, week and marks in /cakupan's list, /peringkat and the XLSX row.
      for (const m of area.members) {
        const name = NAMES[m.unit.code] ?? '';
        const row = rows.find((r) => r[0] === m.unit.code) as unknown[];
        if (!m.standing) {
          expect(row[col('Total peserta aktif')]).toBeNull();
          expect(ranking).not.toMatch(new RegExp(`\\d+\\. ${name}:`));
          continue;
        }
        expect(row[col('Total peserta aktif')]).toBe(m.standing.participants);
        expect(row[col('Minggu laporan terakhir')]).toBe(m.standing.week);
        expect(cakupan).toContain(`• ${name}: ${formatCount(m.standing.participants)} peserta · ${m.coverage ? formatShare(m.coverage) : '–'}`);
        if (m.coverage) {
          expect(ranking).toMatch(new RegExp(`\\d+\\. ${name}: ${formatShare(m.coverage).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
          expect(pctCell(row[col('Capaian UC')])).toBe(formatShare(m.coverage));
          if (m.standing.week !== WEEK) expect(ranking).toMatch(new RegExp(`${name}: .*angka minggu ke-${Number(m.standing.week.slice(6))}`));
        }
        if (m.setAside?.reason === 'returned') {
          expect(cakupan).toMatch(new RegExp(`• ${name}: .*laporan minggu ke-${Number(m.setAside.week.slice(6))} dikembalikan`));
          expect(String(row[col('Keterangan')])).toContain('dikembalikan');
        }
      }
      // "Belum ada data" is never a 0 anywhere.
      for (const m of area.members.filter((x) => x.own?.noData !== undefined && !x.standing)) {
        expect((rows.find((r) => r[0] === m.unit.code) as unknown[])[col('Total peserta aktif')]).toBeNull();
      }
    });
  }

  it('met every case it claims to cover across the seeds', () => {
    expect([...met].sort()).toEqual(expect.arrayContaining(['late', 'noBaseline', 'noData', 'partial', 'returned', 'stale']));
  });
});
