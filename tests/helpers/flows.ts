import type { CallbackButton } from '../../src/domain/callback-data.js';
import type { Reply } from '../../src/flows/step.js';

/** Everything a step says, as text. */
export const words = (r: { replies: readonly Reply[] }): string => r.replies.map((x) => ('copy' in x ? x.copy.text : x.message.text)).join('\n');

/** The buttons of the `i`-th reply (the last by default), flat. */
export const buttonsOf = (r: { replies: readonly Reply[] }, i = r.replies.length - 1): CallbackButton[] => {
  const reply = r.replies[i];
  return reply && 'buttons' in reply ? (reply.buttons ?? []).flat() : [];
};

/** A press of a button the flow offered, as the wiring would decode it. */
export const pressOf = (b: CallbackButton | undefined) => {
  const [, action = '', arg = ''] = (b?.callback_data ?? '').split(':');
  return { kind: 'press' as const, action, arg };
};

export const text = (t: string) => ({ kind: 'text' as const, text: t });
