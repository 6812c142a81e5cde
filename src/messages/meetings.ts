import { describeOffset, type Offset } from '../domain/durations.js';
import { formatDate, formatDateTime, formatDayMonth, formatTimeRange } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import { WIB, type Zone } from '../domain/zones.js';
import type { Meeting } from '../domain/records.js';
import type { AttendanceStatus } from '../domain/attendance.js';
import type { LengthError } from '../domain/durations.js';
import type { LocalDate } from '../domain/when.js';
import { bold, code, countdownSlot, html, italic, lines, type Html } from './html.js';
import { dateExamples } from './when.js';

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { hadir: 'Hadir', diwakilkan: 'Diwakilkan', berhalangan: 'Berhalangan' };

const endOf = (m: Meeting): Date => new Date(Date.parse(m.startsAt) + m.durationMinutes * 60_000);

/** `Jumat, 27 November 2026` and `pukul 10.00–12.00 WITA (09.00–11.00 WIB)` in the reader's zone. */
export function whenLines(m: Meeting, zone: Zone): Html[] {
  const start = new Date(m.startsAt);
  const end = endOf(m);
  const wib = zone.label === 'WIB' ? '' : ` (${formatTimeRange(start, end, WIB).replace(/^pukul /, '')})`;
  return [html`Hari/Tanggal: ${bold(formatDate(start, zone))}`, html`Pukul: ${bold(`${formatTimeRange(start, end, zone).replace(/^pukul /, '')}${wib}`)}`];
}

/** Who a notice is for and who to contact: named with role and unit by the caller (personWithRole). */
export interface NoticeParties {
  audience: string;
  organiser: string;
}

function noticeBody(m: Meeting, zone: Zone, parties: NoticeParties): Html[] {
  return [
    ...whenLines(m, zone),
    html`Tempat/Media: ${m.place}`,
    html`Agenda: ${m.agenda}`,
    html`Peserta: ${parties.audience}`,
    html`Narahubung: ${parties.organiser}`,
  ];
}

/** A session reminder; the time left is filled in by the outbox when it is sent, as said in the reader's zone (countdownSlot). */
export const reminderMessage = (m: Meeting, zone: Zone, parties: NoticeParties, notReported?: { unit: string; week: string }): Html =>
  lines(
    bold(`📅 Pengingat (${countdownSlot(zone.label)}): ${m.title}`),
    ...noticeBody(m, zone, parties),
    '',
    notReported
      ? html`⚠️ ${bold(`Laporan ${notReported.week} ${notReported.unit} belum masuk.`)} Mohon kirim dengan /lapor sebelum sesi dimulai, agar angka Bapak/Ibu ikut dibahas.`
      : undefined,
    notReported ? '' : undefined,
    'Mohon konfirmasi kehadiran dengan tombol di bawah.',
  );

export const rescheduledMessage = (m: Meeting, zone: Zone, previousStart: Date, parties: NoticeParties): Html =>
  lines(
    bold(`🔁 Perubahan jadwal: ${m.title}`),
    html`Semula ${formatDateTime(previousStart, zone)}, kini:`,
    ...noticeBody(m, zone, parties),
  );

/** A complete notice: what, when it was to be (reader's zone and WIB), and who cancelled it. */
export const cancelledNoticeMessage = (m: Meeting, zone: Zone, organiser: string): Html =>
  lines(
    bold(`❌ Sesi dibatalkan: ${m.title}`),
    'Sesi monitoring berikut tidak jadi dilaksanakan:',
    ...whenLines(m, zone),
    html`Tempat/Media: ${m.place}`,
    html`Dibatalkan oleh: ${organiser}`,
    '',
    'Mohon maaf atas perubahan ini. Jadwal pengganti, bila ada, akan diumumkan kemudian.',
  );

export function readinessMessage(m: Meeting, zone: Zone, missing: Unit[], total: number, followups: ReadonlyArray<Html | string> = []): Html {
  return lines(
    bold(`Kesiapan ${m.title} (${countdownSlot(zone.label)})`),
    html`Sesi dimulai ${formatDateTime(new Date(m.startsAt), zone)}.`,
    missing.length === 0
      ? html`Semua ${total} unit peserta telah melapor minggu ini.`
      : html`${bold(`${missing.length} dari ${total}`)} unit peserta belum melapor minggu ini:`,
    ...missing.map((u) => html`• ${u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name}`),
    // The open follow-up items of the audience (messages/followups.ts): the session starts from the last one.
    ...followups,
  );
}

