import { countsOf } from '../domain/delivery.js';
import type { FailureReason, OutboxItem } from '../domain/records.js';
import { bold, html, italic, lines, type Html } from './html.js';

const MAX_LISTED_FAILURES = 30;

/** Why a delivery failed, as the person who sent it should read it. */
export const FAILURE_REASONS: Record<FailureReason, string> = {
  blocked: 'telah memblokir bot',
  deactivated: 'akun Telegram-nya sudah tidak aktif',
  kicked: 'bot telah dikeluarkan dari grup',
  not_started: 'belum pernah memulai percakapan dengan bot (perlu menekan Start/Mulai lebih dahulu)',
  chat_not_found: 'grup atau akun tidak ditemukan (sudah dihapus)',
  no_rights: 'bot tidak diizinkan mengirim pesan di grup ini',
  group_deactivated: 'grup sudah tidak aktif',
  rejected: 'pesan ditolak oleh Telegram',
  retries_exhausted: 'gangguan jaringan atau server Telegram; sudah dicoba beberapa kali',
  inactive: 'penerima ini sebelumnya menolak pesan bot, sehingga tidak dikirimi lagi',
  uncertain: 'status tidak pasti: bot berhenti tepat saat mengirim (tidak dikirim ulang agar tidak ganda)',
  missing_body: 'isi pesan untuk penerima ini tidak tersedia',
};

/** Who a chat is, for a delivery report: a person with role and unit, or a group with its unit. */
export type RecipientLabel =
  | { kind: 'group'; title: string; unit: string }
  | { kind: 'person'; name: string; role: string }
  | { kind: 'unknown'; chatId: number };

export const recipientText = (r: RecipientLabel): string =>
  r.kind === 'group' ? `grup “${r.title}” (${r.unit})` : r.kind === 'person' ? `${r.name} (${r.role})` : `penerima ${r.chatId}`;

const MAX_LISTED_UNREACHED = 30;

/**
 * The units of an audience that nobody can receive for: named (up to a limit) so that the sender knows which offices
 * to reach another way, or to invite.
 */
export function unreachedLines(names: readonly string[]): Array<Html | undefined> {
  if (names.length === 0) return [];
  return [
    html`${bold(`${names.length} unit tidak dapat menerima`)} karena belum ada grup yang terhubung maupun pengguna yang terdaftar:`,
    ...names.slice(0, MAX_LISTED_UNREACHED).map((n) => html`• ${n}`),
    names.length > MAX_LISTED_UNREACHED ? italic(`… dan ${names.length - MAX_LISTED_UNREACHED} unit lainnya.`) : undefined,
  ];
}

/** Sent / failed (and why) for one item, to the person who asked for it; and the audience's units nobody could receive for. */
export function deliveryReportMessage(item: OutboxItem, recipientOf: (chatId: number) => RecipientLabel): Html {
  const c = countsOf(item);
  const failed = item.deliveries.filter((d) => d.state === 'failed');
  const unreached = item.unreached ?? [];
  return lines(
    bold(`Laporan pengiriman: ${item.title}`),
    html`Terkirim ${bold(String(c.sent))} dari ${c.total} penerima (grup dan orang)${c.failed > 0 ? html`, gagal ${bold(String(c.failed))}` : ''}${c.expired > 0 ? `, tidak dikirim karena sudah lewat waktu ${c.expired}` : ''}.`,
    ...(unreached.length > 0 ? ['', ...unreachedLines(unreached)] : []),
    ...(failed.length > 0
      ? [
          '',
          bold('Gagal terkirim'),
          ...failed
            .slice(0, MAX_LISTED_FAILURES)
            .map((d) => html`• ${recipientText(recipientOf(d.chatId))}: ${FAILURE_REASONS[d.reason ?? 'rejected']}`),
          failed.length > MAX_LISTED_FAILURES ? italic(`… dan ${failed.length - MAX_LISTED_FAILURES} lainnya.`) : undefined,
        ]
      : []),
  );
}

export function progressMessage(item: OutboxItem): Html {
  const c = countsOf(item);
  return html`${bold(item.title)}: terkirim ${c.sent}, menunggu ${c.pending}, gagal ${c.failed} dari ${c.total} penerima.`;
}

export const deliveryReportTitle = (title: string): string => `Laporan pengiriman ${title}`;
