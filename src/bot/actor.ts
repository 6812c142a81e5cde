import type { Actor } from '../store/schema.js';
import type { BotContext } from './context.js';

/** The person behind an update, as the audit trail and records name them. */
export function actorOf(ctx: BotContext): Actor {
  const from = ctx.from;
  if (!from) return { telegramId: null, name: 'Telegram' };
  return { telegramId: from.id, name: [from.first_name, from.last_name].filter(Boolean).join(' ') };
}
