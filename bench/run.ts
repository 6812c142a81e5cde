import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * npm run bench: the store at national scale. Each scenario runs in a fresh process (start-up and peak memory are
 * its own) and the figures are printed beside the targets. Exits 1 if a target is missed.
 */
interface Figures {
  weeks: number;
  units: number;
  reports: number;
  revisions: number;
  files: number;
  generateMs: number;
  startupMs: number;
  lookupP50: number;
  lookupP99: number;
  saveP50: number;
  saveP99: number;
  nationalP50: number;
  durableSaveP50: number;
  durableSaveP99: number;
  backupMs: number;
  backupExtraPct: number;
  peakRssMb: number;
  warmUpMs: number;
  warmUpFiles: number;
  warmUpHeapMb: number;
  warmUpRssMb: number;
}

interface BotFigures {
  startupToPollMs: number;
  backupsTaken: number;
  rssAfterStartMb: number;
  rssAfterQueriesMb: number;
  botP50: number;
  bareP50: number;
  botBurstMs: number;
  bareBurstMs: number;
  botCrowdMs: number;
  bareCrowdMs: number;
}

/** bench/people.ts: what people wait on, on the built bot through the stand-in. */
interface PeopleFigures {
  answers: {
    rssAfterStartMb: number;
    rssAfterWarmUpMb: number;
    rssEndMb: number;
    warmUpMs: number;
    warmUpFiles: number;
    warmUpHeapMb: number;
    firstNationalMs: number;
    textP50: number;
    textP95: number;
    textMax: number;
    exportMs: number;
    exportPeakMb: number;
    exportRssBeforeMb: number;
    exportRssAfterMb: number;
    exportRssSettledMb: number;
    exportSettledAfterMs: number;
    chartMs: number[];
  };
  push: {
    scopes: number;
    queued: number;
    buildMs: number;
    loopDelayP99Ms: number;
    loopDelayMaxMs: number;
    peakMb: number;
    otherAsked: number;
    otherMaxMs: number;
    otherP99Ms: number;
    documentsSent: number;
    sentMs: number;
  };
}

type SqliteFigures =
  | { available: false }
  | { available: true; openMs: number; lookupP50: number; lookupP99: number; saveP50: number; saveP99: number; fullSaveP50: number; fullSaveP99: number; nationalP50: number };

const TARGET_LOOKUP_P99_MS = 2;
/** The bot beside a bare telegraf bot: 500 different people each sending one /cakupan at the same moment. */
const TARGET_CROWD_RATIO = 1.2;
const TARGET_EXPORT_MS = 1000;
const TARGET_FILE_PEAK_MB = 200;
const TARGET_RSS_BACK_MB = 20;
const TARGET_CHARTS_MS = 500;
const TARGET_TEXT_P95_MS = 50;
const TARGET_PUSH_BUILD_MS = 10_000;
const TARGET_OTHER_WAIT_MS = 100;
const TARGET_RSS_MB = 100;
/** A save at five years may cost at most this much more than at one year: it must not grow with history. */
const MAX_SAVE_GROWTH = 1.5;

interface BroadcastFigures {
  chats: number;
  reachable: number;
  requests: number;
  deliveredOnce: number;
  deliveredTwice: number;
  sent: number;
  failed: number;
  rate429: number;
  floodRejections: number;
  elapsedMs: number;
  minimumMs: number;
}

/** Runs one bench script in a fresh process and reads the JSON line it prints. */
function runChild<T>(name: string, args: string[]): Promise<T> {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${name} ${args.join(' ')} failed with code ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as T);
    });
  });
}

/**
 * Generates a history in one process, then measures the store on it in another (memory is the store's alone); at
 * five years also better-sqlite3 on the same history, and the built bot beside a bare telegraf bot.
 */
