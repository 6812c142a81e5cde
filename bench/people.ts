import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { BotApiServer, type BotMessage, type TgUser } from '../src/sandbox/bot-api-server.js';
import { loadOfficialRegions } from '../src/domain/regions/official.js';
import { createStore } from '../src/store/store.js';

/**
 * What people wait on, measured on the built bot (node dist/src/main.js, a process of its own) through the Bot API
 * stand-in, on the generated five-year national history:
 *   tsx bench/people.ts <data dir with the history> [folder of another built bot]      (after npm run build)
 * Run 1 (nobody to push a rekap to): RSS after start-up and after the background warm-up, the first /cakupan nasional
 * and every text answer's p95, /ekspor nasional over 26 weeks (time, peak RSS, RSS after), /grafik nasional.
 * Run 2 (38 province coordinators and a national one registered, the week's rekap due): the weekly push as the
 * scheduler makes it at start-up, its build time, peak RSS and event-loop delay, while another person asks /cakupan.
 * Prints one JSON line.
 */
const TOKEN = '999002:BENCH-people-token-for-the-stand-in-only';
const ADMIN = 778001;
const OTHER = 778002;
const COORDINATOR_BASE = 880_000;
/** The built bot's folder: this project's, or another build of it (to measure before and after a change, same run). */
const ROOT = process.argv[3] ?? fileURLToPath(new URL('..', import.meta.url));
/** Rounds of the text answers (each round asks every text below once, one after another). */
const TEXT_ROUNDS = 20;
const TEXTS = ['/cakupan nasional', '/cakupan Babel', '/cakupan Pangkalpinang', '/cakupan Jawa Barat', '/cakupan Kabupaten Bandung', '/peringkat nasional', '/peringkat Babel', '/status Babel', '/riwayat Pangkalpinang'];
const EXPORT = '/ekspor nasional minggu 23 s.d. 48';
const CHARTS = '/grafik nasional';
const CHART_RUNS = 3;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Resident memory of a process (VmRSS) and its peak since it started (VmHWM), from /proc (Linux), in MB. */
async function memoryOf(pid: number | undefined): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const mb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

/** Sends one text and resolves once `count` messages came back in that chat: the time from queueing to the last. */
function ask(api: BotApiServer, user: TgUser, text: string, count = 1, accept: (m: BotMessage) => boolean = () => true): Promise<number> {
  return new Promise((resolve) => {
    let seen = 0;
    const start = performance.now();
    const onMessage = (m: BotMessage): void => {
      if (m.chat.id !== user.id || !accept(m)) return;
      if (++seen < count) return;
      api.off('message', onMessage);
      resolve(performance.now() - start);
    };
    api.on('message', onMessage);
    api.queueText(user, text);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The built bot with only the environment given (and PATH); its stderr log lines are handed to `onLog`. */
function runBot(env: Record<string, string>, cwd: string, onLog: (entry: Record<string, unknown>) => void): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let buffered = '';
  child.stderr?.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.level === 'error' || entry.level === 'warn') process.stderr.write(`${line}\n`);
        onLog(entry);
      } catch {
        process.stderr.write(`${line}\n`);
      }
    }
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Resolves with the first log entry with this message (or undefined after `timeoutMs`). */
function waitForLog(entries: Array<Record<string, unknown>>, message: string, timeoutMs: number): Promise<Record<string, unknown> | undefined> {
  const start = performance.now();
  return new Promise((resolve) => {
    const check = (): void => {
      const found = entries.find((e) => e.message === message);
      if (found || performance.now() - start > timeoutMs) resolve(found);
      else setTimeout(check, 10);
    };
    check();
  });
}

