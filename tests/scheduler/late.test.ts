import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadlineOf } from '../../src/domain/deadline.js';
import { dueOffset, parseOffsets } from '../../src/domain/durations.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { person } from '../helpers/people.js';
import { PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';

const FRIDAY_1500 = { weekday: 5, hour: 15, minute: 0 };

describe('late-report reminder instants (TZ=UTC on this machine)', () => {
  const offsets = parseOffsets('1d,2h');
  if (!offsets.ok) throw new Error(offsets.error.input);

  it.each([
    ['Asia/Jakarta', '2026-11-27T08:00:00.000Z', '2026-11-26T08:00:00.000Z', '2026-11-27T06:00:00.000Z'],
    ['Asia/Makassar', '2026-11-27T07:00:00.000Z', '2026-11-26T07:00:00.000Z', '2026-11-27T05:00:00.000Z'],
    ['Asia/Jayapura', '2026-11-27T06:00:00.000Z', '2026-11-26T06:00:00.000Z', '2026-11-27T04:00:00.000Z'],
  ])('%s: deadline %s, reminders at %s and %s', (zone, deadline, dayBefore, twoHours) => {
    expect(new Date('2026-11-27T00:00:00Z').getTimezoneOffset()).toBe(0); // the server's own zone plays no part
    const at = deadlineOf('2026-W48', zone, FRIDAY_1500);
    expect(at.toISOString()).toBe(deadline);
    const just = (iso: string, deltaMs: number) => dueOffset(offsets.value, at.getTime(), Date.parse(iso) + deltaMs)?.label;
    expect(just(dayBefore, -1)).toBeUndefined();
    expect(just(dayBefore, 0)).toBe('1d');
    expect(just(twoHours, 0)).toBe('2h');
    expect(just(deadline, 0)).toBeUndefined();
  });

  it('after downtime sends only the latest due reminder, and none once the event has come', () => {
    const at = Date.parse('2026-11-27T08:00:00Z');
    expect(dueOffset(offsets.value, at, Date.parse('2026-11-27T07:00:00Z'))?.label).toBe('2h');
    expect(dueOffset(offsets.value, at, at + 1)).toBeUndefined();
  });
});

describe('late-report reminders through the bot', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ now: new Date('2026-11-24T03:00:00Z') });
    await person(h, 9101, 'Petugas PKP', 'staff', '19.71');
    await person(h, 9102, 'Petugas Makassar', 'staff', '73.71');
    await person(h, 9103, 'Petugas Jayapura', 'staff', '91.71');
    await person(h, 9104, 'Pemantau PKP', 'viewer', '19.71');
    const group = h.api.group(-4242, 'Disnaker Makassar');
    await h.app.store.chats.link({ chatId: group.id, title: 'Disnaker Makassar', unitCode: '73.71', by: { telegramId: null, name: 'x' }, at: h.now });
  });
  afterEach(async () => {
    await h.stop();
  });

  const tickAt = async (iso: string): Promise<void> => {
    h.now = new Date(iso);
    await h.app.scheduler.tick();
    await h.app.outbox.idle();
  };

  it('reaches only units that have not reported, in their own zone and time, never twice', async () => {
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    await tickAt('2026-11-26T08:30:00Z'); // Thursday: the day-before reminder is due in every zone
    expect(h.api.messages(9101)).toHaveLength(0);
    expect(h.api.messages(9104)).toHaveLength(0);
    const makassar = h.api.lastMessage(9102).text;
    expect(makassar).toContain('Yth. Bapak/Ibu petugas Kota Makassar');
    expect(makassar).toContain('Batas waktu: Jumat, 27 November 2026 pukul 15.00 WITA.');
    expect(h.api.lastMessage(-4242).text).toContain('Kota Makassar');
    expect(h.api.lastMessage(9103).text).toContain('pukul 15.00 WIT.');
    await tickAt('2026-11-26T09:00:00Z');
    expect(h.api.messages(9102)).toHaveLength(1);
    expect(h.api.messages(-4242)).toHaveLength(1);
  });

  it('after downtime sends the latest due reminder once, and nothing after the deadline', async () => {
    await tickAt('2026-11-27T05:30:00Z'); // down since Wednesday: in WIB only the day-before reminder is due yet; in WIT both are, and only the 2-hour one goes
    expect(h.api.messages(9101).map((m) => m.text)).toHaveLength(1);
    await tickAt('2026-11-27T07:00:00Z'); // WIB 2h reminder due; WIT deadline (06Z) has passed
    expect(h.api.messages(9101)).toHaveLength(2);
    expect(h.api.messages(9103)).toHaveLength(1);
    await tickAt('2026-11-27T08:00:01Z');
    expect(h.api.messages(9101)).toHaveLength(2);
  });

  it('skips a unit that reports between two reminders', async () => {
    await tickAt('2026-11-26T08:30:00Z');
    expect(h.api.messages(9101)).toHaveLength(1);
    await seedReport(h.app.store, '19.71', '2026-W48', PANGKALPINANG_W48);
    await tickAt('2026-11-27T06:30:00Z');
    expect(h.api.messages(9101)).toHaveLength(1);
    expect(h.api.messages(9102)).toHaveLength(2);
  });
});
