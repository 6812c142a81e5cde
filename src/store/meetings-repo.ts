import { join } from 'node:path';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';
import { MeetingsFileSchema, type Meeting } from './schema.js';

/** Monitoring sessions (meetings.json): a few per month, kept after they end for their attendance. */
export async function createMeetingsRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'meetings.json'), MeetingsFileSchema, () => ({ meetings: [] }));

  const get = (id: string): Meeting | undefined => db.data.meetings.find((m) => m.id === id);
  const all = (): readonly Meeting[] => db.data.meetings;

  async function add(meeting: Meeting): Promise<void> {
    db.data.meetings.push(meeting);
    await persist(db, () => db.data.meetings.pop());
  }

  /** Changes one meeting in place; the change is undone if the write fails. */
  async function update(id: string, change: (m: Meeting) => void): Promise<Meeting | undefined> {
    const m = get(id);
    if (!m) return undefined;
    const before = structuredClone(m);
    change(m);
    await persist(db, () => Object.assign(m, before));
    return m;
  }

  return { get, all, add, update };
}

export type MeetingsRepo = Awaited<ReturnType<typeof createMeetingsRepo>>;
