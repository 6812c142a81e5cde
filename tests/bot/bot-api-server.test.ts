import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiServer } from '../../src/sandbox/bot-api-server.js';
import { checkTelegramHtml } from '../../src/sandbox/telegram-html.js';

const TOKEN = '777:stand-in-strictness-test-token';
let api: BotApiServer;
const call = async (method: string, body: Record<string, unknown>, token = TOKEN) => {
  const res = await fetch(`${api.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; description?: string; parameters?: unknown } };
};

beforeEach(async () => {
  api = new BotApiServer({ token: TOKEN });
  await api.start();
  api.user(1, 'Ani');
});
afterEach(async () => {
  await api.stop();
});

describe('the Bot API stand-in is as strict as Telegram', () => {
  it('accepts valid HTML and counts only the visible text', async () => {
    const ok = await call('sendMessage', { chat_id: 1, text: '<b>Capaian</b> &lt;50%&gt; &amp; <a href="https://x.id">tautan</a>', parse_mode: 'HTML' });
    expect(ok.status).toBe(200);
    expect(api.lastMessage(1).text).toBe('Capaian <50%> & tautan');
  });

  it.each([
    ['an unknown tag', '<script>x</script>'],
    ['an unclosed tag', '<b>bold'],
    ['crossed tags', '<b><i>x</b></i>'],
    ['a bare <', 'a < b'],
    ['a bare &', 'Tom & Jerry'],
    ['an unknown entity', '&nbsp;'],
    ['an end tag without start', 'x</b>'],
    ['a link without href', '<a>x</a>'],
  ])('rejects %s', async (_what, text) => {
    const r = await call('sendMessage', { chat_id: 1, text, parse_mode: 'HTML' });
    expect(r.status).toBe(400);
    expect(r.body.description).toMatch(/^Bad Request: can't parse entities/);
  });

  it('rejects empty texts and texts over 4,096 characters', async () => {
    expect((await call('sendMessage', { chat_id: 1, text: '' })).body.description).toBe('Bad Request: message text is empty');
    expect((await call('sendMessage', { chat_id: 1, text: 'x'.repeat(4097) })).body.description).toBe('Bad Request: message is too long');
    expect((await call('sendMessage', { chat_id: 1, text: 'x'.repeat(4096) })).status).toBe(200);
    // Markup does not count, entities count once.
    expect((await call('sendMessage', { chat_id: 1, text: `<b>${'&amp;'.repeat(4096)}</b>`, parse_mode: 'HTML' })).status).toBe(200);
  });

  it('rejects callback data over 64 bytes (bytes, not characters)', async () => {
    const markup = (data: string) => ({ inline_keyboard: [[{ text: 'Pilih', callback_data: data }]] });
    expect((await call('sendMessage', { chat_id: 1, text: 'x', reply_markup: markup('a'.repeat(64)) })).status).toBe(200);
    const tooLong = await call('sendMessage', { chat_id: 1, text: 'x', reply_markup: markup('é'.repeat(33)) });
    expect(tooLong.body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it('answers 401 for a wrong token, 400 for an unknown chat, 403 for a user who blocked the bot', async () => {
    expect((await call('getMe', {}, '1:wrong')).status).toBe(401);
    expect((await call('sendMessage', { chat_id: 999, text: 'x' })).body.description).toBe('Bad Request: chat not found');
    api.block(1);
    const blocked = await call('sendMessage', { chat_id: 1, text: 'x' });
    expect(blocked.status).toBe(403);
    expect(blocked.body.description).toBe('Forbidden: bot was blocked by the user');
  });

  it('answers 429 with retry_after when asked to, then recovers', async () => {
    api.failNext({ method: 'sendMessage', errorCode: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 });
    const limited = await call('sendMessage', { chat_id: 1, text: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.body.parameters).toEqual({ retry_after: 7 });
    expect((await call('sendMessage', { chat_id: 1, text: 'x' })).status).toBe(200);
  });

  it('enforces flood limits per group when they are on', async () => {
    await api.stop();
    let now = 0;
    api = new BotApiServer({ token: TOKEN, clock: () => now, floodLimits: { perSecond: 30, perGroupPerMinute: 20, perPrivateChatPerSecond: 1 } });
    await api.start();
    api.group(-5, 'Grup');
    for (let i = 0; i < 20; i++) {
      now += 1100;
      expect((await call('sendMessage', { chat_id: -5, text: `n${i}` })).status).toBe(200);
    }
    const limited = await call('sendMessage', { chat_id: -5, text: 'one too many' });
    expect(limited.status).toBe(429);
    expect(limited.body.parameters).toMatchObject({ retry_after: expect.any(Number) as number });
  });

  it('refuses an edit that changes nothing and a callback answered twice', async () => {
    await call('sendMessage', { chat_id: 1, text: 'sama' });
    const message = api.lastMessage(1);
    const same = await call('editMessageText', { chat_id: 1, message_id: message.message_id, text: 'sama' });
    expect(same.body.description).toMatch(/message is not modified/);
    api.queueCallback(api.user(1, 'Ani'), message, 'cov:u:19.71');
    expect((await call('answerCallbackQuery', { callback_query_id: '1' })).status).toBe(200);
    expect((await call('answerCallbackQuery', { callback_query_id: '1' })).status).toBe(400);
  });
});

describe('checkTelegramHtml', () => {
  it('decodes entities into the visible text', () => {
    expect(checkTelegramHtml('&lt;&gt;&amp;&quot;&#65;&#x42;')).toEqual({ ok: true, text: '<>&"AB' });
  });
});