async function runScenario(weeks: number, withComparisons: boolean): Promise<{ store: Figures; sqlite?: SqliteFigures; bot?: BotFigures; people?: PeopleFigures }> {
  const dir = await mkdtemp(join(tmpdir(), 'ucbot-bench-'));
  try {
    const generated = await runChild<Pick<Figures, 'weeks' | 'units' | 'reports' | 'revisions' | 'files' | 'generateMs'>>('scenario.ts', ['generate', String(weeks), dir]);
    const sqlite = withComparisons ? await runChild<SqliteFigures>('sqlite.ts', [dir, join(dir, '..', `${dir.split('/').pop() ?? 'x'}.sqlite`)]) : undefined;
    const measured = await runChild<Omit<Figures, 'weeks' | 'units' | 'reports' | 'revisions' | 'files' | 'generateMs'>>('scenario.ts', ['measure', dir]);
    const bot = withComparisons ? await runChild<BotFigures>('bot.ts', [dir]) : undefined;
    // Last: it registers coordinators in the history's folder (for the weekly push).
    const people = withComparisons ? await runChild<PeopleFigures>('people.ts', [dir]) : undefined;
    return { store: { ...generated, ...measured }, ...(sqlite ? { sqlite } : {}), ...(bot ? { bot } : {}), ...(people ? { people } : {}) };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.sqlite`, { force: true });
    await rm(`${dir}.sqlite-wal`, { force: true });
    await rm(`${dir}.sqlite-shm`, { force: true });
  }
}

/** The bot is measured as it runs in production: compiled. */
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
    const child = spawn(process.execPath, [tsc, '-p', fileURLToPath(new URL('../tsconfig.build.json', import.meta.url))], { stdio: 'inherit' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build failed with code ${code}`))));
  });
}

const ms = (v: number): string => `${v.toFixed(2)} ms`;
const n = (v: number): string => v.toLocaleString('id-ID');

