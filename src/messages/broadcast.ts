import type { Audience, ListProblem } from '../domain/audience.js';
import { formatCount, formatDateTime } from '../domain/format.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import type { LocalDate } from '../domain/when.js';
import type { Zone } from '../domain/zones.js';
import { bold, html, italic, lines, type Html } from './html.js';
import { unreachedLines } from './outbox.js';
import { dateExamples } from './when.js';

export const broadcastAskTextMessage = (): Html =>
  lines(
    bold('Membuat pengumuman'),
    'Silakan kirim teks pengumuman dalam satu pesan. Format tebal, miring, dan tautan akan dipertahankan.',
    italic('Ketik /batal untuk membatalkan.'),
  );

export const broadcastNeedsTextMessage = (): Html => html`Mohon kirim pengumuman berupa teks (bukan foto atau berkas).`;

export const AUDIENCE_LABELS = {
  all: 'Semua unit di wilayah saya',
  provinces: 'Beberapa provinsi',
  units: 'Beberapa unit',
} as const;

export const askAudienceMessage = (what: string): Html => html`Untuk siapa ${what} ini?`;

export const askAudienceListMessage = (kind: 'provinces' | 'units'): Html =>
  kind === 'provinces'
    ? html`Ketik nama provinsinya, dipisah koma (contoh: ${bold('Babel, Kepri')}).`
    : html`Ketik nama unitnya, dipisah koma (contoh: ${bold('Pangkalpinang, Kab. Bangka Tengah')}).`;

export function listProblemsMessage(problems: ListProblem[]): Html {
  const why: Record<ListProblem['kind'], string> = {
    not_found: 'tidak ditemukan',
    ambiguous: 'ada beberapa yang cocok',
    out_of_scope: 'di luar wilayah akses Bapak/Ibu',
    not_province: 'bukan provinsi',
  };
  return lines(
    'Mohon maaf, beberapa nama perlu diperbaiki:',
    ...problems.map((p) => html`• “${p.name}”: ${why[p.kind]}${p.hint.length > 0 ? ` (mungkin: ${p.hint.join(', ')})` : ''}`),
    'Mohon ketik ulang seluruh daftarnya.',
  );
}

/** Who a notice or session is for, named so that a recipient in another region reads it right. */
export function audienceLabel(audience: Audience, regions: RegionDirectory, organiserScope: string): string {
  switch (audience.kind) {
    case 'all':
      return organiserScope === 'national' ? 'semua unit di seluruh Indonesia' : `semua unit di ${regions.get(organiserScope)?.name ?? organiserScope}`;
    case 'provinces':
    case 'units':
      return audience.codes.map((c) => regions.get(c)?.name ?? c).join(', ');
  }
}

export function broadcastPreviewMessage(input: { audience: string; units: number; chats: number; groups: number; unreached: readonly string[]; when?: { at: Date; zone: Zone } | undefined }): Html {
  return lines(
    bold('Pratinjau pengumuman'),
    'Pesan di atas adalah tampilan yang akan diterima.',
    html`Penerima: ${input.audience} (${input.units} unit), yaitu ${bold(`${input.groups} grup dan ${input.chats - input.groups} orang`)}.`,
    ...unreachedLines(input.chats === 0 ? [] : input.unreached),
    input.when ? html`Dijadwalkan: ${bold(formatDateTime(input.when.at, input.when.zone))}.` : undefined,
    input.chats === 0 ? italic('Belum ada grup atau pengguna terdaftar untuk unit tersebut; pengumuman tidak akan sampai ke siapa pun.') : undefined,
  );
}

export const SEND_NOW_LABEL = 'Kirim sekarang';
export const SCHEDULE_LABEL = 'Jadwalkan';
export const SEND_SCHEDULED_LABEL = 'Simpan jadwal';
export const PROGRESS_LABEL = 'Lihat kemajuan';

/** Examples built from the coming Friday, so each is a date the bot takes today. */
export const askScheduleMessage = (today: LocalDate): Html => {
  const e = dateExamples(today);
  return html`Kapan pengumuman dikirim? Tulis tanggal dan jam, misalnya ${bold(`${e.dayMonth} 09.00 WIB`)}, ${bold(`${e.iso} 14.00 WITA`)} atau ${bold('besok jam 9 pagi')}.`;
};

export const broadcastQueuedMessage = (chats: number, when?: { at: Date; zone: Zone }): Html =>
  when
    ? html`Pengumuman dijadwalkan untuk ${bold(formatDateTime(when.at, when.zone))} kepada ${chats} penerima (grup dan orang). Laporan pengiriman akan dikirim setelah selesai.`
    : html`Pengumuman sedang dikirim kepada ${chats} penerima (grup dan orang). Laporan pengiriman akan dikirim setelah selesai.`;

/** The sender as recipients should know them: name, role and unit (see personWithRole). */
export const broadcastHeader = (sender: string): string => `📢 Pengumuman dari ${sender}`;

export const broadcastTooLongMessage = (length: number, room: number): Html =>
  html`Mohon maaf, teks pengumuman terlalu panjang (${formatCount(length)} karakter). Bersama judulnya, pengumuman harus muat dalam satu pesan Telegram: paling banyak ${formatCount(room)} karakter. Mohon persingkat lalu kirim kembali, atau ketik ${bold('/batal')}.`;

export const useButtonsMessage = (): Html => html`Mohon gunakan tombol pada pesan di atas, atau ketik ${bold('/batal')}.`;

/** A schedule that could not be read (asked again) or lies in the past. */
export const scheduleProblemMessage = (why: string, askAgain: boolean, today?: LocalDate): Html =>
  askAgain && today ? html`Mohon maaf, ${why} ${askScheduleMessage(today)}` : html`Mohon maaf, ${why}`;

/** An outbox item's title, named in its delivery report. */
export const broadcastTitle = (sender: string): string => `Pengumuman ${sender}`;

export const CANCEL_BROADCAST_LABEL = 'Batal';
