import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPack } from '../../src/cli/pack.js';
import { parseDeadline } from '../../src/domain/deadline.js';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { createStore, type Store } from '../../src/store/store.js';
import { seedBabel } from '../helpers/rekap-seed.js';
import { officialRegions } from '../helpers/regions.js';

const NOW = new Date('2026-11-27T05:00:00Z');
const deadline = (() => {
  const d = parseDeadline('Jumat 17:00');
  if (!d.ok) throw new Error('deadline');
  return d.value;
})();

let regions: RegionDirectory;
let dir: string;
let store: Store;
beforeAll(async () => {
  regions = await officialRegions();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-pack-'));
  store = await createStore(join(dir, 'data'), { clock: () => NOW });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run cli -- paparan (issue 19)', () => {
  it('writes the deck and the brief beside it, prints the narrative, and refuses what it cannot read', async () => {
    await seedBabel(store, '2026-W48', 4);
    const lines: string[] = [];
    const out = (s: string): void => {
      lines.push(s);
    };
    const file = join(dir, 'paparan-babel.pptx');
    expect(await runPack(['Babel', '--out', file], { store, regions, now: NOW, out, deadline, usage: 'usage' })).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(file));
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(9);
    const brief = PNG.sync.read(await readFile(join(dir, 'paparan-babel-ringkasan.png')));
    expect(brief.width).toBe(1080);
    expect(lines[0]).toContain('Capaian UC Jamsosnaker Provinsi Kepulauan Bangka Belitung pada minggu ke-48 tahun 2026 sebesar');
    expect(lines[lines.length - 1]).toBe(`Tersimpan: ${file} (9 slide) dan ${join(dir, 'paparan-babel-ringkasan.png')}.`);

    expect(await runPack(['Atlantis', '--out', file], { store, regions, now: NOW, out, deadline, usage: 'usage' })).toBe(2);
    expect(await runPack(['19', 'minggu 60', '--out', file], { store, regions, now: NOW, out, deadline, usage: 'usage' })).toBe(2);
    expect(await runPack(['19'], { store, regions, now: NOW, out, deadline, usage: 'usage' })).toBe(2);
    expect(await runPack(['32', '--out', join(dir, 'jabar.pptx')], { store, regions, now: NOW, out, deadline, usage: 'usage' })).toBe(1);
    const said = lines.join('\n');
    expect(said).toContain('Wilayah “Atlantis” tidak dikenal');
    expect(said).toContain('tidak ada dalam kalender');
    expect(said).toContain('usage');
    expect(said).toContain('Belum ada laporan untuk Provinsi Jawa Barat');
  });
});
