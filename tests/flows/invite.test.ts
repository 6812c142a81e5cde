import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { inviteStep, startInvite, type InviteFacts, type InviteState } from '../../src/flows/invite.js';
import { officialRegions } from '../helpers/regions.js';
import { buttonsOf, text, words } from '../helpers/flows.js';

// The invite flow's rules, tested as a pure function: no bot, no Telegram, no store.
let regions: RegionDirectory;
beforeAll(async () => {
  regions = await officialRegions();
});
const coordinator = (): InviteFacts => ({ access: { role: 'coordinator', scope: '19' }, regions });
const admin = (): InviteFacts => ({ access: { role: 'admin' }, regions });
const press = (action: string, arg: string) => ({ kind: 'press' as const, action, arg });

describe('the invite flow, without a bot', () => {
  it('offers a coordinator staff and viewer, an admin also coordinator, and refuses everyone else without touching their flow', () => {
    const labels = (f: InviteFacts) => buttonsOf(startInvite(f)).map((b) => b.text);
    expect(labels(coordinator())).toEqual(['Petugas Disnaker (mengirim laporan)', 'Pemantau (melihat data)']);
    expect(labels(admin())).toEqual(['Koordinator (provinsi/nasional)', 'Petugas Disnaker (mengirim laporan)', 'Pemantau (melihat data)']);
    const staff = startInvite({ access: { role: 'staff', scope: '19.71' }, regions });
    expect(staff).toMatchObject({ state: undefined, untouched: true, effects: [] });
  });

  it('every role button it offers is taken, and leads to the scope question', () => {
    const start = startInvite(admin());
    for (const button of buttonsOf(start)) {
      const [, action = '', arg = ''] = button.callback_data.split(':');
      const next = inviteStep(start.state, press(action, arg), admin());
      expect(next.state).toMatchObject({ name: 'invite', step: 'scope' });
      expect(next.notice).toBeUndefined();
    }
  });

  it('issues an invite for a unit in scope, typed as people write it', () => {
    const state: InviteState = { name: 'invite', step: 'scope', role: 'staff' };
    const result = inviteStep(state, text('kota pangkalpinang'), coordinator());
    expect(result).toEqual({ state: undefined, replies: [], effects: [{ kind: 'issue', role: 'staff', scope: '19.71' }] });
  });

  it('keeps asking, and says what to do, for a unit out of scope', () => {
    const state: InviteState = { name: 'invite', step: 'scope', role: 'staff' };
    const result = inviteStep(state, text('Kota Bandung'), coordinator());
    expect(result.state).toEqual(state);
    expect(result.effects).toEqual([]);
    expect(words(result)).toContain('berada di luar wilayah akses Bapak/Ibu');
    expect(words(result)).toContain('ketik nama wilayah lain');
  });

  it('explains the rule for a scope the role cannot hold', () => {
    const state: InviteState = { name: 'invite', step: 'scope', role: 'staff' };
    expect(words(inviteStep(state, text('nasional'), admin()))).toContain('tidak dapat diberikan untuk cakupan nasional');
    const coord: InviteState = { name: 'invite', step: 'scope', role: 'coordinator' };
    expect(inviteStep(coord, text('Pangkalpinang'), admin()).effects).toEqual([]);
  });

  it('answers an ambiguous name with buttons, each of which issues the invite', () => {
    const state: InviteState = { name: 'invite', step: 'scope', role: 'viewer' };
    const asked = inviteStep(state, text('Bangka'), coordinator());
    const buttons = buttonsOf(asked);
    expect(buttons.length).toBeGreaterThan(1);
    for (const b of buttons) {
      const [, action = '', arg = ''] = b.callback_data.split(':');
      const done = inviteStep(state, press(action, arg), coordinator());
      expect(done.effects).toEqual([{ kind: 'issue', role: 'viewer', scope: arg }]);
    }
  });

  it('refuses a forged or stale press, and a coordinator role asked for by a coordinator', () => {
    const state: InviteState = { name: 'invite', step: 'role' };
    expect(inviteStep(state, press('unit', '19.71'), coordinator())).toMatchObject({ untouched: true, notice: 'Mohon maaf, tombol ini sudah tidak berlaku.' });
    expect(inviteStep(undefined, press('role', 'staff'), coordinator())).toMatchObject({ untouched: true });
    expect(words(inviteStep(state, press('role', 'coordinator'), coordinator()))).toContain('tidak tersedia');
  });
});
