import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiServer, type TgUser } from '../../src/sandbox/bot-api-server.js';
import { createStore } from '../../src/store/store.js';
import { finished, startTs } from '../helpers/spawn.js';

const TOKEN = '987655:KILL-test-token-never-printed';
const UNITS = ['19.01', '19.02', '19.03', '19.04', '19.05', '19.06', '19.71', '21.71', '21.72', '32.73', '32.04', '73.71'];
const ROUNDS = 4;
const QUICK = (i: number) => `/lapor pu=${1000 + i} bpu=200 jakon=30 pmi=4 nonasn=50 jkk=50 jkm=50 jht=10 jp=0`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-kill-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A tiny seeded generator: the kill points are the same on every run. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('the bot process killed with SIGKILL while officers report', () => {
  it('keeps every acknowledged report, with its audit line, across kills and restarts', async () => {
    const dataDir = join(dir, 'data');
    const setup = await createStore(dataDir, { clock: () => new Date() });
    for (const [i, code] of UNITS.entries()) {
      await setup.users.grant({ telegramId: 7000 + i, name: `Petugas ${code}`, role: 'staff', scope: code }, { telegramId: null, name: 'Uji' }, new Date());
    }
    await setup.close();
    const api = new BotApiServer({ token: TOKEN, ackTimeoutMs: 30_000 });
    await api.start();
    const officers: TgUser[] = UNITS.map((code, i) => api.user(7000 + i, `Petugas ${code}`));
    const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SCHEDULER_TICK_SECONDS: '3600' };
    const rnd = seeded(14);
    const acknowledged = new Set<number>();
    let next = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const polling = api.waitForPolling();
        const bot = startTs('src/main.ts', [], env, dir);
        const exit = finished(bot, 90_000);
        await polling;
        // Two reports acknowledged, then a third whose Send is pressed and the process killed a moment later.
        for (let k = 0; k < 3; k++) {
          const officer = officers[next % officers.length] as TgUser;
          next++;
          await api.sendText(officer, QUICK(next));
          const summary = api.lastMessage(officer.id);
          if (!summary.text.includes('Ringkasan laporan')) throw new Error(`no summary: ${summary.text}`);
          const press = api.queuePress(officer, summary, 'Kirim laporan');
          if (k < 2) {
            await api.waitForAck(press);
          } else {
            await new Promise((r) => setTimeout(r, Math.floor(rnd() * 40)));
            bot.kill('SIGKILL');
          }
        }
        await exit;
        for (const o of officers) if (api.messages(o.id).some((m) => m.text.includes('telah diterima'))) acknowledged.add(o.id);
      }
      // One last clean start: updates Telegram still holds are redelivered and finished.
      const polling = api.waitForPolling();
      const bot = startTs('src/main.ts', [], env, dir);
      const exit = finished(bot, 90_000);
      await polling;
      await new Promise((r) => setTimeout(r, 500));
      bot.kill('SIGTERM');
      expect((await exit).code).toBe(0);
    } finally {
      await api.stop();
    }
    for (const o of officers) if (api.messages(o.id).some((m) => m.text.includes('telah diterima'))) acknowledged.add(o.id);
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * 2);
    const store = await createStore(dataDir, { clock: () => new Date() });
    try {
      const audit = await store.audit.recent(1000);
      for (const id of acknowledged) {
        const code = UNITS[id - 7000] as string;
        const line = audit.find((e) => e.unitCode === code && e.action.startsWith('report.'));
        expect(line, `audit line of ${code}`).toBeDefined();
        const week = line?.week as `${number}-W${string}`;
        expect(await store.reports.get(code, week), `report of ${code}`).toBeDefined();
      }
      // Every revision stored has its audit line, and no promise is left behind.
      const revisions = audit.filter((e) => e.action.startsWith('report.')).length;
      let stored = 0;
      for (const year of await readdir(join(dataDir, 'reports'))) {
        for (const file of await readdir(join(dataDir, 'reports', year))) {
          // One line per revision (a decision line carries no `rev` of its own).
          const lines = (await readFile(join(dataDir, 'reports', year, file), 'utf8')).split('\n').filter(Boolean);
          stored += lines.filter((l) => 'rev' in (JSON.parse(l) as object)).length;
        }
      }
      expect(stored).toBeGreaterThanOrEqual(acknowledged.size);
      expect(revisions).toBe(stored);
      // Every promised line kept at start-up: the promise log is empty again.
      expect(await readFile(join(dataDir, 'audit', 'pending.jsonl'), 'utf8').catch(() => '')).toBe('');
    } finally {
      await store.close();
    }
  }, 240_000);
});
