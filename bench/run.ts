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
  peakRssMb: number;
}

const TARGET_SAVE_P99_MS = 20;
const TARGET_LOOKUP_P99_MS = 2;
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

/** Generates a history in one process, then measures the store on it in another (memory is the store's alone). */
async function runScenario(weeks: number): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'ucbot-bench-'));
  try {
    const generated = await runChild<Pick<Figures, 'weeks' | 'units' | 'reports' | 'revisions' | 'files' | 'generateMs'>>('scenario.ts', ['generate', String(weeks), dir]);
    const measured = await runChild<Omit<Figures, 'weeks' | 'units' | 'reports' | 'revisions' | 'files' | 'generateMs'>>('scenario.ts', ['measure', dir]);
    return { ...generated, ...measured };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (v: number): string => `${v.toFixed(2)} ms`;
const n = (v: number): string => v.toLocaleString('id-ID');

async function main(): Promise<void> {
  console.log('UC Bot benchmark\n\nStore (each scenario in a fresh process; 1.000 saves, 5.000 lookups)\n');
  const oneYear = await runScenario(52);
  const fiveYears = await runScenario(260);
  const rows: Array<[string, (f: Figures) => string]> = [
    ['history', (f) => `${f.weeks} weeks`],
    ['units', (f) => n(f.units)],
    ['reports / revisions', (f) => `${n(f.reports)} / ${n(f.revisions)}`],
    ['report files', (f) => n(f.files)],
    ['start-up (open + validate)', (f) => ms(f.startupMs)],
    ['save p50', (f) => ms(f.saveP50)],
    ['save p99', (f) => ms(f.saveP99)],
    ['latest-figures lookup p50', (f) => ms(f.lookupP50)],
    ['latest-figures lookup p99', (f) => ms(f.lookupP99)],
    ['national view (552 units) p50', (f) => ms(f.nationalP50)],
    ['peak memory (RSS)', (f) => `${f.peakRssMb.toFixed(0)} MB`],
  ];
  console.log(`${'figure'.padEnd(32)}${'1 year'.padStart(18)}${'5 years'.padStart(18)}`);
  for (const [label, get] of rows) console.log(`${label.padEnd(32)}${get(oneYear).padStart(18)}${get(fiveYears).padStart(18)}`);

  const growth = fiveYears.saveP50 / oneYear.saveP50;
  const checks: Array<[string, boolean]> = [
    [`save p99 at 5 years <= ${TARGET_SAVE_P99_MS} ms (${ms(fiveYears.saveP99)})`, fiveYears.saveP99 <= TARGET_SAVE_P99_MS],
    [`lookup p99 at 5 years <= ${TARGET_LOOKUP_P99_MS} ms (${ms(fiveYears.lookupP99)})`, fiveYears.lookupP99 <= TARGET_LOOKUP_P99_MS],
    [`save cost does not grow with history: 5y/1y p50 = ${growth.toFixed(2)} <= ${MAX_SAVE_GROWTH}`, growth <= MAX_SAVE_GROWTH],
  ];

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
