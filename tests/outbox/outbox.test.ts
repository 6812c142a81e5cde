import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegram } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { countsOf, createOutbox, type Outbox, type Recipient } from '../../src/outbox/outbox.js';
import { BotApiServer } from '../../src/sandbox/bot-api-server.js';
import type { OutboxItem } from '../../src/store/schema.js';
import { createStore, type Store } from '../../src/store/store.js';

const TOKEN = '31337:outbox-test-token-for-stand-in';
const START = Date.parse('2026-11-24T03:00:00Z');

let t: number;
let dir: string;
let api: BotApiServer;
let store: Store;
let outbox: Outbox;
let reports: OutboxItem[];

const clock = (): Date => new Date(t);
/** Virtual time: waiting moves the shared clock forward at once. */
const sleep = (ms: number): Promise<void> => {
  t += ms;
  return Promise.resolve();
};

async function newOutbox(telegram?: Telegram, onComplete?: (item: OutboxItem, o: Outbox) => Promise<void>): Promise<Outbox> {
  const o: Outbox = createOutbox({
    repo: store.outbox,
    chats: store.chats,
    telegram: telegram ?? new Telegram(TOKEN, { apiRoot: api.apiRoot }),
    clock,
    pacer: { now: () => t, sleep },
    timer: sleep,
    sendRate: 25,
    groupPerMinute: 20,
    maxAttempts: 3,
    logger: createLogger('error', { write: () => undefined }),
    onComplete: (item) => {
      reports.push(item);
      return onComplete ? onComplete(item, o) : Promise.resolve();
    },
  });
  await o.start();
  return o;
}

const html = (text: string) => ({ default: { format: 'html' as const, text } });
const privates = (n: number, from = 100): Recipient[] =>
  Array.from({ length: n }, (_, i) => {
    api.user(from + i, `Petugas ${i}`);
    return { chatId: from + i, variant: 'default' };
  });
const sends = () => api.calls.filter((c) => c.method === 'sendMessage');
const okSends = () => sends().filter((c) => c.ok);

