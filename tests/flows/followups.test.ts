import { beforeAll, describe, expect, it } from 'vitest';
import { checkDueDate, dueReminderPoint, FOLLOWUP_REMINDER_POINTS, isOverdue, itemsOfDraft, reminderAt, type FollowupItem } from '../../src/domain/followups.js';
import type { Meeting } from '../../src/domain/records.js';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { WIB } from '../../src/domain/zones.js';
import { followupStep, startFollowupUpdate, type FollowupFacts } from '../../src/flows/followup.js';
import { notulenStep, startNotulen, type NotulenFacts } from '../../src/flows/notulen.js';
import { followupSheet } from '../../src/rekap/followup-rows.js';
import { buttonsOf, pressOf, text, words } from '../helpers/flows.js';
import { officialRegions } from '../helpers/regions.js';

let regions: RegionDirectory;
beforeAll(async () => {
  regions = await officialRegions();
});

// A Babel session on Friday 27 November 2026, recorded on Monday 30 November at 10.00 WIB.
const session: Meeting = {
  id: 'a1b2c3d4', title: 'Monev Capaian UC', startsAt: '2026-11-27T02:00:00.000Z', zone: 'WIB', durationMinutes: 120, place: 'Zoom', agenda: 'Paparan',
  audience: { kind: 'units', codes: ['19.71', '19.01'] }, scope: '19', createdBy: { telegramId: 7, name: 'Rina' }, organiserChatId: 7,
  createdAt: '2026-11-20T00:00:00.000Z', version: 1, status: 'scheduled', attendance: [],
};
const NOW = new Date('2026-11-30T03:00:00Z');
const notulenFacts = (over: Partial<NotulenFacts> = {}): NotulenFacts => ({
  access: { role: 'coordinator', scope: '19' },
  regions,
  now: NOW,
  zone: WIB,
  meeting: (id) => (id === session.id ? session : undefined),
  audience: () => ['19.71', '19.01'],
  reach: () => 3,
  unitName: (c) => regions.get(c)?.name ?? c,
  ...over,
});

