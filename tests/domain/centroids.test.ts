import { describe, expect, it } from 'vitest';
import { CENTROIDS_SOURCE, KABKOTA_CENTROIDS } from '../../src/domain/regions/centroids.js';
import { officialRegions } from '../helpers/regions.js';

type Point = readonly [number, number];

/** Great-circle distance in km between two [lat, lon] points. */
function distanceKm(a: Point, b: Point): number {
  const rad = (d: number): number => (d * Math.PI) / 180;
  const h = Math.sin(rad(b[0] - a[0]) / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(rad(b[1] - a[1]) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The neighbourhood rule: a kab/kota has a kab/kota of its own province among its NEIGHBOURS nearest (by the distance
 * between centroids). "Its single nearest is of its own province" is false for real geography: 34 border kab/kota
 * (Kota Bekasi's nearest is Jakarta Timur, 12 km; Kabupaten Banyuwangi's is Jembrana across the Bali strait) fail
 * it; with five, none does, and a point placed in the wrong province has none of its own around it.
 */
const NEIGHBOURS = 5;
function strangers(points: Record<string, Point>): string[] {
  const codes = Object.keys(points);
  return codes.filter((c) => {
    const nearest = codes
      .filter((o) => o !== c)
      .map((o) => ({ o, d: distanceKm(points[c] as Point, points[o] as Point) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, NEIGHBOURS);
    return !nearest.some((n) => n.o.slice(0, 2) === c.slice(0, 2));
  });
}

/** Indonesia's extent with a small margin: Sabang (5,9° N, 95,3° E) to Merauke (141,0° E) and Rote (11,0° S). */
const BOX = { south: -11.2, north: 6.2, west: 94.8, east: 141.1 };

describe('kab/kota centroids', () => {
  it('gives every one of the 514 official kab/kota a point inside Indonesia, and nothing else', async () => {
    const regions = await officialRegions();
    expect(regions.regencies).toHaveLength(514);
    for (const u of regions.regencies) {
      const p = KABKOTA_CENTROIDS[u.code];
      expect(p, u.code).toBeDefined();
      const [lat, lon] = p as Point;
      expect(lat, u.name).toBeGreaterThan(BOX.south);
      expect(lat, u.name).toBeLessThan(BOX.north);
      expect(lon, u.name).toBeGreaterThan(BOX.west);
      expect(lon, u.name).toBeLessThan(BOX.east);
    }
    expect(Object.keys(KABKOTA_CENTROIDS).sort()).toEqual(regions.regencies.map((u) => u.code).sort());
  });

  it('puts every kab/kota among its own province: one of its five nearest is of its province', () => {
    expect(strangers(KABKOTA_CENTROIDS)).toEqual([]);
  });

  it('catches a point put in the wrong province (Pangkal Pinang given Tanjung Pinang\'s place)', () => {
    const swapped = { ...KABKOTA_CENTROIDS, '19.71': KABKOTA_CENTROIDS['21.72'] as Point, '21.72': KABKOTA_CENTROIDS['19.71'] as Point };
    expect(strangers(swapped).sort()).toEqual(['19.71', '21.72']);
  });

  it('places known cities where they are, the 2022 Papua provinces included', () => {
    const near = (code: string, at: Point, km: number): void => expect(distanceKm(KABKOTA_CENTROIDS[code] as Point, at), code).toBeLessThan(km);
    near('19.71', [-2.13, 106.11], 10); // Kota Pangkal Pinang
    near('21.72', [0.92, 104.45], 15); // Kota Tanjung Pinang
    near('31.71', [-6.18, 106.83], 10); // Kota Jakarta Pusat
    near('93.01', [-8.1, 140.0], 150); // Kabupaten Merauke (Papua Selatan; a large kabupaten)
    near('96.71', [-0.88, 131.26], 15); // Kota Sorong (Papua Barat Daya)
    near('91.71', [-2.55, 140.7], 15); // Kota Jayapura
  });

  it('names its source', () => {
    expect(CENTROIDS_SOURCE).toMatchObject({ package: 'geografis', licence: 'MIT' });
  });
});
