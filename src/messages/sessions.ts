import { describeOffset, type Offset } from '../domain/durations.js';
import { formatDate, formatDateTime, formatTimeRange } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import { WIB, type Zone } from '../domain/zones.js';
import type { Meeting } from '../store/schema.js';
import { bold, code, html, italic, lines, type Html } from './html.js';

export const ATTENDANCE_LABELS = { hadir: 'Hadir', diwakilkan: 'Diwakilkan', berhalangan: 'Berhalangan' } as const;

const endOf = (m: Meeting): Date => new Date(Date.parse(m.startsAt) + m.durationMinutes * 60_000);

/** `Jumat, 27 November 2026` and `pukul 10.00–12.00 WITA (09.00–11.00 WIB)` in the reader's zone. */
export function whenLines(m: Meeting, zone: Zone): Html[] {
  const start = new Date(m.startsAt);
  const end = endOf(m);
  const wib = zone.label === 'WIB' ? '' : ` (${formatTimeRange(start, end, WIB).replace(/^pukul /, '')})`;
  return [html`Hari/Tanggal: ${bold(formatDate(start, zone))}`, html`Pukul: ${bold(`${formatTimeRange(start, end, zone).replace(/^pukul /, '')}${wib}`)}`];
}

function noticeBody(m: Meeting, zone: Zone, audience: string): Html[] {
  return [
    ...whenLines(m, zone),
    html`Tempat/Media: ${m.place}`,
    html`Agenda: ${m.agenda}`,
    html`Peserta: ${audience}`,
    html`Narahubung: ${m.createdBy.name}`,
  ];
}

export const reminderMessage = (m: Meeting, zone: Zone, offset: Offset, audience: string): Html =>
  lines(
    bold(`📅 Pengingat (${describeOffset(offset)} lagi): ${m.title}`),
    ...noticeBody(m, zone, audience),
    '',
    'Mohon konfirmasi kehadiran dengan tombol di bawah.',
  );

export const rescheduledMessage = (m: Meeting, zone: Zone, previousStart: Date, audience: string): Html =>
  lines(
    bold(`🔁 Perubahan jadwal: ${m.title}`),
    html`Semula ${formatDateTime(previousStart, zone)}, kini:`,
    ...noticeBody(m, zone, audience),
  );

export const cancelledNoticeMessage = (m: Meeting, zone: Zone): Html =>
  lines(bold(`❌ Dibatalkan: ${m.title}`), html`yang dijadwalkan ${formatDateTime(new Date(m.startsAt), zone)}. Mohon maaf atas perubahan ini.`);

export function readinessMessage(m: Meeting, zone: Zone, missing: Unit[], total: number): Html {
  return lines(
    bold(`Kesiapan ${m.title}`),
    html`Sesi dimulai ${formatDateTime(new Date(m.startsAt), zone)}.`,
    missing.length === 0
      ? html`Semua ${total} unit peserta telah melapor minggu ini.`
      : html`${bold(`${missing.length} dari ${total}`)} unit peserta belum melapor minggu ini:`,
    ...missing.map((u) => html`• ${u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name}`),
  );
}

export function sessionsListMessage(meetings: Meeting[], zone: Zone, audienceOf: (m: Meeting) => string): Html {
  if (meetings.length === 0) return html`Belum ada sesi monitoring yang dijadwalkan.`;
  return lines(
    bold('Jadwal sesi monitoring'),
    ...meetings.flatMap((m, i) => ['', bold(`${i + 1}. ${m.title}`), ...noticeBody(m, zone, audienceOf(m))]),
  );
}

export function attendanceMessage(m: Meeting): Html {
  const by = (s: keyof typeof ATTENDANCE_LABELS) => m.attendance.filter((a) => a.status === s);
  return lines(
    bold(`Kehadiran: ${m.title}`),
    ...(['hadir', 'diwakilkan', 'berhalangan'] as const).flatMap((s) => [
      html`${bold(`${ATTENDANCE_LABELS[s]} (${by(s).length})`)}`,
      ...by(s).map((a) => html`• ${a.name}`),
    ]),
    m.attendance.length === 0 ? italic('Belum ada konfirmasi.') : undefined,
  );
}

export const attendanceThanks = (status: keyof typeof ATTENDANCE_LABELS): string =>
  `Terima kasih, tercatat: ${ATTENDANCE_LABELS[status]}.`;

export const sessionAsk = {
  title: (): Html => lines(bold('Menjadwalkan sesi monitoring'), 'Apa judul sesinya? (contoh: Asistensi dan Monev Capaian UC Jamsosnaker)', italic('Ketik /batal untuk membatalkan.')),
  date: (): Html => html`Tanggal berapa? (contoh: ${bold('Jumat 23/5')}, ${bold('23 Mei 2026')}, atau ${bold('2026-05-23')})`,
  time: (zone: Zone): Html => html`Pukul berapa, dengan zona waktunya? (contoh: ${bold('09.00 WIB')}; tanpa zona dianggap ${zone.label})`,
  length: (): Html => html`Berapa lama? (contoh: ${bold('2 jam')} atau ${bold('90 menit')})`,
  place: (): Html => html`Tempat/media: tautan Zoom, meeting ID, dan passcode.`,
  agenda: (): Html => html`Agendanya?`,
};

export function sessionPreviewMessage(m: Meeting, zone: Zone, audience: string, chats: number, units: number): Html {
  return lines(
    bold(`Pratinjau: ${m.title}`),
    ...noticeBody(m, zone, audience),
    '',
    html`Pengingat akan dikirim ke ${bold(`${chats} chat`)} dari ${units} unit.`,
    chats === 0 ? italic('Belum ada grup atau pengguna terdaftar untuk unit peserta; pengingat belum akan sampai ke siapa pun.') : undefined,
  );
}

export const sessionSavedMessage = (m: Meeting, zone: Zone, offsets: readonly Offset[]): Html =>
  html`Sesi ${bold(m.title)} dijadwalkan ${formatDateTime(new Date(m.startsAt), zone)}. Pengingat dikirim ${offsets.map(describeOffset).join(', ')} sebelumnya.`;

export const sessionChangedMessage = (chats: number): Html => html`Perubahan telah disimpan dan diberitahukan kepada ${chats} chat peserta.`;

export const sessionUsage = (): Html => html`Ketik ${code('/jadwal')} untuk melihat jadwal; koordinator dapat menambah sesi dengan tombol ${bold('Tambah sesi')}.`;
