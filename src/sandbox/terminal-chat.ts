import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatDecimal } from '../domain/format.js';
import { toastLine } from '../messages/sandbox.js';
import type { BotApiServer, BotMessage, CallbackAnswer, TgUser } from './bot-api-server.js';

/**
 * A chat in the terminal: the person types as a Telegram user, reads the bot's answers, and presses inline buttons
 * by number (`#1`). With a script on standard input it reads line by line and waits for each answer.
 */
export interface TerminalChatOptions {
  api: BotApiServer;
  user: TgUser;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
  /** Awaited after each scripted line: lets deliveries the line set off arrive before the next one. */
  settle?: () => Promise<void>;
  /** Where every document and photo the bot sends is kept, to be opened (XLSX in a spreadsheet, PNG in a viewer). */
  filesDir?: string;
  /** `/sebagai …`: play another demo person (sandbox/personas.ts); what to say about it. */
  switchPerson?: (args: string) => Promise<{ persona?: { user: TgUser }; note: string }>;
}

const sizeText = (bytes: number): string => (bytes < 1024 ? `${bytes} bita` : `${formatDecimal(bytes / 1024)} KB`);

const ANSI_BOLD = '\u001b[1m';
const ANSI_RESET = '\u001b[0m';
const ANSI_DIM = '\u001b[2m';

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

export function renderForTerminal(message: BotMessage, color: boolean): string {
  if (!message.html) return message.text;
  const bold = (tag: string): string => (!color ? '' : tag.startsWith('</') ? ANSI_RESET : ANSI_BOLD);
  return unescape(message.html.replace(/<\/?(?:b|strong)>/g, bold).replace(/<[^>]+>/g, ''));
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { api, output, interactive } = options;
  let user = options.user;
  const color = interactive;
  const write = (s: string): void => {
    output.write(`${s}\n`);
  };
  let buttonsMessage: BotMessage | undefined;
  let saved = 0;

  /** Keeps a sent file and says where: `Berkas: /tmp/.../3-rekap-uc-....xlsx (24,5 KB)`. */
  const keep = (message: BotMessage): string | undefined => {
    const file = message.file;
    if (!file || !options.filesDir || message.edits > 0) return undefined;
    saved += 1;
    const path = join(options.filesDir, `${saved}-${file.fileName}`);
    writeFileSync(path, file.bytes);
    return `📎 ${file.kind === 'photo' ? 'Foto' : 'Berkas'}: ${path} (${sizeText(file.bytes.length)})`;
  };

  const show = (message: BotMessage, edited: boolean): void => {
    if (message.chat.id !== user.id) {
      // Messages to the demo recipients: one line each, so the person sees that a notice went out.
      const who = message.chat.title ?? message.chat.first_name ?? String(message.chat.id);
      const first = message.file ? `[${message.file.fileName}] ${message.text.split('\n')[0] ?? ''}` : (message.text.split('\n')[0] ?? '');
      if (!edited) write(color ? `${ANSI_DIM}  → ke ${who}: ${first}${ANSI_RESET}` : `  → ke ${who}: ${first}`);
      return;
    }
    const dim = (s: string): string => (color ? `${ANSI_DIM}${s}${ANSI_RESET}` : s);
    write('');
    write(dim(edited ? 'UC Bot (pesan diperbarui):' : 'UC Bot:'));
    const kept = keep(message);
    if (kept) write(kept);
    if (message.text !== '') write(renderForTerminal(message, color));
    const flat = message.buttons.flat();
    if (flat.length > 0) {
      buttonsMessage = message;
      flat.forEach((b, i) => write(`  [#${i + 1}] ${b.text}`));
    }
  };
  api.on('message', (m: BotMessage) => show(m, false));
  api.on('edit', (m: BotMessage) => show(m, true));
  // Every answer to a press is shown, so that pressing an old button never looks like nothing happened.
  api.on('callbackAnswer', (a: CallbackAnswer) => {
    if (a.userId === user.id && a.text !== '') write(toastLine(a.text, a.alert));
  });

  const rl = createInterface({ input: options.input, terminal: interactive });
  const prompt = (): void => {
    if (interactive) output.write('\nAnda > ');
  };
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      prompt();
      continue;
    }
    if (!interactive) write(`\nAnda > ${line}`);
    if (line === '/keluar' || line === '/exit') break;
    const switching = /^\/sebagai(?:\s+(.*))?$/i.exec(line);
    if (switching && options.switchPerson) {
      try {
        const switched = await options.switchPerson(switching[1] ?? '');
        if (switched.persona) {
          user = switched.persona.user;
          // Buttons belong to the person they were sent to.
          buttonsMessage = undefined;
        }
        write(switched.note);
      } catch (e) {
        write(`(Kesalahan sandbox: ${(e as Error).message})`);
      }
      prompt();
      continue;
    }
    const press = /^#(\d+)$/.exec(line);
    try {
      if (press) {
        const n = Number(press[1]);
        const count = buttonsMessage?.buttons.flat().length ?? 0;
        if (!buttonsMessage || n < 1 || n > count) write(`(Tidak ada tombol #${n} pada pesan terakhir.)`);
        else await api.press(user, buttonsMessage, n - 1);
      } else {
        await api.sendText(user, line);
      }
      if (!interactive) await options.settle?.();
    } catch (e) {
      write(`(Kesalahan sandbox: ${(e as Error).message})`);
    }
    prompt();
  }
  rl.close();
}
