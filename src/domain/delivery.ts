import type { OutboxItem } from './records.js';

export interface DeliveryCounts {
  total: number;
  pending: number;
  sent: number;
  failed: number;
  expired: number;
}

/** Where an item's deliveries stand: for progress and delivery reports. */
export const countsOf = (item: OutboxItem): DeliveryCounts => ({
  total: item.deliveries.length,
  pending: item.deliveries.filter((d) => d.state === 'pending' || d.state === 'sending').length,
  sent: item.deliveries.filter((d) => d.state === 'sent').length,
  failed: item.deliveries.filter((d) => d.state === 'failed').length,
  expired: item.deliveries.filter((d) => d.state === 'expired').length,
});
