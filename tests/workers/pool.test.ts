import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../src/queries/types.js';
import { createFilePool, FileBuildError, type FilePool } from '../../src/workers/pool.js';

const reporting = (reported: number) => ({ units: 7, reported, onTime: reported, late: 0, noData: 0, awaiting: 0, returned: 0, missing: 7 - reported });
const series: SeriesPoint[] = [
  { week: '2026-W46', participants: 1200, members: 6, counted: 5, coverageMembers: 5, coverage: { num: 1200, den: 2892 }, targetBp: 6000, compositionChanged: false, reporting: reporting(5) },
  { week: '2026-W47', participants: 1300, members: 6, counted: 6, coverageMembers: 6, coverage: { num: 1300, den: 2938 }, targetBp: 6000, compositionChanged: true, reporting: reporting(6) },
];

const pools: FilePool[] = [];
const poolOf = (options: Parameters<typeof createFilePool>[0] = {}): FilePool => {
  const pool = createFilePool(options);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('the file pool: builders run in a worker thread (issue 21)', () => {
  it('starts no worker until a file is built, then builds it there and hands back a real PNG', async () => {
    const pool = poolOf();
    expect(pool.workers()).toBe(0);
    const png = await pool.build('trendChart', 'national', series, false);
    expect(pool.workers()).toBe(1);
    expect(Buffer.isBuffer(png.png)).toBe(true);
    const decoded = PNG.sync.read(png.png);
    expect([decoded.width, decoded.height]).toEqual([png.width, png.height]);
    expect(png.width).toBe(1000);
  }, 60_000);

  it('reports a builder that fails as that file’s failure, and the same worker builds the next file', async () => {
    const pool = poolOf();
    const failed = pool.build('rekapXlsx', {} as never, new Date('2026-11-24T03:00:00Z'), 'Rina');
    await expect(failed).rejects.toBeInstanceOf(FileBuildError);
    await expect(failed).rejects.toThrow(/^rekapXlsx failed: TypeError/);
    const png = await pool.build('completenessChart', 'national', series, true);
    expect(PNG.sync.read(png.png).width).toBe(1000);
    expect(pool.workers()).toBe(1);
  }, 60_000);

  it('refuses input that cannot be sent to a thread, clearly, without losing the worker', async () => {
    const notPlain = [{ ...series[0], describe: () => 'a function' }] as unknown as SeriesPoint[];
    const pool = poolOf();
    await expect(pool.build('trendChart', 'national', notPlain, false)).rejects.toThrow(/trendChart: input cannot be sent to a worker/);
    const png = await pool.build('trendChart', 'national', series, false);
    expect(PNG.sync.read(png.png).height).toBe(600);
  }, 60_000);

  it('survives a worker that dies: the job it ran fails with a clear error, the next job gets a fresh worker', async () => {
    // A heap too small to load the chart library: the worker dies of it, every time, and the pool never hangs.
    const errors: Error[] = [];
    const dying = poolOf({ maxHeapMb: 4, onWorkerError: (e) => errors.push(e) });
    const first = dying.build('trendChart', 'national', series, false);
    const second = dying.build('trendChart', 'national', series, false);
    await expect(first).rejects.toThrow(/the file worker stopped while building trendChart/);
    await expect(second).rejects.toThrow(/the file worker stopped while building trendChart/);
    expect(errors).toHaveLength(2);
    expect(dying.workers()).toBe(0);
    // A pool with room builds as usual afterwards.
    const healthy = poolOf();
    expect(PNG.sync.read((await healthy.build('trendChart', 'national', series, false)).png).width).toBe(1000);
  }, 60_000);

  it('is bounded: past the waiting room a build is refused at once; closing fails what waits', async () => {
    const pool = poolOf({ size: 1, maxQueued: 1 });
    const running = pool.build('trendChart', 'national', series, false);
    const waiting = pool.build('trendChart', 'national', series, false);
    const refused = pool.build('trendChart', 'national', series, false);
    await expect(refused).rejects.toThrow(/too many files waiting to be built/);
    const runningFails = expect(running).rejects.toBeInstanceOf(FileBuildError);
    const waitingFails = expect(waiting).rejects.toThrow(/the file pool is closed/);
    await pool.close();
    await runningFails;
    await waitingFails;
    await expect(pool.build('trendChart', 'national', series, false)).rejects.toThrow(/the file pool is closed/);
  }, 60_000);

  it('lets an idle worker go (its memory with it)', async () => {
    let now = 0;
    const pool = poolOf({ idleMs: 0 });
    await pool.build('trendChart', 'national', series, false);
    // The idle timer of 0 ms fires on the next turns of the event loop; poll for it without reading the wall clock.
    while (pool.workers() > 0 && now++ < 10_000) await new Promise((resolve) => setImmediate(resolve));
    expect(pool.workers()).toBe(0);
    expect(PNG.sync.read((await pool.build('trendChart', 'national', series, false)).png).width).toBe(1000);
  }, 60_000);
});
