import type { Context } from 'telegraf';
import type { Access, Role } from '../domain/access.js';

export type { Access } from '../domain/access.js';

/** A guided conversation in progress. Persisted, so a restart resumes it. */
export type Flow =
  | { name: 'invite'; step: 'role' }
  | { name: 'invite'; step: 'scope'; role: Role }
  | { name: 'request'; step: 'role' }
  | { name: 'request'; step: 'scope'; role: 'staff' | 'viewer' };

/**
 * Conversation state: present only while a flow runs. telegraf writes the session back whenever a handler reads
 * it, so an empty session is `undefined` (deleted), never `{}` kept for every person who ever wrote.
 */
export interface SessionData {
  flow: Flow;
  startedAt: string;
}

export interface BotContext extends Context {
  session: SessionData | undefined;
  access: Access;
}
