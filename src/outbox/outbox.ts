import { join } from 'node:path';
import { TelegramError } from 'telegraf';
import type { Logger } from '../logger.js';
import { createTokenBuckets } from '../domain/token-bucket.js';
import { COUNTDOWN_SLOTS, escapeHtml, Html, splitHtml } from '../messages/html.js';
import type { ChatsRepo } from '../store/chats-repo.js';
import type { OutboxRepo } from '../store/outbox-repo.js';
import type { Delivery, FailureReason, MessageBody, OutboxItem } from '../store/schema.js';

/** Telegram's limit for one message, in characters. */
const MAX_TEXT = 4096;
/** The loop re-reads the store at least this often, so nothing waits on one long timer. */
const MAX_IDLE_WAIT_MS = 60_000;
const GROUP_WINDOW_MS = 60_000;
const PRIVATE_BURST = 3;
const PRIVATE_REFILL_MS = 1000;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface OutboxOptions {
  repo: OutboxRepo;
  chats: ChatsRepo;
  /** telegraf's Telegram (or anything with its callApi): every call goes over the Bot API. */
  telegram: { callApi(method: 'sendMessage' | 'sendDocument' | 'sendPhoto', payload: Record<string, unknown>): Promise<unknown> };
  /** The data folder: the files of `files` bodies lie under it. */
  dataDir?: string;
  /** Business time: when items may be sent (notBefore) and stop mattering (expiresAt); the times recorded. */
  clock: () => Date;
  /** Real time for pacing, backoff and 429 pauses: Telegram's limits are counted in it. */
  pacer?: { now(): number; sleep(ms: number): Promise<void> };
  /** Waits for a scheduled item (at most a minute at a time; a poke ends the wait early). */
  timer?: (ms: number) => Promise<void>;
  /** Messages a second across all chats. */
  sendRate: number;
  /** Messages a minute to one group. */
  groupPerMinute: number;
  /** Network errors and 5xx are retried this many times before the delivery fails. */
  maxAttempts: number;
  logger: Logger;
  /** Words the time left before an item's `countdownTo`, at send time, for a reader in the slot's zone (if it names one). */
  countdown?: (ms: number, to: Date, zoneLabel: string | undefined) => string;
  /** Called once an item's deliveries have all settled (the delivery report goes out from here). */
  onComplete?: (item: OutboxItem) => Promise<void>;
}

export interface Recipient {
  chatId: number;
  variant: string;
}

export interface EnqueueSpec {
  id: string;
  kind: OutboxItem['kind'];
  title: string;
  notBefore?: Date;
  expiresAt?: Date;
  bodies: Record<string, MessageBody>;
  buttons?: OutboxItem['buttons'];
  reportTo?: number;
  /** Units of the audience nobody can receive for, by name: listed in the delivery report. */
  unreached?: string[];
  atLeastOnce?: boolean;
  countdownTo?: Date;
  recipients: Recipient[];
}

export { countsOf, type DeliveryCounts } from '../domain/delivery.js';

/** One Bot API call of a delivery; a file part names its file, so that its file_id can be kept and reused. */
interface Part {
  method: 'sendMessage' | 'sendDocument' | 'sendPhoto';
  payload: Record<string, unknown>;
  file?: { path: string; filename: string; field: 'document' | 'photo' };
}

const textParts = (html: string): Part[] => splitHtml(new Html(html)).map((text) => ({ method: 'sendMessage', payload: { text, parse_mode: 'HTML' } }));

/** Splits a body for Telegram's limit. Entity texts come from one Telegram message, so they already fit. */
function partsOf(body: MessageBody): Part[] {
  if (body.format === 'entities') {
    if (body.text.length <= MAX_TEXT) return [{ method: 'sendMessage', payload: { text: body.text, entities: body.entities } }];
    return textParts(escapeHtml(body.text));
  }
  if (body.format === 'files') {
    return body.parts.flatMap((p): Part[] => {
      if (p.kind === 'html') return textParts(p.text);
      const method = p.kind === 'document' ? 'sendDocument' : 'sendPhoto';
      return [{ method, payload: p.caption ? { caption: p.caption, parse_mode: 'HTML' } : {}, file: { path: p.path, filename: p.filename, field: p.kind } }];
    });
  }
  return textParts(body.text);
}

/** The file_id Telegram gave a sent document or photo (the largest size of a photo). */
function fileIdOf(result: unknown): string | undefined {
  const r = result as { document?: { file_id?: string }; photo?: Array<{ file_id?: string }> } | undefined;
  return r?.document?.file_id ?? r?.photo?.[r.photo.length - 1]?.file_id;
}