describe('the notulen flow, without a bot', () => {
  it('takes conclusions and two items (units, a due date, an optional figure), previews and saves them', () => {
    let r = startNotulen('feedf00d', session, WIB);
    const answer = (t: string) => (r = notulenStep(r.state, text(t), notulenFacts()));
    expect(words(r)).toContain('Tuliskan kesimpulan sesi');
    expect(words(answer('   '))).toContain('tidak boleh kosong');
    expect(words(answer('Capaian Kota Pangkal Pinang naik; JHT non-ASN belum dianggarkan.'))).toContain('Tindak lanjut 1');
    answer('JHT non-ASN dianggarkan di APBD-P 2026');
    expect(words(answer('Pangkalpinang, Bandung'))).toContain('“Bandung”: ada beberapa yang cocok');
    expect(words(answer('Pangkalpinang, Bangka Tengah'))).toContain('Kabupaten Bangka Tengah bukan peserta sesi ini');
    expect(words(answer('Pangkalpinang'))).toContain('Paling lambat tanggal berapa?');
    expect(words(answer('30/11/2026'))).toContain('tenggat harus setelah hari ini');
    expect(words(answer('2026-11-29'))).toContain('tenggat harus setelah hari ini');
    expect(words(answer('31 Februari 2027'))).toContain('Mohon maaf');
    expect(words(answer('15 Januari 2027'))).toContain('Angka yang diharapkan bergerak');
    answer('JHT non-ASN: 1.650 menjadi 4.120 orang');
    expect(words(r)).toContain('Tindak lanjut 2');
    answer('Surat Edaran Wali Kota tentang kepesertaan pekerja rentan');
    answer('Kota Pangkal Pinang; Kab. Bangka');
    answer('Senin 7/12');
    r = notulenStep(r.state, pressOf(buttonsOf(r).find((b) => b.text === 'Lewati')), notulenFacts());
    expect(words(r)).toContain('Tindak lanjut 3');
    r = notulenStep(r.state, pressOf(buttonsOf(r).find((b) => b.text === 'Tidak ada lagi, lihat pratinjau')), notulenFacts());
    expect(words(r)).toContain('Pratinjau notulen: Monev Capaian UC');
    expect(words(r)).toContain('Unit: Kota Pangkal Pinang, Kabupaten Bangka');
    expect(words(r)).toContain('Tenggat: Jumat, 15 Januari 2027');
    expect(words(r)).toContain('dikirim kepada <b>3 penerima</b> (grup dan orang)');
    const saved = notulenStep(r.state, pressOf(buttonsOf(r).find((b) => b.text === 'Simpan dan kirim')), notulenFacts());
    expect(saved.state).toBeUndefined();
    expect(saved.effects).toEqual([
      {
        kind: 'save',
        meetingId: 'a1b2c3d4',
        conclusions: 'Capaian Kota Pangkal Pinang naik; JHT non-ASN belum dianggarkan.',
        items: [
          { what: 'JHT non-ASN dianggarkan di APBD-P 2026', units: ['19.71'], due: '2027-01-15', figure: 'JHT non-ASN: 1.650 menjadi 4.120 orang' },
          { what: 'Surat Edaran Wali Kota tentang kepesertaan pekerja rentan', units: ['19.71', '19.01'], due: '2026-12-07' },
        ],
      },
    ]);
    // Split per unit: three items, numbered as the notulen numbers them.
    let k = 0;
    const items = itemsOfDraft('a1b2c3d4', saved.effects[0]?.items ?? [], { ids: () => `0000000${++k}`, now: NOW, by: { telegramId: 7, name: 'Rina' } });
    expect(items.map((i) => [i.n, i.unitCode, i.status])).toEqual([[1, '19.71', 'belum'], [2, '19.71', 'belum'], [2, '19.01', 'belum']]);
  });

  it('refuses a staff member, a stale button, a press of another flow, and ends when the session is gone', () => {
    const r = startNotulen('feedf00d', session, WIB);
    expect(words(notulenStep(r.state, text('Kesimpulan'), notulenFacts({ access: { role: 'staff', scope: '19.71' } })))).toContain('tidak');
    expect(notulenStep(r.state, { kind: 'press', action: 'save', arg: 'feedf00d' }, notulenFacts()).notice).toBeDefined();
    expect(notulenStep(r.state, { kind: 'press', action: 'save', arg: 'deadbeef' }, notulenFacts()).untouched).toBe(true);
    const gone = notulenStep(r.state, text('Kesimpulan'), notulenFacts({ meeting: () => undefined }));
    expect(gone.state).toBeUndefined();
    expect(gone.effects).toEqual([]);
  });

  it('refuses text longer than the limits', () => {
    let r = startNotulen('feedf00d', session, WIB);
    r = notulenStep(r.state, text('x'.repeat(3001)), notulenFacts());
    expect(words(r)).toContain('paling banyak 3.000 karakter');
    r = notulenStep(r.state, text('Kesimpulan'), notulenFacts());
    expect(words(notulenStep(r.state, text('y'.repeat(501)), notulenFacts()))).toContain('paling banyak 500 karakter');
  });
});

const item = (over: Partial<FollowupItem> = {}): FollowupItem => ({
  id: 'c0ffee01', meetingId: 'a1b2c3d4', n: 1, what: 'JHT non-ASN dianggarkan di APBD-P 2026', unitCode: '19.71', due: '2026-12-10',
  status: 'belum', createdAt: NOW.toISOString(), createdBy: { telegramId: 7, name: 'Rina' }, updates: [], ...over,
});
const followupFacts = (i: FollowupItem | undefined = item()): FollowupFacts => ({
  access: { role: 'staff', scope: '19.71' },
  updatable: (id) => (i && id === i.id ? i : undefined),
  view: (x) => ({ item: x, unit: 'Kota Pangkal Pinang', overdue: false }),
});

