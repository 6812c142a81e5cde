import type { Context } from 'telegraf';
import type { Role } from '../store/schema.js';

export type Access =
  | { role: 'admin' }
  | { role: Role; scope: string }
  | { role: 'unknown' };

/** Conversation state of guided flows (persisted by the session store). */
export type SessionData = Record<string, unknown>;

export interface BotContext extends Context {
  session: SessionData;
  access: Access;
}
