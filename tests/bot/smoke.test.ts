import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';

describe('smoke', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });
  it('answers /start', async () => {
    await h.api.sendText(h.admin, '/start');
    expect(h.api.lastMessage(h.admin.id).text).toContain('Selamat datang');
    expect(h.api.failedCalls()).toEqual([]);
  });
});
