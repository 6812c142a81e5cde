/** Why an access request is rejected: a short code, chosen by a button (callback data stays small). */
export const REJECT_REASONS = ['not_staff', 'seat_taken', 'identity', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const isRejectReason = (v: unknown): v is RejectReason => (REJECT_REASONS as readonly unknown[]).includes(v);
