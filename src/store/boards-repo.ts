import { join } from 'node:path';
import { z } from 'zod';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';

export const BoardSchema = z.object({
  chatId: z.number().int(),
  /** The scope it shows: a province code or `national`. */
  scope: z.string(),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  messageId: z.number().int(),
  /** What it shows now (without its "updated at" line): an edit is made only when this changes. */
  text: z.string(),
  editedAt: z.iso.datetime(),
});
export type Board = z.infer<typeof BoardSchema>;
export const BoardsFileSchema = z.object({ boards: z.array(BoardSchema) });

/** boards.json: the live status boards, one per chat, so they carry on after a restart. */
export async function createBoardsRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'boards.json'), BoardsFileSchema, () => ({ boards: [] }));
  async function put(board: Board): Promise<void> {
    const before = db.data.boards;
    db.data.boards = [...before.filter((b) => b.chatId !== board.chatId), board];
    await persist(db, () => {
      db.data.boards = before;
    });
  }
  async function remove(chatId: number): Promise<void> {
    const before = db.data.boards;
    db.data.boards = before.filter((b) => b.chatId !== chatId);
    await persist(db, () => {
      db.data.boards = before;
    });
  }
  return { put, remove, all: (): Board[] => [...db.data.boards], of: (chatId: number) => db.data.boards.find((b) => b.chatId === chatId) };
}

export type BoardsRepo = Awaited<ReturnType<typeof createBoardsRepo>>;