async function answersRun(api: BotApiServer, dataDir: string, cwd: string) {
  const admin = api.user(ADMIN, 'Bench');
  const logs: Array<Record<string, unknown>> = [];
  const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, ADMIN_IDS: String(ADMIN), LOG_LEVEL: 'info', REKAP_AFTER_DEADLINE: 'off', RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_MINUTE: '100000' };
  const polled = api.waitForPolling();
  const bot = runBot(env, cwd, (e) => logs.push(e));
  try {
    await polled;
    const rssAfterStartMb = (await memoryOf(bot.pid)).rss;
    // The warm-up runs in the background after the first poll; the bot logs when it is done.
    const started = await waitForLog(logs, 'warm-up started', 2000);
    const warm = started ? await waitForLog(logs, 'warm-up done', 60_000) : undefined;
    const rssAfterWarmUpMb = (await memoryOf(bot.pid)).rss;
    const firstNationalMs = await ask(api, admin, '/cakupan nasional');
    const texts: number[] = [];
    for (let round = 0; round < TEXT_ROUNDS; round++) for (const text of TEXTS) texts.push(await ask(api, admin, text));

    // The national export over 26 weeks: until the file is in the chat; the peak; the RSS once it is given back.
    const beforeExport = await memoryOf(bot.pid);
    const exportMs = await ask(api, admin, EXPORT, 1, (m) => m.file?.kind === 'document');
    const afterExport = await memoryOf(bot.pid);
    let settledMb = afterExport.rss;
    let settledAfterMs = 0;
    for (let waited = 0; waited <= 15_000 && settledMb - rssAfterStartMb > 20; waited += 250) {
      await sleep(250);
      settledMb = (await memoryOf(bot.pid)).rss;
      settledAfterMs = waited + 250;
    }

    // /grafik nasional: three pictures (trend, ranking, completeness).
    const charts: number[] = [];
    for (let i = 0; i < CHART_RUNS; i++) charts.push(await ask(api, admin, CHARTS, 3, (m) => m.file?.kind === 'photo'));
    const rssEndMb = (await memoryOf(bot.pid)).rss;
    return {
      rssAfterStartMb,
      rssAfterWarmUpMb,
      rssEndMb,
      warmUpMs: Number(warm?.ms ?? NaN),
      warmUpFiles: Number(warm?.files ?? NaN),
      warmUpHeapMb: Number(warm?.heapGrowthMb ?? NaN),
      firstNationalMs,
      textP50: percentile(texts, 50),
      textP95: percentile(texts, 95),
      textMax: Math.max(...texts),
      exportMs,
      exportPeakMb: afterExport.peak,
      exportRssBeforeMb: beforeExport.rss,
      exportRssAfterMb: afterExport.rss,
      exportRssSettledMb: settledMb,
      exportSettledAfterMs: settledAfterMs,
      chartMs: charts,
    };
  } finally {
    await stop(bot);
  }
}

/** Registers a coordinator for every province and a national one, each with a chat the stand-in knows. */
async function registerCoordinators(api: BotApiServer, dataDir: string): Promise<number> {
  const regions = await loadOfficialRegions();
  const store = await createStore(dataDir, { clock: () => new Date(), fsync: false });
  const by = { telegramId: null, name: 'Bench' };
  const scopes = ['national', ...regions.provinces.map((p) => p.code)];
  try {
    let i = 0;
    for (const scope of scopes) {
      const id = COORDINATOR_BASE + i++;
      api.user(id, `Koordinator ${scope}`);
      if (!store.users.get(id)) await store.users.grant({ telegramId: id, name: `Koordinator ${scope}`, role: 'coordinator', scope }, by, new Date());
    }
  } finally {
    await store.close();
  }
  return scopes.length;
}

async function pushRun(api: BotApiServer, dataDir: string, cwd: string) {
  const other = api.user(OTHER, 'Orang lain');
  const scopes = await registerCoordinators(api, dataDir);
  const logs: Array<Record<string, unknown>> = [];
  const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, ADMIN_IDS: String(OTHER), LOG_LEVEL: 'info', RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_MINUTE: '100000' };
  const polled = api.waitForPolling();
  const t0 = performance.now();
  const bot = runBot(env, cwd, (e) => logs.push(e));
  try {
    await polled;
    // Another person asks /cakupan about ten times a second while the push is built.
    const waits: number[] = [];
    let built: Record<string, unknown> | undefined;
    const deadline = performance.now() + 180_000;
    while (!built && performance.now() < deadline) {
      waits.push(await ask(api, other, '/cakupan Pangkalpinang'));
      built = logs.find((e) => e.message === 'weekly rekap push built');
      // A bot without the build line (before it was logged): the last scope queued, timed here.
      if (!built && logs.filter((e) => e.message === 'weekly rekap queued').length >= scopes) built = { ms: performance.now() - t0 };
      if (!built) await sleep(100);
    }
    const peakMb = (await memoryOf(bot.pid)).peak;
    const queued = logs.filter((e) => e.message === 'weekly rekap queued').length;
    // Until every coordinator has the file (the outbox sends at 25 a second).
    const sentBy = performance.now() + 120_000;
    const documents = (): number => api.calls.filter((c) => c.method === 'sendDocument' && c.ok && Number(c.payload.chat_id) >= COORDINATOR_BASE).length;
    while (documents() < scopes && performance.now() < sentBy) await sleep(50);
    const sentMs = performance.now() - t0;
    return {
      scopes,
      queued,
      buildMs: Number(built?.ms ?? NaN),
      loopDelayP99Ms: Number(built?.eventLoopDelayP99Ms ?? NaN),
      loopDelayMaxMs: Number(built?.eventLoopDelayMaxMs ?? NaN),
      peakMb,
      otherAsked: waits.length,
      otherMaxMs: Math.max(...waits),
      otherP99Ms: percentile(waits, 99),
      documentsSent: documents(),
      sentMs,
    };
  } finally {
    await stop(bot);
  }
}

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? '';
  const api = new BotApiServer({ token: TOKEN });
  await api.start();
  const cwd = await mkdtemp(join(tmpdir(), 'ucbot-bench-people-'));
  try {
    const answers = await answersRun(api, dataDir, cwd);
    const push = await pushRun(api, dataDir, cwd);
    process.stdout.write(`${JSON.stringify({ answers, push })}\n`);
  } finally {
    await api.stop();
    await rm(cwd, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
