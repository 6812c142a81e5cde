import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadOfficialRegions } from '../src/domain/regions/official.js';
import { shiftWeek, weekOf, type WeekKey } from '../src/domain/weeks.js';
import { coverageView } from '../src/features/coverage/views.js';
import { createReadSide } from '../src/queries/read-side.js';
import type { Figures } from '../src/domain/figures.js';
import type { ReportFile, Revision } from '../src/store/schema.js';
import { SCHEMA_VERSION } from '../src/store/schema.js';
import { createStore } from '../src/store/store.js';
import { warmUpReports } from '../src/store/warm-up.js';

/**
 * One benchmark scenario, run in its own process so that start-up time and peak memory are its own:
 *   tsx bench/scenario.ts <weeks of history>
 * Prints one JSON line with the figures.
 */
const NOW = new Date('2026-11-24T03:00:00Z');
const SAVES = 1000;
const LOOKUPS = 5000;
const BY = { telegramId: 1, name: 'Petugas Bench' };

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same work. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function figures(rnd: () => number, province: boolean): Figures {
  const n = (max: number): number => Math.floor(rnd() * max);
  const total = 1000 + n(9000);
  const f: Figures = { nonasn_total: total, nonasn_jkk: total, nonasn_jkm: total, nonasn_jht: n(total), nonasn_jp: n(total / 2) };
  if (!province) Object.assign(f, { active_pu: n(400_000), active_bpu: n(90_000), active_jakon: n(20_000), active_pmi: n(5000) });
  return f;
}

/**
 * Two steps, each in its own process (bench/run.ts): `generate <weeks> <dir>` writes the history; `measure <dir>`
 * opens the store and measures it, so the memory it reports is the store's, not the generator's.
 */
