import { formatDate, formatDateTime, formatWeekShort } from '../domain/format.js';
import type { Holiday } from '../domain/holidays.js';
import type { WeekKey } from '../domain/weeks.js';
import type { Zone } from '../domain/zones.js';
import { bold, code, html, italic, lines, type Html } from './html.js';

const KIND: Record<Holiday['kind'], string> = { libur: 'libur nasional', cuti_bersama: 'cuti bersama', daerah: 'libur daerah' };

/** Why a deadline moved: `karena libur Hari Raya Natal dan Cuti bersama Hari Raya Natal`. */
export const movedBecause = (because: readonly Holiday[]): string =>
  because.length === 0 ? '' : ` (dimajukan karena ${[...new Set(because.map((h) => h.name))].join(' dan ')})`;

const dayOf = (h: Holiday, zone: Zone): string => formatDate(new Date(`${h.date}T05:00:00Z`), zone);

/** A province's day, named: `Provinsi Kepulauan Bangka Belitung saja`. */
const onlyIn = (province: string, provinceName: (code: string) => string): string => `${provinceName(province)} saja`;

/** A deadline in a year the calendar does not know: said to the calendar's keepers, and to coordinators in /libur. */
export interface CalendarGap {
  week: WeekKey;
  at: Date;
  year: number;
}

const gapLines = (gap: CalendarGap, zone: Zone): Html[] => [
  html`⚠️ ${bold(`Hari libur tahun ${gap.year} belum tercatat.`)} Batas waktu laporan ${formatWeekShort(gap.week)} jatuh pada ${formatDateTime(gap.at, zone)}, tetapi belum ada satu pun hari libur nasional atau cuti bersama ${gap.year} di kalender bot, sehingga batas waktu pada hari libur tidak akan dimajukan.`,
  html`Admin atau koordinator nasional dapat memasukkan hari libur dari SKB 3 Menteri ${gap.year} dengan ${code(`/libur tambah ${gap.year}-01-01 Tahun Baru Masehi`)}.`,
];

export const calendarGapMessage = (gap: CalendarGap, zone: Zone): Html => lines(...gapLines(gap, zone));
export const calendarGapTitle = (year: number): string => `Kalender hari libur ${year} belum diisi`;

/** /libur: the coming days off that move deadlines, with their legal reference. */
export function holidaysMessage(
  days: readonly Holiday[],
  zone: Zone,
  canEdit: boolean,
  until: string,
  provinceName: (code: string) => string,
  gap?: CalendarGap,
): Html {
  return lines(
    bold('Hari libur dan cuti bersama yang akan datang'),
    days.length === 0 ? italic(`Tidak ada sampai ${until}.`) : undefined,
    ...days.map(
      (h) =>
        html`• ${dayOf(h, zone)}: ${h.name} (${KIND[h.kind]}${h.province ? `, ${onlyIn(h.province, provinceName)}` : ''})${h.tentative ? ' — tanggal dapat bergeser menunggu sidang isbat' : ''}. ${italic(h.reference)}`,
    ),
    ...(gap ? ['', ...gapLines(gap, zone)] : []),
    '',
    'Batas waktu laporan mingguan yang jatuh pada hari libur atau cuti bersama dimajukan ke hari kerja sebelumnya.',
    canEdit
      ? html`Menambah: ${code('/libur tambah 2026-12-31 Nama hari [kode provinsi]')} · menghapus: ${code('/libur hapus 2026-12-31 [kode provinsi]')}`
      : undefined,
  );
}

export const holidayUsageMessage = (): Html =>
  lines(
    'Format yang dikenali:',
    code('/libur tambah 2026-12-31 Cuti bersama tambahan'),
    code('/libur tambah 2026-12-29 Hari Jadi Provinsi 19'),
    code('/libur hapus 2026-12-31'),
  );

export const holidayAddedMessage = (h: Holiday, zone: Zone, provinceName: (code: string) => string): Html =>
  html`✅ ${dayOf(h, zone)} dicatat sebagai ${h.name}${h.province ? ` untuk ${onlyIn(h.province, provinceName)} (kode ${h.province})` : ''}. Batas waktu yang jatuh pada hari itu dimajukan ke hari kerja sebelumnya.`;

export const holidayRemovedMessage = (date: string, province: string | undefined): Html =>
  html`✅ Tanggal ${date}${province ? ` (provinsi ${province})` : ''} tidak lagi dihitung sebagai hari libur.`;

export const holidayNotFoundMessage = (date: string): Html => html`Mohon maaf, tidak ada hari libur tercatat pada ${date}.`;

export const holidayNotAllowedMessage = (): Html =>
  html`Mohon maaf, hari libur hanya dapat diubah oleh admin dan koordinator nasional. Ketik ${bold('/libur')} untuk melihat daftarnya.`;
