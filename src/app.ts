import type { Telegraf } from 'telegraf';
import { createBot, registerCommandMenu } from './bot/create-bot.js';
import type { BotContext } from './bot/context.js';
import type { Config } from './config.js';
import type { RegionDirectory } from './domain/regions/directory.js';
import { loadOfficialRegions } from './domain/regions/official.js';
import { createLogger, type Logger } from './logger.js';
import { createStore, type Store } from './store/store.js';

export interface AppOptions {
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  regions?: RegionDirectory;
}

export interface App {
  bot: Telegraf<BotContext>;
  store: Store;
  regions: RegionDirectory;
  logger: Logger;
  /** Settles when polling ends (after stop(), or on a fatal error such as a rejected token). */
  running: Promise<void>;
  /** Stops taking updates, lets the handlers in flight finish (at most `graceMs`), then releases the data folder. */
  stop(reason?: string, graceMs?: number): Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** config -> store -> regions -> bot -> menu -> long polling. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? createLogger(config.logLevel, { secrets: [config.botToken] });
  const store = await createStore(config.dataDir, { clock, backupKeep: config.backupKeep });
  try {
    const regions = options.regions ?? (await loadOfficialRegions());
    await store.backup();
    const bot = createBot({
      botToken: config.botToken,
      apiRoot: config.apiRoot,
      adminIds: config.adminIds,
      store,
      regions,
      clock,
      logger,
      sleep: options.sleep ?? realSleep,
    });
    await registerCommandMenu(bot, { logger });
    let launched = false;
    const running = bot.launch(() => {
      launched = true;
      logger.info('bot started', { username: bot.botInfo?.username, apiRoot: config.apiRoot });
    });
    // A rejected launch (bad token, unreachable API) must not leave the data folder locked.
    running.catch(() => undefined);
    let stopped: Promise<void> | undefined;
    const stop = (reason = 'stop', graceMs = 5000): Promise<void> => {
      stopped ??= (async () => {
        if (launched) {
          try {
            bot.stop(reason);
          } catch {
            // Polling had already ended.
          }
        }
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        });
        await Promise.race([running.catch(() => undefined), grace]);
        clearTimeout(timer);
        await store.close();
        logger.info('bot stopped', { reason });
      })();
      return stopped;
    };
    return { bot, store, regions, logger, running, stop };
  } catch (e) {
    await store.close();
    throw e;
  }
}
