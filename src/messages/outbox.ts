import { countsOf } from '../outbox/outbox.js';
import type { OutboxItem } from '../store/schema.js';
import { bold, html, italic, lines, type Html } from './html.js';

const MAX_LISTED_FAILURES = 30;

/** Sent / failed (and why) for one item, to the person who asked for it. */
export function deliveryReportMessage(item: OutboxItem, chatName: (chatId: number) => string): Html {
  const c = countsOf(item);
  const failed = item.deliveries.filter((d) => d.state === 'failed');
  return lines(
    bold(`Laporan pengiriman: ${item.title}`),
    html`Terkirim ${bold(String(c.sent))} dari ${c.total} chat${c.failed > 0 ? html`, gagal ${bold(String(c.failed))}` : ''}${c.expired > 0 ? `, tidak dikirim karena sudah lewat waktu ${c.expired}` : ''}.`,
    ...(failed.length > 0
      ? [
          '',
          bold('Gagal terkirim'),
          ...failed.slice(0, MAX_LISTED_FAILURES).map((d) => html`• ${chatName(d.chatId)}: ${d.error ?? 'tidak diketahui'}`),
          failed.length > MAX_LISTED_FAILURES ? italic(`… dan ${failed.length - MAX_LISTED_FAILURES} lainnya.`) : undefined,
        ]
      : []),
  );
}

export function progressMessage(item: OutboxItem): Html {
  const c = countsOf(item);
  return html`${bold(item.title)}: terkirim ${c.sent}, menunggu ${c.pending}, gagal ${c.failed} dari ${c.total} chat.`;
}
