import { dateOfKey, MAX_DOCUMENT_BYTES, type DocumentProblem, type DraftItem, type FollowupItem, type FollowupStatus } from '../domain/followups.js';
import { formatCount, formatDate, formatDateTime } from '../domain/format.js';
import type { Meeting } from '../domain/records.js';
import { WIB, type Zone } from '../domain/zones.js';
import { bold, html, italic, lines, type Html } from './html.js';
import { whenLines } from './meetings.js';

/** Said after a due date that has passed (the deck's closing slide). */
export const OVERDUE_MARK = ' (lewat tenggat)';

export const FOLLOWUP_STATUS_LABELS: Record<FollowupStatus, string> = {
  belum: 'Belum dikerjakan',
  proses: 'Dalam proses',
  selesai: 'Selesai',
  terkendala: 'Terkendala',
};
const STATUS_ICON: Record<FollowupStatus, string> = { belum: '⬜', proses: '🔄', selesai: '✅', terkendala: '⚠️' };

/** `Jumat, 15 Januari 2027`: a due date is a calendar day, the same in every zone. */
export const formatDueDate = (due: string): string => {
  const d = dateOfKey(due);
  // 05.00 UTC is the same calendar day in WIB, WITA and WIT.
  return formatDate(new Date(Date.UTC(d.year, d.month - 1, d.day, 5)), WIB);
};

/** An item as a list shows it: with its unit's name and what is known of it. */
export interface ItemView {
  item: FollowupItem;
  unit: string;
  overdue: boolean;
  /** Days since it was recorded. */
  age?: number;
  /** The session it came from. */
  session?: string;
}

const dueText = (v: ItemView): string => `${formatDueDate(v.item.due)}${v.overdue ? ' (lewat tenggat)' : ''}`;
const lastTouch = (item: FollowupItem, zone: Zone): string => {
  const last = item.updates.at(-1);
  if (item.closed && (!last || item.closed.at >= last.at)) return `ditutup oleh ${item.closed.by.name}, ${formatDateTime(new Date(item.closed.at), zone)}`;
  return last ? `${last.by.name}, ${formatDateTime(new Date(last.at), zone)}` : 'belum ada pembaruan';
};

function itemLines(n: number, v: ItemView, zone: Zone, withUnit: boolean): Html[] {
  const last = v.item.updates.at(-1);
  return [
    html`${bold(`${n}. ${STATUS_ICON[v.item.status]} ${withUnit ? `${v.unit}: ` : ''}${v.item.what}`)}`,
    html`   Tenggat: ${v.overdue ? bold(dueText(v)) : dueText(v)} · Status: ${FOLLOWUP_STATUS_LABELS[v.item.status]}${v.item.closed ? ' · ditutup' : ''}`,
    v.item.figure ? html`   Sasaran angka: ${v.item.figure}` : undefined,
    v.session ? html`   Sesi: ${v.session}` : undefined,
    v.age !== undefined ? html`   Umur: ${formatCount(v.age)} hari · Terakhir: ${lastTouch(v.item, zone)}` : undefined,
    last?.note ? html`   Catatan: ${italic(last.note)}` : undefined,
    last?.document ? html`   📎 ${last.document.fileName}` : undefined,
  ].filter((x): x is Html => x !== undefined);
}

/** A unit's staff: its open items. */
export function unitFollowupsMessage(unit: string, views: ItemView[], zone: Zone): Html {
  if (views.length === 0) return html`Tidak ada tindak lanjut terbuka untuk ${bold(unit)}.`;
  return lines(
    bold(`Tindak lanjut ${unit} (${views.length} terbuka)`),
    ...views.flatMap((v, i) => ['', ...itemLines(i + 1, v, zone, false)]),
    '',
    'Tekan tombol Perbarui untuk mengubah status dan melampirkan catatan atau dokumen.',
  );
}

