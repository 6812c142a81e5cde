import ICAL from 'ical.js';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowupItem } from '../../src/domain/followups.js';
import type { BotMessage, TgUser } from '../../src/sandbox/bot-api-server.js';
import type { Meeting } from '../../src/store/schema.js';
import { errorLogs, startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say } from '../helpers/people.js';
import { PANGKALPINANG_W48, seedReport } from '../helpers/seed.js';

// A Babel session on Friday 27 November 2026, 09.00-11.00 WIB; it is Monday 30 November, 10.00 WIB.
let h: Harness;
let coord: TgUser;
let pkp: TgUser;
let bangka: TgUser;
let kepri: TgUser;

beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-30T03:00:00Z') });
  coord = await person(h, 9700, 'Dewi', 'coordinator', '19');
  pkp = await person(h, 9701, 'Budi', 'staff', '19.71');
  bangka = await person(h, 9702, 'Sari', 'staff', '19.01');
  kepri = await person(h, 9703, 'Yusuf', 'coordinator', '21');
  await person(h, 9704, 'Tari', 'staff', '21.71');
});
afterEach(async () => {
  expect(errorLogs(h)).toEqual([]);
  await h.stop();
});

async function addMeeting(overrides: Partial<Meeting> = {}): Promise<Meeting> {
  const m: Meeting = {
    id: 'a1b2c3d4',
    title: 'Monev Capaian UC Babel',
    startsAt: '2026-11-27T02:00:00.000Z',
    zone: 'WIB',
    durationMinutes: 120,
    place: 'https://zoom.us/j/123 (ID 123, kode 456)',
    agenda: 'Paparan capaian; kendala, rencana',
    audience: { kind: 'units', codes: ['19.71', '19.01'] },
    scope: '19',
    createdBy: { telegramId: coord.id, name: 'Dewi' },
    organiserChatId: coord.id,
    createdAt: '2026-11-20T00:00:00.000Z',
    version: 1,
    status: 'scheduled',
    attendance: [],
    ...overrides,
  };
  await h.app.store.meetings.add(m);
  return m;
}

const last = (u: TgUser): BotMessage => h.api.lastMessage(u.id);
const press = (u: TgUser, label: string, message = last(u)) => h.api.press(u, message, label);
const tickAt = async (iso: string): Promise<void> => {
  h.now = new Date(iso);
  await h.app.scheduler.tick();
  await h.app.outbox.idle();
};


/** Records a notulen with two items for Pangkalpinang (one also for Kab. Bangka) through the real flow. */
async function recordNotulen(): Promise<void> {
  await say(h, coord, '/notulen');
  await press(coord, 'Notulen 1');
  const answers = [
    'Capaian Kota Pangkal Pinang naik menjadi 50,3%. JHT non-ASN belum dianggarkan; Dinas Tenaga Kerja mengevaluasi lebih lanjut.',
    'Surat Edaran Wali Kota tentang kepesertaan pekerja rentan',
    'Pangkalpinang, Kab. Bangka',
    'Jumat 4/12',
    'Pekerja rentan terdaftar: 0 menjadi 500 orang',
    'JHT non-ASN Kota Pangkal Pinang dianggarkan di APBD-P 2026',
    'Pangkalpinang',
    '10 Desember 2026',
  ];
  for (const a of answers) await say(h, coord, a);
  await press(coord, 'Lewati');
  await press(coord, 'Tidak ada lagi, lihat pratinjau');
  await press(coord, 'Simpan dan kirim');
  await h.app.outbox.idle();
}

const itemsOf = (unit: string): FollowupItem[] => h.app.store.followups.all().filter((i) => i.unitCode === unit);

