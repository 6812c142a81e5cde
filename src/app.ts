import type { Telegraf } from 'telegraf';
import { createBot } from './bot/create-bot.js';
import { createReadSide } from './queries/read-side.js';
import { NATIONAL_NAME } from './messages/rekap.js';
import { createMenus } from './bot/menus.js';
import { allFeatures } from './features/index.js';
import { boardJob } from './features/board/index.js';
import { createHolidayCalendar } from './domain/holidays.js';
import { createWebhookServer, type WebhookServer } from './bot/webhook.js';
import type { BotContext } from './bot/context.js';
import type { Config } from './config.js';
import type { RegionDirectory } from './domain/regions/directory.js';
import { loadOfficialRegions } from './domain/regions/official.js';
import { createLogger, type Logger } from './logger.js';
import { createStore, type Store } from './store/store.js';
import { isDiskFull, StoreDiskFullError } from './store/errors.js';
import { createOutbox, type Outbox } from './outbox/outbox.js';
import { deliveryReportMessage, deliveryReportTitle, type RecipientLabel } from './messages/outbox.js';
import { countdownIn } from './messages/when.js';
import { ROLE_LABELS, roleAndScope } from './messages/access.js';
import { Telegram } from 'telegraf';
import { createScheduler, type Scheduler } from './scheduler/scheduler.js';
import { meetingJob } from './scheduler/meetings.js';
import { calendarGapJob } from './scheduler/calendar.js';
import { followupJob } from './scheduler/followups.js';
import { rekapJob } from './scheduler/rekap.js';
import { packJob } from './scheduler/pack.js';
import { verificationNoticeJob } from './scheduler/verification.js';
import { performance } from 'node:perf_hooks';
import { warmUpReports, type WarmUpResult } from './store/warm-up.js';
import { weekOf, weekYear } from './domain/weeks.js';
import { WIB } from './domain/zones.js';

export interface AppOptions {
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** The outbox's real-time pacing and schedule waits (tests pass virtual ones). */
  pacer?: { now(): number; sleep(ms: number): Promise<void> };
  timer?: (ms: number) => Promise<void>;
  logger?: Logger;
  regions?: RegionDirectory;
}

export interface App {
  bot: Telegraf<BotContext>;
  store: Store;
  regions: RegionDirectory;
  logger: Logger;
  outbox: Outbox;
  scheduler: Scheduler;
  /** Settles when polling ends (after stop(), or on a fatal error such as a rejected token). */
  running: Promise<void>;
  /** Stops taking updates, lets the handlers in flight finish (at most `graceMs`), then releases the data folder. */
  stop(reason?: string, graceMs?: number): Promise<void>;
}

