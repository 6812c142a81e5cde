import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FLOW_STATE_VERSION, readSession } from '../../src/flows/state.js';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';
import { PANGKALPINANG_W48, seedBaseline, seedReport } from '../helpers/seed.js';

const NOW = new Date('2026-11-24T03:00:00Z');
/** A /jadwal flow as the previous version saved it: no version, the last update id only, the old flow name. */
const PREVIOUS_MEETING = { flow: { name: 'session', id: 'a1b2c3d4', step: 'title', draft: {} }, startedAt: NOW.toISOString(), updatedAt: NOW.toISOString(), lastUpdateId: 3 };
/** A /lapor flow as the previous version saved it, whose shape still fits. */
const PREVIOUS_REPORT = {
  flow: {
    name: 'report', id: 'deadbeef', step: 'active_pu', unitCode: '19.71', week: '2026-W48', answers: {}, onBehalf: false,
    correcting: false, returnToSummary: false, warningsConfirmed: false, askedMessageId: 0,
  },
  startedAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  lastUpdateId: 3,
};

describe('reading a saved flow back (pure)', () => {
  it('accepts a state that fits, upgrades its redelivery guard, and refuses one that does not', () => {
    const report = readSession(PREVIOUS_REPORT);
    expect(report.ok && report.session.seenUpdates).toEqual([3]);
    expect(readSession(PREVIOUS_MEETING)).toEqual({ ok: false, flowName: 'session' });
    expect(readSession({ ...PREVIOUS_REPORT, flow: { ...PREVIOUS_REPORT.flow, step: 'nonsense' } })).toMatchObject({ ok: false, flowName: 'report' });
    expect(readSession({ ...PREVIOUS_REPORT, v: FLOW_STATE_VERSION + 1 })).toMatchObject({ ok: false });
  });
});

describe('a flow saved by the previous version (issue 8.2)', () => {
  let h: Harness;
  let budi: TgUser;
  beforeEach(async () => {
    h = await startHarness({ now: NOW });
    budi = await person(h, 8001, 'Budi', 'staff', '19.71');
    await seedBaseline(h.app.store, '19.71');
    await seedReport(h.app.store, '19.71', '2026-W47', PANGKALPINANG_W48);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('that no longer fits ends politely and names the command to start again', async () => {
    const coord = await person(h, 8100, 'Koor Babel', 'coordinator', '19');
    await h.app.store.sessions.set(`${coord.id}:${coord.id}`, PREVIOUS_MEETING);
    const reply = await say(h, coord, 'Monev Capaian UC');
    expect(reply).toContain('proses sebelumnya berakhir karena pembaruan sistem');
    expect(reply).toContain('/jadwal');
    expect(await say(h, coord, 'halo')).toContain('/cakupan');
  });

  it('that still fits resumes at its step', async () => {
    await h.app.store.sessions.set(`${budi.id}:${budi.id}`, PREVIOUS_REPORT);
    expect(await say(h, budi, '38.905')).toContain('(2/9) Peserta aktif Bukan Penerima Upah');
  });

  it('edited into nonsense ends politely too, and a command still works', async () => {
    await h.app.store.sessions.set(`${budi.id}:${budi.id}`, { ...PREVIOUS_REPORT, flow: { ...PREVIOUS_REPORT.flow, step: 'nonsense' } });
    const reply = await say(h, budi, '/cakupan');
    expect(reply).toContain('/lapor');
    expect(reply).toContain('Kota Pangkal Pinang');
  });
});