describe('a session’s notulen', () => {
  it('is recorded through the flow, kept with the session, audited, and sent to the audience with each unit’s own items first', async () => {
    await addMeeting();
    await recordNotulen();
    expect(last(coord).text).toContain('Notulen disimpan dan dikirim kepada 2 penerima (grup dan orang). Tindak lanjut: 2 butir untuk 2 unit.');
    expect(h.app.store.followups.notulenOf('a1b2c3d4')?.conclusions).toContain('Capaian Kota Pangkal Pinang naik');
    expect(itemsOf('19.71').map((i) => [i.n, i.due, i.figure])).toEqual([
      [1, '2026-12-04', 'Pekerja rentan terdaftar: 0 menjadi 500 orang'],
      [2, '2026-12-10', undefined],
    ]);
    expect(itemsOf('19.01').map((i) => i.n)).toEqual([1]);
    const toPkp = last(pkp).text;
    expect(toPkp).toContain('📝 Notulen: Monev Capaian UC Babel');
    expect(toPkp).toContain('Dicatat oleh: Dewi (koordinator Provinsi Kepulauan Bangka Belitung)');
    const own = toPkp.indexOf('Tindak lanjut untuk Kota Pangkal Pinang');
    const others = toPkp.indexOf('Tindak lanjut unit lain');
    expect(own).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(own);
    expect(toPkp.slice(own, others)).toContain('JHT non-ASN Kota Pangkal Pinang dianggarkan di APBD-P 2026');
    expect(toPkp.slice(own, others)).toContain('Tenggat: Jumat, 4 Desember 2026 · Sasaran angka: Pekerja rentan terdaftar: 0 menjadi 500 orang');
    expect(toPkp.slice(others)).toContain('Kabupaten Bangka: Surat Edaran Wali Kota');
    const toBangka = last(bangka).text;
    expect(toBangka.indexOf('Tindak lanjut untuk Kabupaten Bangka')).toBeLessThan(toBangka.indexOf('Kota Pangkal Pinang: JHT non-ASN'));
    // Kepri is not in the audience.
    expect(h.api.messages(9704).filter((m) => m.text.includes('Notulen'))).toEqual([]);
    const audit = await h.app.store.audit.recent(10);
    expect(audit.map((e) => e.action)).toContain('notulen.record');
    // The session's notulen is shown, not recorded twice.
    await say(h, coord, '/notulen');
    expect(last(coord).text).toContain('Notulen: sudah dicatat.');
    await press(coord, 'Notulen 1');
    expect(last(coord).text).toContain('Tindak lanjut (3)');
    expect(h.app.store.followups.all()).toHaveLength(3);
  });

  it('is refused to staff, and before the session has started', async () => {
    await addMeeting({ id: 'b1b2c3d4', startsAt: '2026-12-04T02:00:00.000Z' });
    expect(await say(h, pkp, '/notulen')).toContain('dicatat oleh penyelenggara sesi atau koordinator');
    await say(h, coord, '/notulen');
    expect(last(coord).text).toContain('Belum ada sesi monitoring yang telah berlangsung');
    await h.api.forgeCallback(coord, last(coord), 'nts:rec:b1b2c3d4');
    expect(lastCallbackAnswer(h)).toMatchObject({ text: 'Sesi ini belum dimulai; notulen dan daftar hadir tersedia setelah sesi berlangsung.' });
    expect(h.app.store.followups.notulenOf('b1b2c3d4')).toBeUndefined();
  });
});

