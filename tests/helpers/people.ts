import type { Role, Scope } from '../../src/domain/access.js';
import type { TgUser } from '../../src/sandbox/bot-api-server.js';
import type { Harness } from './harness.js';

/** A registered person: a Telegram user with a stored role, as an invite or approval would leave them. */
export async function person(h: Harness, id: number, name: string, role?: Role, scope?: Scope): Promise<TgUser> {
  const user = h.api.user(id, name);
  if (role && scope) {
    await h.app.store.users.grant({ telegramId: id, name, role, scope }, { telegramId: null, name: 'Uji' }, h.now);
  }
  return user;
}

/** Everything the bot sent one chat, from message `from` on. */
export const textsSince = (h: Harness, chatId: number, from: number): string => h.texts(chatId).slice(from).join('\n---\n');

/** Sends a text and returns what the bot answered to that chat. */
export async function say(h: Harness, user: TgUser, text: string, chat?: Parameters<Harness['api']['sendText']>[2]): Promise<string> {
  const chatId = chat?.id ?? user.id;
  const before = h.texts(chatId).length;
  await h.api.sendText(user, text, chat);
  return textsSince(h, chatId, before);
}

/** The last answerCallbackQuery the bot made. */
export const lastCallbackAnswer = (h: Harness): Record<string, unknown> | undefined =>
  h.api.calls.filter((c) => c.method === 'answerCallbackQuery').pop()?.payload;

/**
 * Presses a button of the bot's last message to this person if it offers one (the week question appears only while
 * last week may still be sent: until its deadline plus LATE_GRACE).
 */
export async function pressIfOffered(h: Harness, user: TgUser, label: string): Promise<boolean> {
  const last = h.api.lastMessage(user.id);
  if (!last.buttons.flat().some((b) => b.text === label)) return false;
  await h.api.press(user, last, label);
  return true;
}
