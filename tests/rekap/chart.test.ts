import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { completenessChart, rankingChart, renderChart, trendChart } from '../../src/rekap/chart.js';
import { officialRegions } from '../helpers/regions.js';

const inkOf = (png: Buffer): number => {
  const image = PNG.sync.read(png);
  let ink = 0;
  for (let i = 0; i < image.data.length; i += 4) if ((image.data[i] ?? 255) < 128) ink++;
  return ink;
};

describe('charts (issue 10)', () => {
  it('draw their text with the shipped font, and only with it: without it the same chart has no text', () => {
    const option = { title: { text: 'Capaian UC 1.234.567 peserta' }, xAxis: { show: false, type: 'category' as const }, yAxis: { show: false }, series: [] };
    const withFont = renderChart(option, 600, 120);
    const withoutFont = renderChart(option, 600, 120, []);
    expect(inkOf(withFont.png)).toBeGreaterThan(200);
    expect(inkOf(withoutFont.png)).toBe(0);
  });

  it('fit all 38 provinces in one photo within Telegram’s limits, and mark demo data', async () => {
    const regions = await officialRegions();
    const rows = regions.provinces.map((unit, i) => ({ unit, kind: 'area' as const, stale: false, demo: true, coverage: { num: 50 + i * 17, den: 1000 } }));
    const ranking = rankingChart('national', '2026-W48', rows, true);
    expect(ranking.width + ranking.height).toBeLessThanOrEqual(10_000);
    expect(Math.max(ranking.width, ranking.height) / Math.min(ranking.width, ranking.height)).toBeLessThanOrEqual(20);
    const image = PNG.sync.read(ranking.png);
    expect([image.width, image.height]).toEqual([ranking.width, ranking.height]);
    const reporting = (i: number) => ({ units: 8, reported: 5 + (i % 3), onTime: 5 + (i % 3), late: 0, noData: 0, awaiting: 0, returned: 0, missing: 3 - (i % 3) });
    const series = Array.from({ length: 12 }, (_, i) => ({ week: `2026-W${String(37 + i)}` as const, participants: 1000 + i, members: 7, counted: 7, coverageMembers: 7, coverage: { num: 1200 + i * 10, den: 4000 }, targetBp: 4000, compositionChanged: i === 6, reporting: reporting(i) }));
    for (const png of [trendChart('national', series, false), completenessChart('national', series, false)]) {
      expect(inkOf(png.png)).toBeGreaterThan(500);
    }
  });
});