/** The chat cannot be written to (so it is marked inactive), and why; undefined for any other error. */
export function unreachableReason(e: TelegramError): FailureReason | undefined {
  const d = e.description;
  if (e.code !== 403 && e.code !== 400) return undefined;
  if (/blocked by the user/i.test(d)) return 'blocked';
  if (/user is deactivated/i.test(d)) return 'deactivated';
  if (/bot was kicked|not a member/i.test(d)) return 'kicked';
  if (/can't initiate conversation|bot can't send messages to bots/i.test(d)) return 'not_started';
  if (/chat not found/i.test(d)) return 'chat_not_found';
  if (/have no rights to send|not enough rights/i.test(d)) return 'no_rights';
  if (/group chat was deactivated/i.test(d)) return 'group_deactivated';
  return e.code === 403 ? 'rejected' : undefined;
}

const failed = (d: Delivery, reason: FailureReason, error?: string): void => {
  Object.assign(d, { state: 'failed', reason, ...(error !== undefined ? { error } : {}) });
};

/**
 * The one way to send a message to many chats. Every delivery is stored before anything is sent, and its state after
 * every attempt, so a restart resumes where it stopped. One paced sender: at most `sendRate` a second overall,
 * `groupPerMinute` to a group, short bursts to a private chat. A 429 pauses all sending for retry_after; 403 and
 * "chat not found" mark the chat inactive and are never retried; migrate_to_chat_id moves the chat; network errors
 * and 5xx back off. A delivery is marked `sending` before its call: after a crash mid-call it is reported uncertain,
 * never sent again, so no chat gets an item twice.
 */
const realPacer = {
  now: (): number => Date.now(),
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};
const realTimer = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