/** A coordinator: every item in scope, open ones first, with age and who last touched it. */
export function scopeFollowupsMessage(scopeName: string, views: ItemView[], zone: Zone, shownOf: number): Html {
  if (views.length === 0) return html`Belum ada tindak lanjut di ${bold(scopeName)}.`;
  const open = views.filter((v) => !v.item.closed).length;
  const overdue = views.filter((v) => v.overdue).length;
  return lines(
    bold(`Tindak lanjut di ${scopeName}`),
    html`${formatCount(open)} terbuka, ${formatCount(overdue)} lewat tenggat.`,
    ...views.flatMap((v, i) => ['', ...itemLines(i + 1, v, zone, true)]),
    shownOf > views.length ? italic(`Ditampilkan ${formatCount(views.length)} dari ${formatCount(shownOf)} butir (yang terbuka lebih dahulu).`) : undefined,
  );
}

export const FOLLOWUP_LABELS = {
  update: (n: number): string => `Perbarui ${n}`,
  close: (n: number): string => `Tutup ${n}`,
  reopen: (n: number): string => `Buka lagi ${n}`,
  document: (n: number): string => `Dokumen ${n}`,
  status: (s: FollowupStatus): string => FOLLOWUP_STATUS_LABELS[s],
  skip: 'Lewati',
  cancel: 'Batal',
  noMoreItems: 'Tidak ada lagi, lihat pratinjau',
  save: 'Simpan dan kirim',
  notulen: (n: number): string => `Notulen ${n}`,
  attendanceXlsx: (n: number): string => `Kehadiran XLSX ${n}`,
  nudge: (session: string): string => `Ingatkan yang belum melapor: ${session}`,
  openList: 'Tindak lanjut',
  everywhere: 'seluruh wilayah',
};

export const followupText = {
  askStatus: (v: ItemView): Html =>
    lines(bold('Memperbarui tindak lanjut'), ...itemLines(1, v, WIB, true).slice(0, 3), '', 'Bagaimana statusnya sekarang?', italic('Ketik /batal untuk membatalkan.')),
  askNote: (status: FollowupStatus): Html =>
    lines(
      html`Status: ${bold(FOLLOWUP_STATUS_LABELS[status])}.`,
      html`Tambahkan catatan singkat, atau kirim dokumen pendukung (misalnya SK atau halaman dokumen anggaran) sebagai berkas, paling besar ${formatCount(MAX_DOCUMENT_BYTES / 1024 / 1024)} MB. Tekan ${bold(FOLLOWUP_LABELS.skip)} bila tidak ada.`,
    ),
  updated: (what: string, unit: string, status: FollowupStatus, document: string | undefined): Html =>
    html`Tercatat: tindak lanjut “${what}” (${unit}) kini berstatus ${bold(FOLLOWUP_STATUS_LABELS[status])}${document ? `, dengan dokumen ${document}` : ''}. Terima kasih.`,
  closed: (what: string, unit: string): Html => html`Tindak lanjut “${what}” (${unit}) telah ${bold('ditutup')}.`,
  reopened: (what: string, unit: string): Html => html`Tindak lanjut “${what}” (${unit}) telah ${bold('dibuka kembali')}.`,
  alreadyClosed: (): Html => html`Tindak lanjut ini sudah ditutup oleh koordinator; tidak dapat diperbarui lagi kecuali dibuka kembali.`,
  noteTooLong: (max: number): Html => html`Mohon maaf, catatan terlalu panjang (paling banyak ${formatCount(max)} karakter). Mohon persingkat.`,
  emptyText: (): Html => html`Mohon maaf, isian tidak boleh kosong. Mohon tuliskan isinya.`,
  documentProblem: (p: DocumentProblem): Html =>
    p === 'too_big'
      ? html`Mohon maaf, berkas tersebut lebih besar dari ${formatCount(MAX_DOCUMENT_BYTES / 1024 / 1024)} MB. Mohon kirim berkas yang lebih kecil (misalnya hanya halaman yang relevan) atau tuliskan catatan.`
      : p === 'no_name'
        ? html`Mohon maaf, berkas tersebut tidak bernama. Mohon kirim ulang berkas dengan nama yang jelas.`
        : html`Mohon maaf, nama berkas terlalu panjang. Mohon ganti namanya menjadi lebih singkat, lalu kirim ulang.`,
  notADocument: (): Html => html`Mohon kirim catatan berupa teks, atau dokumen sebagai berkas (bukan foto, stiker, atau pesan suara). Tekan ${bold(FOLLOWUP_LABELS.skip)} bila tidak ada.`,
  useButtons: (): Html => html`Mohon gunakan tombol pada pesan di atas, atau ketik /batal.`,
  noDocument: (): Html => html`Tindak lanjut ini belum memiliki dokumen.`,
  documentCaption: (what: string, unit: string): Html => html`Dokumen tindak lanjut “${what}” (${unit}).`,
  managersOnly: (): Html => html`Mohon maaf, notulen sesi dicatat oleh penyelenggara sesi atau koordinator. Untuk melihat tindak lanjut unit Bapak/Ibu, ketik ${bold('/tindaklanjut')}.`,
};

