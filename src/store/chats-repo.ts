import { join } from 'node:path';
import { openJsonFile, persist } from './json-file.js';
import { ChatsFileSchema, type Actor, type ChatLink } from './schema.js';

/** Groups linked to reporting units. A group is linked to one unit at a time. */
export async function createChatsRepo(dir: string) {
  const { db } = await openJsonFile(join(dir, 'chats.json'), ChatsFileSchema, () => ({ chats: [] }));

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

  return { linkOf, linksOf, link, unlink, migrate };
}

export type ChatsRepo = Awaited<ReturnType<typeof createChatsRepo>>;
