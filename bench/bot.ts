import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { BotApiServer, type BotMessage, type TgUser } from '../src/sandbox/bot-api-server.js';
import { listBackups } from '../src/store/backup.js';

/**
 * The bot as it runs in production (node dist/src/main.js, a process of its own) against a bare telegraf bot (also a
 * process of its own, sending the very same answer), both polling one Bot API stand-in over HTTP, in one run:
 *   tsx bench/bot.ts <data dir with the history>      (after npm run build)
 * Measures start-up to the first poll (the start-up backup included), the bot's RSS after start-up and after the
 * queries, and the /cakupan round trip: one person in turn, then 500 different people each sending one at the same
 * moment (and, for information, 20 people x 50 queries at once). Prints one JSON line.
 */
const TOKEN = '999001:BENCH-token-for-the-stand-in-only';
const SEQUENTIAL = 300;
const PEOPLE = 20;
const EACH = 50;
/** The burst that counts: this many different people each sending one /cakupan at the same moment. */
const CROWD = 500;
const ADMIN = 777001;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Resident memory of a process, from /proc (Linux), in MB. */
async function rssOf(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Sends texts; resolves with each one's round trip (update queued to the answer in that chat) and the total. */
function roundTrips(api: BotApiServer, sends: Array<{ user: TgUser; text: string }>): Promise<{ times: number[]; totalMs: number }> {
  const waiting = new Map<number, number[]>();
  const times: number[] = [];
  const start = performance.now();
  return new Promise((resolve) => {
    const onMessage = (m: BotMessage): void => {
      const sentAt = waiting.get(m.chat.id)?.shift();
      if (sentAt === undefined) return;
      times.push(performance.now() - sentAt);
      if (times.length === sends.length) {
        api.off('message', onMessage);
        resolve({ times, totalMs: performance.now() - start });
      }
    };
    api.on('message', onMessage);
    for (const s of sends) {
      waiting.set(s.user.id, [...(waiting.get(s.user.id) ?? []), performance.now()]);
      api.queueText(s.user, s.text);
    }
  });
}

async function measureQueries(api: BotApiServer, admin: TgUser, people: TgUser[], crowd: TgUser[], text: string) {
  await roundTrips(api, [{ user: admin, text }]);
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) times.push(...(await roundTrips(api, [{ user: admin, text }])).times);
  const crowdMs = (await roundTrips(api, crowd.map((user) => ({ user, text })))).totalMs;
  // For information only (retired as a target): one chat's updates are answered in order, one after another.
  const burstMs = (await roundTrips(api, people.flatMap((user) => Array.from({ length: EACH }, () => ({ user, text }))))).totalMs;
  return { p50: percentile(times, 50), burstMs, crowdMs };
}

/** A child with only the environment given (and PATH): the bot reads nothing of this shell's configuration. */
function run(script: string, env: Record<string, string>, cwd: string, tsx = false): ChildProcess {
  return spawn(process.execPath, [...(tsx ? ['--import', 'tsx'] : []), script], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? '';
  const api = new BotApiServer({ token: TOKEN });
  await api.start();
  const admin = api.user(ADMIN, 'Bench');
  const people = Array.from({ length: PEOPLE }, (_, i) => api.user(ADMIN + 1 + i, `Orang ${i}`));
  const crowd = Array.from({ length: CROWD }, (_, i) => api.user(ADMIN + 1000 + i, `Warga ${i}`));
  const cwd = await mkdtemp(join(tmpdir(), 'ucbot-bench-cwd-'));
  const env = {
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATA_DIR: dataDir,
    ADMIN_IDS: [ADMIN, ...people.map((p) => p.id), ...crowd.map((p) => p.id)].join(','),
    LOG_LEVEL: 'error',
    RATE_LIMIT_BURST: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  try {
    const backupsBefore = (await listBackups(dataDir)).length;
    const polled = api.waitForPolling();
    const t0 = performance.now();
    const bot = run(join(ROOT, 'dist', 'src', 'main.js'), env, cwd);
    await polled;
    const startupToPollMs = performance.now() - t0;
    const backupsTaken = (await listBackups(dataDir)).length - backupsBefore;
    const rssAfterStartMb = await rssOf(bot.pid);
    const text = '/cakupan Pangkalpinang';
    const ours = await measureQueries(api, admin, people, crowd, text);
    const rssAfterQueriesMb = await rssOf(bot.pid);
    const answerFile = join(cwd, 'answer.html');
    await writeFile(answerFile, api.lastMessage(admin.id).html ?? api.lastMessage(admin.id).text);
    await stop(bot);

    const barePolled = api.waitForPolling();
    const bare = run(join(ROOT, 'bench', 'bare-bot.ts'), { ...env, ANSWER_FILE: answerFile }, ROOT, true);
    await barePolled;
    const floor = await measureQueries(api, admin, people, crowd, text);
    await stop(bare);
    process.stdout.write(
      `${JSON.stringify({ startupToPollMs, backupsTaken, rssAfterStartMb, rssAfterQueriesMb, botP50: ours.p50, bareP50: floor.p50, botBurstMs: ours.burstMs, bareBurstMs: floor.burstMs, botCrowdMs: ours.crowdMs, bareCrowdMs: floor.crowdMs })}\n`,
    );
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
