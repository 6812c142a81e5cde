import { Markup, type Telegram } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Html } from '../messages/html.js';
import { splitHtml } from '../messages/html.js';
import type { BotDeps } from './deps.js';
import { isNotModified, withFloodRetry } from './reply.js';

/**
 * Tells a handful of people something (the approvers of a request, an inviter, someone whose access ended), one
 * after another. A person who blocked the bot is logged and skipped. Messages to many chats go through the outbox.
 * Returns how many were reached.
 */
export async function notifyPeople(
  telegram: Telegram,
  deps: Pick<BotDeps, 'logger' | 'sleep'>,
  chatIds: readonly number[],
  message: Html,
  buttons?: InlineKeyboardButton[][],
): Promise<number> {
  return (await notifyPeopleWithIds(telegram, deps, chatIds, message, buttons)).length;
}

/** As notifyPeople, returning where each message landed (to edit the copies later). */
export async function notifyPeopleWithIds(
  telegram: Telegram,
  deps: Pick<BotDeps, 'logger' | 'sleep'>,
  chatIds: readonly number[],
  message: Html,
  buttons?: InlineKeyboardButton[][],
): Promise<Array<{ chatId: number; messageId: number }>> {
  const reached: Array<{ chatId: number; messageId: number }> = [];
  const [text] = splitHtml(message);
  if (text === undefined) return reached;
  for (const chatId of [...new Set(chatIds)]) {
    try {
      const sent = await withFloodRetry(
        () =>
          telegram.sendMessage(chatId, text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(buttons ? Markup.inlineKeyboard(buttons) : {}),
          }),
        deps.sleep,
      );
      reached.push({ chatId, messageId: sent.message_id });
    } catch (error) {
      deps.logger.warn('could not notify', { chatId, error });
    }
  }
  return reached;
}

/** Replaces the text (and removes the buttons) of messages sent earlier; a deleted or unchanged one is let be. */
export async function updateCopies(
  telegram: Telegram,
  deps: Pick<BotDeps, 'logger' | 'sleep'>,
  copies: ReadonlyArray<{ chatId: number; messageId: number }>,
  message: Html,
): Promise<void> {
  const [text] = splitHtml(message);
  if (text === undefined) return;
  for (const { chatId, messageId } of copies) {
    try {
      await withFloodRetry(() => telegram.editMessageText(chatId, messageId, undefined, text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }), deps.sleep);
    } catch (error) {
      // A copy that already says it (decided twice, edited before) is up to date.
      if (!isNotModified(error)) deps.logger.info('could not update a copy', { chatId, messageId, error });
    }
  }
}