describe('follow-up items', () => {
  it('are updated by their unit with a status and a document; coordinators see age and who last touched them, close and reopen', async () => {
    await addMeeting();
    await recordNotulen();
    h.now = new Date('2026-12-02T03:00:00Z');
    expect(await say(h, pkp, '/tindaklanjut')).toContain('Tindak lanjut Kota Pangkal Pinang (2 terbuka)');
    expect(last(pkp).buttons.flat().map((b) => b.text)).toEqual(['Perbarui 1', 'Perbarui 2']);
    await press(pkp, 'Perbarui 2');
    await press(pkp, 'Selesai');
    // A document over Telegram's download limit for bots is refused, and nothing is stored.
    await h.api.sendDocument(pkp, { fileName: 'DPA lengkap.pdf', size: 25 * 1024 * 1024 });
    expect(last(pkp).text).toContain('lebih besar dari 20 MB');
    expect(itemsOf('19.71')[1]?.status).toBe('belum');
    await h.api.sendDocument(pkp, { fileName: 'DPA APBD-P 2026 Disnaker.pdf', bytes: Buffer.from('%PDF-1.4 DPA') }, { caption: 'Halaman 14, kode rekening 5.1.02' });
    expect(last(pkp).text).toContain('kini berstatus <b>Selesai</b>'.replace(/<\/?b>/g, ''));
    const updated = itemsOf('19.71')[1];
    expect(updated?.status).toBe('selesai');
    expect(updated?.updates.at(-1)).toMatchObject({ by: { telegramId: pkp.id }, status: 'selesai', note: 'Halaman 14, kode rekening 5.1.02', document: { fileName: 'DPA APBD-P 2026 Disnaker.pdf' } });
    expect(updated?.updates.at(-1)?.document?.fileId).toMatch(/^document-/);

    h.now = new Date('2026-12-03T03:00:00Z');
    const overview = await say(h, coord, '/tindaklanjut');
    expect(overview).toContain('3 terbuka, 0 lewat tenggat.');
    expect(overview).toContain('Umur: 3 hari · Terakhir: Budi, Rabu, 2 Desember 2026 pukul 10.00 WIB');
    expect(overview).toContain('📎 DPA APBD-P 2026 Disnaker.pdf');
    expect(overview).toContain('Umur: 3 hari · Terakhir: belum ada pembaruan');
    const labels = last(coord).buttons.flat().map((b) => b.text);
    expect(labels).toContain('Dokumen 3');
    await press(coord, 'Dokumen 3');
    const doc = last(coord);
    expect(doc.file?.fileName).toBe('DPA APBD-P 2026 Disnaker.pdf');
    expect(doc.file?.bytes.toString()).toBe('%PDF-1.4 DPA');
    await say(h, coord, '/tindaklanjut');
    await press(coord, 'Tutup 3');
    expect(last(coord).text).toContain('telah ditutup');
    expect(itemsOf('19.71')[1]?.closed?.by.name).toBe('Dewi');
    // Closed: staff no longer see it, nor may they update it.
    expect(await say(h, pkp, '/tindaklanjut')).toContain('(1 terbuka)');
    await say(h, coord, '/tindaklanjut');
    expect(last(coord).text).toContain('2 terbuka');
    await press(coord, 'Buka lagi 3');
    expect(last(coord).text).toContain('dibuka kembali');
    expect(itemsOf('19.71')[1]?.closed).toBeUndefined();
    const actions = (await h.app.store.audit.recent(20)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['followup.update', 'followup.close', 'followup.reopen']));
    // A viewer of the province reads, without buttons.
    const viewer = await person(h, 9705, 'Rudi', 'viewer', '19');
    expect(await say(h, viewer, '/tindaklanjut')).toContain('Tindak lanjut di Provinsi Kepulauan Bangka Belitung');
    expect(last(viewer).buttons).toEqual([]);
    // /start leads there too.
    await say(h, pkp, '/start');
    await press(pkp, 'Tindak lanjut');
    expect(last(pkp).text).toContain('Tindak lanjut Kota Pangkal Pinang');
  });

  it('remind their unit before and after the due date, once per point, across restarts, and not once done', async () => {
    await addMeeting();
    await recordNotulen();
    const reminders = (u: TgUser) => h.api.messages(u.id).filter((m) => /^(⏰ Pengingat tindak lanjut|⚠️ Tindak lanjut melewati tenggat)/.test(m.text));
    await tickAt('2026-12-01T01:59:00Z');
    expect(reminders(pkp)).toHaveLength(0);
    await tickAt('2026-12-01T02:00:00Z');
    expect(reminders(pkp).map((m) => m.text.split('\n')[0])).toEqual(['⏰ Pengingat tindak lanjut: Surat Edaran Wali Kota tentang kepesertaan pekerja rentan']);
    expect(reminders(pkp)[0]?.text).toContain('Tenggat: Jumat, 4 Desember 2026 (3 hari lagi)');
    expect(reminders(bangka)).toHaveLength(1);
    await tickAt('2026-12-01T05:00:00Z');
    await h.restart();
    await tickAt('2026-12-01T06:00:00Z');
    expect(reminders(pkp)).toHaveLength(1);
    // Kab. Bangka finishes its part: it hears no more of it.
    const bangkaItem = itemsOf('19.01')[0];
    if (!bangkaItem) throw new Error('no item');
    await h.app.store.followups.update(bangkaItem.id, (i) => {
      i.status = 'selesai';
    });
    await tickAt('2026-12-03T02:00:00Z');
    expect(reminders(pkp).at(-1)?.text).toContain('(besok)');
    expect(reminders(pkp)).toHaveLength(2);
    expect(reminders(bangka)).toHaveLength(1);
    await h.restart();
    await tickAt('2026-12-05T02:00:00Z');
    expect(reminders(pkp).at(-1)?.text).toContain('⚠️ Tindak lanjut melewati tenggat: Surat Edaran Wali Kota');
    expect(reminders(pkp).at(-1)?.text).toContain('(telah lewat)');
    await h.restart();
    await tickAt('2026-12-06T02:00:00Z');
    await tickAt('2026-12-07T02:00:00Z');
    // Item 2 (due 10 December): its three-day point on 7 December.
    expect(reminders(pkp).map((m) => m.text.split('\n')[0])).toEqual([
      '⏰ Pengingat tindak lanjut: Surat Edaran Wali Kota tentang kepesertaan pekerja rentan',
      '⏰ Pengingat tindak lanjut: Surat Edaran Wali Kota tentang kepesertaan pekerja rentan',
      '⚠️ Tindak lanjut melewati tenggat: Surat Edaran Wali Kota tentang kepesertaan pekerja rentan',
      '⏰ Pengingat tindak lanjut: JHT non-ASN Kota Pangkal Pinang dianggarkan di APBD-P 2026',
    ]);
    expect(reminders(bangka)).toHaveLength(1);
  });

  it('refuse forged presses on another region’s items and sessions', async () => {
    await addMeeting();
    await recordNotulen();
    const [first] = itemsOf('19.71');
    if (!first) throw new Error('no item');
    await say(h, kepri, '/tindaklanjut');
    expect(last(kepri).text).toContain('Belum ada tindak lanjut');
    for (const data of [`tlx:cls:${first.id}`, `tlx:upd:${first.id}`, `tlx:doc:${first.id}`, 'nts:rec:a1b2c3d4', 'nts:xls:a1b2c3d4', 'nts:ngt:a1b2c3d4']) {
      await h.api.forgeCallback(kepri, last(kepri), data);
      expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true });
    }
    // Staff of another unit of the same province.
    await say(h, bangka, '/tindaklanjut');
    await h.api.forgeCallback(bangka, last(bangka), `tlx:upd:${first.id}`);
    expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true });
    await h.api.forgeCallback(bangka, last(bangka), `tlx:cls:${itemsOf('19.01')[0]?.id ?? ''}`);
    expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true });
    // A stranger.
    await h.api.forgeCallback(h.stranger, last(kepri), `tlx:cls:${first.id}`);
    expect(lastCallbackAnswer(h)).toMatchObject({ show_alert: true });
    expect(h.app.store.followups.all().every((i) => !i.closed && i.status === 'belum' && i.updates.length === 0)).toBe(true);
    expect(h.app.store.outbox.has('ngt-a1b2c3d4-2026-11-30')).toBe(false);
    expect(h.api.messages(kepri.id).filter((m) => m.file)).toEqual([]);
    // Staff whose access is revoked in the middle of an update: the save is refused.
    await say(h, pkp, '/tindaklanjut');
    await press(pkp, 'Perbarui 1');
    await press(pkp, 'Dalam proses');
    await h.app.store.users.revoke(pkp.id, { telegramId: null, name: 'Uji' }, h.now);
    await say(h, pkp, 'Sedang disusun');
    expect(itemsOf('19.71')[0]?.updates).toEqual([]);
  });
});

