import { startApp } from './app.js';
import { parseConfig, readEnvironment } from './config.js';
import { StoreError } from './store/errors.js';
import { storeErrorText, tokenRejectedText } from './messages/store.js';
import { TelegramError } from 'telegraf';

const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

/** Process entry: configuration, start-up, graceful stop on SIGINT/SIGTERM. */
async function main(): Promise<number> {
  const parsed = parseConfig(readEnvironment());
  if (!parsed.ok) {
    console.error(parsed.error);
    return 1;
  }
  const config = parsed.value;
  let app;
  try {
    app = await startApp(config);
  } catch (e) {
    if (e instanceof StoreError) {
      console.error(storeErrorText(e.problem));
      return 1;
    }
    throw e;
  }
  const { logger } = app;
  const backups = setInterval(() => {
    app.store.backup().catch((error: unknown) => logger.error('backup failed', { error }));
  }, BACKUP_EVERY_MS);
  backups.unref();

  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info('signal received, stopping', { signal });
    clearInterval(backups);
    void app.stop(signal).then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await app.running;
    return 0;
  } catch (error) {
    if (error instanceof TelegramError && error.code === 401) {
      console.error(tokenRejectedText());
    } else {
      logger.error('bot stopped on an error', { error });
    }
    await app.stop('error', 0);
    return 1;
  }
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