async function generate(weeks: number, dir: string): Promise<void> {
  const regions = await loadOfficialRegions();
  const rnd = random(42);
  {
    // Generate the history straight into the store's file layout (writing it through save() would take hours).
    const genStart = performance.now();
    let reports = 0;
    let revisions = 0;
    const files = new Map<string, ReportFile>();
    for (const unit of regions.all) {
      const current = weekOf(NOW, unit.zone.iana);
      for (let k = weeks - 1; k >= 0; k--) {
        const week: WeekKey = shiftWeek(current, -k);
        const year = Number(week.slice(0, 4));
        const key = `${year}/${unit.code}`;
        let file = files.get(key);
        if (!file) {
          file = { unitCode: unit.code, year, reports: [] };
          files.set(key, file);
        }
        const revs: Revision[] = [];
        const count = rnd() < 0.1 ? 2 : 1; // one report in ten is corrected once
        for (let r = 1; r <= count; r++) {
          revs.push({ rev: r, figures: figures(rnd, unit.kind === 'provinsi'), at: NOW.toISOString(), by: BY, source: 'chat' });
        }
        file.reports.push({ week, revisions: revs });
        reports++;
        revisions += count;
      }
    }
    for (const [key, file] of files) {
      const [year = '', code = ''] = key.split('/');
      await mkdir(join(dir, 'reports', year), { recursive: true });
      // The store's layout: one line per revision, appended in order.
      const lines = file.reports.flatMap((r) => r.revisions.map((v) => JSON.stringify({ week: r.week, ...v })));
      await writeFile(join(dir, 'reports', year, `${code}.jsonl`), `${lines.join('\n')}\n`);
    }
    await writeFile(join(dir, 'meta.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, createdAt: NOW.toISOString() }));
    const baselines = regions.all.map((u) => ({
      unitCode: u.code,
      year: 2026,
      workforce_total: 500_000,
      workforce_source: 'Sakernas (bench)',
      updatedAt: NOW.toISOString(),
      updatedBy: BY,
    }));
    await writeFile(join(dir, 'baselines.json'), JSON.stringify({ baselines }));
    const generateMs = performance.now() - genStart;
    process.stdout.write(`${JSON.stringify({ weeks, units: regions.all.length, reports, revisions, files: files.size, generateMs })}\n`);
  }
}

async function measure(dir: string): Promise<void> {
  const regions = await loadOfficialRegions();
  const rnd = random(43);
  {
    // Start-up as the bot does it: open the store (no report file is read until used).
    const startupStart = performance.now();
    let store = await createStore(dir, { clock: () => NOW, fsync: false });
    const startupMs = performance.now() - startupStart;

    // The bot's background warm-up after its first poll: this year's and last year's file of every unit, paced.
    const rssBeforeWarmUp = process.memoryUsage().rss;
    const year = Number(weekOf(NOW, 'Asia/Jakarta').slice(0, 4));
    const warm = await warmUpReports(store.reports, regions.all.map((u) => u.code), [year, year - 1], () => performance.now()).done;
    const warmUpRssMb = (process.memoryUsage().rss - rssBeforeWarmUp) / 2 ** 20;

    // Latest figures for one unit, as /coverage needs them: latest report, the week before, the baseline.
    const readSide = createReadSide({ store, regions, deadline: { weekday: 5, hour: 15, minute: 0 }, unverified: 'count' });
    const lookupTimes: number[] = [];
    for (let i = 0; i < LOOKUPS; i++) {
      const unit = regions.regencies[Math.floor(rnd() * regions.regencies.length)];
      if (!unit) continue;
      const t = performance.now();
      const s = await readSide.week(unit, readSide.currentWeek(unit, NOW));
      lookupTimes.push(performance.now() - t);
      if (!s.unit?.standing) throw new Error(`no data for ${unit.code}`);
    }

    // Saving one report, as a submission does: the report writer's revision and audit line.
    const saveTimes: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const unit = regions.all[Math.floor(rnd() * regions.all.length)];
      if (!unit) continue;
      const week = weekOf(NOW, unit.zone.iana);
      const t = performance.now();
      const outcome = await store.reportWriter.save({
        unitCode: unit.code,
        week,
        figures: figures(rnd, unit.kind === 'provinsi'),
        by: BY,
        source: 'chat',
        at: NOW,
      });
      saveTimes.push(performance.now() - t);
      if (!outcome.saved) throw new Error('save did not store a revision');
    }

    // The heaviest read: the national view over all 552 units.
    const nationalTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await coverageView(readSide, regions, 'national', NOW, 'count');
      nationalTimes.push(performance.now() - t);
    }
    await store.close();

    // The same saves made durable (FSYNC=on, the default): file, folder and audit line on disk before the answer.
    let seconds = 0;
    store = await createStore(dir, { clock: () => new Date(NOW.getTime() + 1000 * seconds++), fsync: true });
    const durableTimes: number[] = [];
    for (let i = 0; i < SAVES / 4; i++) {
      const unit = regions.all[Math.floor(rnd() * regions.all.length)];
      if (!unit) continue;
      const t = performance.now();
      await store.reportWriter.save({ unitCode: unit.code, week: weekOf(NOW, unit.zone.iana), figures: figures(rnd, unit.kind === 'provinsi'), by: BY, source: 'chat', at: NOW });
      durableTimes.push(performance.now() - t);
    }
    // A backup of the whole history when nothing changed since the last one: its time, and the disk it adds.
    await store.backup();
    const backupStart = performance.now();
    const backupPath = await store.backup();
    const backupMs = performance.now() - backupStart;
    const { copiedBytes, dataBytes } = await backupCost(backupPath);
    await store.close();
    durableTimes.sort((a, b) => a - b);

    lookupTimes.sort((a, b) => a - b);
    saveTimes.sort((a, b) => a - b);
    nationalTimes.sort((a, b) => a - b);
    const result = {
      startupMs,
      lookupP50: percentile(lookupTimes, 50),
      lookupP99: percentile(lookupTimes, 99),
      saveP50: percentile(saveTimes, 50),
      saveP99: percentile(saveTimes, 99),
      nationalP50: percentile(nationalTimes, 50),
      durableSaveP50: percentile(durableTimes, 50),
      durableSaveP99: percentile(durableTimes, 99),
      backupMs,
      backupExtraPct: (copiedBytes / dataBytes) * 100,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      warmUpMs: warm.ms,
      warmUpFiles: warm.files,
      warmUpHeapMb: warm.heapGrowthMb,
      warmUpRssMb,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

/** A backup's own disk: files copied into it (a hard link shares the original's blocks), against all it holds. */
async function backupCost(dir: string): Promise<{ copiedBytes: number; dataBytes: number }> {
  let copiedBytes = 0;
  let dataBytes = 0;
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const s = await stat(path);
        dataBytes += s.size;
        if (s.nlink === 1) copiedBytes += s.size;
      }
    }
  };
  await walk(dir);
  return { copiedBytes, dataBytes };
}

async function main(): Promise<void> {
  const [step, a, b] = process.argv.slice(2);
  if (step === 'generate') return generate(Number(a ?? '260'), b ?? '');
  if (step === 'measure') return measure(a ?? '');
  throw new Error('usage: scenario.ts generate <weeks> <dir> | measure <dir>');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
