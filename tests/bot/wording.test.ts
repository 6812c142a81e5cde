import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person, say } from '../helpers/people.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
});
afterEach(async () => {
  await h.stop();
});

const CHAT = /\bchat\b/i;

describe('formal Indonesian: no "chat" where a person reads (issue 23, wording)', () => {
  it('in /bantuan for every role, in the stranger’s answer, and in the private-only answer in a group', async () => {
    expect(await say(h, h.admin, '/bantuan')).not.toMatch(CHAT);
    expect(await say(h, await person(h, 8001, 'Budi', 'staff', '19.71'), '/bantuan')).not.toMatch(CHAT);
    expect(await say(h, await person(h, 8002, 'Sari', 'coordinator', '19'), '/bantuan')).not.toMatch(CHAT);
    expect(await say(h, h.stranger, '/cakupan Pangkalpinang')).not.toMatch(CHAT);
    const group = h.api.group(-7001, 'Grup Disnaker');
    const inGroup = await say(h, h.admin, '/umumkan', group);
    expect(inGroup).toContain('percakapan pribadi dengan bot');
    expect(inGroup).not.toMatch(CHAT);
  });
});
