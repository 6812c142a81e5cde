import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BotApiServer, type TgUser } from '../../src/sandbox/bot-api-server.js';
import { createStore } from '../../src/store/store.js';
import { childEnv, ROOT } from '../helpers/spawn.js';

/**
 * The durability promise checked on the real process (npm run durability-check, after npm run build; .ci/run runs it):
 * the built bot runs under `strace -f -yy` against the Bot API stand-in, people submit reports, and the trace must show
 * every write to a report or audit file followed by an fdatasync (or fsync) of that file, and for a file or folder
 * the run created, an fsync of the folder it is in, before the first byte of the request carrying the "diterima"
 * reply leaves for the Bot API. UV_USE_IO_URING=0: strace cannot see file writes that io_uring makes.
 * Where ptrace is refused (a container without CAP_SYS_PTRACE) or strace is missing, it says why and skips (exit 0).
 */
const TOKEN = '999002:DURABILITY-token-for-the-stand-in-only';
const UNITS: Array<[number, string, string]> = [
  [880001, '19.71', 'Pangkalpinang'],
  [880002, '19.02', 'Belitung'],
  [880003, '32.73', 'Kota Bandung'],
];

interface Call {
  name: string;
  args: string;
  result: string;
  start: number;
  end: number;
}

/** strace -f output, one call per entry, with where it started and ended in the trace (threads interleave). */
function parseTrace(text: string): Call[] {
  const calls: Call[] = [];
  const pending = new Map<string, Call>();
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const m = /^(\d+)\s+(.*)$/.exec(raw);
    if (!m) continue;
    const [, pid = '', rest = ''] = m;
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(rest);
    if (resumed) {
      const call = pending.get(pid);
      if (!call) continue;
      pending.delete(pid);
      call.args += resumed[2] ?? '';
      call.end = i;
      call.result = /\)\s+=\s+(.*)$/.exec(resumed[2] ?? '')?.[1] ?? '';
      continue;
    }
    const started = /^(\w+)\((.*)$/.exec(rest);
    if (!started) continue;
    const call: Call = { name: started[1] ?? '', args: started[2] ?? '', result: '', start: i, end: i };
    if (rest.endsWith('<unfinished ...>')) pending.set(pid, call);
    else call.result = /\)\s+=\s+(.*)$/.exec(rest)?.[1] ?? '';
    calls.push(call);
  }
  return calls;
}

/** The path strace -yy prints for a call's first argument (a descriptor). */
const fdPath = (c: Call): string => /^-?\d+<(.*?)>(?:[,)]| <unfinished)/.exec(c.args)?.[1] ?? '';
/** The path an openat or mkdir names (its first string argument). */
const namedPath = (c: Call): string => /"([^"]*)"/.exec(c.args)?.[1] ?? '';

const WRITES = new Set(['write', 'pwrite64', 'writev', 'pwritev', 'pwritev2']);
const SENDS = new Set(['write', 'writev', 'sendto', 'sendmsg']);
const SYNCS = new Set(['fdatasync', 'fsync']);

async function filesUnder(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) out.add(join(e.parentPath, e.name));
  out.add(dir);
  return out;
}

function skip(why: string): never {
  console.log(`durability check skipped: ${why}`);
  process.exit(0);
}

