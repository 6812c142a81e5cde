import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiServer } from '../../src/sandbox/bot-api-server.js';
import { startHarness, TEST_TOKEN, type Harness } from '../helpers/harness.js';
import { PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';
import { freePort } from '../helpers/spawn.js';

const SECRET = 'uc-bot_webhook-Secret-42';

let api: BotApiServer;
let dataDir: string;
let port: number;
let h: Harness | undefined;
const webhookEnv = () => ({ WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/uc-bot`, WEBHOOK_SECRET: SECRET, WEBHOOK_PORT: String(port) });

beforeEach(async () => {
  api = new BotApiServer({ token: TEST_TOKEN });
  await api.start();
  dataDir = await mkdtemp(join(tmpdir(), 'ucbot-webhook-'));
  port = await freePort();
  h = await startHarness({ api, dataDir, env: webhookEnv() });
  await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
});
afterEach(async () => {
  await h?.stop();
  await api.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('webhook mode (issue 13)', () => {
  it('registers its webhook with the secret and the updates it handles, and answers what Telegram posts', async () => {
    expect(api.webhook).toEqual({ url: `http://127.0.0.1:${port}/telegram/uc-bot`, secret: SECRET, allowedUpdates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] });
    const admin = api.user(1001, 'Rina');
    const { status } = await api.pushText(admin, '/cakupan Pangkalpinang');
    expect(status).toBe(200);
    expect(api.lastMessage(admin.id).text).toContain('Kota Pangkal Pinang');
    expect(api.failedCalls()).toEqual([]);
  });

  it('answers 401 to a request with a wrong or no secret token, and handles nothing', async () => {
    const admin = api.user(1001, 'Rina');
    expect((await api.pushText(admin, '/cakupan Pangkalpinang', { secret: 'wrong' })).status).toBe(401);
    expect((await api.pushText(admin, '/cakupan Pangkalpinang', { secret: null })).status).toBe(401);
    expect(api.messages(admin.id)).toEqual([]);
  });

  it('handles an update Telegram delivers twice once, also across a restart', async () => {
    const admin = api.user(1001, 'Rina');
    const { updateId } = await api.pushText(admin, '/cakupan Pangkalpinang');
    const body = { message: { message_id: 1, from: admin, chat: { id: admin.id, type: 'private', first_name: 'Rina' }, date: 1, text: '/bantuan', entities: [{ type: 'bot_command', offset: 0, length: 8 }] } };
    expect(await api.pushUpdate(body, { updateId })).toBe(200);
    expect(api.messages(admin.id)).toHaveLength(1);
    await h?.restart();
    expect(await api.pushUpdate(body, { updateId })).toBe(200);
    expect(api.messages(admin.id)).toHaveLength(1);
  });

  it('reports its health at /healthz without any secret, refuses oversized bodies, and knows only its own path', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const text = await health.text();
    expect(JSON.parse(text)).toMatchObject({ ok: true, mode: 'webhook', store: 'open' });
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TEST_TOKEN);
    // Over 1 MiB: the documented 413, not a closed connection (a reverse proxy would turn that into a 502; issue 23.16).
    const headers = { 'x-telegram-bot-api-secret-token': SECRET, 'content-type': 'application/json' };
    const big = await fetch(`http://127.0.0.1:${port}/telegram/uc-bot`, { method: 'POST', headers, body: JSON.stringify({ update_id: 1, padding: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    // The same without a declared length (chunked), as a proxy may forward it.
    const piece = new TextEncoder().encode('x'.repeat(256 * 1024));
    let sent = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(piece);
        else controller.close();
      },
    });
    const streamed = await fetch(`http://127.0.0.1:${port}/telegram/uc-bot`, { method: 'POST', headers, body: chunked, duplex: 'half' });
    expect(streamed.status).toBe(413);
    expect((await fetch(`http://127.0.0.1:${port}/`, { method: 'POST' })).status).toBe(404);
  });

  it('keeps the webhook when it stops, and deletes it when started again without WEBHOOK_URL (back to polling)', async () => {
    await h?.stop();
    h = undefined;
    expect(api.webhook?.url).toContain('/telegram/uc-bot');
    const polling = api.waitForPolling();
    h = await startHarness({ api, dataDir });
    await polling;
    expect(api.webhook).toBeUndefined();
    expect(api.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
    const admin = api.user(1001, 'Rina');
    await api.sendText(admin, '/cakupan Pangkalpinang');
    expect(api.lastMessage(admin.id).text).toContain('Kota Pangkal Pinang');
  });
});
