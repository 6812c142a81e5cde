import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say, pressIfOffered } from '../helpers/people.js';
import { PANGKALPINANG_W48, seedBaseline, seedReport } from '../helpers/seed.js';

// Tuesday 24 November 2026, 10.00 WIB.
const TUESDAY = new Date('2026-11-24T03:00:00Z');
const DAY_MS = 86_400_000;

let h: Harness;
let budi: TgUser;
let date = Math.floor(TUESDAY.getTime() / 1000);
beforeEach(async () => {
  h = await startHarness({ now: TUESDAY });
  budi = await person(h, 8001, 'Budi', 'staff', '19.71');
  await seedBaseline(h.app.store, '19.71');
  await seedReport(h.app.store, '19.71', '2026-W47', PANGKALPINANG_W48);
});
afterEach(async () => {
  await h.stop();
});

let nextMessageId = 10_000;
/** A message of any kind from Budi in his private chat, as Telegram would deliver it. */
const sendRaw = (fields: Record<string, unknown>, key: 'message' | 'edited_message' = 'message') =>
  h.api.deliver({
    [key]: { message_id: nextMessageId++, from: budi, chat: { id: budi.id, type: 'private', first_name: 'Budi' }, date: date++, ...fields },
  });
const STICKER = { sticker: { file_id: 'stk', file_unique_id: 'stk-u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } };
const PHOTO = { photo: [{ file_id: 'ph', file_unique_id: 'ph-u', width: 90, height: 90 }] };
const VOICE = { voice: { file_id: 'vc', file_unique_id: 'vc-u', duration: 3 } };
const LOCATION = { location: { latitude: -2.13, longitude: 106.11 } };

describe('a flow left open for a month (issue 14.1)', () => {
  it('answers every message, /batal included, after Telegram restarts its update ids', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    expect(h.api.lastMessage(budi.id).text).toContain('(1/9)');
    // Two updates at least before the ids restart, so the bot's offset lies beyond the new sequence's first ids.
    expect(await say(h, budi, '38.905')).toContain('(2/9)');
    h.now = new Date(TUESDAY.getTime() + 30 * DAY_MS);
    // After a quiet week Telegram may choose ids afresh: lower than any the open flow has seen.
    h.api.restartUpdateIds(1);
    const replies: string[] = [];
    for (const text of ['halo', '/cakupan', '12rb', '/lapor', '/batal']) replies.push(await say(h, budi, text));
    expect(replies.map((r) => r.length > 0), JSON.stringify(replies)).toEqual([true, true, true, true, true]);
    expect(replies[0]).toContain('Proses sebelumnya telah berakhir');
    expect(replies[4]).toContain('proses dibatalkan');
  });

  it('still drops an update Telegram delivers twice within the flow', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    const first = h.api.queueText(budi, '38.905');
    await h.api.waitForAck(first);
    const before = h.texts(budi.id).length;
    h.api.redeliver(first);
    await h.api.waitForAck(first);
    expect(h.texts(budi.id)).toHaveLength(before);
  });
});

describe('commands in capitals (issue 14.9)', () => {
  it('answers /CAKUPAN in a private chat and in a group, with and without @BotName', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    expect(await say(h, budi, '/CAKUPAN Pangkalpinang')).toContain('Kota Pangkal Pinang');
    expect(await say(h, budi, '/Lapor')).toContain('Kota Pangkal Pinang, minggu ke-48 tahun 2026');
    await say(h, budi, '/BATAL');
    const group = h.api.group(-7001, 'Disnaker Pangkalpinang');
    expect(await say(h, budi, '/CAKUPAN Pangkalpinang', group)).toContain('Kota Pangkal Pinang');
    expect(await say(h, budi, '/CAKUPAN@UC_JAMSOSNAKER_BOT Pangkalpinang', group)).toContain('Kota Pangkal Pinang');
    expect(await say(h, budi, '/cakupan@other_bot Pangkalpinang', group)).toBe('');
  });
});

describe('stickers, photos and voice notes', () => {
  it('outside a flow: one pointer to /bantuan per person per few minutes (issue 14.10)', async () => {
    const before = h.texts(budi.id).length;
    await sendRaw(STICKER);
    expect(h.texts(budi.id).slice(before)).toEqual([expect.stringContaining('stiker tidak dapat diproses')]);
    expect(h.api.lastMessage(budi.id).text).toContain('/bantuan');
    for (const m of [STICKER, PHOTO, VOICE, LOCATION]) await sendRaw(m);
    await sendRaw({ text: 'koreksi' }, 'edited_message');
    expect(h.texts(budi.id)).toHaveLength(before + 1);
    h.now = new Date(TUESDAY.getTime() + 6 * 60_000);
    await sendRaw(VOICE);
    expect(h.api.lastMessage(budi.id).text).toContain('pesan suara tidak dapat diproses');
    h.now = new Date(TUESDAY.getTime() + 12 * 60_000);
    await sendRaw({ text: 'koreksi' }, 'edited_message');
    expect(h.api.lastMessage(budi.id).text).toContain('perubahan pada pesan yang sudah terkirim tidak dibaca');
    expect(h.texts(budi.id)).toHaveLength(before + 3);
    expect(h.api.failedCalls()).toEqual([]);
  });

  it('while a number is awaited: the question again, with the reason (issue 9.4)', async () => {
    await say(h, budi, '/lapor');
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    for (const [m, name] of [[PHOTO, 'foto'], [STICKER, 'stiker'], [VOICE, 'pesan suara']] as const) {
      const before = h.texts(budi.id).length;
      await sendRaw(m);
      const reply = h.texts(budi.id).slice(before).join('\n');
      expect(reply).toContain(`${name} tidak dapat dibaca sebagai jawaban`);
      expect(reply).toContain('(1/9) Peserta aktif Penerima Upah');
    }
    expect(await say(h, budi, '38.905')).toContain('(2/9)');
  });
});