async function main(): Promise<number> {
  const strace = spawnSync('strace', ['-f', '-o', '/dev/null', 'true'], { encoding: 'utf8' });
  if (strace.error) skip(`strace is not installed (${strace.error.message}); .ci/run installs it from Debian's packages`);
  if (strace.status !== 0) skip(`ptrace is refused here: ${strace.stderr.trim().split('\n')[0] ?? ''}`);
  const main = join(ROOT, 'dist', 'src', 'main.js');
  if (!existsSync(main)) throw new Error('dist/src/main.js is missing: run npm run build first');

  const dir = await mkdtemp(join(tmpdir(), 'ucbot-durability-'));
  const dataDir = join(dir, 'data');
  const traceFile = join(dir, 'trace.txt');
  const api = new BotApiServer({ token: TOKEN });
  try {
    // People granted in a store of their own, closed before the bot starts.
    const seed = await createStore(dataDir, { clock: () => new Date() });
    for (const [id, unitCode, name] of UNITS) await seed.users.grant({ telegramId: id, name: `Petugas ${name}`, role: 'staff', scope: unitCode }, { telegramId: null, name: 'Uji' }, new Date());
    await seed.close();
    const before = await filesUnder(dataDir);

    await api.start();
    const port = new URL(api.apiRoot).port;
    const polling = api.waitForPolling();
    const bot = spawn('strace', ['-f', '-yy', '-s', '65535', '-o', traceFile, '-e', 'trace=%file,%desc,%network', process.execPath, main], {
      cwd: dir,
      env: childEnv({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, FSYNC: 'on', UV_USE_IO_URING: '0', LOG_LEVEL: 'warn' }),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    await polling;

    let replies = 0;
    const people: TgUser[] = UNITS.map(([id, , name]) => api.user(id, `Petugas ${name}`));
    // Each unit reports (a new file; the first of a new audit day for the first), then corrects its report.
    for (const round of [1, 2]) {
      for (const who of people) {
        await api.sendText(who, `/lapor pu=${38_905 + round} bpu=11.200 jakon=2.205 pmi=58 nonasn=4.120 jkk=4.120 jkm=4.120 jht=0 jp=0`);
        for (let step = 0; step < 6; step++) {
          const last = api.lastMessage(who.id);
          if (last.text.includes('telah diterima')) break;
          const labels = last.buttons.flat().map((b) => b.text);
          const next = labels.find((l) => /^Minggu ini/.test(l)) ?? labels.find((l) => /Kirim/.test(l)) ?? labels.find((l) => /^Ya/.test(l));
          if (!next) throw new Error(`no way forward from: ${last.text}`);
          await api.press(who, last, next);
        }
        if (!api.lastMessage(who.id).text.includes('telah diterima')) throw new Error(`not received: ${api.lastMessage(who.id).text}`);
        replies++;
      }
    }
    // The bot, not strace, is stopped (strace ends with it): its pid is strace's child.
    const children = await readFile(`/proc/${bot.pid}/task/${bot.pid}/children`, 'utf8').catch(() => '');
    const botPid = Number(children.trim().split(' ')[0]);
    if (Number.isSafeInteger(botPid) && botPid > 0) process.kill(botPid, 'SIGTERM');
    else bot.kill('SIGTERM');
    await exited;

    const calls = parseTrace(await readFile(traceFile, 'utf8'));
    const toApi = (c: Call): boolean => SENDS.has(c.name) && fdPath(c).startsWith('TCP:') && fdPath(c).endsWith(`:${port}]`);
    const isData = (p: string): boolean => p.startsWith(join(dataDir, 'reports') + '/') || (p.startsWith(join(dataDir, 'audit') + '/') && p.endsWith('.jsonl'));
    // Where each reply carrying "diterima" starts: the first write of its HTTP request on that socket.
    const replyStarts: number[] = [];
    for (const [i, c] of calls.entries()) {
      if (!toApi(c) || !c.args.includes('telah diterima')) continue;
      let start = c;
      for (let j = i; j >= 0; j--) {
        const w = calls[j] as Call;
        if (toApi(w) && fdPath(w) === fdPath(c) && w.args.includes('"POST /')) {
          start = w;
          break;
        }
      }
      replyStarts.push(start.start);
    }
    const problems: string[] = [];
    if (replyStarts.length < replies) problems.push(`${replies} reports were received, but the trace shows ${replyStarts.length} replies saying so`);
    let writes = 0;
    let created = 0;
    let windowStart = -1;
    for (const reply of replyStarts) {
      for (const c of calls) {
        if (c.start <= windowStart || c.start >= reply) continue;
        const synced = (path: string, after: number): boolean => calls.some((s) => SYNCS.has(s.name) && fdPath(s) === path && s.start > after && s.end < reply && s.result.startsWith('0'));
        if (WRITES.has(c.name) && isData(fdPath(c))) {
          writes++;
          if (!synced(fdPath(c), c.end)) problems.push(`a write to ${fdPath(c)} (trace line ${c.start + 1}) is not synced before the reply at line ${reply + 1}`);
        }
        const made = (c.name === 'openat' && c.args.includes('O_CREAT')) || c.name === 'mkdir' || c.name === 'mkdirat';
        const path = made ? namedPath(c) : '';
        if (made && isData(path) && !before.has(path) && !c.result.startsWith('-1')) {
          before.add(path);
          created++;
          if (!synced(dirname(path), c.end)) problems.push(`${path}, new (trace line ${c.start + 1}): its folder is not fsynced before the reply at line ${reply + 1}`);
        }
      }
      windowStart = reply;
    }
    console.log(`durability check: ${replyStarts.length} "diterima" replies; ${writes} writes to report and audit files before them, ${created} new files and folders`);
    for (const p of problems) console.log(`  NOT DURABLE: ${p}`);
    if (writes === 0) problems.push('no write to a report or audit file was seen: the trace is not what it should be');
    console.log(problems.length === 0 ? 'every one synced (and its folder, when new) before the reply left' : `${problems.length} problems`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    await api.stop();
    // --keep leaves the trace for reading.
    if (process.argv.includes('--keep')) console.log(`trace kept in ${traceFile}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
