import { Markup, type Telegram } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Html } from '../messages/html.js';
import { splitHtml } from '../messages/html.js';
import type { BotDeps } from './deps.js';
import { withFloodRetry } from './reply.js';

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
  let reached = 0;
  const [text] = splitHtml(message);
  if (text === undefined) return 0;
  for (const chatId of [...new Set(chatIds)]) {
    try {
      await withFloodRetry(
        () =>
          telegram.sendMessage(chatId, text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(buttons ? Markup.inlineKeyboard(buttons) : {}),
          }),
        deps.sleep,
      );
      reached++;
    } catch (error) {
      deps.logger.warn('could not notify', { chatId, error });
    }
  }
  return reached;
}
