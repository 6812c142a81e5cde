import { join } from 'node:path';
import type { Role, Scope } from '../domain/access.js';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';
import { UsersFileSchema, type Actor, type User } from './schema.js';

export interface GrantInput {
  telegramId: number;
  name: string;
  username?: string | undefined;
  role: Role;
  scope: Scope;
}

/**
 * Registered people and their roles (admins come from ADMIN_IDS and are not stored). One active grant per person;
 * a revoked grant stays in the file, marked inactive, so the history of who held what is kept.
 */
export async function createUsersRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'users.json'), UsersFileSchema, () => ({ users: [] }));

  const get = (telegramId: number): User | undefined =>
    db.data.users.find((u) => u.telegramId === telegramId && u.active);

  const active = (): User[] => db.data.users.filter((u) => u.active);

  async function mutate(change: (users: User[]) => void): Promise<void> {
    const before = db.data.users.map((u) => ({ ...u }));
    change(db.data.users);
    await persist(db, () => {
      db.data.users = before;
    });
  }

  /** Gives a person a role, replacing any role they held. Returns the replaced grant. */
  async function grant(input: GrantInput, by: Actor, at: Date): Promise<User | undefined> {
    const previous = get(input.telegramId);
    await mutate((users) => {
      if (previous) Object.assign(previous, { active: false, revokedAt: at.toISOString(), revokedBy: by });
      users.push({
        telegramId: input.telegramId,
        name: input.name,
        ...(input.username ? { username: input.username } : {}),
        role: input.role,
        scope: input.scope,
        grantedAt: at.toISOString(),
        grantedBy: by,
        active: true,
      });
    });
    return previous;
  }

  /** Ends a person's access. Returns the grant that ended, if there was one. */
  async function revoke(telegramId: number, by: Actor, at: Date): Promise<User | undefined> {
    const current = get(telegramId);
    if (!current) return undefined;
    await mutate(() => {
      Object.assign(current, { active: false, revokedAt: at.toISOString(), revokedBy: by });
    });
    return current;
  }

  /** Everyone ever registered, revoked grants included. */
  const all = (): User[] => [...db.data.users];

  return { get, active, all, grant, revoke };
}

export type UsersRepo = Awaited<ReturnType<typeof createUsersRepo>>;