describe('the next session starts from the last', () => {
  it('lists the audience’s open and overdue items in the readiness note', async () => {
    await addMeeting();
    await recordNotulen();
    // Pangkalpinang closes item 2 with a document; item 1 passes its due date.
    h.now = new Date('2026-12-02T03:00:00Z');
    await say(h, pkp, '/tindaklanjut');
    await press(pkp, 'Perbarui 2');
    await press(pkp, 'Selesai');
    await h.api.sendDocument(pkp, { fileName: 'DPA APBD-P 2026 Disnaker.pdf' });
    await addMeeting({ id: 'c1c2c3c4', title: 'Monev Capaian UC Babel Desember', startsAt: '2026-12-11T02:00:00.000Z', createdAt: '2026-12-02T03:00:00.000Z' });
    await seedReport(h.app.store, '19.71', '2026-W50', PANGKALPINANG_W48, { at: new Date('2026-12-09T02:00:00Z') });
    await tickAt('2026-12-10T02:00:00Z');
    const note = h.api.messages(coord.id).find((m) => m.text.startsWith('Kesiapan Monev Capaian UC Babel Desember'));
    expect(note?.text).toContain('Tindak lanjut sesi sebelumnya yang belum selesai: 2, 2 lewat tenggat');
    expect(note?.text).toContain('• ⚠️ Kota Pangkal Pinang: Surat Edaran Wali Kota tentang kepesertaan pekerja rentan (tenggat Jumat, 4 Desember 2026, lewat; belum dikerjakan)');
    expect(note?.text).toContain('• ⚠️ Kabupaten Bangka: Surat Edaran Wali Kota');
    expect(note?.text).not.toContain('JHT non-ASN Kota Pangkal Pinang dianggarkan');
  });
});

