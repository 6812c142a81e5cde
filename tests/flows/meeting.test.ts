import { beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/domain/records.js';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { ZONE_IANA } from '../../src/domain/when.js';
import { WIB, type ZoneLabel } from '../../src/domain/zones.js';
import { meetingStep, startMeeting, startReschedule, type MeetingFacts, type MeetingState } from '../../src/flows/meeting.js';
import { buttonsOf, pressOf, text, words } from '../helpers/flows.js';
import { officialRegions } from '../helpers/regions.js';

let regions: RegionDirectory;
beforeAll(async () => {
  regions = await officialRegions();
});
const stored: Meeting = {
  id: 'a1b2c3d4', title: 'Monev Capaian UC', startsAt: '2026-11-27T02:00:00.000Z', zone: 'WIB', durationMinutes: 120, place: 'Zoom', agenda: 'Paparan',
  audience: { kind: 'all' }, scope: '19', createdBy: { telegramId: 7, name: 'Rina' }, organiserChatId: 7, createdAt: '2026-11-20T00:00:00.000Z',
  version: 1, status: 'scheduled', attendance: [],
};
// Tuesday 24 November 2026, 10.00 WIB; a Babel coordinator.
const facts = (): MeetingFacts => ({
  access: { role: 'coordinator', scope: '19' },
  regions,
  now: new Date('2026-11-24T03:00:00Z'),
  scope: '19',
  zone: WIB,
  actor: { telegramId: 7, name: 'Rina' },
  chatId: 7,
  managed: (id) => (id === stored.id ? stored : undefined),
  reach: () => ({ units: 8, chats: 3 }),
  parties: () => ({ audience: 'semua unit di Provinsi Kepulauan Bangka Belitung', organiser: 'Rina (koordinator Provinsi Kepulauan Bangka Belitung)' }),
  zoneNamed: (label: ZoneLabel) => ({ label, iana: ZONE_IANA[label] }),
});

describe('the meeting flow, without a bot', () => {
  it('asks each answer in turn, checks each, and saves the meeting it describes', () => {
    let r = startMeeting('feedf00d');
    const answer = (t: string) => (r = meetingStep(r.state, text(t), facts()));
    answer('Asistensi UC');
    expect(words(answer('Sabtu 27/11'))).toContain('tanggal itu jatuh pada hari Jumat');
    answer('Jumat 27/11');
    expect(words(answer('08.00 WITA'))).toContain('Berapa lama?');
    expect(words(answer('20 jam'))).toContain('lamanya harus antara 15 menit dan 12 jam');
    answer('90 menit');
    answer('https://zoom.us/j/2');
    answer('Capaian & rencana');
    expect(buttonsOf(r).map((b) => b.text)).toEqual(['Semua unit di wilayah saya', 'Beberapa unit']);
    r = meetingStep(r.state, pressOf(buttonsOf(r)[0]), facts());
    expect(words(r)).toContain('Pengingat akan dikirim ke <b>3 penerima (grup dan orang)</b> dari 8 unit.');
    const saved = meetingStep(r.state, pressOf(buttonsOf(r).find((b) => b.text === 'Simpan jadwal')), facts());
    expect(saved.state).toBeUndefined();
    const effect = saved.effects[0];
    expect(effect?.kind).toBe('save');
    expect(effect?.kind === 'save' ? effect.meeting : undefined).toMatchObject({
      id: 'feedf00d', title: 'Asistensi UC', startsAt: '2026-11-27T00:00:00.000Z', zone: 'WITA', durationMinutes: 90, scope: '19', audience: { kind: 'all' },
    });
  });

  it('reschedules a stored meeting, keeping its organiser’s zone whatever zone the new time is typed in', () => {
    let r = startReschedule('0badcafe', stored, facts());
    r = meetingStep(r.state, text('Jumat 4/12'), facts());
    r = meetingStep(r.state, text('14.00 WITA'), facts());
    expect(words(r)).toContain('Pukul: <b>13.00–15.00 WIB</b>');
    const done = meetingStep(r.state, pressOf(buttonsOf(r)[0]), facts());
    expect(done.effects).toEqual([{ kind: 'reschedule', meetingId: 'a1b2c3d4', startsAt: '2026-12-04T06:00:00.000Z' }]);
  });

  it('refuses a time in the past, a press of another flow, and anyone who is no longer a coordinator', () => {
    const state: MeetingState = { name: 'meeting', id: 'feedf00d', step: 'time', draft: { title: 'x', date: { year: 2026, month: 11, day: 24 } } };
    expect(words(meetingStep(state, text('08.00'), facts()))).toContain('sudah lewat');
    expect(meetingStep(state, { kind: 'press', action: 'save', arg: 'ffffffff' }, facts())).toMatchObject({ untouched: true });
    const gone = meetingStep(state, text('10.00'), { ...facts(), access: { role: 'viewer', scope: '19' } });
    expect(gone.state).toBeUndefined();
  });
});
