import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person } from '../helpers/people.js';

// Telegram allows a bot about 30 messages a second in all; the stand-in enforces it in the outbox's pacing time, so
// a reply that meets a 429 can only reach its chat once the outbox has waited it out (issue 23.2).
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z'), floodLimits: { perSecond: 30, perGroupPerMinute: 20, perPrivateChatPerSecond: 30 } });
});
afterEach(async () => {
  await h.stop();
});

const UNITS = [
  ['19.71', 'Kota Pangkal Pinang'],
  ['19.01', 'Kabupaten Bangka'],
  ['19.02', 'Kabupaten Belitung'],
  ['19.03', 'Kabupaten Bangka Selatan'],
  ['19.04', 'Kabupaten Bangka Tengah'],
] as const;

describe('private answers under Telegram’s global limit', () => {
  it('200 /cakupan from 40 people at once: every person gets every answer, in the order asked', async () => {
    const people: TgUser[] = [];
    for (let i = 0; i < 40; i++) people.push(await person(h, 9100 + i, `Pemantau ${i + 1}`, 'viewer', '19'));
    const updates: number[] = [];
    for (const [code] of UNITS) for (const p of people) updates.push(h.api.queueText(p, `/cakupan ${code}`));
    for (const id of updates) await h.api.waitForAck(id);
    await h.app.outbox.idle();
    // The stand-in did push back: some replies met 429 and went through the outbox.
    expect(h.api.failedCalls().filter((c) => c.errorCode === 429).length).toBeGreaterThan(0);
    for (const p of people) {
      const texts = h.texts(p.id);
      expect(texts.join('\n')).not.toContain('terjadi kendala');
      expect(texts, `${p.first_name}: ${JSON.stringify(texts)}`).toHaveLength(UNITS.length);
      texts.forEach((text, i) => expect(text).toContain(`${UNITS[i]?.[1]} (kode ${UNITS[i]?.[0]})`));
    }
    expect(h.logs.filter((l) => l.includes('update failed'))).toEqual([]);
  });
});