// ---- the notulen ------------------------------------------------------------------------------------------------

/** A session that has started, with whether its notulen is recorded, for the organiser's list. */
export interface PastSession {
  meeting: Meeting;
  recorded: boolean;
}

export function pastSessionsMessage(sessions: PastSession[], zone: Zone): Html {
  if (sessions.length === 0) return html`Belum ada sesi monitoring yang telah berlangsung dalam 60 hari terakhir di wilayah Bapak/Ibu.`;
  return lines(
    bold('Sesi monitoring yang telah berlangsung'),
    ...sessions.flatMap((s, i) => [
      '',
      bold(`${i + 1}. ${s.meeting.title}`),
      html`${formatDateTime(new Date(s.meeting.startsAt), zone)}`,
      s.recorded ? html`Notulen: sudah dicatat.` : html`Notulen: ${bold('belum dicatat')}.`,
    ]),
    '',
    'Tekan Notulen untuk mencatat kesimpulan dan tindak lanjut (atau melihatnya bila sudah dicatat), atau Kehadiran XLSX untuk mengunduh daftar hadir.',
  );
}

export const notulenAsk = {
  conclusions: (m: Meeting, zone: Zone): Html =>
    lines(bold(`Notulen: ${m.title}`), ...whenLines(m, zone), '', 'Tuliskan kesimpulan sesi (boleh beberapa baris).', italic('Ketik /batal untuk membatalkan.')),
  what: (n: number): Html => html`${bold(`Tindak lanjut ${n}`)}: apa yang harus dilakukan? (contoh: JHT non-ASN Kota Pangkal Pinang dianggarkan di APBD-P 2026)`,
  whatOrDone: (n: number): Html =>
    html`${bold(`Tindak lanjut ${n}`)}: apa yang harus dilakukan? Bila tidak ada lagi, tekan ${bold(FOLLOWUP_LABELS.noMoreItems)}.`,
  units: (): Html => html`Unit mana yang melaksanakannya? Tuliskan nama unit peserta sesi, pisahkan dengan koma (contoh: ${bold('Pangkalpinang, Kab. Bangka')}).`,
  due: (): Html => html`Paling lambat tanggal berapa? (contoh: ${bold('15 Januari 2027')}, ${bold('15/1/2027')}, atau ${bold('2027-01-15')})`,
  figure: (): Html =>
    html`Angka yang diharapkan bergerak (opsional), misalnya ${italic('JHT non-ASN: 1.650 menjadi 4.120 orang')}. Tekan ${bold(FOLLOWUP_LABELS.skip)} bila tidak ada.`,
};

export const notulenText = {
  dueInPast: (): Html => html`Mohon maaf, tenggat harus setelah hari ini; tanggal tersebut sudah lewat atau jatuh hari ini. Mohon tuliskan tanggal lain.`,
  notInAudience: (names: string[]): Html =>
    html`Mohon maaf, ${names.join(', ')} bukan peserta sesi ini. Tindak lanjut hanya dapat diberikan kepada unit peserta. Mohon ketik ulang daftarnya.`,
  tooLong: (max: number): Html => html`Mohon maaf, teks terlalu panjang (paling banyak ${formatCount(max)} karakter).`,
  tooManyItems: (max: number): Html => html`Satu notulen memuat paling banyak ${formatCount(max)} tindak lanjut. Silakan lanjut ke pratinjau.`,
  alreadyRecorded: (): Html => html`Notulen sesi ini sudah dicatat sebelumnya; tidak ada yang diubah.`,
  saved: (chats: number, items: number, units: number): Html =>
    html`Notulen disimpan dan dikirim kepada ${bold(`${formatCount(chats)} penerima`)} (grup dan orang). Tindak lanjut: ${formatCount(items)} butir untuk ${formatCount(units)} unit.`,
  notYetShort: (): string => 'Sesi ini belum dimulai; notulen dan daftar hadir tersedia setelah sesi berlangsung.',
};

