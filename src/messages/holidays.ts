import { formatDate } from '../domain/format.js';
import type { Holiday } from '../domain/holidays.js';
import type { Zone } from '../domain/zones.js';
import { bold, code, html, italic, lines, type Html } from './html.js';

const KIND: Record<Holiday['kind'], string> = { libur: 'libur nasional', cuti_bersama: 'cuti bersama', daerah: 'libur daerah' };

/** Why a deadline moved: `karena libur Hari Raya Natal dan Cuti bersama Hari Raya Natal`. */
export const movedBecause = (because: readonly Holiday[]): string =>
  because.length === 0 ? '' : ` (dimajukan karena ${[...new Set(because.map((h) => h.name))].join(' dan ')})`;

const dayOf = (h: Holiday, zone: Zone): string => formatDate(new Date(`${h.date}T05:00:00Z`), zone);

/** /libur: the coming days off that move deadlines, with their legal reference. */
export function holidaysMessage(days: readonly Holiday[], zone: Zone, canEdit: boolean, until: string): Html {
  return lines(
    bold('Hari libur dan cuti bersama yang akan datang'),
    days.length === 0 ? italic(`Tidak ada sampai ${until}.`) : undefined,
    ...days.map(
      (h) =>
        html`• ${dayOf(h, zone)}: ${h.name} (${KIND[h.kind]}${h.province ? `, provinsi ${h.province} saja` : ''})${h.tentative ? ' — tanggal dapat bergeser menunggu sidang isbat' : ''}. ${italic(h.reference)}`,
    ),
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

export const holidayAddedMessage = (h: Holiday, zone: Zone): Html =>
  html`✅ ${dayOf(h, zone)} dicatat sebagai ${h.name}${h.province ? ` untuk provinsi ${h.province} saja` : ''}. Batas waktu yang jatuh pada hari itu dimajukan ke hari kerja sebelumnya.`;

export const holidayRemovedMessage = (date: string, province: string | undefined): Html =>
  html`✅ Tanggal ${date}${province ? ` (provinsi ${province})` : ''} tidak lagi dihitung sebagai hari libur.`;

export const holidayNotFoundMessage = (date: string): Html => html`Mohon maaf, tidak ada hari libur tercatat pada ${date}.`;

export const holidayNotAllowedMessage = (): Html =>
  html`Mohon maaf, hari libur hanya dapat diubah oleh admin dan koordinator nasional. Ketik ${bold('/libur')} untuk melihat daftarnya.`;