export function createOutbox(o: OutboxOptions) {
  const pacer = o.pacer ?? realPacer;
  const timer = o.timer ?? realTimer;
  const interval = 1000 / o.sendRate;
  /** Backoff after network errors and 5xx, in pacing time, per item and chat (a restart retries at once). */
  const retryAt = new Map<string, number>();
  let lastSendAt = -Infinity;
  let pausedUntil = 0;
  const groupSends = new Map<number, number[]>();
  const privateTokens = createTokenBuckets({ burst: PRIVATE_BURST, refillPerMs: 1 / PRIVATE_REFILL_MS });
  let stopped = true;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const idleWaiters: Array<() => void> = [];

  const now = (): number => pacer.now();
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };

  /** Deliveries cut off by a crash in the middle of their call: their fate is unknown, so they are not repeated. */
  async function recover(): Promise<void> {
    for (const item of o.repo.open()) {
      let changed = false;
      for (const d of item.deliveries) {
        if (d.state !== 'sending') continue;
        if (item.atLeastOnce) d.state = 'pending';
        else failed(d, 'uncertain', 'stopped during the call; not repeated so that no chat gets it twice');
        changed = true;
      }
      if (changed) await o.repo.save(item);
      await settleIfDone(item);
    }
  }

  async function enqueue(spec: EnqueueSpec): Promise<{ item: OutboxItem; created: boolean }> {
    const existing = await o.repo.get(spec.id);
    if (existing) return { item: existing, created: false };
    const at = o.clock();
    const seen = new Set<number>();
    const deliveries: Delivery[] = [];
    for (const r of spec.recipients) {
      if (seen.has(r.chatId)) continue;
      seen.add(r.chatId);
      const inactive = o.chats.isInactive(r.chatId);
      deliveries.push({
        chatId: r.chatId,
        variant: r.variant,
        state: inactive ? 'failed' : 'pending',
        partsSent: 0,
        attempts: 0,
        ...(inactive ? { reason: 'inactive' as const } : {}),
      });
    }
    const item: OutboxItem = {
      id: spec.id,
      kind: spec.kind,
      title: spec.title,
      createdAt: at.toISOString(),
      notBefore: (spec.notBefore ?? at).toISOString(),
      ...(spec.expiresAt ? { expiresAt: spec.expiresAt.toISOString() } : {}),
      bodies: spec.bodies,
      ...(spec.buttons ? { buttons: spec.buttons } : {}),
      ...(spec.reportTo !== undefined ? { reportTo: spec.reportTo } : {}),
      ...(spec.unreached && spec.unreached.length > 0 ? { unreached: spec.unreached } : {}),
      ...(spec.atLeastOnce ? { atLeastOnce: true } : {}),
      ...(spec.countdownTo ? { countdownTo: spec.countdownTo.toISOString() } : {}),
      deliveries,
    };
    const created = await o.repo.add(item);
    if (created) {
      await settleIfDone(item);
      notify();
    }
    return { item, created };
  }

  /**
   * Every delivery settled: what follows (the delivery report) is enqueued first, then the item is closed. A crash in
   * between finds the item still open and settled at the next start, and enqueues the same follow-up id again, which
   * the outbox takes once.
   */
  async function settleIfDone(item: OutboxItem): Promise<void> {
    if (item.completedAt || item.deliveries.some((d) => d.state === 'pending' || d.state === 'sending')) return;
    if (o.onComplete) {
      try {
        await o.onComplete(item);
      } catch (error) {
        o.logger.error('delivery report failed', { item: item.id, error });
      }
    }
    await o.repo.complete(item, o.clock());
  }

  /** When this chat may next receive a message, by its own limit. */
  function chatReadyAt(chatId: number, t: number): number {
    if (chatId < 0) {
      // Conservative at the edge: a send exactly a minute ago still counts (Telegram does not document the boundary).
      const sends = (groupSends.get(chatId) ?? []).filter((s) => t - s <= GROUP_WINDOW_MS);
      groupSends.set(chatId, sends);
      return sends.length < o.groupPerMinute ? t : (sends[0] ?? t) + GROUP_WINDOW_MS + 1;
    }
    return privateTokens.readyAt(chatId, t);
  }

  function recordSend(chatId: number, t: number): void {
    lastSendAt = t;
    if (chatId < 0) {
      groupSends.set(chatId, [...(groupSends.get(chatId) ?? []), t]);
      return;
    }
    privateTokens.spend(chatId, t);
  }

  /** The time left is worded when the message goes, not when it was queued. */
  function withCountdown(item: OutboxItem, body: MessageBody): MessageBody {
    const countdown = o.countdown;
    if (body.format === 'entities' || !item.countdownTo || !countdown) return body;
    const to = new Date(item.countdownTo);
    const left = to.getTime() - o.clock().getTime();
    const fill = (text: string): string => (text.includes('{{countdown') ? text.replace(COUNTDOWN_SLOTS, (_slot, zone: string | undefined) => escapeHtml(countdown(left, to, zone))) : text);
    // A session's reminder carries its calendar file before the text: the text's slot is filled the same way.
    if (body.format === 'files') return { ...body, parts: body.parts.map((p) => (p.kind === 'html' ? { ...p, text: fill(p.text) } : p)) };
    return { ...body, text: fill(body.text) };
  }

  /** Something to send now; or how long to wait, in pacing time or for the schedule; or nothing at all. */
  type Next = { item: OutboxItem; delivery: Delivery } | { pacingWait: number } | { scheduleWait: number } | undefined;

  /** The next delivery to make, oldest item first; or when something becomes possible; or nothing at all. */
  async function pick(): Promise<Next> {
    const t = now();
    const business = o.clock().getTime();
    let earliest = Infinity;
    let scheduled = Infinity;
    const items = [...o.repo.open()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const item of items) {
      const notBefore = Date.parse(item.notBefore);
      if (item.expiresAt && business >= Date.parse(item.expiresAt)) {
        for (const d of item.deliveries) if (d.state === 'pending') Object.assign(d, { state: 'expired' });
        await o.repo.save(item);
        await settleIfDone(item);
        continue;
      }
      if (notBefore > business) {
        scheduled = Math.min(scheduled, notBefore - business);
        continue;
      }
      for (const d of item.deliveries) {
        if (d.state !== 'pending') continue;
        const ready = Math.max(retryAt.get(`${item.id}:${d.chatId}`) ?? t, chatReadyAt(d.chatId, t));
        if (ready <= t) return { item, delivery: d };
        earliest = Math.min(earliest, ready);
      }
    }
    if (earliest !== Infinity) return { pacingWait: earliest - t };
    return scheduled === Infinity ? undefined : { scheduleWait: scheduled };
  }

  async function deliver(item: OutboxItem, d: Delivery): Promise<void> {
    const body = item.bodies[d.variant];
    // A chat may have refused the bot after this item was queued: checked at send time, not only when queuing.
    const skip: FailureReason | undefined = !body ? 'missing_body' : o.chats.isInactive(d.chatId) ? 'inactive' : undefined;
    if (!body || skip) {
      failed(d, skip ?? 'missing_body', skip === 'missing_body' ? `no body "${d.variant}"` : undefined);
      await o.repo.save(item);
      return settleIfDone(item);
    }
    const parts = partsOf(withCountdown(item, body));
    d.state = 'sending';
    await o.repo.save(item);
    try {
      for (let i = d.partsSent; i < parts.length; i++) {
        const last = i === parts.length - 1;
        const part = parts[i] as Part;
        recordSend(d.chatId, now());
        const known = part.file ? item.fileIds?.[part.file.path] : undefined;
        const result = await o.telegram.callApi(part.method, {
          chat_id: d.chatId,
          ...part.payload,
          ...(part.file ? { [part.file.field]: known ?? { source: join(o.dataDir ?? '.', part.file.path), filename: part.file.filename } } : {}),
          ...(part.method === 'sendMessage' ? { link_preview_options: { is_disabled: true } } : {}),
          ...(last && item.buttons ? { reply_markup: { inline_keyboard: item.buttons } } : {}),
        });
        const fileId = part.file && !known ? fileIdOf(result) : undefined;
        if (part.file && fileId) item.fileIds = { ...item.fileIds, [part.file.path]: fileId };
        d.partsSent = i + 1;
        if (!last) await o.repo.save(item);
      }
      Object.assign(d, { state: 'sent', sentAt: o.clock().toISOString() });
      delete d.error;
      delete d.reason;
    } catch (e) {
      await handleFailure(item, d, e);
    }
    await o.repo.save(item);
    await settleIfDone(item);
  }

  async function handleFailure(item: OutboxItem, d: Delivery, e: unknown): Promise<void> {
    const t = now();
    if (e instanceof TelegramError) {
      const retryAfter = e.parameters?.retry_after;
      const migrateTo = e.parameters?.migrate_to_chat_id;
      if (e.code === 429 && retryAfter !== undefined) {
        // Telegram's flood control applies to the whole bot: everything waits.
        pausedUntil = Math.max(pausedUntil, t + retryAfter * 1000);
        d.state = 'pending';
        return;
      }
      if (migrateTo !== undefined) {
        await o.chats.migrate(d.chatId, migrateTo);
        o.logger.info('chat migrated', { from: d.chatId, to: migrateTo });
        Object.assign(d, { chatId: migrateTo, state: 'pending' });
        return;
      }
      const unreachable = unreachableReason(e);
      if (unreachable) {
        await o.chats.markInactive(d.chatId, e.description, o.clock());
        return failed(d, unreachable, e.description);
      }
      if (e.code < 500) return failed(d, 'rejected', e.description);
    }
    d.attempts += 1;
    const reason = e instanceof TelegramError ? e.description : e instanceof Error ? e.message : String(e);
    if (d.attempts >= o.maxAttempts) return failed(d, 'retries_exhausted', `${d.attempts} attempts: ${reason}`);
    const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** d.attempts);
    retryAt.set(`${item.id}:${d.chatId}`, t + backoff);
    Object.assign(d, { state: 'pending', error: reason });
  }

  async function run(): Promise<void> {
    while (!stopped) {
      try {
        const next = await pick();
        const t = now();
        const gate = Math.max(pausedUntil, lastSendAt + interval);
        if (next && 'item' in next && gate <= t) {
          await deliver(next.item, next.delivery);
          continue;
        }
        if (!next) {
          for (const resolve of idleWaiters.splice(0)) resolve();
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          continue;
        }
        if ('scheduleWait' in next) {
          await Promise.race([
            timer(Math.min(MAX_IDLE_WAIT_MS, Math.max(1, next.scheduleWait))),
            new Promise<void>((resolve) => {
              wake = resolve;
            }),
          ]);
          continue;
        }
        const until = 'item' in next ? gate : Math.max(t + next.pacingWait, gate);
        await pacer.sleep(Math.max(1, until - t));
      } catch (error) {
        // The store failed (disk full?): log, wait, try again; never lose the loop.
        o.logger.error('outbox loop error', { error });
        await pacer.sleep(1000);
      }
    }
  }

  /** Withdraws what has not gone out yet of the items `which` picks (a cancelled or moved session's reminders). */
  async function cancel(which: (item: OutboxItem) => boolean, reason: string): Promise<void> {
    for (const item of o.repo.open()) {
      if (!which(item)) continue;
      for (const d of item.deliveries) if (d.state === 'pending') Object.assign(d, { state: 'expired', error: reason });
      await o.repo.save(item);
      await settleIfDone(item);
    }
  }

  return {
    enqueue,
    cancel,
    async start(): Promise<void> {
      if (!stopped) return;
      stopped = false;
      await recover();
      loop = run();
    },
    async stop(): Promise<void> {
      stopped = true;
      notify();
      for (const resolve of idleWaiters.splice(0)) resolve();
      await loop;
    },
    /** Resolves when nothing is left to send (for tests and the bench). */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        notify();
      });
    },
    get: (id: string) => o.repo.get(id),
    /** Does an item whose id starts with `prefix` still have a delivery to make to `chatId`? (a deferred reply) */
    hasPending: (prefix: string, chatId: number): boolean =>
      o.repo.open().some((item) => item.id.startsWith(prefix) && item.deliveries.some((d) => d.chatId === chatId && (d.state === 'pending' || d.state === 'sending'))),
    /** Look again now (the clock moved, or the scheduler added work). */
    poke: notify,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
