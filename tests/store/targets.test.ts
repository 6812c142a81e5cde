import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import { createStore } from '../../src/store/store.js';

const NOW = new Date('2026-11-24T03:00:00Z');
const BY = { telegramId: 5001, name: 'Dewi' };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-target-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('targets.json (issue 19)', () => {
  it('keeps entered series, the chosen main one and removals across a restart', async () => {
    let store = await createStore(dir, { clock: () => NOW });
    await store.baselines.upsert('19.71', { year: 2026, workforce_total: 104_000, workforce_source: 'Sakernas', target_pct: 35.5 }, BY, NOW);
    const a = await store.targets.addPoint('19.71', { year: 2029, bp: 5000, source: 'RPJMD Kota Pangkal Pinang 2025-2029', reference: 'Perda 2/2025' }, BY, NOW, 'chat');
    const b = await store.targets.addPoint('19.71', { year: 2026, bp: 6728, source: 'Target BPJS Kanwil', reference: 'Surat Kanwil' }, BY, NOW, 'chat');
    await store.targets.setMain('19.71', b.series.id, BY, NOW);
    await store.targets.remove('19.71', a.series.id, BY, NOW);
    await store.close();

    store = await createStore(dir, { clock: () => NOW });
    try {
      expect(store.targets.seriesFor('19.71').map((s) => [s.source, s.origin])).toEqual([
        ['Target BPJS Kanwil', 'entered'],
        // The baseline's 35,5% as a series of its own, exactly 3550 basis points.
        ['Target tahunan pada data dasar', 'baseline'],
      ]);
      expect(store.targets.seriesFor('19.71')[1]?.points).toEqual([{ year: 2026, bp: 3550 }]);
      expect(store.targets.mainTargetFor('19.71', 2026)).toMatchObject({ bp: 6728, source: 'Target BPJS Kanwil', interpolated: false });
      // Shipped and baseline series cannot be removed; a removed series is not removed twice.
      expect(await store.targets.remove('19.71', 'baseline', BY, NOW)).toBeUndefined();
      expect(await store.targets.remove('national', 'rpjmn', BY, NOW)).toBeUndefined();
      expect(await store.targets.remove('19.71', a.series.id, BY, NOW)).toBeUndefined();
      expect(await store.targets.setMain('19.71', 'nothing', BY, NOW)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('refuses to start on a targets.json that does not validate, and never writes to it', async () => {
    await writeFile(join(dir, 'targets.json'), JSON.stringify({ series: [{ id: 'x', scope: '19', points: [] }], main: [] }));
    await expect(createStore(dir, { clock: () => NOW })).rejects.toBeInstanceOf(StoreError);
  });
});
