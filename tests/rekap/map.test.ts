import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { categoryOf } from '../../src/domain/categories.js';
import { KABKOTA_CENTROIDS } from '../../src/domain/regions/centroids.js';
import type { Unit } from '../../src/domain/regions/directory.js';
import { MAP_TEXT } from '../../src/messages/map.js';
import { labelText, layoutMap, overlaps, renderMap, type Box, type MapInput } from '../../src/rekap/map.js';
import { officialRegions } from '../helpers/regions.js';

function inputOf(units: readonly Unit[], options: { stale?: string[]; noData?: string[] } = {}): MapInput {
  const points = units.map((u, i) => {
    const [lat, lon] = KABKOTA_CENTROIDS[u.code] ?? [0, 0];
    const pct = options.noData?.includes(u.code) ? undefined : (i * 13) % 95;
    return {
      code: u.code,
      name: u.name,
      label: u.name.replace(/^Kabupaten /, 'Kab. '),
      lat,
      lon,
      pct,
      category: pct === undefined ? undefined : categoryOf(pct),
      workforce: 40_000 + ((i * 7919) % 300_000),
      staleWeekNo: options.stale?.includes(u.code) ? 46 : undefined,
    };
  });
  return {
    title: 'Peta capaian UC Uji',
    subtitle: MAP_TEXT.subtitle('2026-W48', points.filter((p) => p.pct !== undefined).length, points.length),
    points,
    sizeBy: 'workforce',
    legend: { categories: MAP_TEXT.legend.categories(), noData: MAP_TEXT.legend.noData, stale: MAP_TEXT.legend.stale, size: MAP_TEXT.legend.size('workforce') },
    footer: MAP_TEXT.footer('2026-W48', new Date('2026-11-27T05:00:00Z'), { package: 'geografis', version: '1.3.2', licence: 'MIT' }),
  };
}

/** Dark pixels (text, outlines) in a band of rows. */
function inkIn(png: Buffer, fromRow: number, toRow: number): number {
  const image = PNG.sync.read(png);
  let ink = 0;
  for (let y = fromRow; y < Math.min(toRow, image.height); y++) {
    for (let x = 0; x < image.width; x++) if ((image.data[(y * image.width + x) * 4] ?? 255) < 100) ink++;
  }
  return ink;
}

