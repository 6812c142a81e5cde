import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, Scope } from '../../src/domain/access.js';
import type { BotMessage, TgChat, TgUser } from '../../src/sandbox/bot-api-server.js';
import { errorLogs, startHarness, type Harness } from '../helpers/harness.js';
import { PANGKALPINANG_W48, seedBaseline, seedReport } from '../helpers/seed.js';
import { seededRandom } from '../helpers/random.js';

const random = seededRandom;

// Seed 3 at 4,000 updates once found a notice too long for one message; change these to explore further.
const SEED = 20261124;
const UPDATES = 2500;

const COMMANDS = [
  '/start', '/bantuan', '/help', '/cakupan', '/cakupan Pangkalpinang', '/CAKUPAN babel', '/cakupan Bandung', '/cakupan nasional',
  '/cakupan xyz', '/coverage 19.71', '/lapor', '/Lapor', '/lapor Pangkalpinang', '/lapor pu=1 bpu=', '/lapor pu=12rb bpu=1 jakon=2 pmi=0 nonasn=5 jkk=5 jkm=5 jht=1 jp=0',
  '/status', '/status Babel', '/status nasional', '/riwayat Pangkalpinang', '/riwayat 19.71 2026-W48', '/jadwal', '/umumkan', '/undang',
  '/batal', '/pengguna', '/audit', '/hubungkan Pangkalpinang', '/lepaskan', '/cabut 9', '/alihkan 8001', '/tidakada', '/cakupan@uc_jamsosnaker_bot Bangka',
  // Issues 10 and 12: the rekap, charts, the league table, verification, "belum ada data", named and late weeks.
  '/ekspor', '/ekspor Babel minggu 47', '/ekspor Bangka 2026-W40..2026-W48', '/ekspor nasional 2030', '/grafik Pangkalpinang tren',
  '/peringkat', '/peringkat Bangka', '/verifikasi', '/lapor belum ada data: data BPJS belum turun', '/lapor minggu 47 pu=1 bpu=1 jakon=1 pmi=1 nonasn=1 jkk=1 jkm=1 jht=1 jp=1',
  '/lapor minggu 60', '/lapor Babel minggu 40..48', '/hubungkan nasional',
  // Issue 19: maps and targets.
  '/peta Pangkalpinang', '/peta Bangka', '/target', '/target Babel', '/target Babel tambah 2029 50% RPJMD Uji | Perda 1/2025', '/target tambah 2029', '/target nasional tambah 20x9 lima',
];
const TEXTS = [
  '12rb', '1.234', '1,5 jt', '2 juta', '0', '=', 'abc', '-5', '1,250', '900an', 'ya', 'kirim', 'ubah', '3', 'ini', 'lalu', 'lewati',
  'Sakernas Agustus 2025', 'Pangkalpinang', 'Bangka', 'Kota Bandung', 'Jumat 27/11', '09.00 WIB', '2 jam', 'https://zoom.us/j/1',
  'Rapat <b>penting</b> & "mendesak"', '😀🙏', ' ', 'semua', 'nasional', 'x'.repeat(4096), 'Babel, Kepri', 'petugas', 'pemantau',
];

describe('random updates from many people (seeded, bounded)', () => {
  let h: Harness;
  const people: TgUser[] = [];
  const groups: TgChat[] = [];
  beforeAll(async () => {
    h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
    await seedBaseline(h.app.store, '19.71');
    await seedReport(h.app.store, '19.71', '2026-W47', PANGKALPINANG_W48);
    const roles: Array<[Role, Scope] | undefined> = [
      ['staff', '19.71'], ['staff', '19.01'], ['staff', '19'], ['staff', '32.73'], ['coordinator', '19'], ['coordinator', 'national'],
      ['viewer', '19'], ['viewer', 'national'], undefined, undefined,
    ];
    for (let i = 0; i < 50; i++) {
      const user = h.api.user(8000 + i, `Orang ${i}`);
      const role = roles[i % roles.length];
      if (role) await h.app.store.users.grant({ telegramId: user.id, name: user.first_name, role: role[0], scope: role[1] }, { telegramId: null, name: 'Uji' }, h.now);
      people.push(user);
    }
    people.push(h.admin);
    for (let g = 0; g < 4; g++) groups.push(h.api.group(-9000 - g, `Grup ${g}`, g % 2 === 0 ? 'group' : 'supergroup'));
    await h.app.store.chats.link({ chatId: -9000, title: 'Grup 0', unitCode: '19.71', by: { telegramId: null, name: 'Uji' }, at: h.now });
  }, 60_000);
  afterAll(async () => {
    await h.stop();
  });

  it(`${UPDATES} updates (seed ${SEED}): no crash, no Bot API error, every private text answered`, async () => {
    const rnd = random(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    let messageId = 1_000_000;
    const unanswered: string[] = [];
    for (let n = 0; n < UPDATES; n++) {
      // People type at human speed: the flood limit is not what this test is about.
      h.now = new Date(h.now.getTime() + 4000);
      const who = pick(people);
      const inGroup = rnd() < 0.15;
      const chat = inGroup ? pick(groups) : undefined;
      const chatId = chat?.id ?? who.id;
      const before = h.api.messages(chatId).length;
      const roll = rnd();
      const last: BotMessage | undefined = h.api.messages(chatId).at(-1);
      if (roll < 0.3) {
        await h.api.sendText(who, pick(COMMANDS), chat);
      } else if (roll < 0.6) {
        const text = pick(TEXTS);
        await h.api.sendText(who, text, chat);
        if (!chat && h.api.messages(chatId).length === before) unanswered.push(`#${n} ${who.id}: ${text.slice(0, 40)}`);
      } else if (roll < 0.85 && last && last.buttons.flat().length > 0) {
        const buttons = last.buttons.flat();
        await h.api.press(who, last, Math.floor(rnd() * buttons.length));
      } else if (roll < 0.9 && last) {
        await h.api.forgeCallback(who, last, pick(['lap:send:deadbeef', 'x', 'cov:u:99.99', 'jdw:h:00000000', 'a'.repeat(64), 'vrf:ok:19.71~2026-W48~1', 'vrf:why:19.71~2026-W48~1~7', 'exp:p:32~w', 'exp:u:19.71~2026-W40~2099-W01', 'chr:u:n~~', 'rnk:u:99~~', 'lap:nd:deadbeef']));
      } else {
        const kind = pick(['sticker', 'photo', 'edited']);
        const body = { message_id: messageId++, from: who, chat: chat ?? { id: who.id, type: 'private', first_name: who.first_name }, date: Math.floor(h.now.getTime() / 1000) };
        if (kind === 'edited') await h.api.deliver({ edited_message: { ...body, text: 'ubah', edit_date: body.date } });
        else if (kind === 'sticker') await h.api.deliver({ message: { ...body, sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } });
        else await h.api.deliver({ message: { ...body, photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] } });
      }
      if (n % 200 === 0) h.app.outbox.poke();
    }
    await h.app.outbox.idle();
    const failed = h.api.failedCalls().map((c) => `${c.method} ${c.errorCode} ${c.description} ${JSON.stringify(c.payload).slice(0, 300)}`);
    expect(failed).toEqual([]);
    expect(unanswered).toEqual([]);
    expect(errorLogs(h)).toEqual([]);
    // Every button press was acknowledged, so no client kept spinning.
    const presses = h.api.calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(presses.length).toBeGreaterThan(UPDATES * 0.1);
  }, 240_000);
});