export function meetingsListMessage(meetings: Meeting[], zone: Zone, partiesOf: (m: Meeting) => NoticeParties): Html {
  if (meetings.length === 0) return html`Belum ada sesi monitoring yang dijadwalkan.`;
  return lines(
    bold('Jadwal sesi monitoring'),
    ...meetings.flatMap((m, i) => ['', bold(`${i + 1}. ${m.title}`), ...noticeBody(m, zone, partiesOf(m))]),
  );
}

/** A unit of the audience that has not answered yet, with who could answer for it. */
export interface PendingUnit {
  unit: string;
  people: string[];
  groups: string[];
}

export function attendanceMessage(m: Meeting, answered: (a: Meeting['attendance'][number]) => string, pending: PendingUnit[]): Html {
  const by = (s: AttendanceStatus) => m.attendance.filter((a) => a.status === s);
  return lines(
    bold(`Kehadiran: ${m.title}`),
    ...(['hadir', 'diwakilkan', 'berhalangan'] as const).flatMap((s) => [
      html`${bold(`${ATTENDANCE_LABELS[s]} (${by(s).length})`)}`,
      ...by(s).map((a) => html`• ${answered(a)}`),
    ]),
    m.attendance.length === 0 ? italic('Belum ada konfirmasi.') : undefined,
    html`${bold(`Belum konfirmasi (${pending.length} unit)`)}`,
    ...pending
      .filter((p) => p.people.length + p.groups.length > 0)
      .map((p) => html`• ${p.unit}: ${[...p.people, ...p.groups.map((g) => `grup “${g}”`)].join(', ')}`),
    // Units nobody could answer for (no group, no person registered) are counted, not listed one by one.
    ...(() => {
      const unreachable = pending.filter((p) => p.people.length + p.groups.length === 0);
      if (unreachable.length === 0) return [];
      if (unreachable.length <= 5) return unreachable.map((p) => html`• ${p.unit}: belum ada grup atau pengguna terdaftar`);
      return [italic(`${unreachable.length} unit lainnya belum punya grup atau pengguna terdaftar, sehingga pengingat belum sampai ke mereka.`)];
    })(),
    pending.length === 0 ? italic('Semua unit peserta telah menjawab.') : undefined,
  );
}

export const attendanceThanks = (status: AttendanceStatus): string =>
  `Terima kasih, tercatat: ${ATTENDANCE_LABELS[status]}.`;

export const meetingAsk = {
  title: (): Html => lines(bold('Menjadwalkan sesi monitoring'), 'Apa judul sesinya? (contoh: Asistensi dan Monev Capaian UC Jamsosnaker)', italic('Ketik /batal untuk membatalkan.')),
  date: (today: LocalDate): Html => {
    const e = dateExamples(today);
    return html`Tanggal berapa? (contoh: ${bold(e.dayMonth)}, ${bold(e.long)}, ${bold(e.iso)}, atau ${bold(e.weekday)} saja untuk ${e.weekdayMeans}; juga ${bold('besok')} dan ${bold('lusa')})`;
  },
  time: (zone: Zone): Html => html`Pukul berapa, dengan zona waktunya? (contoh: ${bold('09.00 WIB')} atau ${bold('jam 9 pagi')}; tanpa zona dianggap ${zone.label})`,
  length: (): Html => html`Berapa lama? (contoh: ${bold('2 jam')} atau ${bold('90 menit')})`,
  place: (): Html => html`Tempat/media: tautan Zoom, meeting ID, dan passcode.`,
  agenda: (): Html => html`Agendanya?`,
};

