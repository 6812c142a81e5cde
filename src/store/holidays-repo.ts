import { join } from 'node:path';
import { z } from 'zod';
import type { Holiday, HolidayChanges } from '../domain/holidays.js';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';

const HolidaySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  name: z.string().min(1),
  kind: z.enum(['libur', 'cuti_bersama', 'daerah']),
  reference: z.string(),
  tentative: z.boolean().optional(),
  province: z.string().regex(/^\d{2}$/).optional(),
});

export const HolidaysFileSchema = z.object({
  added: z.array(HolidaySchema),
  removed: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), province: z.string().regex(/^\d{2}$/).optional() })),
});

/** holidays.json: the days operators added (a regional day, a decree changed during the year) or removed. */
export async function createHolidaysRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'holidays.json'), HolidaysFileSchema, () => ({ added: [], removed: [] }));
  const same = (a: { date: string; province?: string | undefined }, b: { date: string; province?: string | undefined }) =>
    a.date === b.date && (a.province ?? undefined) === (b.province ?? undefined);

  async function add(h: Holiday): Promise<void> {
    const before = { added: [...db.data.added], removed: [...db.data.removed] };
    db.data.added = [...db.data.added.filter((x) => !same(x, h)), h];
    db.data.removed = db.data.removed.filter((r) => !same(r, h));
    await persist(db, () => Object.assign(db.data, before));
  }

  async function remove(date: string, province: string | undefined): Promise<void> {
    const before = { added: [...db.data.added], removed: [...db.data.removed] };
    const key = { date, ...(province ? { province } : {}) };
    db.data.added = db.data.added.filter((x) => !same(x, key));
    if (!db.data.removed.some((r) => same(r, key))) db.data.removed = [...db.data.removed, key];
    await persist(db, () => Object.assign(db.data, before));
  }

  const changes = (): HolidayChanges => db.data;
  return { add, remove, changes };
}

export type HolidaysRepo = Awaited<ReturnType<typeof createHolidaysRepo>>;
