/**
 * Computes the kab/kota centroids the maps draw (src/domain/regions/centroids.ts) from the village coordinates of the
 * `geografis` npm package (MIT). Run by hand, rarely (when the package or the official list changes):
 *
 *     npm run centroids                      # installs geografis into a temporary folder, then writes the table
 *     npm run centroids -- /path/to/geografis   # a copy already installed (e.g. `npm install --no-save geografis`)
 *
 * The package is 62 MB: it is never a dependency of the bot. Its codes predate the 2022 Papua provinces (93-96), so
 * each of today's Kepmendagri kab/kota (idn-area-data) is matched to the package's by name, and every match is checked:
 * the script stops, naming the region, unless all 514 match exactly one kab/kota of the package and each of the
 * package's is used once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOfficialRegions } from '../src/domain/regions/official.js';
import { compact } from '../src/domain/regions/names.js';
import type { Unit } from '../src/domain/regions/directory.js';

const GEOGRAFIS_VERSION = '1.3.2';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'domain', 'regions', 'centroids.ts');

/**
 * Today's names that the package spells differently under the same code, each checked by hand: a rename (Kabupaten
 * Toba Samosir is today's Kabupaten Toba) or a spelling. Keyed by today's code.
 */
const SPELLED_DIFFERENTLY: Readonly<Record<string, string>> = {
  '12.12': 'Kabupaten Toba Samosir',
  '12.77': 'Kota Padangsidimpuan',
  '73.10': 'Kabupaten Pangkajene Kepulauan',
  '73.72': 'Kota Pare Pare',
  '75.04': 'Kabupaten Pahuwato',
};
/** The provinces made in 2022 from Papua (91) and Papua Barat (92): their kab/kota are found there by name. */
const NEW_PAPUA = new Set(['93', '94', '95', '96']);
const OLD_PAPUA = new Set(['91', '92']);
/** Decimal places kept: 0,01° is about 1,1 km, finer than any centroid of a kab/kota means. */
const DECIMALS = 2;

interface Village {
  code: string;
  city: string;
  latitude: number;
  longitude: number;
}
interface City {
  code: string;
  name: string;
  lats: number[];
  lons: number[];
}

function geografisFolder(): { folder: string; cleanup: () => void } {
  const given = process.argv[2];
  if (given) return { folder: given, cleanup: () => undefined };
  const tmp = mkdtempSync(join(tmpdir(), 'geografis-'));
  console.log(`Memasang geografis@${GEOGRAFIS_VERSION} di ${tmp} (sekitar 62 MB, dari registri npm)...`);
  execFileSync('npm', ['install', '--prefix', tmp, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `geografis@${GEOGRAFIS_VERSION}`], { stdio: 'inherit' });
  return { folder: join(tmp, 'node_modules', 'geografis'), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** The median: a village with a wrong coordinate in the source moves it little, unlike the mean. */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const round = (x: number): number => Number(x.toFixed(DECIMALS));

async function main(): Promise<void> {
  const { folder, cleanup } = geografisFolder();
  try {
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string; license: string };
    const villages = JSON.parse(readFileSync(join(folder, 'data', 'json', 'data.json'), 'utf8')) as Village[];
    const cities = new Map<string, City>();
    for (const v of villages) {
      if (!Number.isFinite(v.latitude) || !Number.isFinite(v.longitude)) continue;
      const code = v.code.slice(0, 5);
      let c = cities.get(code);
      if (!c) cities.set(code, (c = { code, name: v.city, lats: [], lons: [] }));
      c.lats.push(v.latitude);
      c.lons.push(v.longitude);
    }

    const regions = await loadOfficialRegions();
    const used = new Map<string, string>();
    const problems: string[] = [];
    const rows: Array<{ unit: Unit; city: City; how: string }> = [];
    const sameName = (u: Unit, c: City): boolean => compact(c.name) === compact(SPELLED_DIFFERENTLY[u.code] ?? u.name);
    for (const u of regions.regencies) {
      let city: City | undefined;
      let how: string;
      if (NEW_PAPUA.has(u.provinceCode)) {
        const found = [...cities.values()].filter((c) => OLD_PAPUA.has(c.code.slice(0, 2)) && sameName(u, c));
        if (found.length !== 1) problems.push(`${u.code} ${u.name}: ${found.length} kab/kota bernama sama di Papua/Papua Barat lama`);
        city = found[0];
        how = `nama (kode lama ${city?.code ?? '?'})`;
      } else {
        city = cities.get(u.code);
        if (city && !sameName(u, city)) problems.push(`${u.code} ${u.name}: di geografis ${city.name}`);
        how = SPELLED_DIFFERENTLY[u.code] ? `kode, ejaan lain "${city?.name ?? '?'}"` : 'kode dan nama';
      }
      if (!city) {
        problems.push(`${u.code} ${u.name}: tidak ada di geografis`);
        continue;
      }
      const before = used.get(city.code);
      if (before) problems.push(`${city.code} ${city.name} dipakai dua kali: ${before} dan ${u.code}`);
      used.set(city.code, u.code);
      rows.push({ unit: u, city, how });
    }
    for (const c of cities.values()) if (!used.has(c.code)) problems.push(`${c.code} ${c.name} di geografis tidak terpakai`);
    if (problems.length > 0 || rows.length !== regions.regencies.length) {
      console.error(`Pencocokan gagal (${problems.length}):\n${problems.join('\n')}`);
      process.exitCode = 1;
      return;
    }

    const lines = rows.map(({ unit, city }) => `  '${unit.code}': [${round(median(city.lats))}, ${round(median(city.lons))}], // ${unit.name} (${city.lats.length} desa)`);
    const text = `// Generated by scripts/centroids.ts: do not edit by hand; run \`npm run centroids\` again.
/**
 * Kab/kota centroids: the median latitude and longitude of each kab/kota's villages in the \`geografis\` npm package
 * ${pkg.version} (licence ${pkg.license}, https://github.com/drizki/geografis, by drizki), rounded to ${DECIMALS} decimals
 * (about 1 km). Keyed by today's Kepmendagri codes (idn-area-data): the package's codes predate the 2022 Papua
 * provinces, so Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya were matched by name, and every
 * one of the ${rows.length} was checked by the script.
 */
export const CENTROIDS_SOURCE = { package: 'geografis', version: '${pkg.version}', licence: '${pkg.license}', method: 'median desa' } as const;

/** [latitude, longitude] in degrees, by kab/kota code. */
export const KABKOTA_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
${lines.join('\n')}
};
`;
    writeFileSync(OUT, text);
    const byHow = new Map<string, number>();
    for (const r of rows) {
      const k = r.how.startsWith('nama') ? 'Papua 2022: dicocokkan menurut nama' : r.how.startsWith('kode, ejaan') ? 'kode sama, ejaan lain (diperiksa)' : 'kode dan nama sama';
      byHow.set(k, (byHow.get(k) ?? 0) + 1);
    }
    console.log(`Ditulis ${OUT}: ${rows.length} kab/kota dari ${villages.length} desa.`);
    for (const [k, n] of byHow) console.log(`  ${k}: ${n}`);
    for (const r of rows.filter((x) => x.how !== 'kode dan nama')) console.log(`  ${r.unit.code} ${r.unit.name} <- ${r.city.code} ${r.city.name}`);
  } finally {
    cleanup();
  }
}

await main();
