import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logger.js';
import type { UpdatesRepo } from '../store/updates-repo.js';
import type { BotContext } from './context.js';

/** Telegram's updates are small; a larger body is not Telegram's. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/** Telegram waits for an answer and redelivers after a while: slow work (an export) goes on after this. */
export const WEBHOOK_ANSWER_MS = 5_000;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookOptions {
  bot: Telegraf<BotContext>;
  path: string;
  secret: string;
  host: string;
  port: number;
  updates: UpdatesRepo;
  clock: () => Date;
  logger: Logger;
  /** What /healthz reports: the state of the store, the outbox and the scheduler; never a secret. */
  health: () => Record<string, unknown>;
  answerWithinMs?: number;
}

/**
 * Constant time, the length included: both sides are hashed to 32 bytes first, so neither the first differing byte nor
 * a length mismatch answers sooner.
 */
const sameSecret = (given: string | string[] | undefined, expected: string): boolean => {
  if (typeof given !== 'string') return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
};

class BodyTooLarge extends Error {}

/**
 * An oversized body is read to its end and thrown away, so that the sender (or a reverse proxy, which would otherwise
 * answer 502) gets the 413; past this much the connection is cut instead.
 */
const MAX_DRAINED_BYTES = 16 * MAX_WEBHOOK_BODY_BYTES;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_WEBHOOK_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_WEBHOOK_BODY_BYTES) tooLarge = true;
      if (!tooLarge) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > MAX_DRAINED_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
      }
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * Webhook mode: Telegram posts each update to `path`. A request without the exact secret-token header is answered
 * 401 and never handled; bodies are capped; an update already handled (Telegram redelivers after a slow answer or a
 * restart) is answered 200 and dropped. The answer waits for the update's handling at most `answerWithinMs`, so slow
 * work never holds it; replies always go through the Bot API (never in the webhook answer: message ids are needed).
 */
export function createWebhookServer(o: WebhookOptions) {
  const answerWithinMs = o.answerWithinMs ?? WEBHOOK_ANSWER_MS;
  const inFlight = new Map<number, Promise<void>>();
  let server: Server | undefined;

  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return send(res, 200, { ok: true, ...o.health() });
    if (path !== o.path) return send(res, 404, { ok: false });
    if (req.method !== 'POST') return send(res, 405, { ok: false });
    if (!sameSecret(req.headers[SECRET_HEADER], o.secret)) {
      o.logger.warn('webhook request without the right secret token', { remote: req.socket.remoteAddress });
      return send(res, 401, { ok: false });
    }
    let update: Update;
    try {
      update = JSON.parse(await readBody(req)) as Update;
    } catch (e) {
      if (e instanceof BodyTooLarge) o.logger.warn('webhook body over the limit', { limitBytes: MAX_WEBHOOK_BODY_BYTES, remote: req.socket.remoteAddress });
      return send(res, e instanceof BodyTooLarge ? 413 : 400, { ok: false });
    }
    const id = (update as { update_id?: unknown }).update_id;
    if (typeof id !== 'number') return send(res, 400, { ok: false });
    if (inFlight.has(id) || o.updates.handled(id, o.clock())) return send(res, 200, { ok: true });
    const work = (async () => {
      try {
        await o.bot.handleUpdate(update);
        await o.updates.remember(id, o.clock());
      } catch (error) {
        o.logger.error('webhook update failed', { error, updateId: id });
      } finally {
        inFlight.delete(id);
      }
    })();
    inFlight.set(id, work);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, answerWithinMs)))]);
    clearTimeout(timer);
    send(res, 200, { ok: true });
  }

  return {
    async listen(): Promise<AddressInfo> {
      server = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
          o.logger.error('webhook request failed', { error });
          if (!res.headersSent) send(res, 500, { ok: false });
        });
      });
      const s = server;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(o.port, o.host, () => resolve());
      });
      return s.address() as AddressInfo;
    },
    /** Stops taking requests, then waits for the updates in hand (at most `graceMs`). The webhook stays registered. */
    async close(graceMs: number): Promise<void> {
      const s = server;
      server = undefined;
      if (s) {
        s.closeIdleConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(inFlight.values()), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
  };
}

export type WebhookServer = ReturnType<typeof createWebhookServer>;
