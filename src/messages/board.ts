import { formatDateTime, formatWeek } from '../domain/format.js';
import type { Holiday } from '../domain/holidays.js';
import type { Unit } from '../domain/regions/directory.js';
import type { WeekKey } from '../domain/weeks.js';
import type { Zone } from '../domain/zones.js';
import { movedBecause } from './holidays.js';
import { bold, code, html, italic, lines, type Html } from './html.js';

/** Names listed on a board before "dan N lainnya": a board is one message, edited in place. */
const MAX_LISTED = 40;

const timeLeft = (ms: number): string => {
  if (ms <= 0) return 'batas waktu sudah lewat';
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  if (days > 0) return `sisa ${days} hari ${hours % 24} jam`;
  return hours > 0 ? `sisa ${hours} jam` : 'sisa kurang dari 1 jam';
};

/** The board's content, without the line saying when it was updated (an edit is made only when this changes). */
export function boardBody(input: {
  title: string;
  week: WeekKey;
  zone: Zone;
  reported: number;
  missing: readonly Unit[];
  deadlineAt: Date;
  because: readonly Holiday[];
  now: Date;
  /** A national board lists provinces with their counts, not 500 names. */
  byProvince?: ReadonlyArray<{ name: string; reported: number; total: number }> | undefined;
}): Html {
  const total = input.reported + input.missing.length;
  const shown = input.missing.slice(0, MAX_LISTED);
  return lines(
    bold(`📋 Papan status laporan · ${input.title}`),
    formatWeek(input.week, input.zone),
    html`Sudah melapor: ${bold(`${input.reported} dari ${total}`)} unit pelapor (kab/kota dan pemerintah provinsi).`,
    html`Batas waktu: ${formatDateTime(input.deadlineAt, input.zone)}${movedBecause(input.because)} (${timeLeft(input.deadlineAt.getTime() - input.now.getTime())}).`,
    '',
    input.byProvince ? bold('Per provinsi (yang belum lengkap)') : undefined,
    ...(input.byProvince ?? []).filter((p) => p.reported < p.total).map((p) => html`• ${p.name}: ${p.reported} dari ${p.total}`),
    input.byProvince ? undefined : bold(`Belum melapor (${input.missing.length})`),
    ...(input.byProvince ? [] : input.missing.length === 0 ? [italic('Semua unit telah melapor. Terima kasih.')] : shown.map((u) => html`• ${u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name}`)),
    !input.byProvince && input.missing.length > shown.length ? italic(`… dan ${input.missing.length - shown.length} unit lainnya.`) : undefined,
  );
}

export const boardMessage = (body: Html, updatedAt: Date, zone: Zone): Html =>
  lines(body, '', italic(`Diperbarui otomatis ${formatDateTime(updatedAt, zone)}.`));

export const boardPinHelpMessage = (): Html =>
  html`Papan status sudah dikirim, tetapi bot belum dapat menyematkannya. Agar papan selalu di atas, jadikan bot admin grup dengan izin ${bold('Sematkan pesan')} (Pin messages), lalu ketik ${code('/papan')} sekali lagi.`;

export const boardNotAllowedMessage = (): Html =>
  html`Mohon maaf, papan status dibuat oleh koordinator atau admin, untuk wilayah mereka.`;
