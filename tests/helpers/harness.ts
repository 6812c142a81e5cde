import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../src/app.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { BotApiServer, type FloodLimits, type TgUser } from '../../src/sandbox/bot-api-server.js';
import { officialRegions } from './regions.js';

export const TEST_TOKEN = '424242:TEST-token-for-the-stand-in-only';
export const ADMIN_ID = 1001;
export const STRANGER_ID = 2002;

export interface Harness {
  api: BotApiServer;
  app: App;
  dataDir: string;
  admin: TgUser;
  stranger: TgUser;
  logs: string[];
  now: Date;
  /** The text of everything the bot has sent to a chat, in order. */
  texts(chatId: number): string[];
  /**
   * Stops the bot and starts a new one on the same data folder and the same Bot API (a process restart);
   * `between` runs while no bot is running.
   */
  restart(between?: () => void): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  now?: Date;
  dataDir?: string;
  /** Extra configuration keys, as in the environment. */
  env?: Record<string, string>;
  /** A Bot API stand-in to reuse (another bot process on the same "Telegram"); a new one otherwise. */
  api?: BotApiServer;
  /**
   * Telegram's flood limits, enforced by a new stand-in in the outbox's pacing time (which moves only as the outbox
   * waits): a reply that meets a 429 stays limited until the outbox has waited it out.
   */
  floodLimits?: FloodLimits;
}

/** The real bot, polling a strict Bot API stand-in over HTTP on 127.0.0.1, on a throwaway data folder. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  let pacing = 0;
  const startedAt = (options.now ?? new Date('2026-11-24T03:00:00Z')).getTime();
  const api = options.api ?? new BotApiServer({ token: TEST_TOKEN, ...(options.floodLimits ? { floodLimits: options.floodLimits, clock: () => startedAt + pacing } : {}) });
  if (!options.api) await api.start();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'ucbot-test-')));
  const parsed = parseConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATA_DIR: dataDir,
    ADMIN_IDS: String(ADMIN_ID),
    BACKUP_KEEP: '3',
    // Tests drive the scheduler with tick(); its own interval never fires within a test.
    SCHEDULER_TICK_SECONDS: '3600',
    // The pushed weekly rekap is tested on its own (tests/bot/rekap-push.test.ts); elsewhere it would interleave.
    REKAP_AFTER_DEADLINE: 'off',
    // The calendar-gap message (2027 not entered) is tested on its own (tests/bot/holidays.test.ts); elsewhere it would interleave.
    CALENDAR_WARNING: 'off',
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const config: Config = parsed.value;
  const logs: string[] = [];
  const h = {
    now: options.now ?? new Date('2026-11-24T03:00:00Z'),
  } as Harness;
  const appOptions = {
    clock: () => h.now,
    sleep: () => Promise.resolve(),
    // The outbox paces in virtual time (a wait passes at once); scheduled items wait for the test to move h.now.
    pacer: {
      now: () => pacing,
      sleep: (ms: number) => {
        pacing += ms;
        return Promise.resolve();
      },
    },
    timer: (ms: number) =>
      new Promise<void>((resolve) => {
        setTimeout(resolve, Math.min(ms, 50)).unref();
      }),
    logger: createLogger('debug', { secrets: [TEST_TOKEN], write: (line: string) => logs.push(line) }),
    regions: await officialRegions(),
  };
  const app = await startApp(config, appOptions);
  Object.assign(h, {
    api,
    app,
    dataDir,
    logs,
    admin: api.user(ADMIN_ID, 'Rina', { username: 'rina_admin' }),
    stranger: api.user(STRANGER_ID, 'Tono'),
    texts: (chatId: number) => api.messages(chatId).map((m) => m.text),
    restart: async (between?: () => void) => {
      await h.app.stop('restart');
      between?.();
      h.app = await startApp(config, appOptions);
    },
    stop: async () => {
      await h.app.stop('test');
      if (!options.api) await api.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  });
  return h;
}

export const errorLogs = (h: Harness): string[] => h.logs.filter((l) => l.includes('"level":"error"'));
