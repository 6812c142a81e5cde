import { join } from 'node:path';
import { openJsonFile } from './json-file.js';
import { UsersFileSchema, type User } from './schema.js';

/** Registered people and their roles (admins come from ADMIN_IDS and are not stored). */
export async function createUsersRepo(dir: string) {
  const { db } = await openJsonFile(join(dir, 'users.json'), UsersFileSchema, () => ({ users: [] }));
  const get = (telegramId: number): User | undefined =>
    db.data.users.find((u) => u.telegramId === telegramId && u.active);
  return { get };
}

export type UsersRepo = Awaited<ReturnType<typeof createUsersRepo>>;
