import { join } from 'node:path';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';
import { ChatsFileSchema, type Actor, type ChatLink } from './schema.js';

/** Groups linked to reporting units. A group is linked to one unit at a time. */
export async function createChatsRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'chats.json'), ChatsFileSchema, () => ({ chats: [], inactive: [] }));

  const linkOf = (chatId: number): ChatLink | undefined => db.data.chats.find((c) => c.chatId === chatId && c.active);
  const linksOf = (unitCode: string): ChatLink[] => db.data.chats.filter((c) => c.unitCode === unitCode && c.active);

  async function mutate(change: () => void): Promise<void> {
    const before = db.data.chats.map((c) => ({ ...c }));
    change();
    await persist(db, () => {
      db.data.chats = before;
    });
  }

  /** Links the group to the unit, ending any earlier link of the group. Returns the link it replaced. */
  async function link(input: { chatId: number; title: string; unitCode: string; by: Actor; at: Date }): Promise<ChatLink | undefined> {
    const previous = linkOf(input.chatId);
    await mutate(() => {
      if (previous) previous.active = false;
      db.data.chats.push({
        chatId: input.chatId,
        title: input.title,
        unitCode: input.unitCode,
        linkedBy: input.by,
        linkedAt: input.at.toISOString(),
        active: true,
      });
    });
    return previous;
  }

  async function unlink(chatId: number): Promise<ChatLink | undefined> {
    const current = linkOf(chatId);
    if (!current) return undefined;
    await mutate(() => {
      current.active = false;
    });
    return current;
  }

  /** A group became a supergroup: Telegram gave it a new id; the link follows. */
  async function migrate(fromChatId: number, toChatId: number): Promise<ChatLink | undefined> {
    const current = linkOf(fromChatId);
    if (!current) return undefined;
    await mutate(() => {
      current.chatId = toChatId;
    });
    return current;
  }

  const isInactive = (chatId: number): boolean => db.data.inactive.some((c) => c.chatId === chatId);

  async function markInactive(chatId: number, reason: string, at: Date): Promise<void> {
    if (isInactive(chatId)) return;
    db.data.inactive.push({ chatId, reason, at: at.toISOString() });
    await persist(db, () => db.data.inactive.pop());
  }

  /** The chat wrote to the bot again: it can be reached. */
  async function reactivate(chatId: number): Promise<boolean> {
    const before = db.data.inactive;
    if (!before.some((c) => c.chatId === chatId)) return false;
    db.data.inactive = before.filter((c) => c.chatId !== chatId);
    await persist(db, () => {
      db.data.inactive = before;
    });
    return true;
  }

  return { linkOf, linksOf, link, unlink, migrate, isInactive, markInactive, reactivate };
}

export type ChatsRepo = Awaited<ReturnType<typeof createChatsRepo>>;
