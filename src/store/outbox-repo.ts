import { join } from 'node:path';
import type { Low } from 'lowdb';
import { createNodeFileLayer, makeDir, type FileLayer } from './file-layer.js';
import { openJsonFile } from './json-file.js';
import { OutboxItemSchema, type OutboxItem } from './schema.js';

const EMPTY = (): OutboxItem => ({
  id: 'empty',
  kind: 'notice',
  title: '',
  createdAt: new Date(0).toISOString(),
  notBefore: new Date(0).toISOString(),
  bodies: {},
  deliveries: [],
});

/**
 * The outbox's items: one file per item while it has deliveries to make (outbox/open/), moved to
 * outbox/done/<YYYY-MM>/ once every delivery has settled. Start-up reads only the open ones; every item id ever
 * used is remembered, so the same reminder or notice is never enqueued twice.
 */
export async function createOutboxRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const openDir = join(dir, 'outbox', 'open');
  const doneDir = join(dir, 'outbox', 'done');
  await makeDir(fs, openDir);
  await makeDir(fs, doneDir);
  const names = async (path: string): Promise<string[]> => (await fs.readdir(path)).map((e) => e.name);
  const items = new Map<string, Low<OutboxItem>>();
  const known = new Set<string>();
  const doneMonthOf = new Map<string, string>();

  for (const month of await names(doneDir)) {
    for (const file of await names(join(doneDir, month))) {
      if (!file.endsWith('.json') || file.startsWith('.')) continue;
      const id = file.slice(0, -5);
      known.add(id);
      doneMonthOf.set(id, month);
    }
  }
  for (const file of await names(openDir)) {
    if (!file.endsWith('.json') || file.startsWith('.')) continue;
    const { db } = await openJsonFile(fs, join(openDir, file), OutboxItemSchema, EMPTY);
    items.set(db.data.id, db);
    known.add(db.data.id);
  }

  /** Stores a new item; false if an item with this id exists or existed (nothing is written then). */
  async function add(item: OutboxItem): Promise<boolean> {
    if (known.has(item.id)) return false;
    const { db } = await openJsonFile(fs, join(openDir, `${item.id}.json`), OutboxItemSchema, () => item);
    db.data = item;
    await db.write();
    items.set(item.id, db);
    known.add(item.id);
    return true;
  }

  /** Writes the item's current state (the sender mutates deliveries in place, then saves). */
  async function save(item: OutboxItem): Promise<void> {
    const db = items.get(item.id);
    if (!db) throw new Error(`outbox item ${item.id} is not open`);
    await db.write();
  }

  /** Every delivery settled: the item leaves the open set. */
  async function complete(item: OutboxItem, at: Date): Promise<void> {
    const db = items.get(item.id);
    if (!db) return;
    item.completedAt = at.toISOString();
    await db.write();
    const month = item.completedAt.slice(0, 7);
    await makeDir(fs, join(doneDir, month));
    await fs.rename(join(openDir, `${item.id}.json`), join(doneDir, month, `${item.id}.json`));
    // Both folders changed: a power cut must find the item in one of them, settled.
    if (fs.fsync) {
      await fs.syncDir(join(doneDir, month));
      await fs.syncDir(openDir);
    }
    items.delete(item.id);
    doneMonthOf.set(item.id, month);
  }

  async function get(id: string): Promise<OutboxItem | undefined> {
    const open = items.get(id);
    if (open) return open.data;
    const month = doneMonthOf.get(id);
    if (!month) return undefined;
    const { db } = await openJsonFile(fs, join(doneDir, month, `${id}.json`), OutboxItemSchema, EMPTY);
    return db.data;
  }

  return {
    add,
    save,
    complete,
    get,
    has: (id: string) => known.has(id),
    open: (): OutboxItem[] => [...items.values()].map((db) => db.data),
  };
}

export type OutboxRepo = Awaited<ReturnType<typeof createOutboxRepo>>;