const STOP_RETRY_MS = 10;
/** The updates the bot handles; Telegram sends only these (in polling and webhook mode alike). */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** config -> store -> regions -> bot -> menu -> long polling. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? createLogger(config.logLevel, { secrets: [config.botToken, ...(config.webhook ? [config.webhook.secret] : [])] });
  const store = await createStore(config.dataDir, {
    clock,
    backupKeep: config.backupKeep,
    fsync: config.fsync,
    log: (message, fields) => logger.warn(message, fields),
  }).catch((e: unknown) => {
    throw isDiskFull(e) ? new StoreDiskFullError(config.dataDir) : e;
  });
  try {
    const regions = options.regions ?? (await loadOfficialRegions());
    // Deadlines move for holidays and cuti bersama: the curated list and what operators changed, read afresh.
    const reportDeadline = { ...config.reportDeadline, graceMs: config.lateGraceMs, holidays: createHolidayCalendar(() => store.holidays.changes()) };
    await store.backup().catch((e: unknown) => {
      throw isDiskFull(e) ? new StoreDiskFullError(config.dataDir) : e;
    });
    const sleep = options.sleep ?? realSleep;
    // The outbox has its own client: sends to many chats do not share a request with any update's handler.
    const telegram = new Telegram(config.botToken, { apiRoot: config.apiRoot });
    const recipientOf = (chatId: number): RecipientLabel => {
      const link = store.chats.linkOf(chatId);
      if (link) return { kind: 'group', title: link.title, unit: link.unitCode === 'national' ? NATIONAL_NAME : (regions.get(link.unitCode)?.name ?? link.unitCode) };
      const user = store.users.get(chatId);
      if (user) return { kind: 'person', name: user.name, role: roleAndScope(user.role, user.scope, regions) };
      if (config.adminIds.includes(chatId)) return { kind: 'person', name: `Pengguna ${chatId}`, role: ROLE_LABELS.admin };
      return { kind: 'unknown', chatId };
    };
    const outbox: Outbox = createOutbox({
      repo: store.outbox,
      chats: store.chats,
      telegram,
      clock,
      ...(options.pacer ? { pacer: options.pacer } : {}),
      ...(options.timer ? { timer: options.timer } : {}),
      sendRate: config.sendRate,
      dataDir: config.dataDir,
      groupPerMinute: 20,
      maxAttempts: 5,
      countdown: countdownIn,
      logger,
      onComplete: async (item) => {
        if (item.reportTo === undefined) return;
        await outbox.enqueue({
          id: `report-${item.id}`,
          kind: 'notice',
          title: deliveryReportTitle(item.title),
          bodies: { default: { format: 'html', text: deliveryReportMessage(item, recipientOf).text } },
          recipients: [{ chatId: item.reportTo, variant: 'default' }],
          atLeastOnce: true,
        });
      },
    });
    const readSide = createReadSide({ store, regions, deadline: reportDeadline, unverified: config.unverifiedInTotals });
    const menus = createMenus({ telegram, store, adminIds: config.adminIds, logger });
    const bot = createBot(
      {
      botToken: config.botToken,
      apiRoot: config.apiRoot,
      adminIds: config.adminIds,
      inviteTtlDays: config.inviteTtlDays,
      rateLimitBurst: config.rateLimitBurst,
      rateLimitPerMinute: config.rateLimitPerMinute,
      reportDeadline,
      unverifiedInTotals: config.unverifiedInTotals,
      flowTimeoutHours: config.flowTimeoutHours,
      store,
      readSide,
      regions,
      clock,
      logger,
      sleep,
      outbox,
      meetingReminders: config.meetingReminders,
      menus,
    },
      allFeatures,
    );
    // The menus each person sees: defaults now, every registered person's own in the background (paced).
    await menus.registerDefaults();
    void menus.reconcile().catch((error: unknown) => logger.warn('menu reconcile failed', { error }));
    // After the first poll: this year's and last year's report files of every unit are read in the background (paced),
    // so that no first answer (the national view above all) reads hundreds of files while a person waits.
    let warmUp: { stop(): Promise<WarmUpResult> } | undefined;
    const startWarmUp = (): void => {
      if (warmUp) return;
      const year = weekYear(weekOf(clock(), WIB.iana));
      logger.info('warm-up started', { years: [year, year - 1] });
      const started = warmUpReports(store.reports, regions.all.map((u) => u.code), [year, year - 1], () => performance.now());
      warmUp = started;
      void started.done.then(
        (r) => logger.info('warm-up done', { files: r.files, ms: Math.round(r.ms), heapGrowthMb: Math.round(r.heapGrowthMb), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), stopped: r.stopped }),
        (error: unknown) => logger.warn('warm-up failed', { error }),
      );
    };
    const hook = config.webhook;
    let webhook: WebhookServer | undefined;
    let endWebhook: () => void = () => undefined;
    let running: Promise<void>;
    if (hook) {
      // Webhook mode: Telegram posts updates to our server; no polling (Telegram answers 409 to it meanwhile).
      bot.botInfo = await bot.telegram.getMe();
      webhook = createWebhookServer({
        bot,
        path: hook.path,
        secret: hook.secret,
        host: hook.host,
        port: hook.port,
        updates: store.updates,
        clock,
        logger,
        health: () => ({ mode: 'webhook', store: 'open', outbox: { open: store.outbox.open().length }, scheduler: 'running' }),
      });
      const address = await webhook.listen();
      await bot.telegram.setWebhook(hook.url, { secret_token: hook.secret, allowed_updates: [...ALLOWED_UPDATES] });
      logger.info('bot started (webhook)', { username: bot.botInfo.username, path: hook.path, port: address.port });
      startWarmUp();
      running = new Promise<void>((resolve) => {
        endWebhook = resolve;
      });
    } else {
      // Long polling; launch() deletes any webhook first (Telegram refuses polling while one is set).
      running = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => {
        logger.info('bot started', { username: bot.botInfo?.username, apiRoot: config.apiRoot });
        startWarmUp();
      });
    }
    // A rejected launch (bad token, unreachable API) must not leave the data folder locked.
    running.catch(() => undefined);
    await outbox.start();
    const scheduler = createScheduler({
      clock,
      store,
      readSide,
      regions,
      outbox,
      reportDeadline,
      lateReminders: config.lateReminders,
      logger,
      jobs: [
        meetingJob({ store, readSide, regions, outbox, offsets: config.meetingReminders, adminIds: config.adminIds }),
        boardJob({ store, regions, readSide, reportDeadline, clock, logger, telegram }),
        verificationNoticeJob({ store, readSide, regions, outbox, logger }),
        ...(config.calendarWarningMs === undefined ? [] : [calendarGapJob({ store, outbox, deadline: reportDeadline, adminIds: config.adminIds, aheadMs: config.calendarWarningMs })]),
        followupJob({ store, regions, outbox }),
        packJob({ store, readSide, regions, outbox, offsets: config.meetingReminders, dataDir: config.dataDir, logger }),
        ...(config.rekapAfterDeadlineMs === undefined
          ? []
          : [rekapJob({ store, readSide, regions, outbox, deadline: reportDeadline, afterMs: config.rekapAfterDeadlineMs, dataDir: config.dataDir, logger })]),
      ],
    });
    scheduler.start(config.schedulerTickSeconds * 1000);
    let stopped: Promise<void> | undefined;
    const stop = (reason = 'stop', graceMs = 5000): Promise<void> => {
      stopped ??= (async () => {
        let ended = false;
        const settled = running.then(
          () => {
            ended = true;
          },
          () => {
            ended = true;
          },
        );
        const deadline = Date.now() + graceMs;
        if (webhook) {
          // The webhook stays registered: Telegram keeps the updates until the bot is back.
          await webhook.close(graceMs);
          endWebhook();
        }
        // launch() starts polling only after getMe and deleteWebhook; until then stop() throws "not running".
        while (!webhook && !ended && Date.now() < deadline) {
          try {
            bot.stop(reason);
            break;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, STOP_RETRY_MS));
          }
        }
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
        await Promise.race([settled, grace]);
        clearTimeout(timer);
        menus.stop();
        await scheduler.stop();
        // A send hanging on the network must not hold the stop past the grace period: such a delivery stays
        // 'sending' on disk and is reported uncertain after the restart, never sent twice.
        let outboxTimer: NodeJS.Timeout | undefined;
        const outboxStopped = await Promise.race([
          outbox.stop().then(() => true),
          new Promise<false>((resolve) => {
            outboxTimer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()) + 500);
          }),
        ]);
        clearTimeout(outboxTimer);
        if (!outboxStopped) logger.warn('outbox still sending at shutdown; its delivery will be reported uncertain');
        await warmUp?.stop().catch(() => undefined);
        await store.close();
        logger.info('bot stopped', { reason });
      })();
      return stopped;
    };
    return { bot, store, regions, logger, outbox, scheduler, running, stop };
  } catch (e) {
    await store.close();
    throw e;
  }
}
