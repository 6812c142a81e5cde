import type { Role } from '../domain/access.js';
import type { Store } from '../store/store.js';

/** The chats that speak for a unit: its linked groups and its registered people with the given roles. */
export function unitChats(store: Store, unitCode: string, roles: readonly Role[]): number[] {
  const groups = store.chats.linksOf(unitCode).map((c) => c.chatId);
  const people = store.users
    .active()
    .filter((u) => u.scope === unitCode && roles.includes(u.role))
    .map((u) => u.telegramId);
  return [...new Set([...groups, ...people])];
}
