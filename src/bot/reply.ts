import { Markup, TelegramError } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { Html, plainText, splitHtml } from '../messages/html.js';
import type { BotContext } from './context.js';

/** A reply waits out Telegram's 429 at most this long; longer, the error goes to bot.catch. */
const MAX_REPLY_WAIT_S = 10;
const MAX_REPLY_ATTEMPTS = 3;

export interface ReplyOptions {
  buttons?: InlineKeyboardButton[][];
}

/** telegraf never retries: a 429 on a reply would otherwise throw. */
export async function withFloodRetry<T>(call: () => Promise<T>, sleep: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const wait = e instanceof TelegramError && e.code === 429 ? e.parameters?.retry_after : undefined;
      if (wait === undefined || wait > MAX_REPLY_WAIT_S || attempt >= MAX_REPLY_ATTEMPTS) throw e;
      await sleep(wait * 1000);
    }
  }
}

/** HTML parse mode, no link previews (meeting links would otherwise fill the chat), and buttons if any. */
const sendOptions = (buttons: InlineKeyboardButton[][] | undefined) => ({
  parse_mode: 'HTML' as const,
  link_preview_options: { is_disabled: true },
  ...(buttons && buttons.length > 0 ? Markup.inlineKeyboard(buttons) : {}),
});

/**
 * Hands a reply that cannot go out now to the outbox (paced, persisted), and says whether a reply handed to it is
 * still waiting for a chat; set per update by `deferRepliesTo`.
 */
export interface DeferReply {
  waiting(chatId: number): boolean;
  send(chatId: number, parts: string[], buttons: InlineKeyboardButton[][] | undefined): Promise<void>;
}

const deferOf = (ctx: BotContext): DeferReply | undefined => (ctx.state as { deferReply?: DeferReply }).deferReply;

/** Sends an HTML message, split within Telegram's limit; buttons go on the last part. Returns the last part's id. */
export async function askHtml(
  ctx: BotContext,
  message: Html,
  sleep: (ms: number) => Promise<void>,
  options: ReplyOptions = {},
): Promise<number | undefined> {
  const parts = splitHtml(message);
  const defer = deferOf(ctx);
  const chatId = ctx.chat?.id;
  // An earlier reply to this chat still waits in the outbox: this one goes behind it, so the chat reads them in order.
  if (defer && chatId !== undefined && defer.waiting(chatId)) {
    await defer.send(chatId, parts, options.buttons);
    return undefined;
  }
  let last: number | undefined;
  for (const [i, part] of parts.entries()) {
    const buttons = i === parts.length - 1 ? options.buttons : undefined;
    try {
      last = (await withFloodRetry(() => ctx.reply(part, sendOptions(buttons)), sleep)).message_id;
    } catch (e) {
      // Telegram's limits (30 messages a second overall, 20 a minute in a group) can answer 429 for longer than a
      // handler may wait: the rest of the answer goes through the outbox, which waits it out, rather than vanishing
      // into "terjadi kendala".
      if (!(e instanceof TelegramError && e.code === 429 && defer && chatId !== undefined)) throw e;
      await defer.send(chatId, parts.slice(i), options.buttons);
      return undefined;
    }
  }
  return last;
}

/** Sends an HTML message, split within Telegram's limit; buttons go on the last part. */
export async function replyHtml(
  ctx: BotContext,
  message: Html,
  sleep: (ms: number) => Promise<void>,
  options: ReplyOptions = {},
): Promise<void> {
  await askHtml(ctx, message, sleep, options);
}

/** Telegram's 400 for an edit that would change nothing: the message already says it, which is success. */
export const isNotModified = (e: unknown): boolean => e instanceof TelegramError && e.code === 400 && /message is not modified/.test(e.description);

/** The pressed message already reads `text` with these buttons (a second press, a decision already shown). */
function alreadyShows(ctx: BotContext, text: string, buttons: InlineKeyboardButton[][] | undefined): boolean {
  const current = ctx.callbackQuery?.message;
  if (!current || !('text' in current)) return false;
  const shown = 'reply_markup' in current ? (current.reply_markup?.inline_keyboard ?? []) : [];
  const wanted = buttons ?? [];
  const key = (rows: InlineKeyboardButton[][]) => JSON.stringify(rows.map((row) => row.map((b) => [b.text, 'callback_data' in b ? b.callback_data : undefined])));
  return current.text === plainText(text) && key(shown) === key(wanted);
}

/**
 * Answers a button press by turning the message that carried the buttons into the answer (its first part; any
 * further parts follow as new messages). Falls back to a new message when the original cannot be edited. An edit
 * that would change nothing is not sent (Telegram refuses it with 400 "message is not modified").
 */
export async function editOrReplyHtml(
  ctx: BotContext,
  message: Html,
  sleep: (ms: number) => Promise<void>,
  options: ReplyOptions = {},
): Promise<void> {
  const parts = splitHtml(message);
  const [first, ...rest] = parts;
  if (first === undefined) return;
  const buttons = rest.length === 0 ? options.buttons : undefined;
  if (!alreadyShows(ctx, first, buttons)) {
    try {
      await withFloodRetry(() => ctx.editMessageText(first, sendOptions(buttons)), sleep);
    } catch (e) {
      if (!(e instanceof TelegramError && e.code === 400)) throw e;
      if (!isNotModified(e)) rest.unshift(first);
    }
  }
  if (rest.length > 0) {
    await replyHtml(ctx, new Html(rest.join('\n')), sleep, options);
  }
}

/** A file the bot sends: its bytes and the name the person sees. */
export interface OutgoingFile {
  bytes: Buffer;
  filename: string;
}

/** Telegram's caption limit, in characters after parsing; a longer caption goes first as its own message. */
const MAX_CAPTION = 1024;

async function withCaption(ctx: BotContext, caption: Html, sleep: (ms: number) => Promise<void>, send: (extra: Record<string, unknown>) => Promise<unknown>): Promise<void> {
  if (caption.text.length > MAX_CAPTION) {
    await replyHtml(ctx, caption, sleep);
    await withFloodRetry(() => send({}), sleep);
    return;
  }
  await withFloodRetry(() => send({ caption: caption.text, parse_mode: 'HTML' }), sleep);
}

/** Sends a document (an XLSX rekap) with an HTML caption. */
export async function replyDocument(ctx: BotContext, file: OutgoingFile, caption: Html, sleep: (ms: number) => Promise<void>): Promise<void> {
  await withCaption(ctx, caption, sleep, (extra) => ctx.replyWithDocument({ source: file.bytes, filename: file.filename }, extra));
}

/**
 * Sends a picture as a photo when it is within Telegram's photo limits (10 MB, width + height <= 10,000, ratio <= 20),
 * and as a document otherwise, so that it is never refused or shrunk past reading.
 */
export async function replyPicture(
  ctx: BotContext,
  file: OutgoingFile & { width: number; height: number },
  caption: Html,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  const fits = file.bytes.length <= 10 * 1024 * 1024 && file.width + file.height <= 10_000 && Math.max(file.width, file.height) / Math.min(file.width, file.height) <= 20;
  if (!fits) return replyDocument(ctx, file, caption, sleep);
  await withCaption(ctx, caption, sleep, (extra) => ctx.replyWithPhoto({ source: file.bytes, filename: file.filename }, extra));
}
