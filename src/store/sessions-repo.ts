import { join } from 'node:path';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile } from './json-file.js';
import { SessionsFileSchema } from './schema.js';

/**
 * Conversation state of the guided flows, persisted so a flow survives a restart. Implements telegraf's
 * AsyncSessionStore. Only state of a flow in progress lives here; durable data lives in its own repository.
 */
export async function createSessionsRepo(dir: string, clock: () => Date, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'sessions.json'), SessionsFileSchema, () => ({ sessions: {} }));
  return {
    get(key: string): Promise<unknown> {
      return Promise.resolve(db.data.sessions[key]?.data);
    },
    async set(key: string, data: unknown): Promise<void> {
      // telegraf saves every session it handed out, changed or not (every update reads it): an unchanged one is not
      // written again, which with FSYNC=on spares every query two fsyncs.
      const text = JSON.stringify(data);
      const current = db.data.sessions[key];
      if (current !== undefined && JSON.stringify(current.data) === text) return;
      // Round-trip through JSON so memory holds exactly what the file holds.
      db.data.sessions[key] = { data: JSON.parse(text) as unknown, updatedAt: clock().toISOString() };
      await db.write();
    },
    async delete(key: string): Promise<void> {
      if (!(key in db.data.sessions)) return;
      delete db.data.sessions[key];
      await db.write();
    },
  };
}

export type SessionsRepo = Awaited<ReturnType<typeof createSessionsRepo>>;
