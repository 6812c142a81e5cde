import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { audienceUnits } from '../domain/audience.js';
import type { ZoneLabel } from '../domain/zones.js';
import type { Meeting } from '../store/schema.js';
import type { Role, Scope } from '../domain/access.js';
import type { Store } from '../store/store.js';

/** The chats that speak for a unit (or a province's or the nation's coordinators): its linked groups and its registered people with the given roles. */
export function unitChats(store: Store, unitCode: string, roles: readonly Role[]): number[] {
  const groups = store.chats.linksOf(unitCode).map((c) => c.chatId);
  const people = store.users
    .active()
    .filter((u) => u.scope === unitCode && roles.includes(u.role))
    .map((u) => u.telegramId);
  return [...new Set([...groups, ...people])];
}


/** A session's audience: its units, and every chat that speaks for them, keyed by the zone they read times in (and the unit each speaks for). */
export function meetingAudience(store: Store, regions: RegionDirectory, m: Meeting) {
  const units: Unit[] = audienceUnits(m.audience, m.scope, regions);
  const seen = new Set<number>();
  const recipients: Array<{ chatId: number; variant: ZoneLabel; unit: Unit }> = [];
  for (const unit of units) {
    for (const chatId of unitChats(store, unit.code, ['staff', 'viewer'])) {
      if (seen.has(chatId)) continue;
      seen.add(chatId);
      recipients.push({ chatId, variant: unit.zone.label, unit });
    }
  }
  return { units, recipients };
}

/** What a person is here, for naming them to others ("Rina, koordinator Provinsi ..."): undefined if not registered. */
export function roleOf(
  store: Store,
  adminIds: readonly number[],
  telegramId: number | null,
): { role: Role; scope: Scope } | { role: 'admin' } | undefined {
  if (telegramId === null) return undefined;
  const user = store.users.get(telegramId);
  if (user) return { role: user.role, scope: user.scope };
  return adminIds.includes(telegramId) ? { role: 'admin' } : undefined;
}

/**
 * Who verifies a unit's reports, as chats: for a kab/kota its province's coordinators and the groups linked to the
 * province (its coordinators' group); for a province government's own report the national coordinators and the
 * group linked to `nasional`.
 */
export const verifierChats = (store: Store, unit: Unit): number[] => unitChats(store, unit.kind === 'provinsi' ? 'national' : unit.provinceCode, ['coordinator']);