describe('when the audit trail cannot be written (issue 14.5)', () => {
  it('says the report was received and its audit line will follow, never that nothing changed', async () => {
    const audit = h.app.store.audit;
    const append = audit.append;
    audit.append = () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    await say(h, budi, '/lapor pu=38.905 bpu=11.200 jakon=2.205 pmi=58 nonasn=4.120 jkk=4.120 jkm=4.120 jht=1.030 jp=0');
    const summary = h.api.lastMessage(budi.id);
    if (summary.text.includes('Minggu ini')) await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    await h.api.press(budi, h.api.lastMessage(budi.id), 'Kirim laporan');
    const reply = h.api.lastMessage(budi.id).text;
    expect(reply).toContain('telah diterima');
    expect(reply).toContain('catatan auditnya belum dapat ditulis');
    expect(reply).not.toContain('tidak berubah');
    expect(reply).toContain('/cakupan Kota Pangkal Pinang');
    audit.append = append;
    await h.restart();
    const lines = (await h.app.store.audit.recent(10)).filter((e) => e.action === 'report.submit');
    expect(lines).toHaveLength(1);
  });
});

describe('a busy group (issue 14.11)', () => {
  it('gets its answer through the outbox when Telegram asks the bot to wait longer than a reply may', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    const group = h.api.group(-7002, 'Disnaker Pangkalpinang');
    h.api.failNext({ method: 'sendMessage', chatId: group.id, errorCode: 429, description: 'Too Many Requests: retry after 35', retryAfter: 35 });
    await h.api.sendText(h.admin, '/cakupan Bandung', group);
    await h.app.outbox.idle();
    const answer = h.api.lastMessage(group.id);
    expect(answer.text).toContain('Ada beberapa wilayah yang cocok');
    // The buttons came along, and pressing one works.
    await h.api.press(h.admin, answer, 'Kota Bandung');
    expect(h.api.lastMessage(group.id).text).toContain('Kota Bandung');
    expect(h.logs.filter((l) => l.includes('update failed'))).toEqual([]);
  });
});

describe('an answer out of scope in a flow (issue 9.8)', () => {
  it('/lapor and /undang say what to do next instead of waiting silently', async () => {
    const coord = await person(h, 8200, 'Koor Babel', 'coordinator', '19');
    await say(h, coord, '/lapor');
    const report = await say(h, coord, 'Kota Bandung');
    expect(report).toContain('Kota Bandung berada di luar wilayah akses Bapak/Ibu');
    expect(report).toContain('ketik nama wilayah lain');
    expect(report).toContain('/batal');
    expect(await say(h, coord, 'Pangkalpinang')).toMatch(/Laporan mingguan\nKota Pangkal Pinang/);
    await say(h, coord, '/batal');
    await say(h, coord, '/undang');
    await h.api.press(coord, h.api.lastMessage(coord.id), 'Petugas Disnaker (mengirim laporan)');
    const invite = await say(h, coord, 'Kota Bandung');
    expect(invite).toContain('berada di luar wilayah akses Bapak/Ibu');
    expect(invite).toContain('ketik nama wilayah lain');
  });
});

describe('a button press answered too late', () => {
  it('still moves the flow on when Telegram says the query is too old', async () => {
    await say(h, budi, '/lapor');
    h.api.failNext({ method: 'answerCallbackQuery', errorCode: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' });
    await pressIfOffered(h, budi, 'Minggu ini (ke-48)');
    expect(h.api.lastMessage(budi.id).text).toContain('(1/9) Peserta aktif Penerima Upah');
  });
});

describe('a report file read lazily that turns out corrupt (issue 11)', () => {
  it('fails the answers that need it with a clear line and a log naming it; other units are still served', async () => {
    await seedReport(h.app.store, '19.01', '2026-W48', PANGKALPINANG_W48);
    // Broken while the bot is down: the next start opens without reading it.
    await h.restart(() => writeFileSync(join(h.dataDir, 'reports', '2026', '19.01.jsonl'), '{"unitCode": "19.01", "reports": "rusak"}\n{"week":"2026-W48"}\n'));
    expect(await say(h, h.admin, '/cakupan Pangkalpinang')).toContain('Kota Pangkal Pinang');
    expect(await say(h, h.admin, '/cakupan Kabupaten Bangka')).toContain('data wilayah ini sedang tidak dapat dibaca');
    expect(await say(h, h.admin, '/status Babel')).toContain('data wilayah ini sedang tidak dapat dibaca');
    expect(h.logs.some((l) => l.includes('19.01.jsonl') && l.includes('"level":"error"'))).toBe(true);
    expect(await say(h, h.admin, '/cakupan Kota Bandung')).toContain('Kota Bandung');
  });
});