describe('the map renderer (issue 19)', () => {
  it('labels all 7 kab/kota of Babel, keeps the proportions of longitude and latitude, and draws its text with the shipped font', async () => {
    const regions = await officialRegions();
    const input = inputOf(regions.regenciesOf('19'), { stale: ['19.06'], noData: ['19.02'] });
    // Plain data: what the adapter builds survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(input))).toEqual(input);
    const map = renderMap(input);
    expect(map.layout.points.filter((p) => p.labelAt !== undefined)).toHaveLength(7);
    expect(labelText(input.points.find((p) => p.code === '19.06') ?? input.points[0]!)).toBe('Kab. Belitung Timur (M46)');
    // One degree of longitude is cos(latitude) of one of latitude, on screen too.
    const { plot, lon, lat } = map.layout;
    const pxPerLon = plot.width / (lon.max - lon.min);
    const pxPerLat = plot.height / (lat.max - lat.min);
    expect(pxPerLon / pxPerLat).toBeCloseTo(Math.cos((((lat.min + lat.max) / 2) * Math.PI) / 180), 1);
    // Pangkal Pinang lies west of Belitung Timur and north of Bangka Selatan on the picture as on the ground.
    const at = (code: string) => map.layout.points.find((p) => p.point.code === code) as { x: number; y: number };
    expect(at('19.71').x).toBeLessThan(at('19.06').x);
    expect(at('19.71').y).toBeLessThan(at('19.03').y);

    const image = PNG.sync.read(map.png);
    expect([image.width, image.height]).toEqual([map.width, map.height]);
    // The title band has text with the font, and none without it: the text is the shipped font's.
    expect(inkIn(map.png, 0, 70)).toBeGreaterThan(300);
    expect(inkIn(renderMap(input, []).png, 0, 70)).toBe(0);
  });

  it('draws all 514 kab/kota nationally within Telegram’s photo limits, labels only where they fit, never one over another', async () => {
    const regions = await officialRegions();
    const input = inputOf(regions.regencies);
    const layout = layoutMap(input);
    expect(layout.points).toHaveLength(514);
    expect(layout.width + layout.height).toBeLessThanOrEqual(10_000);
    expect(Math.max(layout.width, layout.height) / Math.min(layout.width, layout.height)).toBeLessThanOrEqual(20);
    for (const p of layout.points) {
      expect(p.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(p.x).toBeLessThanOrEqual(layout.plot.left + layout.plot.width);
      expect(p.y).toBeGreaterThanOrEqual(layout.plot.top);
      expect(p.y).toBeLessThanOrEqual(layout.plot.top + layout.plot.height);
    }
    // Papua's kab/kota are at the east end of the picture.
    const merauke = layout.points.find((p) => p.point.code === '93.01');
    expect(merauke?.x).toBeGreaterThan(layout.plot.left + layout.plot.width * 0.9);
    const labelled = layout.points.filter((p) => p.labelAt !== undefined);
    expect(labelled.length).toBeGreaterThan(30);
    expect(labelled.length).toBeLessThan(514);
    for (const [i, p] of labelled.entries()) {
      for (const q of labelled.slice(i + 1)) expect(overlaps(p.labelBox as Box, q.labelBox as Box), `${p.point.code} ${q.point.code}`).toBe(false);
      for (const q of layout.points) {
        if (q === p) continue;
        const circle = { x0: q.x - q.diameter / 2, y0: q.y - q.diameter / 2, x1: q.x + q.diameter / 2, y1: q.y + q.diameter / 2 };
        expect(overlaps(p.labelBox as Box, circle), `${p.point.code} over ${q.point.code}`).toBe(false);
      }
    }
    const map = renderMap(input);
    expect(map.png.length).toBeLessThan(10 * 1024 * 1024);
  });
});

describe('the map renderer on any extent (issue 19)', () => {
  it('draws one point, two close points and seeded random extents (ECharts checks its axis extent outside production)', () => {
    let seed = 20261202;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const base = { title: 'Uji', subtitle: 'uji', sizeBy: 'uniform' as const, legend: { categories: MAP_TEXT.legend.categories(), noData: 'a', stale: 'b', size: 'c' }, footer: ['d'] };
    const cases = [
      [{ lat: -2.13, lon: 106.11 }],
      [{ lat: -2.1, lon: 106.1 }, { lat: -1.9, lon: 105.9 }],
      ...Array.from({ length: 20 }, () => {
        const [lat0, lon0, spread] = [-10 + rnd() * 15, 95 + rnd() * 45, rnd() < 0.3 ? 0.001 : rnd() * 3];
        return Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => ({ lat: Number((lat0 + rnd() * spread).toFixed(2)), lon: Number((lon0 + rnd() * spread).toFixed(2)) }));
      }),
    ];
    for (const at of cases) {
      const points = at.map((p, i) => ({ code: String(i), name: `Titik ${i}`, label: `Titik ${i}`, ...p }));
      expect(() => renderMap({ ...base, points }), JSON.stringify(at)).not.toThrow();
    }
  });
});

describe('the map off the bot’s thread (issue 19)', () => {
  it('draws in a worker thread the very picture the renderer draws', async () => {
    const { renderMapOffThread } = await import('../../src/rekap/map-thread.js');
    const regions = await officialRegions();
    const input = inputOf(regions.regenciesOf('19'), { stale: ['19.06'] });
    const inThread = renderMap(input);
    const offThread = await renderMapOffThread(input);
    expect([offThread.width, offThread.height]).toEqual([inThread.width, inThread.height]);
    expect(offThread.png.equals(inThread.png)).toBe(true);
    // Maps asked at once are all drawn (by the one worker, in turn), each its own.
    const both = await Promise.all([renderMapOffThread(inputOf(regions.regenciesOf('21'))), renderMapOffThread(input)]);
    expect(both[1]?.png.equals(inThread.png)).toBe(true);
    expect(both[0]?.png.equals(inThread.png)).toBe(false);
    // A map the renderer cannot draw is refused, and the next one is drawn.
    await expect(renderMapOffThread({ ...input, points: [] })).rejects.toThrow(/renderMap/);
    expect((await renderMapOffThread(input)).png.equals(inThread.png)).toBe(true);
  });
});