describe('around the session', () => {
  it('sends an .ics with every reminder that a calendar reads back in the session’s zone', async () => {
    h.now = new Date('2026-11-23T00:00:00Z');
    await addMeeting({ id: 'd1d2d3d4', startsAt: '2026-11-27T01:30:00.000Z', zone: 'WITA', durationMinutes: 90, createdAt: '2026-11-20T00:00:00.000Z' });
    await tickAt('2026-11-24T01:30:00Z');
    const sent = h.api.messages(pkp.id);
    const icsAt = sent.findIndex((m) => m.file?.fileName.endsWith('.ics'));
    const ics = sent[icsAt]?.file;
    expect(ics?.fileName).toBe('sesi-monitoring-2026-11-27.ics');
    // The calendar file comes first; the reminder with its attendance buttons right after it.
    expect(sent[icsAt + 1]?.text).toMatch(/^📅 Pengingat \(3 hari lagi\)/);
    expect(sent[icsAt + 1]?.buttons.flat().map((b) => b.text)).toEqual(['Hadir', 'Diwakilkan', 'Berhalangan']);
    const text = ics?.bytes.toString('utf8') ?? '';
    expect(text).toMatch(/\r\n/);
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Asia/Makassar');
    ICAL.TimezoneService.register(zone as ICAL.Component);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.startDate.zone?.tzid).toBe('Asia/Makassar');
    expect(event.endDate.zone?.tzid).toBe('Asia/Makassar');
    expect(zone?.getFirstSubcomponent('standard')?.getFirstPropertyValue('tzoffsetto')?.toString()).toBe('+08:00');
    expect(event.startDate.toUnixTime()).toBe(Date.parse('2026-11-27T01:30:00Z') / 1000);
    expect(event.startDate.toString()).toBe('2026-11-27T09:30:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-27T01:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-27T03:00:00.000Z');
    expect(event.summary).toBe('Monev Capaian UC Babel');
    expect(event.location).toBe('https://zoom.us/j/123 (ID 123, kode 456)');
    expect(event.description).toContain('Agenda: Paparan capaian; kendala, rencana');
    expect(event.uid).toBe('sesi-d1d2d3d4@uc-bot');
    // Every recipient of the reminder gets the same file, uploaded once.
    expect(h.api.calls.filter((c) => c.method === 'sendDocument' && typeof c.payload.document !== 'string' && c.ok)).toHaveLength(1);
  });

  it('exports attendance as XLSX after the session: Hadir, Diwakilkan, Berhalangan, and units without an answer', async () => {
    await addMeeting({
      audience: { kind: 'units', codes: ['19.71', '19.01', '19.02'] },
      attendance: [
        { telegramId: pkp.id, name: 'Budi', scope: '19.71', status: 'hadir', at: '2026-11-26T01:15:00.000Z' },
        { telegramId: 9799, name: 'Wati', scope: '19.71', status: 'diwakilkan', at: '2026-11-26T02:00:00.000Z' },
        { telegramId: bangka.id, name: 'Sari', scope: '19.01', status: 'berhalangan', at: '2026-11-26T03:00:00.000Z' },
      ],
    });
    await say(h, coord, '/notulen');
    await press(coord, 'Kehadiran XLSX 1');
    const doc = last(coord);
    expect(doc.file?.fileName).toBe('kehadiran-2026-11-27-a1b2c3d4.xlsx');
    expect(doc.text).toBe('Kehadiran Monev Capaian UC Babel: 1 hadir, 1 diwakilkan, 1 berhalangan, 1 unit belum menjawab.');
    const [sheet] = await readXlsxFile(doc.file?.bytes ?? Buffer.alloc(0));
    expect(sheet?.sheet).toBe('Kehadiran');
    expect(sheet?.data.map((r) => r.slice(0, 4))).toEqual([
      ['Kode', 'Unit', 'Jawaban', 'Nama'],
      ['19.71', 'Kota Pangkal Pinang', 'Hadir', 'Budi'],
      ['19.71', 'Kota Pangkal Pinang', 'Diwakilkan', 'Wati'],
      ['19.01', 'Kabupaten Bangka', 'Berhalangan', 'Sari'],
      ['19.02', 'Kabupaten Belitung', 'Tidak menjawab', null],
    ]);
    // Times read as WIB wall clock, as the header says.
    expect((sheet?.data[1]?.[4] as unknown as Date).toISOString()).toBe('2026-11-26T08:15:00.000Z');
    expect((await h.app.store.audit.recent(5)).map((e) => e.action)).toContain('attendance.export');
  });

  it('reminds, in one press, every unit of the audience that has not reported this week, once a day', async () => {
    await addMeeting({ id: 'e1e2e3e4', startsAt: '2026-12-04T02:00:00.000Z' });
    await seedReport(h.app.store, '19.01', '2026-W49', PANGKALPINANG_W48, { at: new Date('2026-11-30T02:00:00Z') });
    await say(h, coord, '/jadwal');
    await press(coord, last(coord).buttons.flat().find((b) => b.text.startsWith('Ingatkan yang belum melapor:'))?.text ?? 'Ingatkan yang belum melapor');
    expect(last(coord).text).toContain('Pengingat dikirim kepada 1 unit (1 penerima: grup dan orang) yang belum melapor minggu ini.');
    await h.app.outbox.idle();
    expect(last(pkp).text).toContain('📣 Mohon izin mengingatkan: laporan minggu ke-49 tahun 2026 Kota Pangkal Pinang belum masuk.');
    expect(h.api.messages(bangka.id).filter((m) => m.text.startsWith('📣'))).toEqual([]);
    await say(h, coord, '/jadwal');
    await press(coord, last(coord).buttons.flat().find((b) => b.text.startsWith('Ingatkan yang belum melapor:'))?.text ?? 'Ingatkan yang belum melapor');
    expect(last(coord).text).toContain('sudah dikirim hari ini');
    expect(h.api.messages(pkp.id).filter((m) => m.text.startsWith('📣'))).toHaveLength(1);
  });
});
