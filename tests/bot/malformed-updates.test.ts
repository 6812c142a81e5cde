import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkUpdateShape } from '../../src/bot/update-shape.js';
import { errorLogs, startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
});
afterEach(async () => {
  await h.stop();
});

const MALFORMED = 'pesan ini tidak dapat dibaca oleh UC Bot karena bentuknya tidak lengkap';

describe('updates of a shape Telegram never sends (issue 22.4)', () => {
  it('are answered usefully in a private chat, never reach a handler or bot.catch, and change nothing', async () => {
    const staff = await person(h, 7001, 'Budi', 'staff', '19.71');
    const from = { id: staff.id, is_bot: false, first_name: 'Budi' };
    const chat = { id: staff.id, type: 'private', first_name: 'Budi' };
    const date = Math.floor(h.now.getTime() / 1000);
    // In the middle of a guided report: a broken message must not advance, break or end the flow.
    await say(h, staff, '/lapor');
    const asked = h.api.lastMessage(staff.id).text;
    let id = 900;
    const messages: Array<[string, Record<string, unknown>]> = [
      ['text is a number (region command, fallback, flow)', { message_id: id++, from, chat, date, text: 123 }],
      ['text is null', { message_id: id++, from, chat, date, text: null }],
      ['text is an object', { message_id: id++, from, chat, date, text: { a: 1 } }],
      ['entities are not a list', { message_id: id++, from, chat, date, text: '/cakupan Bangka', entities: 'x' }],
      ['sender without a name', { message_id: id++, from: { id: staff.id, is_bot: false }, chat, date, text: '/start' }],
      ['sender id is text', { message_id: id++, from: { id: 'x', is_bot: false, first_name: 'B' }, chat, date, text: '/cakupan' }],
      ['caption is a number', { message_id: id++, from, chat, date, caption: 5, photo: [] }],
      ['no message id', { from, chat, date, text: '12' }],
    ];
    for (const [why, message] of messages) {
      const before = h.api.messages(staff.id).length;
      await h.api.deliver({ message });
      expect(h.api.messages(staff.id).length, why).toBe(before + 1);
      expect(h.api.lastMessage(staff.id).text, why).toContain(MALFORMED);
    }
    // Broken updates with no chat to answer, in a group, or of other kinds: dropped quietly.
    const quiet: Array<Record<string, unknown>> = [
      { message: null },
      { message: { message_id: id++, from, date, text: '/cakupan Bangka' } },
      { message: { message_id: id++, from, chat: { type: 'private' }, date, text: '/cakupan' } },
      { message: { message_id: id++, from, chat: { id: -500, type: 'group', title: 'G' }, date, text: 9 } },
      { edited_message: { message_id: id++, chat, date, text: 4 } },
      { my_chat_member: { chat: { id: -5, type: 'group', title: 'g' }, date } },
      { callback_query: { id: h.api.openCallbackId(), chat_instance: '1', data: 'cov:u:19.71' } },
    ];
    const sent = h.api.calls.filter((c) => c.method === 'sendMessage').length;
    for (const update of quiet) await h.api.deliver(update);
    expect(h.api.calls.filter((c) => c.method === 'sendMessage').length).toBe(sent);

    // A broken button press is acknowledged, so the client stops spinning, with a short note.
    const cb = h.api.openCallbackId();
    await h.api.deliver({ callback_query: { id: cb, from, chat_instance: '1', data: 7, message: { message_id: 1, chat, date, text: 'x' } } });
    const answer = h.api.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1);
    expect(answer?.payload).toMatchObject({ callback_query_id: cb, text: 'Tombol ini tidak dapat diproses. Silakan buka kembali perintahnya.' });

    expect(errorLogs(h)).toEqual([]);
    expect(h.api.failedCalls()).toEqual([]);
    expect(h.logs.filter((l) => l.includes('malformed update dropped')).length).toBe(messages.length + quiet.length + 1);
    // The log names the field, never the content.
    expect(h.logs.join('\n')).not.toContain('Bangka');
    // Nothing was stored, and the guided report is where it was: /batal still finds it to cancel.
    expect(await h.app.store.reports.get('19.71', '2026-W48')).toBeUndefined();
    expect(asked).toContain('Laporan mingguan');
    const idle = await say(h, (await person(h, 7002, 'Sari', 'staff', '19.01')), '/batal');
    expect(await say(h, staff, '/batal')).not.toBe(idle);
  });

  it('lets every shape Telegram does send through', () => {
    const chat = { id: 5, type: 'private', first_name: 'A' };
    const from = { id: 5, is_bot: false, first_name: 'A' };
    expect(checkUpdateShape({ update_id: 1, message: { message_id: 1, date: 1, chat, from, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } })).toEqual({ ok: true });
    expect(checkUpdateShape({ update_id: 2, message: { message_id: 1, date: 1, chat: { id: -1, type: 'supergroup', title: 'G' }, sender_chat: { id: -1, type: 'supergroup' }, text: 'x' } })).toEqual({ ok: true });
    expect(checkUpdateShape({ update_id: 3, callback_query: { id: 'q', from, chat_instance: '1', message: { message_id: 1, chat, date: 0 } } })).toEqual({ ok: true });
    expect(checkUpdateShape({ update_id: 4, my_chat_member: { chat, from, date: 1, old_chat_member: { status: 'member', user: from }, new_chat_member: { status: 'kicked', user: from } } })).toEqual({ ok: true });
    expect(checkUpdateShape({ update_id: 5, message: { message_id: 1, date: 1, chat, from, text: 5 } })).toEqual({ ok: false, kind: 'message', where: 'text' });
  });
});