describe('a follow-up item’s update, without a bot', () => {
  it('takes a status, then a note, a document (its caption as the note), or nothing', () => {
    const start = startFollowupUpdate('feedf00d', item(), followupFacts().view(item()));
    expect(buttonsOf(start).map((b) => b.text)).toEqual(['Belum dikerjakan', 'Dalam proses', 'Selesai', 'Terkendala', 'Batal']);
    const done = followupStep(start.state, pressOf(buttonsOf(start).find((b) => b.text === 'Selesai')), followupFacts());
    expect(words(done)).toContain('kirim dokumen pendukung');
    expect(words(followupStep(done.state, { kind: 'other', what: 'photo' }, followupFacts()))).toContain('bukan foto');
    const tooBig = followupStep(done.state, { kind: 'other', what: 'document', document: { fileId: 'f1', fileName: 'APBD.pdf', size: 21 * 1024 * 1024 } }, followupFacts());
    expect(words(tooBig)).toContain('lebih besar dari 20 MB');
    expect(tooBig.effects).toEqual([]);
    expect(tooBig.state?.step).toBe('note');
    const nameless = followupStep(done.state, { kind: 'other', what: 'document', document: { fileId: 'f1', size: 10 } }, followupFacts());
    expect(words(nameless)).toContain('tidak bernama');
    const doc = followupStep(done.state, { kind: 'other', what: 'document', document: { fileId: 'f1', fileName: 'DPA APBD-P 2026.pdf', size: 120_000, caption: 'Halaman 14' } }, followupFacts());
    expect(doc.effects).toEqual([{ kind: 'update', itemId: 'c0ffee01', status: 'selesai', note: 'Halaman 14', document: { fileId: 'f1', fileName: 'DPA APBD-P 2026.pdf', size: 120_000 } }]);
    expect(words(followupStep(done.state, text('   '), followupFacts()))).toContain('tidak boleh kosong');
    expect(words(followupStep(done.state, text('z'.repeat(501)), followupFacts()))).toContain('paling banyak 500 karakter');
    const skipped = followupStep(done.state, pressOf(buttonsOf(done).find((b) => b.text === 'Lewati')), followupFacts());
    expect(skipped.effects).toEqual([{ kind: 'update', itemId: 'c0ffee01', status: 'selesai' }]);
  });

  it('refuses a closed item, an item out of reach, typing before a status, and a forged status code', () => {
    expect(startFollowupUpdate('feedf00d', item({ closed: { at: NOW.toISOString(), by: { telegramId: 7, name: 'Rina' } } }), followupFacts().view(item())).state).toBeUndefined();
    const start = startFollowupUpdate('feedf00d', item(), followupFacts().view(item()));
    expect(words(followupStep(start.state, text('sudah'), followupFacts()))).toContain('gunakan tombol');
    expect(followupStep(start.state, { kind: 'press', action: 'sz', arg: 'feedf00d' }, followupFacts()).notice).toBeDefined();
    const outOfReach = followupStep(start.state, { kind: 'press', action: 'ss', arg: 'feedf00d' }, { ...followupFacts(), updatable: () => undefined });
    expect(outOfReach.state).toBeUndefined();
    expect(outOfReach.effects).toEqual([]);
  });
});

