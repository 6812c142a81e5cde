import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Telegram } from 'telegraf';
import { createLogger } from '../src/logger.js';
import { countsOf, createOutbox } from '../src/outbox/outbox.js';
import { BotApiServer } from '../src/sandbox/bot-api-server.js';
import { createStore } from '../src/store/store.js';

/**
 * A broadcast of one notice to 552 chats (500 people, 52 groups) through the strict Bot API stand-in with its flood
 * limits on (30/s overall, 20/min per group, 3/s per private chat); 20 chats have blocked the bot (403) and two
 * answer 429 once (retry_after 1 s). Real time. Prints one JSON line.
 */
const TOKEN = '777000:BENCH-broadcast-token';
const SEND_RATE = 25;
const PEOPLE = 500;
const GROUPS = 52;
const BLOCKED = 20;
const LIMITED = [7, 300];
const RETRY_AFTER_S = 1;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ucbot-bench-bc-'));
  const api = new BotApiServer({ token: TOKEN, floodLimits: { perSecond: 30, perGroupPerMinute: 20, perPrivateChatPerSecond: 3 } });
  await api.start();
  const store = await createStore(dir, { clock: () => new Date() });
  try {
    const chats: number[] = [];
    for (let i = 0; i < PEOPLE; i++) chats.push(api.user(10_000 + i, `Petugas ${i}`).id);
    for (let i = 0; i < GROUPS; i++) chats.push(api.group(-(5000 + i), `Grup ${i}`).id);
    for (let i = 0; i < BLOCKED; i++) api.block(10_000 + i * 25 + 1);
    for (const i of LIMITED) {
      api.failNext({ method: 'sendMessage', chatId: 10_000 + i, errorCode: 429, description: `Too Many Requests: retry after ${RETRY_AFTER_S}`, retryAfter: RETRY_AFTER_S });
    }
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const outbox = createOutbox({
      repo: store.outbox,
      chats: store.chats,
      telegram: new Telegram(TOKEN, { apiRoot: api.apiRoot }),
      clock: () => new Date(),
      sendRate: SEND_RATE,
      groupPerMinute: 20,
      maxAttempts: 5,
      logger: createLogger('error'),
      onComplete: () => {
        done();
        return Promise.resolve();
      },
    });
    await outbox.start();
    const start = performance.now();
    await outbox.enqueue({
      id: 'bench-broadcast',
      kind: 'broadcast',
      title: 'Bench',
      bodies: { default: { format: 'html', text: '<b>Pengumuman</b>: rapat monitoring &amp; evaluasi UC Jamsosnaker, Jumat pukul 09.00 WIB.' } },
      recipients: chats.map((chatId) => ({ chatId, variant: 'default' })),
    });
    await finished;
    const elapsedMs = performance.now() - start;
    await outbox.stop();

    const sends = api.calls.filter((c) => c.method === 'sendMessage');
    const requests = sends.length;
    const delivered = new Map<unknown, number>();
    for (const c of sends.filter((x) => x.ok)) delivered.set(c.payload.chat_id, (delivered.get(c.payload.chat_id) ?? 0) + 1);
    const item = await store.outbox.get('bench-broadcast');
    const counts = item ? countsOf(item) : undefined;
    const pauses = sends.filter((c) => c.errorCode === 429).length;
    // The fastest the rate allows: one request per interval, plus each 429 pause beyond its interval.
    const minimumMs = ((requests - 1) * 1000) / SEND_RATE + pauses * (RETRY_AFTER_S * 1000 - 1000 / SEND_RATE);
    const reachable = chats.length - BLOCKED;
    process.stdout.write(
      `${JSON.stringify({
        chats: chats.length,
        reachable,
        requests,
        deliveredOnce: [...delivered.values()].filter((n) => n === 1).length,
        deliveredTwice: [...delivered.values()].filter((n) => n > 1).length,
        sent: counts?.sent,
        failed: counts?.failed,
        rate429: pauses,
        floodRejections: sends.filter((c) => c.errorCode === 429).length - LIMITED.length,
        elapsedMs,
        minimumMs,
      })}\n`,
    );
  } finally {
    await store.close();
    await api.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
