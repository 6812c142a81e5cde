import { dateKey, itemsOfDraft } from '../domain/followups.js';
import { localDateOf, toInstant, type LocalDate } from '../domain/when.js';
import type { Meeting } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { DEMO_ACTOR } from './demo-data.js';

const WIB_IANA = 'Asia/Jakarta';
const daysFrom = (d: LocalDate, days: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

/**
 * The monitoring cycle in the sandbox (demo data, not official): a Babel session on a Friday one or two weeks ago with its notulen and two
 * follow-up items for Pangkalpinang (one overdue, one due in two weeks), and the next session in two days, organised
 * by the sandbox's admin, so that its readiness note (sent at once: the three-day reminder is due) lists the overdue
 * item.
 */
export async function seedDemoFollowups(store: Store, now: Date, organiserChatId: number, ids: { past: string; next: string; items: () => string }): Promise<void> {
  const today = localDateOf(now, WIB_IANA);
  const at9 = (days: number): string => toInstant(daysFrom(today, days), { hour: 9, minute: 0 }, WIB_IANA).toISOString();
  // The past session fell on a Friday 7 to 13 days ago; its first item was due the Wednesday after (so it is overdue).
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const pastDay = -(((weekday - 5 + 7) % 7) + 7);
  const base: Omit<Meeting, 'id' | 'title' | 'startsAt' | 'createdAt' | 'attendance'> = {
    zone: 'WIB',
    durationMinutes: 120,
    place: 'Zoom Meeting https://zoom.us/j/0000000000 (ID 000 0000 0000, kode sandi DEMO)',
    agenda: 'Paparan capaian UC Jamsosnaker kab/kota; kendala dan rencana tindak lanjut',
    audience: { kind: 'all' },
    scope: '19',
    createdBy: DEMO_ACTOR,
    organiserChatId,
    version: 1,
    status: 'scheduled',
  };
  const past: Meeting = {
    ...base,
    id: ids.past,
    title: 'Asistensi dan Monev Capaian UC Jamsosnaker Provinsi Kepulauan Bangka Belitung (demo)',
    startsAt: at9(pastDay),
    createdAt: at9(pastDay - 10),
    attendance: [{ telegramId: 700002, name: 'Petugas Demo Pangkalpinang', scope: '19.71', status: 'hadir', at: at9(pastDay - 1) }],
  };
  await store.meetings.add(past);
  const recordedAt = new Date(Date.parse(past.startsAt) + 4 * 3600_000);
  const items = itemsOfDraft(
    past.id,
    [
      { what: 'Surat Edaran Wali Kota tentang kepesertaan pekerja rentan', units: ['19.71'], due: dateKey(daysFrom(today, pastDay + 5)), figure: 'Pekerja rentan terdaftar: 0 menjadi 500 orang' },
      { what: 'JHT non-ASN Kota Pangkal Pinang dianggarkan di APBD-P 2026', units: ['19.71'], due: dateKey(daysFrom(today, 14)), figure: 'JHT non-ASN: 1.650 menjadi 4.120 orang' },
    ],
    { ids: ids.items, now: recordedAt, by: DEMO_ACTOR },
  );
  await store.followups.record(
    {
      meetingId: past.id,
      conclusions:
        'Capaian Kota Pangkal Pinang sekitar separuh pekerja; non-ASN JKK dan JKM 100%, JHT sebagian. Evaluasi lebih lanjut dilakukan oleh Dinas Tenaga Kerja; JHT non-ASN menunggu anggaran daerah. (data contoh)',
      recordedAt: recordedAt.toISOString(),
      recordedBy: DEMO_ACTOR,
    },
    items,
  );
  await store.meetings.add({
    ...base,
    id: ids.next,
    title: 'Monev Capaian UC Jamsosnaker Provinsi Kepulauan Bangka Belitung, lanjutan (demo)',
    startsAt: at9(2),
    createdAt: now.toISOString(),
    attendance: [],
  });
}
