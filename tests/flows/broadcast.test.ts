import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { WIB } from '../../src/domain/zones.js';
import { broadcastStep, startBroadcast, type BroadcastFacts, type BroadcastState } from '../../src/flows/broadcast.js';
import { buttonsOf, pressOf, text, words } from '../helpers/flows.js';
import { officialRegions } from '../helpers/regions.js';

let regions: RegionDirectory;
beforeAll(async () => {
  regions = await officialRegions();
});
// Tuesday 24 November 2026, 10.00 WIB.
const facts = (): BroadcastFacts => ({
  access: { role: 'coordinator', scope: '19' },
  regions,
  now: new Date('2026-11-24T03:00:00Z'),
  scope: '19',
  zone: WIB,
  sender: 'Rina (koordinator Provinsi Kepulauan Bangka Belitung)',
  reach: () => ({ units: 8, chats: 3, groups: 1, unreached: [] }),
  newId: () => 'a1b2c3d4',
});

describe('the broadcast flow, without a bot', () => {
  it('keeps the author’s formatting under a bold header naming the sender, shifting its offsets', () => {
    let r = startBroadcast(facts());
    r = broadcastStep(r.state, { kind: 'text', text: 'Rapat Jumat', entities: [{ type: 'italic', offset: 0, length: 5 }] }, facts());
    expect(buttonsOf(r).map((b) => b.text)).toEqual(['Semua unit di wilayah saya', 'Beberapa unit']);
    r = broadcastStep(r.state, pressOf(buttonsOf(r)[0]), facts());
    expect(words(r)).toContain('Penerima: semua unit di Provinsi Kepulauan Bangka Belitung (8 unit), yaitu <b>1 grup dan 2 orang</b>.');
    const send = broadcastStep(r.state, pressOf(buttonsOf(r).find((b) => b.text === 'Kirim sekarang')), facts());
    const effect = send.effects[0];
    expect(send.state).toBeUndefined();
    expect(effect?.body).toEqual({
      format: 'entities',
      text: '📢 Pengumuman dari Rina (koordinator Provinsi Kepulauan Bangka Belitung)\n\nRapat Jumat',
      entities: [{ type: 'bold', offset: 0, length: 72 }, { type: 'italic', offset: 74, length: 5 }],
    });
    expect(effect?.notBefore).toBeUndefined();
  });

  it('refuses a text that would not fit under its header, and a time in the past', () => {
    const state: BroadcastState = { name: 'broadcast', id: 'a1b2c3d4', step: 'text' };
    expect(words(broadcastStep(state, text('x'.repeat(4090)), facts()))).toContain('terlalu panjang (4.090 karakter)');
    const when: BroadcastState = { ...state, step: 'when', body: { text: 'Rapat', entities: [] }, audience: { kind: 'all' } };
    expect(words(broadcastStep(when, text('Selasa 24/11 08.00'), facts()))).toContain('sudah lewat');
    const later = broadcastStep(when, text('Jumat 27/11 08.00 WIB'), facts());
    expect(later.state).toMatchObject({ step: 'preview', notBefore: '2026-11-27T01:00:00.000Z' });
    expect(buttonsOf(later).map((b) => b.text)).toEqual(['Simpan jadwal', 'Batal']);
  });

  it('takes a press only from this flow and its step, and only from a coordinator or admin', () => {
    const state: BroadcastState = { name: 'broadcast', id: 'a1b2c3d4', step: 'audience', body: { text: 'Rapat', entities: [] } };
    expect(broadcastStep(state, { kind: 'press', action: 'all', arg: 'ffffffff' }, facts())).toMatchObject({ untouched: true });
    expect(broadcastStep(state, { kind: 'press', action: 'go', arg: 'a1b2c3d4' }, facts())).toMatchObject({ untouched: true });
    const revoked = broadcastStep(state, { kind: 'press', action: 'all', arg: 'a1b2c3d4' }, { ...facts(), access: { role: 'viewer', scope: '19' } });
    expect(revoked.state).toBeUndefined();
    expect(revoked.effects).toEqual([]);
  });
});
