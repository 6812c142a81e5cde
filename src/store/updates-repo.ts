import { join } from 'node:path';
import { z } from 'zod';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';

/** Telegram redelivers an unanswered update within 24 hours: handled ids are remembered at least that long. */
export const UPDATE_MEMORY_MS = 24 * 3600_000;

export const HandledUpdatesFileSchema = z.object({
  updates: z.array(z.object({ id: z.number().int(), at: z.iso.datetime() })),
});

/**
 * updates.json: the webhook updates already handled, so one Telegram delivers again (after a slow answer or a
 * restart) is dropped. Kept for a day and a bit; older ids are forgotten (Telegram may reuse ids after a quiet week).
 */
export async function createUpdatesRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'updates.json'), HandledUpdatesFileSchema, () => ({ updates: [] }));
  const ids = new Map(db.data.updates.map((u) => [u.id, Date.parse(u.at)]));

  /** Was this update handled within the last day? */
  function handled(id: number, now: Date): boolean {
    const at = ids.get(id);
    return at !== undefined && now.getTime() - at < UPDATE_MEMORY_MS;
  }

  async function remember(id: number, now: Date): Promise<void> {
    const before = db.data.updates;
    const horizon = now.getTime() - UPDATE_MEMORY_MS - 3600_000;
    db.data.updates = [...before.filter((u) => Date.parse(u.at) > horizon && u.id !== id), { id, at: now.toISOString() }];
    await persist(db, () => {
      db.data.updates = before;
    });
    ids.clear();
    for (const u of db.data.updates) ids.set(u.id, Date.parse(u.at));
  }

  return { handled, remember };
}

export type UpdatesRepo = Awaited<ReturnType<typeof createUpdatesRepo>>;