export function meetingPreviewMessage(m: Meeting, zone: Zone, parties: NoticeParties, chats: number, units: number): Html {
  return lines(
    bold(`Pratinjau: ${m.title}`),
    ...noticeBody(m, zone, parties),
    '',
    html`Pengingat akan dikirim ke ${bold(`${chats} penerima (grup dan orang)`)} dari ${units} unit.`,
    chats === 0 ? italic('Belum ada grup atau pengguna terdaftar untuk unit peserta; pengingat belum akan sampai ke siapa pun.') : undefined,
  );
}

/** Which reminders a saved session will get: one at once for moments already past (the scheduler's catch-up), then the rest. */
export const meetingSavedMessage = (m: Meeting, zone: Zone, plan: { atOnce: boolean; later: readonly Offset[] }): Html =>
  html`Sesi ${bold(m.title)} dijadwalkan ${formatDateTime(new Date(m.startsAt), zone)}. ${reminderPlanText(plan)}`;

function reminderPlanText(plan: { atOnce: boolean; later: readonly Offset[] }): string {
  const later = plan.later.map(describeOffset);
  const list = later.length <= 1 ? later.join('') : `${later.slice(0, -1).join(', ')} dan ${later[later.length - 1] ?? ''}`;
  if (plan.atOnce && later.length > 0) return `Pengingat dikirim segera, lalu ${list} sebelum sesi dimulai.`;
  if (plan.atOnce) return 'Pengingat dikirim segera.';
  if (later.length > 0) return `Pengingat dikirim ${list} sebelum sesi dimulai.`;
  return 'Tidak ada pengingat yang akan dikirim.';
}

export const meetingChangedMessage = (chats: number): Html => html`Perubahan telah disimpan dan diberitahukan kepada ${chats} penerima (grup dan orang).`;

/** Why a typed meeting length was not taken. */
export const lengthErrorText = (e: LengthError): string =>
  e === 'format' ? 'tulis lamanya, misalnya 2 jam atau 90 menit' : 'lamanya harus antara 15 menit dan 12 jam';

export const MEETING_LABELS = {
  save: 'Simpan jadwal',
  cancel: 'Batal',
  confirmReschedule: 'Ya, ubah jadwal',
  add: 'Tambah sesi',
  reschedule: (tag: string): string => `Ubah waktu: ${tag}`,
  cancelMeeting: (tag: string): string => `Batalkan: ${tag}`,
  attendance: (tag: string): string => `Kehadiran: ${tag}`,
  confirmCancel: 'Ya, batalkan sesi',
  keep: 'Tidak',
};

export const meetingText = {
  tooLong: (max: number): Html => html`Mohon maaf, teks terlalu panjang (paling banyak ${max} karakter).`,
  problem: (why: string): Html => html`Mohon maaf, ${why}`,
  nothingChanged: (): Html => html`Tidak ada yang diubah.`,
  useButtons: (): Html => html`Mohon gunakan tombol pada pesan di atas, atau ketik /batal.`,
  rescheduling: (title: string): Html => html`Menjadwalkan ulang ${title}.`,
  confirmCancel: (title: string): Html => html`Batalkan ${title}? Semua peserta akan diberi tahu.`,
  newTime: (title: string): Html => html`Jadwal baru ${title}:`,
  changeTitle: (title: string): string => `Perubahan jadwal ${title}`,
  cancelTitle: (title: string): string => `Pembatalan ${title}`,
  reminderTitle: (title: string): string => `Pengingat ${title}`,
  readinessTitle: (title: string): string => `Kesiapan ${title}`,
};

export const meetingUsage = (): Html => html`Ketik ${code('/jadwal')} untuk melihat jadwal; koordinator dapat menambah sesi dengan tombol ${bold('Tambah sesi')}.`;

/** Longest title a session button carries: a button a phone shows in full, with room for the action and the date. */
const MAX_TAG_TITLE = 28;

/**
 * A session as its buttons name it: a short title and its day in the reader's zone, `Monev Capaian UC, Jumat 27/11`,
 * so that with several sessions listed each button says which one it acts on.
 */
export function sessionTag(m: Meeting, zone: Zone): string {
  const title = m.title.length > MAX_TAG_TITLE ? `${m.title.slice(0, MAX_TAG_TITLE - 1).trimEnd()}…` : m.title;
  return `${title}, ${formatDayMonth(new Date(m.startsAt), zone)}`;
}