async function main(): Promise<void> {
  console.log('UC Bot benchmark\n\nStore (each scenario in a fresh process; 1.000 saves, 5.000 lookups)\n');
  await build();
  const oneYear = (await runScenario(52, false)).store;
  const five = await runScenario(260, true);
  const fiveYears = five.store;
  const rows: Array<[string, (f: Figures) => string]> = [
    ['history', (f) => `${f.weeks} weeks`],
    ['units', (f) => n(f.units)],
    ['reports / revisions', (f) => `${n(f.reports)} / ${n(f.revisions)}`],
    ['report files', (f) => n(f.files)],
    ['start-up (open + validate)', (f) => ms(f.startupMs)],
    ['warm-up (this + last year)', (f) => `${n(f.warmUpFiles)} files`],
    ['warm-up time', (f) => ms(f.warmUpMs)],
    ['warm-up memory (heap / RSS)', (f) => `${f.warmUpHeapMb.toFixed(0)} / ${f.warmUpRssMb.toFixed(0)} MB`],
    ['save p50 (FSYNC=off)', (f) => ms(f.saveP50)],
    ['save p99 (FSYNC=off)', (f) => ms(f.saveP99)],
    ['save p50 (FSYNC=on, default)', (f) => ms(f.durableSaveP50)],
    ['save p99 (FSYNC=on, default)', (f) => ms(f.durableSaveP99)],
    ['backup, nothing changed', (f) => ms(f.backupMs)],
    ['backup extra disk', (f) => `${f.backupExtraPct.toFixed(2)}%`],
    ['lookup p50 (after warm-up)', (f) => ms(f.lookupP50)],
    ['lookup p99 (after warm-up)', (f) => ms(f.lookupP99)],
    ['national view (552 units) p50', (f) => ms(f.nationalP50)],
    ['peak memory (RSS)', (f) => `${f.peakRssMb.toFixed(0)} MB`],
  ];
  console.log(`${'figure'.padEnd(32)}${'1 year'.padStart(18)}${'5 years'.padStart(18)}`);
  for (const [label, get] of rows) console.log(`${label.padEnd(32)}${get(oneYear).padStart(18)}${get(fiveYears).padStart(18)}`);

  const growth = fiveYears.saveP50 / oneYear.saveP50;
  const checks: Array<[string, boolean]> = [
    [`save p50 at 5 years <= 0.5 ms (${ms(fiveYears.saveP50)} with FSYNC=off; ${ms(fiveYears.durableSaveP50)} durable)`, fiveYears.saveP50 <= 0.5],
    [`open the store <= 200 ms (${ms(fiveYears.startupMs)})`, fiveYears.startupMs <= 200],
    [`a backup <= 100 ms (${ms(fiveYears.backupMs)}) and <= 1% extra disk when nothing changed (${fiveYears.backupExtraPct.toFixed(2)}%)`, fiveYears.backupMs <= 100 && fiveYears.backupExtraPct <= 1],
    [`lookup p99 at 5 years, after the warm-up, <= ${TARGET_LOOKUP_P99_MS} ms (${ms(fiveYears.lookupP99)}; warm-up ${ms(fiveYears.warmUpMs)}, ${fiveYears.warmUpRssMb.toFixed(0)} MB RSS)`, fiveYears.lookupP99 <= TARGET_LOOKUP_P99_MS],
    [`save cost does not grow with history: 5y/1y p50 = ${growth.toFixed(2)} <= ${MAX_SAVE_GROWTH}`, growth <= MAX_SAVE_GROWTH],
  ];

  const sqlite = five.sqlite;
  console.log('\nBeside better-sqlite3 (WAL), same 5-year history, same run: FSYNC=off beside synchronous=NORMAL, FSYNC=on beside synchronous=FULL\n');
  if (!sqlite?.available) {
    console.log('better-sqlite3 is not installed (it is not a dependency): npm run bench:sqlite-setup, then npm run bench again.');
  } else {
    const ratio = (ours: number, theirs: number): string => `${(ours / theirs).toFixed(2)}x`;
    const line = (label: string, ours: number, theirs: number): void => console.log(`${label.padEnd(32)}${ms(ours).padStart(14)}${ms(theirs).padStart(14)}${ratio(ours, theirs).padStart(10)}`);
    console.log(`${'operation'.padEnd(32)}${'UC Bot'.padStart(14)}${'SQLite'.padStart(14)}${'ratio'.padStart(10)}`);
    line('open', fiveYears.startupMs, sqlite.openMs);
    line('latest-figures lookup p50', fiveYears.lookupP50, sqlite.lookupP50);
    line('latest-figures lookup p99', fiveYears.lookupP99, sqlite.lookupP99);
    line('save p50 (FSYNC=off)', fiveYears.saveP50, sqlite.saveP50);
    line('save p99 (FSYNC=off)', fiveYears.saveP99, sqlite.saveP99);
    line('save p50 (FSYNC=on / FULL)', fiveYears.durableSaveP50, sqlite.fullSaveP50);
    line('save p99 (FSYNC=on / FULL)', fiveYears.durableSaveP99, sqlite.fullSaveP99);
    console.log("(a save's p99 is this disk's write-latency tail: printed, not a target)");
    line('national view p50', fiveYears.nationalP50, sqlite.nationalP50);
    checks.push(
      [`lookup p50 faster than SQLite (${ratio(fiveYears.lookupP50, sqlite.lookupP50)})`, fiveYears.lookupP50 < sqlite.lookupP50],
      [`national view faster than SQLite (${ratio(fiveYears.nationalP50, sqlite.nationalP50)})`, fiveYears.nationalP50 < sqlite.nationalP50],
    );
  }

  const bot = five.bot;
  if (bot) {
    const ratio = bot.botP50 / bot.bareP50;
    const burst = bot.botBurstMs / bot.bareBurstMs;
    const crowd = bot.botCrowdMs / bot.bareCrowdMs;
    console.log('\nThe built bot (node dist/src/main.js) beside a bare telegraf bot sending the same answer, one stand-in, one run\n');
    console.log(`start-up to first poll (backup taken: ${bot.backupsTaken})   ${ms(bot.startupToPollMs)}`);
    console.log(`RSS after start-up / after queries        ${bot.rssAfterStartMb.toFixed(0)} MB / ${bot.rssAfterQueriesMb.toFixed(0)} MB`);
    console.log(`/cakupan round trip p50, bot / bare       ${ms(bot.botP50)} / ${ms(bot.bareP50)} = ${ratio.toFixed(2)}x`);
    console.log(`500 people x 1 query at once, bot / bare  ${ms(bot.botCrowdMs)} / ${ms(bot.bareCrowdMs)} = ${crowd.toFixed(2)}x`);
    console.log(`20 people x 50 queries, bot / bare        ${ms(bot.botBurstMs)} / ${ms(bot.bareBurstMs)} = ${burst.toFixed(2)}x (for information: one chat is answered in order)`);
    checks.push(
      [`start-up to first poll <= 1 s with a backup taken (${ms(bot.startupToPollMs)})`, bot.startupToPollMs <= 1000 && bot.backupsTaken >= 1],
      [`/cakupan round trip p50 <= 1.3x a bare telegraf bot (${ratio.toFixed(2)}x)`, ratio <= 1.3],
      [`500 people each sending one /cakupan at once <= ${TARGET_CROWD_RATIO}x a bare telegraf bot (${crowd.toFixed(2)}x)`, crowd <= TARGET_CROWD_RATIO],
    );
  }

  const people = five.people;
  if (people) {
    const a = people.answers;
    const p = people.push;
    const charts = [...a.chartMs].sort((x, y) => x - y);
    const chartMedian = charts[Math.floor(charts.length / 2)] ?? NaN;
    const mb = (v: number): string => `${v.toFixed(0)} MB`;
    const s1 = (v: number): string => `${(v / 1000).toFixed(2)} s`;
    console.log('\nWhat people wait on: the built bot through the stand-in, 5-year national history\n');
    const row = (what: string, now: string, target: string): void => console.log(`${what.padEnd(52)}${now.padEnd(44)}${target}`);
    row('what a person does', 'now', 'target');
    row('/ekspor nasional minggu 23 s.d. 48 (26 weeks)', `${s1(a.exportMs)}; peak ${mb(a.exportPeakMb)}`, `<= 1 s; peak <= ${TARGET_FILE_PEAK_MB} MB`);
    row('  RSS before / right after / settled', `${mb(a.exportRssBeforeMb)} / ${mb(a.exportRssAfterMb)} / ${mb(a.exportRssSettledMb)} (${s1(a.exportSettledAfterMs)})`, `within ${TARGET_RSS_BACK_MB} MB of start-up (${mb(a.rssAfterStartMb)})`);
    row('/grafik nasional (three charts), median', `${ms(chartMedian)} (runs: ${a.chartMs.map((v) => v.toFixed(0)).join(', ')} ms)`, `<= ${TARGET_CHARTS_MS} ms`);
    row('first /cakupan nasional (after the warm-up)', ms(a.firstNationalMs), `<= ${TARGET_TEXT_P95_MS} ms`);
    row('text answers p50 / p95 / max', `${ms(a.textP50)} / ${ms(a.textP95)} / ${ms(a.textMax)}`, `p95 <= ${TARGET_TEXT_P95_MS} ms`);
    row(`weekly rekap push (${p.queued} of ${p.scopes} scopes) build`, `${s1(p.buildMs)}; peak ${mb(p.peakMb)}`, `<= 10 s; peak <= ${TARGET_FILE_PEAK_MB} MB`);
    row('  event-loop delay during the push p99 / max', `${ms(p.loopDelayP99Ms)} / ${ms(p.loopDelayMaxMs)}`, '(printed)');
    row(`  another person's /cakupan meanwhile (${p.otherAsked}x)`, `p99 ${ms(p.otherP99Ms)}; max ${ms(p.otherMaxMs)}`, `max <= ${TARGET_OTHER_WAIT_MS} ms`);
    row('  sent to every coordinator (from start)', `${p.documentsSent}/${p.scopes} in ${s1(p.sentMs)}`, '(printed)');
    row('RSS after start-up / after the warm-up', `${mb(a.rssAfterStartMb)} / ${mb(a.rssAfterWarmUpMb)}`, `<= ${TARGET_RSS_MB} MB`);
    row('  warm-up (files, time, heap)', `${n(a.warmUpFiles)}, ${s1(a.warmUpMs)}, ${mb(a.warmUpHeapMb)}`, '(printed)');
    checks.push(
      [`national export of 26 weeks <= ${TARGET_EXPORT_MS} ms (${ms(a.exportMs)})`, a.exportMs <= TARGET_EXPORT_MS],
      [`national export peak RSS <= ${TARGET_FILE_PEAK_MB} MB (${mb(a.exportPeakMb)})`, a.exportPeakMb <= TARGET_FILE_PEAK_MB],
      [`RSS after the export back within ${TARGET_RSS_BACK_MB} MB of start-up (${mb(a.exportRssSettledMb)} against ${mb(a.rssAfterStartMb)})`, a.exportRssSettledMb - a.rssAfterStartMb <= TARGET_RSS_BACK_MB],
      [`/grafik nasional <= ${TARGET_CHARTS_MS} ms (median ${ms(chartMedian)})`, chartMedian <= TARGET_CHARTS_MS],
      [`first /cakupan nasional <= ${TARGET_TEXT_P95_MS} ms (${ms(a.firstNationalMs)})`, a.firstNationalMs <= TARGET_TEXT_P95_MS],
      [`text answers p95 <= ${TARGET_TEXT_P95_MS} ms (${ms(a.textP95)})`, a.textP95 <= TARGET_TEXT_P95_MS],
      [`weekly push built <= ${TARGET_PUSH_BUILD_MS / 1000} s (${s1(p.buildMs)}), all ${p.scopes} scopes queued (${p.queued})`, p.buildMs <= TARGET_PUSH_BUILD_MS && p.queued === p.scopes],
      [`weekly push peak RSS <= ${TARGET_FILE_PEAK_MB} MB (${mb(p.peakMb)})`, p.peakMb <= TARGET_FILE_PEAK_MB],
      [`no other chat waits > ${TARGET_OTHER_WAIT_MS} ms during the push (max ${ms(p.otherMaxMs)})`, p.otherMaxMs <= TARGET_OTHER_WAIT_MS],
      [`bot RSS after start-up <= ${TARGET_RSS_MB} MB (${mb(a.rssAfterStartMb)}), and after the warm-up (${mb(a.rssAfterWarmUpMb)})`, a.rssAfterStartMb <= TARGET_RSS_MB && a.rssAfterWarmUpMb <= TARGET_RSS_MB],
    );
  }

  console.log('\nBroadcast of one notice through the strict Bot API stand-in (flood limits on, real time)\n');
  const bc = await runChild<BroadcastFigures>('broadcast.ts', []);
  const over = (bc.elapsedMs / bc.minimumMs - 1) * 100;
  console.log(`chats / reachable (20 blocked: 403)   ${bc.chats} / ${bc.reachable}`);
  console.log(`requests (2 answered 429 once)        ${bc.requests}`);
  console.log(`delivered exactly once / twice        ${bc.deliveredOnce} / ${bc.deliveredTwice}`);
  console.log(`reported sent / failed                ${bc.sent} / ${bc.failed}`);
  console.log(`rejected by the flood limits          ${bc.floodRejections}`);
  console.log(`elapsed                               ${(bc.elapsedMs / 1000).toFixed(2)} s`);
  console.log(`minimum the rate allows               ${(bc.minimumMs / 1000).toFixed(2)} s (25/s, plus the 429 pauses)`);
  checks.push(
    [`broadcast within 10% of the minimum time (${over.toFixed(1)}% over)`, over <= 10],
    [`every reachable chat served exactly once (${bc.deliveredOnce}/${bc.reachable}, ${bc.deliveredTwice} twice)`, bc.deliveredOnce === bc.reachable && bc.deliveredTwice === 0],
  );

  console.log('');
  for (const [label, ok] of checks) console.log(`${ok ? 'OK  ' : 'MISS'} ${label}`);
  if (checks.some(([, ok]) => !ok)) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
