import { join } from 'node:path';
import { z } from 'zod';
import { FollowupItemSchema, NotulenSchema, type FollowupItem, type Notulen } from '../domain/followups.js';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';

export const FollowupsFileSchema = z.object({ notulen: z.array(NotulenSchema), items: z.array(FollowupItemSchema) });

/**
 * followups.json: each session's notulen and the follow-up items it gave units. Small (a few sessions a month, a
 * handful of items each), one writer; a failed write undoes the change in memory.
 */
export async function createFollowupsRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'followups.json'), FollowupsFileSchema, () => ({ notulen: [], items: [] }));

  const notulenOf = (meetingId: string): Notulen | undefined => db.data.notulen.find((n) => n.meetingId === meetingId);
  const get = (id: string): FollowupItem | undefined => db.data.items.find((i) => i.id === id);
  const all = (): readonly FollowupItem[] => db.data.items;
  const ofMeeting = (meetingId: string): FollowupItem[] => db.data.items.filter((i) => i.meetingId === meetingId);

  /** A session's record and its items, in one write: a session has one notulen. */
  async function record(notulen: Notulen, items: readonly FollowupItem[]): Promise<boolean> {
    if (notulenOf(notulen.meetingId)) return false;
    const before = { notulen: db.data.notulen, items: db.data.items };
    db.data.notulen = [...before.notulen, notulen];
    db.data.items = [...before.items, ...items];
    await persist(db, () => Object.assign(db.data, before));
    return true;
  }

  /** Changes one item in place; undone if the write fails. */
  async function update(id: string, change: (i: FollowupItem) => void): Promise<FollowupItem | undefined> {
    const item = get(id);
    if (!item) return undefined;
    const before = structuredClone(item);
    change(item);
    await persist(db, () => {
      for (const key of Object.keys(item)) if (!(key in before)) delete (item as Record<string, unknown>)[key];
      Object.assign(item, before);
    });
    return item;
  }

  return { notulenOf, get, all, ofMeeting, record, update };
}

export type FollowupsRepo = Awaited<ReturnType<typeof createFollowupsRepo>>;