/** A drafted item as the preview shows it, with its units named. */
export interface DraftView {
  item: DraftItem;
  units: string[];
}

const draftLine = (n: number, d: DraftView): Html[] => [
  html`${bold(`${n}. ${d.item.what}`)}`,
  html`   Unit: ${d.units.join(', ')}`,
  html`   Tenggat: ${formatDueDate(d.item.due)}`,
  d.item.figure ? html`   Sasaran angka: ${d.item.figure}` : undefined,
].filter((x): x is Html => x !== undefined);

export const notulenPreviewMessage = (m: Meeting, conclusions: string, drafts: DraftView[], chats: number): Html =>
  lines(
    bold(`Pratinjau notulen: ${m.title}`),
    bold('Kesimpulan'),
    conclusions,
    '',
    bold(`Tindak lanjut (${drafts.length})`),
    drafts.length === 0 ? italic('Tidak ada tindak lanjut.') : undefined,
    ...drafts.flatMap((d, i) => draftLine(i + 1, d)),
    '',
    html`Notulen akan dikirim kepada ${bold(`${formatCount(chats)} penerima`)} (grup dan orang); setiap unit membaca tindak lanjutnya sendiri lebih dahulu.`,
  );

/** The record as a unit of the audience reads it: its own items first. */
export function notulenMessage(m: Meeting, zone: Zone, conclusions: string, own: { unit: string; items: FollowupItem[] } | undefined, others: ItemView[], organiser: string): Html {
  return lines(
    bold(`📝 Notulen: ${m.title}`),
    ...whenLines(m, zone),
    html`Dicatat oleh: ${organiser}`,
    '',
    bold('Kesimpulan'),
    conclusions,
    own && own.items.length > 0 ? '' : undefined,
    own && own.items.length > 0 ? bold(`Tindak lanjut untuk ${own.unit}`) : undefined,
    ...(own?.items ?? []).flatMap((i) => [
      html`• ${i.what}`,
      html`   Tenggat: ${bold(formatDueDate(i.due))}${i.figure ? html` · Sasaran angka: ${i.figure}` : ''}`,
    ]),
    others.length > 0 ? '' : undefined,
    others.length > 0 ? bold(own && own.items.length > 0 ? 'Tindak lanjut unit lain' : 'Tindak lanjut') : undefined,
    ...others.map((v) => html`• ${v.unit}: ${v.item.what} (tenggat ${formatDueDate(v.item.due)})`),
    own && own.items.length > 0 ? '' : undefined,
    own && own.items.length > 0 ? html`Mohon perbarui statusnya dengan ${bold('/tindaklanjut')}.` : undefined,
  );
}

export const notulenTitle = (title: string): string => `Notulen ${title}`;

/** An organiser's look at a recorded notulen. */
export const notulenShownMessage = (m: Meeting, zone: Zone, conclusions: string, views: ItemView[], recordedBy: string): Html =>
  lines(
    bold(`📝 Notulen: ${m.title}`),
    ...whenLines(m, zone),
    html`Dicatat oleh: ${recordedBy}`,
    '',
    bold('Kesimpulan'),
    conclusions,
    '',
    bold(`Tindak lanjut (${views.length})`),
    ...views.flatMap((v, i) => itemLines(i + 1, v, zone, true)),
  );

// ---- reminders, readiness ---------------------------------------------------------------------------------------

export function followupReminderMessage(v: ItemView, session: string, point: 'h-3' | 'h-1' | 'h+1'): Html {
  const when = point === 'h-3' ? '3 hari lagi' : point === 'h-1' ? 'besok' : 'telah lewat';
  return lines(
    point === 'h+1' ? bold(`⚠️ Tindak lanjut melewati tenggat: ${v.item.what}`) : bold(`⏰ Pengingat tindak lanjut: ${v.item.what}`),
    html`Unit: ${v.unit}`,
    html`Dari sesi: ${session}`,
    html`Tenggat: ${bold(formatDueDate(v.item.due))} (${when})`,
    v.item.figure ? html`Sasaran angka: ${v.item.figure}` : undefined,
    html`Status saat ini: ${FOLLOWUP_STATUS_LABELS[v.item.status]}`,
    '',
    html`Mohon perbarui statusnya dengan ${bold('/tindaklanjut')}, dengan catatan atau dokumen pendukung.`,
  );
}
export const followupReminderTitle = (what: string): string => `Pengingat tindak lanjut: ${what}`.slice(0, 200);