describe('follow-up rules', () => {
  it('takes due dates after today only, in the writer’s zone', () => {
    expect(checkDueDate({ year: 2026, month: 11, day: 30 }, NOW, 'Asia/Jakarta').ok).toBe(false);
    expect(checkDueDate({ year: 2026, month: 12, day: 1 }, NOW, 'Asia/Jakarta')).toEqual({ ok: true, value: '2026-12-01' });
    // 23.30 WIB on 30 November is already 1 December in WIT.
    expect(checkDueDate({ year: 2026, month: 12, day: 1 }, new Date('2026-11-30T16:30:00Z'), 'Asia/Jayapura').ok).toBe(false);
  });

  it('reminds at 09.00 local three days and one day before and the day after, only the latest, never before it was made', () => {
    const i = item({ due: '2026-12-10' });
    expect(FOLLOWUP_REMINDER_POINTS.map((p) => reminderAt(i.due, p, 'Asia/Makassar').toISOString())).toEqual([
      '2026-12-07T01:00:00.000Z',
      '2026-12-09T01:00:00.000Z',
      '2026-12-11T01:00:00.000Z',
    ]);
    expect(dueReminderPoint(i, new Date('2026-12-07T01:59:59Z'), 'Asia/Jakarta')).toBeUndefined();
    expect(dueReminderPoint(i, new Date('2026-12-07T02:00:00Z'), 'Asia/Jakarta')?.label).toBe('h-3');
    expect(dueReminderPoint(i, new Date('2026-12-12T00:00:00Z'), 'Asia/Jakarta')?.label).toBe('h+1');
    expect(dueReminderPoint({ ...i, status: 'selesai' }, new Date('2026-12-12T00:00:00Z'), 'Asia/Jakarta')).toBeUndefined();
    // Made on 8 December: the three-day point had passed before it existed.
    expect(dueReminderPoint({ ...i, createdAt: '2026-12-08T00:00:00.000Z' }, new Date('2026-12-08T05:00:00Z'), 'Asia/Jakarta')).toBeUndefined();
    expect(isOverdue(i, new Date('2026-12-10T16:59:59Z'), 'Asia/Jakarta')).toBe(false);
    expect(isOverdue(i, new Date('2026-12-10T17:00:00Z'), 'Asia/Jakarta')).toBe(true);
  });

  it('gives the rekap sheet "Tindak Lanjut": overdue first, then open by due date, closed last', () => {
    const now = new Date('2026-12-20T03:00:00Z');
    const by = { telegramId: 9, name: 'Budi' };
    const sheet = followupSheet(
      [
        item({ id: '00000001', due: '2027-01-15', status: 'proses', updates: [{ at: '2026-12-02T03:00:00.000Z', by, status: 'proses', note: 'Diusulkan di KUA-PPAS' }] }),
        item({ id: '00000002', due: '2026-12-10', what: 'SE Wali Kota' }),
        item({ id: '00000003', due: '2026-12-07', unitCode: '19.01', status: 'selesai', updates: [{ at: '2026-12-05T03:00:00.000Z', by, status: 'selesai', document: { fileId: 'f', fileName: 'SE.pdf' } }], closed: { at: '2026-12-06T03:00:00.000Z', by } }),
      ],
      { now, unitOf: (c) => ({ name: regions.get(c)?.name ?? c, iana: 'Asia/Jakarta' }), sessionOf: () => 'Monev Capaian UC' },
    );
    expect(sheet.sheet).toBe('Tindak Lanjut');
    expect(sheet.header.slice(0, 4)).toEqual(['No', 'Kode', 'Unit', 'Tindak lanjut']);
    expect(sheet.rows.map((r) => [r[0], r[1], r[3], r[7], r[8], r[14]])).toEqual([
      [1, '19.71', 'SE Wali Kota', 'Belum dikerjakan', 'Ya', 'Tidak'],
      [2, '19.71', 'JHT non-ASN dianggarkan di APBD-P 2026', 'Dalam proses', 'Tidak', 'Tidak'],
      [3, '19.01', 'JHT non-ASN dianggarkan di APBD-P 2026', 'Selesai', 'Tidak', 'Ya'],
    ]);
    expect(sheet.rows[0]?.[6]).toEqual(new Date('2026-12-10T00:00:00Z'));
    expect(sheet.rows[0]?.[9]).toBe(20);
    expect(sheet.rows[1]?.[10]).toBe('Budi');
    expect(sheet.rows[1]?.[12]).toBe('Diusulkan di KUA-PPAS');
    expect(sheet.rows[2]?.[13]).toBe('SE.pdf');
    expect(sheet.rows.every((r) => r.length === sheet.header.length)).toBe(true);
  });
});
