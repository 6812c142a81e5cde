import { session, Telegraf, TelegramError, type MiddlewareFn, type SessionStore } from 'telegraf';
import { guardFlows } from './flow.js';
import { rateLimit } from './rate-limit.js';
import { internalErrorMessage } from '../messages/common.js';
import { storeUnreadableMessage } from '../messages/coverage.js';
import { StoreCorruptError } from '../store/errors.js';
import { resolveAccess } from './access.js';
import type { BotContext, SessionData } from './context.js';
import type { BotDeps } from './deps.js';
import { replyHtml } from './reply.js';
import { serialisePerChat } from './serialise.js';
import { normaliseCommand } from './normalise-command.js';
import { deferRepliesTo } from './defer-reply.js';
import { validateUpdateShape } from './update-shape.js';

/** Telegram errors that say the chat cannot be written to; replying again would fail the same way. */
const isUndeliverable = (e: unknown): boolean => e instanceof TelegramError && (e.code === 403 || e.code === 400);

/** The persisted session store, typed for telegraf: the repository returns exactly what was set. */
const sessionStore = (deps: BotDeps): SessionStore<SessionData> => ({
  get: async (key) => (await deps.store.sessions.get(key)) as SessionData | undefined,
  set: (key, value) => deps.store.sessions.set(key, value),
  delete: (key) => deps.store.sessions.delete(key),
});

/**
 * The bot: the Telegram edge (errors, flood control, per-chat order, session, flows, access) around `features`,
 * which the caller composes (features/index.ts): the bot layer knows no feature.
 */
export function createBot(deps: BotDeps, features: (deps: BotDeps) => MiddlewareFn<BotContext>): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(deps.botToken, {
    // webhookReply off: every answer goes through the Bot API, so its message id is known.
    telegram: { apiRoot: deps.apiRoot, webhookReply: false },
    handlerTimeout: 60_000,
  });

  // Without this one unhandled error would stop polling for everyone.
  bot.catch(async (error, ctx) => {
    deps.logger.error('update failed', { error, updateId: ctx.update.update_id, chatId: ctx.chat?.id });
    if (!ctx.chat || isUndeliverable(error)) return;
    try {
      // A data file read on first use that turns out unreadable fails this answer only, saying so; the file is
      // named in the log above for the operator.
      await replyHtml(ctx, error instanceof StoreCorruptError ? storeUnreadableMessage() : internalErrorMessage(), deps.sleep);
    } catch (e) {
      deps.logger.warn('could not tell the user about the failure', { error: e });
    }
  });

  // First of all: an update of a shape Telegram never sends is answered here and reaches no handler (nor bot.catch).
  bot.use(validateUpdateShape(deps));
  // Before anything else: a flood from one person is slowed down before it queues or touches the store.
  bot.use(rateLimit({ burst: deps.rateLimitBurst, perMinute: deps.rateLimitPerMinute, clock: deps.clock }));
  bot.use(normaliseCommand());
  bot.use(deferRepliesTo(deps.outbox));
  bot.use(serialisePerChat());
  // Session before every feature: guided flows read it, and a flow registered before it silently does nothing.
  bot.use(session<SessionData, BotContext, 'session'>({ store: sessionStore(deps) }));
  bot.use(guardFlows(deps));
  bot.use(resolveAccess(deps));
  bot.use(features(deps));
  return bot;
}