/** The lines a readiness note adds: the audience's open items, overdue ones first. */
export function readinessFollowupLines(views: ItemView[]): Array<Html | string> {
  if (views.length === 0) return [];
  const overdue = views.filter((v) => v.overdue).length;
  return [
    '',
    html`${bold(`Tindak lanjut sesi sebelumnya yang belum selesai: ${formatCount(views.length)}`)}${overdue > 0 ? html`, ${bold(`${formatCount(overdue)} lewat tenggat`)}` : ''}`,
    ...views.map((v) => html`• ${v.overdue ? '⚠️ ' : ''}${v.unit}: ${v.item.what} (tenggat ${formatDueDate(v.item.due)}${v.overdue ? ', lewat' : ''}; ${FOLLOWUP_STATUS_LABELS[v.item.status].toLowerCase()})`),
  ];
}

// ---- around the session -----------------------------------------------------------------------------------------

export const nudgeMessage = (unit: string, week: string, m: Meeting, zone: Zone): Html =>
  lines(
    bold(`📣 Mohon izin mengingatkan: laporan ${week} ${unit} belum masuk.`),
    html`Sesi ${bold(m.title)} akan berlangsung ${formatDateTime(new Date(m.startsAt), zone)}.`,
    html`Mohon kirim laporan dengan ${bold('/lapor')} agar angka Bapak/Ibu ikut dibahas. Terima kasih.`,
  );
export const nudgeTitle = (title: string): string => `Pengingat laporan sebelum ${title}`.slice(0, 200);
export const nudgeText = {
  sent: (units: number, chats: number): Html =>
    html`Pengingat dikirim kepada ${bold(`${formatCount(units)} unit`)} (${formatCount(chats)} penerima: grup dan orang) yang belum melapor minggu ini.`,
  noneMissing: (): Html => html`Semua unit peserta telah melapor minggu ini; tidak ada yang perlu diingatkan.`,
  alreadyToday: (): Html => html`Pengingat untuk sesi ini sudah dikirim hari ini; tidak dikirim dua kali.`,
  unreachable: (units: number): Html =>
    html`${formatCount(units)} unit belum melapor, tetapi belum memiliki grup atau petugas terdaftar, sehingga pengingat tidak dapat dikirim.`,
};

export const attendanceCaption = (m: Meeting, counts: Record<'hadir' | 'diwakilkan' | 'berhalangan' | 'none', number>): Html =>
  html`Kehadiran ${bold(m.title)}: ${formatCount(counts.hadir)} hadir, ${formatCount(counts.diwakilkan)} diwakilkan, ${formatCount(counts.berhalangan)} berhalangan, ${formatCount(counts.none)} unit belum menjawab.`;

export const ATTENDANCE_SHEET = {
  sheet: 'Kehadiran',
  header: ['Kode', 'Unit', 'Jawaban', 'Nama', 'Waktu jawaban (WIB)'],
  none: 'Tidak menjawab',
};

/** The .ics file's own words (a calendar shows them). */
export const ICS_TEXT = {
  agenda: 'Agenda',
  place: 'Tempat/Media',
  organiser: 'Narahubung',
  filename: (date: string): string => `sesi-monitoring-${date}.ics`,
};


/** The rekap's sheet of follow-up items (built by rekap/followup-rows.ts). */
export const FOLLOWUP_SHEET = {
  sheet: 'Tindak Lanjut',
  header: [
    'No',
    'Kode',
    'Unit',
    'Tindak lanjut',
    'Sasaran angka',
    'Sesi',
    'Tenggat',
    'Status',
    'Lewat tenggat',
    'Umur (hari)',
    'Terakhir diperbarui oleh',
    'Terakhir diperbarui',
    'Catatan terakhir',
    'Dokumen',
    'Ditutup',
  ],
  yes: 'Ya',
  no: 'Tidak',
} as const;
