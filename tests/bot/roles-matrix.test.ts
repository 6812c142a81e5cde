import { afterEach, describe, expect, it } from 'vitest';
import type { Role, Scope } from '../../src/domain/access.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say } from '../helpers/people.js';
import { PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';

type Outcome = 'yes' | 'no';
const ACTIONS = [
  'cakupan 19.71',
  'cakupan Kota Bandung',
  'cakupan nasional',
  'undang',
  'pengguna',
  'audit',
  'hubungkan 19.71',
  'button cov:u:32.73',
  'button usr:rv (staff 19.71)',
  'button acc:ok (request 19.71)',
  'button grp:link:19.71',
] as const;
type Action = (typeof ACTIONS)[number];

interface Row {
  who: string;
  role?: Role;
  scope?: Scope;
  expected: Record<Action, Outcome>;
}

const row = (who: string, role: Role | undefined, scope: Scope | undefined, outcomes: string): Row => {
  const marks = outcomes.split(' ');
  return {
    who,
    ...(role ? { role } : {}),
    ...(scope ? { scope } : {}),
    expected: Object.fromEntries(ACTIONS.map((a, i) => [a, marks[i] === 'Y' ? 'yes' : 'no'])) as Record<Action, Outcome>,
  };
};

// Columns in the order of ACTIONS.
const MATRIX: Row[] = [
  row('admin', undefined, undefined, 'Y Y Y Y Y Y Y Y Y Y Y'),
  row('national coordinator', 'coordinator', 'national', 'Y Y Y Y Y Y Y Y Y Y Y'),
  row('coordinator of 19', 'coordinator', '19', 'Y N N Y Y Y Y N Y Y Y'),
  row('coordinator of 32', 'coordinator', '32', 'N Y N Y Y Y N Y N N N'),
  row('staff of 19.71', 'staff', '19.71', 'Y N N N N N Y N N N Y'),
  row('viewer of 19', 'viewer', '19', 'Y N N N N N N N N N N'),
  row('viewer of 19.71', 'viewer', '19.71', 'Y N N N N N N N N N N'),
  row('national viewer', 'viewer', 'national', 'Y Y Y N N N N Y N N N'),
  row('unknown', undefined, undefined, 'N N N N N N N N N N N'),
];

let h: Harness;
afterEach(async () => {
  await h.stop();
});

async function outcomes(r: Row): Promise<Record<Action, Outcome>> {
  h = await startHarness();
  const store = h.app.store;
  await seedReport(store, '19.71', '2026-W48', PANGKALPINANG_W48);
  await seedReport(store, '32.73', '2026-W48', PANGKALPINANG_W48);
  const actor = r.who === 'admin' ? h.admin : await person(h, 3001, 'Pelaku', r.role, r.scope);
  const target = await person(h, 5005, 'Staf Sasaran', 'staff', '19.71');
  const requester = await person(h, 6006, 'Pemohon');
  const request = await store.requests.create({
    requester: { telegramId: requester.id, name: 'Pemohon' },
    role: 'staff',
    scope: '19.71',
    createdAt: h.now.toISOString(),
  });
  const group = h.api.group(-777, 'Grup Disnaker');
  const result = {} as Record<Action, Outcome>;
  const yes = (ok: boolean): Outcome => (ok ? 'yes' : 'no');
  const command = async (text: string, allowed: RegExp, chat = undefined as typeof group | undefined) =>
    yes(allowed.test(await say(h, actor, `/${text}`, chat)));

  result['cakupan 19.71'] = await command('cakupan 19.71', /Peserta aktif: 52\.368/);
  result['cakupan Kota Bandung'] = await command('cakupan Kota Bandung', /Kota Bandung · kode 32\.73/);
  result['cakupan nasional'] = await command('cakupan nasional', /Nasional/);
  result.undang = await command('undang', /Membuat tautan undangan/);
  await say(h, actor, '/batal');
  result.pengguna = await command('pengguna', /Pengguna terdaftar/);
  result.audit = await command('audit', /catatan audit/i);
  result['hubungkan 19.71'] = await command('hubungkan 19.71', /kini terhubung/, group);
  await store.chats.unlink(group.id);

  // Forged button presses: the bot must re-check who presses, whatever the button says.
  await h.api.sendText(actor, '/bantuan');
  const own = h.api.lastMessage(actor.id);
  await h.api.forgeCallback(actor, own, 'cov:u:32.73');
  result['button cov:u:32.73'] = yes(h.api.lastMessage(actor.id).text.includes('Kota Bandung · kode 32.73'));
  await h.api.forgeCallback(actor, own, `usr:rv:${target.id}`);
  result['button usr:rv (staff 19.71)'] = yes(store.users.get(target.id) === undefined);
  await h.api.forgeCallback(actor, own, `acc:ok:${request.id}`);
  result['button acc:ok (request 19.71)'] = yes(store.requests.get(request.id)?.status === 'approved');
  await h.api.sendText(h.admin, '/bantuan@uc_jamsosnaker_bot', group);
  await h.api.forgeCallback(actor, h.api.lastMessage(group.id), 'grp:link:19.71');
  result['button grp:link:19.71'] = yes(store.chats.linkOf(group.id)?.unitCode === '19.71');

  // Whatever was refused was refused politely: every button press was answered, no Telegram call failed.
  expect(h.api.failedCalls()).toEqual([]);
  expect(lastCallbackAnswer(h)).toBeDefined();
  return result;
}

describe('every role against every command and button', () => {
  it.each(MATRIX)('$who', async (r) => {
    expect(await outcomes(r)).toEqual(r.expected);
  });

});