beforeEach(async () => {
  t = START;
  reports = [];
  dir = await mkdtemp(join(tmpdir(), 'ucbot-outbox-'));
  api = new BotApiServer({
    token: TOKEN,
    clock: () => t,
    floodLimits: { perSecond: 30, perGroupPerMinute: 20, perPrivateChatPerSecond: 3 },
  });
  await api.start();
  store = await createStore(dir, { clock });
  outbox = await newOutbox();
});
afterEach(async () => {
  await outbox.stop();
  await store.close();
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the outbox', () => {
  it('delivers one item to every chat exactly once, paced under the rate, and reports once', async () => {
    const recipients = [...privates(60), ...[-1, -2, -3].map((id) => (api.group(id, `Grup ${id}`), { chatId: id, variant: 'default' }))];
    await outbox.enqueue({ id: 'b1', kind: 'broadcast', title: 'Uji', bodies: html('Rapat <b>besok</b> &amp; <i>penting</i>'), recipients, reportTo: 100 });
    await outbox.idle();
    expect(okSends()).toHaveLength(63);
    expect(new Set(okSends().map((c) => c.payload.chat_id)).size).toBe(63);
    expect(api.lastMessage(100).text).toBe('Rapat besok & penting');
    // 63 messages at 25 a second: the last one no earlier than 62 intervals after the first.
    const times = okSends().map((c) => c.at);
    expect((times[62] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(62 * 40);
    expect(api.failedCalls()).toEqual([]);
    expect(reports.map((r) => [r.id, countsOf(r)])).toEqual([['b1', { total: 63, pending: 0, sent: 63, failed: 0, expired: 0 }]]);
  });

  it('keeps to 20 messages a minute for one group', async () => {
    api.group(-50, 'Grup Disnaker');
    for (let i = 0; i < 25; i++) {
      await outbox.enqueue({ id: `g${i}`, kind: 'notice', title: 'Uji', bodies: html(`pesan ${i}`), recipients: [{ chatId: -50, variant: 'default' }] });
    }
    await outbox.idle();
    const times = okSends().map((c) => c.at);
    expect(times).toHaveLength(25);
    expect((times[20] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(60_000);
    expect(api.failedCalls()).toEqual([]);
  });

  it('pauses all sending for retry_after on a 429, then resumes', async () => {
    const recipients = privates(10);
    api.failNext({ method: 'sendMessage', chatId: 103, errorCode: 429, description: 'Too Many Requests: retry after 5', retryAfter: 5 });
    await outbox.enqueue({ id: 'b429', kind: 'broadcast', title: 'Uji', bodies: html('Halo'), recipients });
    await outbox.idle();
    const limited = sends().find((c) => c.errorCode === 429);
    expect(limited).toBeDefined();
    const during = okSends().filter((c) => c.at > (limited?.at ?? 0) && c.at < (limited?.at ?? 0) + 5000);
    expect(during).toEqual([]);
    expect(okSends()).toHaveLength(10);
    expect(okSends().filter((c) => c.payload.chat_id === 103)).toHaveLength(1);
  });

  it('marks a chat that blocked the bot inactive, never retries it, and skips it next time', async () => {
    const recipients = privates(3);
    api.block(101);
    await outbox.enqueue({ id: 'b403', kind: 'broadcast', title: 'Uji', bodies: html('Halo'), recipients });
    await outbox.idle();
    expect(sends().filter((c) => c.payload.chat_id === 101)).toHaveLength(1);
    expect(store.chats.isInactive(101)).toBe(true);
    const report = reports.find((r) => r.id === 'b403');
    expect(report?.deliveries.find((d) => d.chatId === 101)).toMatchObject({ state: 'failed', error: 'Forbidden: bot was blocked by the user' });
    await outbox.enqueue({ id: 'b403b', kind: 'broadcast', title: 'Uji', bodies: html('Lagi'), recipients });
    await outbox.idle();
    expect(sends().filter((c) => c.payload.chat_id === 101)).toHaveLength(1);
    expect(countsOf(reports.find((r) => r.id === 'b403b') as OutboxItem)).toMatchObject({ sent: 2, failed: 1 });
  });

  it('follows a group that became a supergroup', async () => {
    api.group(-70, 'Disnaker');
    api.group(-1000070, 'Disnaker', 'supergroup');
    await store.chats.link({ chatId: -70, title: 'Disnaker', unitCode: '19.71', by: { telegramId: 1, name: 'x' }, at: clock() });
    api.failNext({ chatId: -70, errorCode: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', migrateToChatId: -1000070 });
    await outbox.enqueue({ id: 'mig', kind: 'notice', title: 'Uji', bodies: html('Halo grup'), recipients: [{ chatId: -70, variant: 'default' }] });
    await outbox.idle();
    expect(api.lastMessage(-1000070).text).toBe('Halo grup');
    expect(store.chats.linkOf(-1000070)?.unitCode).toBe('19.71');
    expect(reports[0]?.deliveries[0]).toMatchObject({ chatId: -1000070, state: 'sent' });
  });

  it('backs off and retries server errors, a bounded number of times', async () => {
    privates(2);
    api.failNext({ chatId: 100, errorCode: 502, description: 'Bad Gateway', times: 2 });
    api.failNext({ chatId: 101, errorCode: 500, description: 'Internal Server Error', times: 10 });
    await outbox.enqueue({ id: 'b5xx', kind: 'notice', title: 'Uji', bodies: html('Halo'), recipients: [{ chatId: 100, variant: 'default' }, { chatId: 101, variant: 'default' }] });
    await outbox.idle();
    const report = reports[0];
    expect(report?.deliveries.find((d) => d.chatId === 100)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(report?.deliveries.find((d) => d.chatId === 101)).toMatchObject({ state: 'failed', attempts: 3 });
    expect(sends().filter((c) => c.payload.chat_id === 101)).toHaveLength(3);
  });

  it('splits a text over 4,096 characters into parts Telegram accepts', async () => {
    privates(1);
    const long = Array.from({ length: 300 }, (_, i) => `• Baris nomor ${i} &amp; &lt;catatan&gt;`).join('\n');
    await outbox.enqueue({ id: 'long', kind: 'notice', title: 'Uji', bodies: html(long), recipients: [{ chatId: 100, variant: 'default' }] });
    await outbox.idle();
    expect(okSends().length).toBeGreaterThan(1);
    expect(api.failedCalls()).toEqual([]);
    expect(api.messages(100).map((m) => m.text).join('\n')).toContain('• Baris nomor 299 & <catatan>');
  });

  it('never enqueues the same item twice, waits for notBefore, and lets expired items go', async () => {
    const recipients = privates(2);
    const first = await outbox.enqueue({ id: 'later', kind: 'broadcast', title: 'Uji', bodies: html('Nanti'), recipients, notBefore: new Date(START + 3600_000) });
    const again = await outbox.enqueue({ id: 'later', kind: 'broadcast', title: 'Uji', bodies: html('Nanti'), recipients });
    expect([first.created, again.created]).toEqual([true, false]);
    await outbox.enqueue({ id: 'gone', kind: 'reminder', title: 'Uji', bodies: html('Terlambat'), recipients, expiresAt: new Date(START - 1) });
    await outbox.idle();
    expect(okSends()).toHaveLength(2);
    expect(okSends().every((c) => c.at >= START + 3600_000)).toBe(true);
    expect(countsOf(reports.find((r) => r.id === 'gone') as OutboxItem)).toMatchObject({ expired: 2, sent: 0 });
  });

  it('resumes after a restart where it stopped, and never repeats a send cut off mid-call', async () => {
    const recipients = privates(10);
    const real = new Telegram(TOKEN, { apiRoot: api.apiRoot });
    await outbox.stop();
    let calls = 0;
    let crashed: () => void = () => undefined;
    const crash = new Promise<void>((resolve) => {
      crashed = resolve;
    });
    // A process killed during its fourth call: the message reached Telegram, the record of it never came back.
    const dying = {
      callApi: async (method: 'sendMessage', payload: Record<string, unknown>) => {
        calls += 1;
        const result = await real.callApi(method, payload as never);
        if (calls === 4) {
          crashed();
          return new Promise<never>(() => undefined);
        }
        return result as { message_id: number };
      },
    };
    outbox = await newOutbox(dying as unknown as Telegram);
    await outbox.enqueue({ id: 'crash', kind: 'broadcast', title: 'Uji', bodies: html('Sekali saja'), recipients });
    await crash;
    expect((await store.outbox.get('crash'))?.deliveries.filter((d) => d.state === 'sending')).toHaveLength(1);
    // The dead process's loop is abandoned, as the process would be; a new one starts on the same folder.
    await store.close();
    store = await createStore(dir, { clock });
    outbox = await newOutbox();
    await outbox.idle();
    const perChat = new Map<unknown, number>();
    for (const c of okSends()) perChat.set(c.payload.chat_id, (perChat.get(c.payload.chat_id) ?? 0) + 1);
    expect(perChat.size).toBe(10);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    const final = reports.find((r) => r.id === 'crash');
    expect(countsOf(final as OutboxItem)).toMatchObject({ sent: 9, failed: 1 });
    expect(final?.deliveries.find((d) => d.state === 'failed')?.reason).toBe('uncertain');
  });

  it('sends a delivery report cut off by a crash again rather than never (issue 14.8)', async () => {
    api.user(7, 'Koordinator');
    const real = new Telegram(TOKEN, { apiRoot: api.apiRoot });
    await outbox.stop();
    let crashed: () => void = () => undefined;
    const crash = new Promise<void>((resolve) => {
      crashed = resolve;
    });
    const dying = {
      callApi: async (method: 'sendMessage', payload: Record<string, unknown>) => {
        await real.callApi(method, payload as never);
        crashed();
        return new Promise<never>(() => undefined);
      },
    };
    outbox = await newOutbox(dying as unknown as Telegram);
    await outbox.enqueue({ id: 'report-b1', kind: 'notice', title: 'Laporan', bodies: html('Terkirim 3 dari 3 chat.'), recipients: [{ chatId: 7, variant: 'default' }], atLeastOnce: true });
    await crash;
    await store.close();
    store = await createStore(dir, { clock });
    outbox = await newOutbox();
    await outbox.idle();
    expect(okSends().filter((c) => c.payload.chat_id === 7)).toHaveLength(2);
    expect((await store.outbox.get('report-b1'))?.deliveries[0]).toMatchObject({ state: 'sent' });
  });

  it('enqueues the follow-up of a settled item before closing it, so a crash in between loses neither', async () => {
    const recipients = privates(2);
    await outbox.stop();
    const complete = store.outbox.complete;
    // The process dies as it closes the item: the follow-up is already queued, the item still open.
    store.outbox.complete = () => Promise.reject(new Error('killed'));
    const withFollowUp = (): Promise<Outbox> =>
      newOutbox(undefined, async (item, o) => {
        if (item.id.startsWith('report-')) return;
        await o.enqueue({ id: `report-${item.id}`, kind: 'notice', title: 'Laporan', bodies: html('Terkirim'), recipients: [{ chatId: 100, variant: 'default' }], atLeastOnce: true });
      });
    outbox = await withFollowUp();
    await outbox.enqueue({ id: 'b-follow', kind: 'broadcast', title: 'Uji', bodies: html('Halo'), recipients });
    for (let i = 0; i < 50 && !store.outbox.has('report-b-follow'); i++) await new Promise((r) => setTimeout(r, 5));
    await outbox.stop();
    store.outbox.complete = complete;
    await store.close();
    store = await createStore(dir, { clock });
    outbox = await withFollowUp();
    await outbox.idle();
    expect((await store.outbox.get('b-follow'))?.completedAt).toBeDefined();
    expect(store.outbox.open()).toEqual([]);
    expect(okSends().filter((c) => c.payload.text === 'Terkirim')).toHaveLength(1);
  });
});
