import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkTelegramHtml } from './telegram-html.js';

/**
 * A stand-in for the Telegram Bot API, served over real HTTP on 127.0.0.1, as strict as Telegram where it matters:
 * it rejects broken HTML, texts over 4,096 characters, callback data over 64 bytes, unknown chats and stale
 * callback queries, answers 403 for a user who blocked the bot and 429 with retry_after when asked to (or under its
 * optional flood limits). Tests and the sandbox put updates in and read what the bot sent.
 */

/** The bot's answer to a button press, as the person who pressed sees it. */
export interface CallbackAnswer {
  userId: number;
  /** Empty when the bot only stopped the button's spinner. */
  text: string;
  alert: boolean;
}

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  first_name?: string;
  username?: string;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface BotMessage {
  message_id: number;
  chat: TgChat;
  date: number;
  text: string;
  /** The HTML as the bot sent it (when parse_mode was HTML). */
  html?: string;
  /** Entities as the bot sent them (when it sent entities instead of HTML). */
  entities?: Array<{ type: string; offset: number; length: number }>;
  buttons: InlineButton[][];
  edits: number;
  /** A document or photo the bot sent (its caption is `text`): the bytes, to be read back with a real reader. */
  file?: SentFile;
}

export interface SentFile {
  kind: 'document' | 'photo';
  fileId: string;
  fileName: string;
  bytes: Buffer;
  /** A photo's size, read from its PNG header. */
  width?: number;
  height?: number;
}

export interface ApiCall {
  /** When the stand-in answered, by its clock. */
  at: number;
  method: string;
  payload: Record<string, unknown>;
  ok: boolean;
  errorCode?: number;
  description?: string;
}

interface InjectedFailure {
  method?: string;
  chatId?: number;
  errorCode: number;
  description: string;
  retryAfter?: number;
  migrateToChatId?: number;
  times: number;
}

export interface FloodLimits {
  /** Messages a second across all chats (Telegram: about 30). */
  perSecond: number;
  /** Messages a minute to one group (Telegram: 20). */
  perGroupPerMinute: number;
  /** Messages a second to one private chat, sustained. */
  perPrivateChatPerSecond: number;
}

export interface BotApiServerOptions {
  token: string;
  botUser?: Partial<TgUser>;
  /** Off unless given: replies in tests must not depend on wall-clock pacing. */
  floodLimits?: FloodLimits;
  clock?: () => number;
  /** How long deliver() waits for the bot to take an update before failing (a hang guard, not a timing test). */
  ackTimeoutMs?: number;
}

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

/** `default`, `all_private_chats`, `all_group_chats` or `chat:<id>`: the scope of a command menu. */
function scopeKey(raw: unknown): string {
  const scope = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { type?: string; chat_id?: unknown } | undefined;
  if (!scope || scope.type === undefined || scope.type === 'default') return 'default';
  if (scope.type === 'chat') {
    if (scope.chat_id === undefined) throw bad('chat_id is required for the chat scope');
    return `chat:${Number(scope.chat_id)}`;
  }
  if (scope.type === 'all_private_chats' || scope.type === 'all_group_chats') return scope.type;
  throw bad(`unsupported scope ${scope.type}`);
}
const WEBHOOK_CONFLICT = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const MAX_CALLBACK_BYTES = 64;
const MAX_CALLBACK_ANSWER = 200;

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const bad = (description: string): ApiError => new ApiError(400, `Bad Request: ${description}`);

type Update = { update_id: number } & Record<string, unknown>;

export class BotApiServer extends EventEmitter {
  readonly token: string;
  readonly bot: TgUser;
  private server: Server | undefined;
  private port = 0;
  private nextUpdateId = 1;
  private updates: Update[] = [];
  private readonly history = new Map<number, Update>();
  private confirmedBelow = 1;
  private pollers: Array<() => void> = [];
  private ackWaiters: Array<{ id: number; resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout }> =
    [];
  private readonly chats = new Map<number, TgChat>();
  private readonly blocked = new Set<number>();
  private readonly unopened = new Set<number>();
  private readonly messagesByChat = new Map<number, BotMessage[]>();
  private readonly nextMessageId = new Map<number, number>();
  private readonly openCallbacks = new Map<string, { answered: boolean; userId: number }>();
  private nextCallbackId = 1;
  private readonly failures: InjectedFailure[] = [];
  private readonly sentTimes: Array<{ at: number; chatId: number }> = [];
  readonly calls: ApiCall[] = [];
  commands: Array<{ command: string; description: string }> = [];
  private readonly clock: () => number;

  constructor(private readonly options: BotApiServerOptions) {
    super();
    this.token = options.token;
    const id = Number(options.token.split(':')[0]);
    this.bot = { id, is_bot: true, first_name: 'UC Bot', username: 'uc_jamsosnaker_bot', ...options.botUser };
    this.clock = options.clock ?? (() => Date.now());
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.apiRoot;
  }

  async stop(): Promise<void> {
    for (const release of this.pollers.splice(0)) release();
    for (const w of this.ackWaiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error('Bot API stand-in stopped'));
    }
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  // ---- people and chats ----------------------------------------------------------------------------------------

  user(id: number, firstName: string, extra: Partial<TgUser> = {}): TgUser {
    const user: TgUser = { id, is_bot: false, first_name: firstName, language_code: 'id', ...extra };
    this.chats.set(id, { id, type: 'private', first_name: firstName, ...(extra.username ? { username: extra.username } : {}) });
    return user;
  }

  /**
   * A document as a person sends it: Telegram keeps its bytes and gives the bot a file_id, which the bot may send on
   * (sendDocument with that file_id). Returns the message's `document` field.
   */
  userDocument(fileName: string, bytes: Buffer, mimeType = 'application/pdf'): { file_id: string; file_unique_id: string; file_name: string; mime_type: string; file_size: number } {
    const fileId = `user-document-${this.nextFileId++}`;
    this.files.set(fileId, { kind: 'document', fileName, bytes });
    return { file_id: fileId, file_unique_id: `${fileId}-u`, file_name: fileName, mime_type: mimeType, file_size: bytes.length };
  }

  group(id: number, title: string, type: 'group' | 'supergroup' = 'group'): TgChat {
    const chat: TgChat = { id, type, title };
    this.chats.set(id, chat);
    return chat;
  }

  /**
   * The user has not opened their chat with the bot yet: until they write to it, Telegram answers "chat not found"
   * to anything aimed at their chat (a message, their own command menu).
   */
  notOpened(userId: number): void {
    this.unopened.add(userId);
  }

  /** The user blocks the bot: every later send to their chat gets 403. */
  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  /** The next `times` calls (of `method`, to `chatId`) fail as Telegram would. */
  failNext(failure: Partial<InjectedFailure> & { errorCode: number; description: string }): void {
    this.failures.push({ times: 1, ...failure });
  }

  // ---- updates in ----------------------------------------------------------------------------------------------

  private enqueue(body: Record<string, unknown>): number {
    const update = { update_id: this.nextUpdateId++, ...body };
    const message = body.message as { chat?: { id?: number; type?: string } } | undefined;
    if (message?.chat?.type === 'private' && message.chat.id !== undefined) this.unopened.delete(message.chat.id);
    this.history.set(update.update_id, update);
    this.updates.push(update);
    for (const release of this.pollers.splice(0)) release();
    return update.update_id;
  }

  /** Resolves once the bot has finished the update: telegraf asks for the next batch only after the last one. */
  waitForAck(updateId: number): Promise<void> {
    if (this.confirmedBelow > updateId) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.ackWaiters = this.ackWaiters.filter((w) => w.timer !== timer);
        reject(new Error(`the bot did not take update ${updateId}`));
      }, this.options.ackTimeoutMs ?? 15_000);
      this.ackWaiters.push({ id: updateId, resolve, reject, timer });
    });
  }

  private commandEntities(text: string): Array<Record<string, unknown>> {
    const entities: Array<Record<string, unknown>> = [];
    for (const m of text.matchAll(/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?)/g)) {
      const offset = (m.index ?? 0) + (m[1]?.length ?? 0);
      entities.push({ type: 'bot_command', offset, length: m[2]?.length ?? 0 });
    }
    return entities;
  }

  /** A text message from `from`, in their private chat unless `chat` is given. Returns the update id. */
  queueText(from: TgUser, text: string, chat?: TgChat, formatting: Array<{ type: string; offset: number; length: number }> = []): number {
    const target = chat ?? this.chats.get(from.id);
    if (!target) throw new Error(`no chat for user ${from.id}`);
    const messageId = this.allocateMessageId(target.id);
    const entities = [...this.commandEntities(text), ...formatting];
    return this.enqueue({
      message: {
        message_id: messageId,
        from,
        chat: target,
        date: Math.floor(this.clock() / 1000),
        text,
        ...(entities.length > 0 ? { entities } : {}),
      },
    });
  }

  /** A message of any other kind (`{ photo: [...] }`, `{ sticker: ... }`) from `from` in their private chat. Returns the update id. */
  queueMessage(from: TgUser, fields: Record<string, unknown>): number {
    const target = this.chats.get(from.id);
    if (!target) throw new Error(`no chat for user ${from.id}`);
    return this.enqueue({ message: { message_id: this.allocateMessageId(target.id), from, chat: target, date: Math.floor(this.clock() / 1000), ...fields } });
  }

  async sendText(from: TgUser, text: string, chat?: TgChat, formatting?: Array<{ type: string; offset: number; length: number }>): Promise<void> {
    await this.waitForAck(this.queueText(from, text, chat, formatting));
  }

  /**
   * A document a person sends (a file, not a photo): Telegram gives the bot its file_id, name and size, and the bot may
   * send it on by that file_id. `size` stands for a file too big to build in a test (Telegram takes up to 2 GB).
   */
  queueDocument(from: TgUser, file: { fileName: string; bytes?: Buffer; size?: number; mimeType?: string }, options: { caption?: string; chat?: TgChat } = {}): number {
    const target = options.chat ?? this.chats.get(from.id);
    if (!target) throw new Error(`no chat for user ${from.id}`);
    const bytes = file.bytes ?? Buffer.from('%PDF-1.4 stand-in');
    const fileId = `document-${this.nextFileId++}`;
    this.files.set(fileId, { kind: 'document', fileName: file.fileName, bytes });
    return this.enqueue({
      message: {
        message_id: this.allocateMessageId(target.id),
        from,
        chat: target,
        date: Math.floor(this.clock() / 1000),
        document: {
          file_id: fileId,
          file_unique_id: fileId,
          file_name: file.fileName,
          mime_type: file.mimeType ?? 'application/pdf',
          file_size: file.size ?? bytes.length,
        },
        ...(options.caption ? { caption: options.caption } : {}),
      },
    });
  }

  async sendDocument(from: TgUser, file: Parameters<BotApiServer['queueDocument']>[1], options: Parameters<BotApiServer['queueDocument']>[2] = {}): Promise<void> {
    await this.waitForAck(this.queueDocument(from, file, options));
  }

  /** Presses a button the bot actually sent: by its text or its position (0-based, reading order). */
  queuePress(from: TgUser, message: BotMessage, button: string | number): number {
    const flat = message.buttons.flat();
    const target = typeof button === 'number' ? flat[button] : flat.find((b) => b.text === button);
    if (!target?.callback_data) throw new Error(`no such button: ${String(button)}`);
    return this.queueCallback(from, message, target.callback_data);
  }

  async press(from: TgUser, message: BotMessage, button: string | number): Promise<void> {
    await this.waitForAck(this.queuePress(from, message, button));
  }

  /**
   * For long runs (npm run soak): lets go of what a test would read back (call log, update history, answered button
   * presses) and keeps each chat's last `keep` messages, which the bot may still edit. Without it
   * the stand-in's own memory would grow with every update and hide the bot's.
   */
  forget(keep = 20): void {
    this.calls.length = 0;
    this.history.clear();
    for (const [id, open] of this.openCallbacks) if (open.answered) this.openCallbacks.delete(id);
    for (const list of this.messagesByChat.values()) if (list.length > keep) list.splice(0, list.length - keep);
  }

  /** A callback query id the stand-in will accept an answer for, for a test that builds the whole update itself. */
  openCallbackId(): string {
    const id = String(this.nextCallbackId++);
    // No person: the test builds the whole (possibly malformed) update itself; 0 names nobody.
    this.openCallbacks.set(id, { answered: false, userId: 0 });
    return id;
  }

  /** A callback query with any data, as a forged or stale client could send. */
  queueCallback(from: TgUser, message: BotMessage, data: string): number {
    const id = String(this.nextCallbackId++);
    this.openCallbacks.set(id, { answered: false, userId: from.id });
    return this.enqueue({
      callback_query: {
        id,
        from,
        chat_instance: String(message.chat.id),
        data,
        message: {
          message_id: message.message_id,
          from: this.bot,
          chat: message.chat,
          date: message.date,
          text: message.text,
          // As Telegram does: the message as it stands now, with its buttons.
          ...(message.buttons.length > 0 ? { reply_markup: { inline_keyboard: message.buttons } } : {}),
        },
      },
    });
  }

  async forgeCallback(from: TgUser, message: BotMessage, data: string): Promise<void> {
    await this.waitForAck(this.queueCallback(from, message, data));
  }

  /**
   * Delivers an update again, as Telegram does when the bot stopped before confirming it: the update is back in the
   * queue and unconfirmed. A bot that restarts receives it once more.
   */
  redeliver(updateId: number): void {
    const update = this.history.get(updateId);
    if (!update) throw new Error(`no update ${updateId}`);
    this.confirmedBelow = Math.min(this.confirmedBelow, updateId);
    this.updates = [...this.updates.filter((u) => u.update_id !== updateId), update].sort((a, b) => a.update_id - b.update_id);
    for (const release of this.pollers.splice(0)) release();
  }

  /**
   * Telegram picks update ids afresh after a week without updates ("randomly instead of sequentially"): the next
   * ids may be lower than any the bot has seen. The bot's stale offset is then beyond every id and is disregarded.
   */
  restartUpdateIds(next: number): void {
    this.nextUpdateId = next;
    this.confirmedBelow = next;
    this.updates = [];
  }

  /** The webhook the bot registered, as Telegram keeps it. */
  webhook: { url: string; secret?: string | undefined; allowedUpdates?: string[] | undefined } | undefined;

  private setWebhook(p: Record<string, unknown>): true {
    const url = typeof p.url === 'string' ? p.url : '';
    if (url === '') {
      this.webhook = undefined;
      return true;
    }
    const secret = typeof p.secret_token === 'string' ? p.secret_token : undefined;
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw bad('secret token contains unallowed characters');
    const allowed = typeof p.allowed_updates === 'string' ? (JSON.parse(p.allowed_updates) as string[]) : (p.allowed_updates as string[] | undefined);
    this.webhook = { url, secret, allowedUpdates: allowed };
    return true;
  }

  /**
   * Telegram pushing an update to the registered webhook: an HTTP POST with the secret-token header (or `secret`
   * instead, to test a wrong or missing one). Returns the HTTP status the bot answered. `updateId` redelivers one.
   */
  async pushUpdate(body: Record<string, unknown>, options: { secret?: string | null; updateId?: number } = {}): Promise<number> {
    const hook = this.webhook;
    if (!hook) throw new Error('no webhook is set');
    const update = { update_id: options.updateId ?? this.nextUpdateId++, ...body };
    const secret = options.secret === undefined ? hook.secret : options.secret;
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== null && secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** A text message as a webhook update (see pushUpdate). Returns the status and the update's id. */
  async pushText(from: TgUser, text: string, options: { secret?: string | null } = {}): Promise<{ status: number; updateId: number }> {
    const target = this.chats.get(from.id);
    if (!target) throw new Error(`no chat for user ${from.id}`);
    const updateId = this.nextUpdateId;
    const entities = this.commandEntities(text);
    const status = await this.pushUpdate(
      { message: { message_id: this.allocateMessageId(target.id), from, chat: target, date: Math.floor(this.clock() / 1000), text, ...(entities.length > 0 ? { entities } : {}) } },
      options,
    );
    return { status, updateId };
  }

  /** Any raw update (group membership changes, migrations...). */
  async deliver(body: Record<string, unknown>): Promise<void> {
    await this.waitForAck(this.enqueue(body));
  }

  // ---- what the bot did ------------------------------------------------------------------------------------------

  messages(chatId: number): BotMessage[] {
    return this.messagesByChat.get(chatId) ?? [];
  }

  lastMessage(chatId: number): BotMessage {
    const list = this.messages(chatId);
    const last = list[list.length - 1];
    if (!last) throw new Error(`the bot sent nothing to chat ${chatId}`);
    return last;
  }

  failedCalls(): ApiCall[] {
    return this.calls.filter((c) => !c.ok);
  }

  // ---- HTTP ------------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url?.split('?')[0] ?? '');
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!m) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method = ''] = m;
    if (token !== this.token) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    let payload: Record<string, unknown>;
    try {
      payload = await readPayload(req);
    } catch (e) {
      return reply(400, { ok: false, error_code: 400, description: `Bad Request: ${(e as Error).message}` });
    }
    if (method === 'getUpdates') {
      // Telegram refuses polling while a webhook is set.
      if (this.webhook) {
        this.calls.push({ at: this.clock(), method, payload, ok: false, errorCode: 409, description: WEBHOOK_CONFLICT });
        return reply(409, { ok: false, error_code: 409, description: WEBHOOK_CONFLICT });
      }
      const result = await this.getUpdates(payload);
      return reply(200, { ok: true, result });
    }
    try {
      const result = this.call(method, payload);
      this.calls.push({ at: this.clock(), method, payload, ok: true });
      reply(200, { ok: true, result });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.calls.push({ at: this.clock(), method, payload, ok: false, errorCode: e.code, description: e.description });
      reply(e.code, {
        ok: false,
        error_code: e.code,
        description: e.description,
        ...(e.parameters ? { parameters: e.parameters } : {}),
      });
    }
  }

  /** Resolves when a bot next asks for updates: it has started (used when the bot runs in another process). */
  waitForPolling(): Promise<void> {
    return new Promise((resolve) => this.once('poll', () => resolve()));
  }

  private async getUpdates(payload: Record<string, unknown>): Promise<Update[]> {
    this.emit('poll');
    const asked = Number(payload.offset ?? 0);
    // An offset beyond every id ever issued belongs to the sequence before a restart of the ids.
    const offset = asked > this.nextUpdateId ? 0 : asked;
    const limit = Math.min(100, Number(payload.limit ?? 100));
    const timeout = Number(payload.timeout ?? 0);
    if (offset > 0) this.confirm(offset);
    const pending = (): Update[] => this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    if (pending().length === 0 && timeout > 0 && this.server) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeout * 1000);
        this.pollers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return pending();
  }

  private confirm(offset: number): void {
    if (offset <= this.confirmedBelow) return;
    this.confirmedBelow = offset;
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    for (const w of [...this.ackWaiters]) {
      if (w.id < offset) {
        clearTimeout(w.timer);
        this.ackWaiters.splice(this.ackWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  private call(method: string, p: Record<string, unknown>): unknown {
    this.takeInjectedFailure(method, p);
    switch (method) {
      case 'getMe':
        return this.bot;
      case 'deleteWebhook':
        this.webhook = undefined;
        return true;
      case 'setWebhook':
        return this.setWebhook(p);
      case 'getWebhookInfo':
        return { url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0, ...(this.webhook ? { allowed_updates: this.webhook.allowedUpdates } : {}) };
      case 'sendChatAction':
        return true;
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'deleteMyCommands':
        return this.deleteMyCommands(p);
      case 'pinChatMessage':
        return this.pinChatMessage(p);
      case 'sendDocument':
        return this.sendFile('document', p);
      case 'sendPhoto':
        return this.sendFile('photo', p);
      case 'sendMessage':
        return this.sendMessage(p);
      case 'editMessageText':
        return this.editMessageText(p);
      case 'editMessageReplyMarkup':
        return this.editMessageReplyMarkup(p);
      case 'answerCallbackQuery':
        return this.answerCallbackQuery(p);
      case 'deleteMessage':
        return this.deleteMessage(p);
      case 'getChat':
        return this.chatOf(p.chat_id);
      default:
        throw new ApiError(404, 'Not Found: method not found');
    }
  }

  private takeInjectedFailure(method: string, p: Record<string, unknown>): void {
    const chatId = p.chat_id === undefined ? undefined : Number(p.chat_id);
    const i = this.failures.findIndex(
      (f) => (f.method === undefined || f.method === method) && (f.chatId === undefined || f.chatId === chatId),
    );
    const f = i >= 0 ? this.failures[i] : undefined;
    if (!f) return;
    f.times -= 1;
    if (f.times <= 0) this.failures.splice(i, 1);
    const parameters: Record<string, unknown> = {};
    if (f.retryAfter !== undefined) parameters.retry_after = f.retryAfter;
    if (f.migrateToChatId !== undefined) parameters.migrate_to_chat_id = f.migrateToChatId;
    throw new ApiError(f.errorCode, f.description, Object.keys(parameters).length > 0 ? parameters : undefined);
  }

  private chatOf(chatIdRaw: unknown): TgChat {
    const chat = this.chats.get(Number(chatIdRaw));
    if (!chat || this.unopened.has(chat.id)) throw bad('chat not found');
    return chat;
  }

  private allocateMessageId(chatId: number): number {
    const id = this.nextMessageId.get(chatId) ?? 1;
    this.nextMessageId.set(chatId, id + 1);
    return id;
  }

  private checkText(p: Record<string, unknown>, limit = MAX_TEXT): { text: string; html?: string; entities?: BotMessage['entities'] } {
    const raw = p.text;
    if (typeof raw !== 'string' || raw.trim() === '') throw bad('message text is empty');
    let text = raw;
    let html: string | undefined;
    if (p.entities !== undefined) {
      if (p.parse_mode !== undefined) throw bad('entities and parse_mode cannot be used together in this stand-in');
      const entities: unknown = typeof p.entities === 'string' ? JSON.parse(p.entities) : p.entities;
      if (!Array.isArray(entities)) throw bad("can't parse entities JSON object");
      for (const e of entities as Array<{ type?: unknown; offset?: unknown; length?: unknown }>) {
        const { offset, length } = e;
        if (typeof e.type !== 'string' || typeof offset !== 'number' || typeof length !== 'number' || offset < 0 || length < 1 || offset + length > raw.length) {
          throw bad(`can't parse entities: entity beyond the end of the text`);
        }
      }
      if (raw.length > MAX_TEXT) throw bad('message is too long');
      return { text: raw, entities: entities as BotMessage['entities'] };
    }
    if (p.parse_mode !== undefined) {
      if (p.parse_mode !== 'HTML') throw bad(`unsupported parse_mode ${JSON.stringify(p.parse_mode)} in this stand-in`);
      const checked = checkTelegramHtml(raw);
      if (!checked.ok) throw new ApiError(400, checked.description);
      text = checked.text;
      html = raw;
      if (text.trim() === '') throw bad('message text is empty');
    }
    if (text.length > limit) throw bad(limit === MAX_TEXT ? 'message is too long' : 'message caption is too long');
    return html === undefined ? { text } : { text, html };
  }

  private checkMarkup(markup: unknown): InlineButton[][] {
    if (markup === undefined) return [];
    const parsed: unknown = typeof markup === 'string' ? JSON.parse(markup) : markup;
    if (typeof parsed !== 'object' || parsed === null) throw bad("can't parse reply keyboard markup JSON object");
    const rows = (parsed as { inline_keyboard?: unknown }).inline_keyboard;
    if (rows === undefined) return [];
    if (!Array.isArray(rows)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array');
    return rows.map((row: unknown) => {
      if (!Array.isArray(row)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
      return row.map((b: unknown) => {
        const button = b as InlineButton;
        if (typeof button.text !== 'string' || button.text === '') throw bad('text buttons are unallowed in the inline keyboard');
        if (button.callback_data !== undefined) {
          const bytes = Buffer.byteLength(button.callback_data, 'utf8');
          if (bytes < 1 || bytes > MAX_CALLBACK_BYTES) throw bad('BUTTON_DATA_INVALID');
        } else if (button.url === undefined) {
          throw bad('inline keyboard button must have exactly one optional field');
        }
        return { ...button };
      });
    });
  }

  private checkFlood(chat: TgChat): void {
    const limits = this.options.floodLimits;
    if (!limits) return;
    const now = this.clock();
    while (this.sentTimes.length > 0 && now - (this.sentTimes[0]?.at ?? now) > 60_000) this.sentTimes.shift();
    const lastSecond = this.sentTimes.filter((s) => now - s.at < 1000);
    const retry = (seconds: number): ApiError =>
      new ApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
    if (lastSecond.length >= limits.perSecond) throw retry(1);
    if (chat.type === 'private') {
      if (lastSecond.filter((s) => s.chatId === chat.id).length >= limits.perPrivateChatPerSecond) throw retry(1);
    } else {
      const inMinute = this.sentTimes.filter((s) => s.chatId === chat.id);
      if (inMinute.length >= limits.perGroupPerMinute) {
        const oldest = inMinute[0]?.at ?? now;
        throw retry(Math.max(1, Math.ceil((60_000 - (now - oldest)) / 1000)));
      }
    }
    this.sentTimes.push({ at: now, chatId: chat.id });
  }

  private setMyCommands(p: Record<string, unknown>): true {
    const raw: unknown = typeof p.commands === 'string' ? JSON.parse(p.commands) : p.commands;
    if (!Array.isArray(raw) || raw.length > 100) throw bad('commands must be an array of at most 100 commands');
    const commands = raw.map((c: unknown) => {
      const { command, description } = c as { command?: unknown; description?: unknown };
      if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) throw bad('BOT_COMMAND_INVALID');
      if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
        throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
      }
      return { command, description };
    });
    const scope = scopeKey(p.scope);
    // A chat the person has not opened yet (notOpened); a chat the stand-in never heard of is let be, as tests set
    // menus for people who have not written yet.
    if (scope.startsWith('chat:') && this.unopened.has(Number(scope.slice('chat:'.length)))) throw bad('chat not found');
    this.menus.set(scope, commands);
    if (scope === 'default') this.commands = commands;
    return true;
  }

  private deleteMyCommands(p: Record<string, unknown>): true {
    const scope = scopeKey(p.scope);
    this.menus.delete(scope);
    if (scope === 'default') this.commands = [];
    return true;
  }

  /** The message pinned in each chat. */
  readonly pinned = new Map<number, number>();
  private readonly noPinRights = new Set<number>();

  /** The bot may not pin in this group (it is not an admin with that right). */
  denyPins(chatId: number): void {
    this.noPinRights.add(chatId);
  }

  /** A person deletes a message of the bot's (the board, say). */
  deleteByUser(chatId: number, messageId: number): void {
    const list = this.messages(chatId);
    const i = list.findIndex((m) => m.message_id === messageId);
    if (i >= 0) list.splice(i, 1);
  }

  private pinChatMessage(p: Record<string, unknown>): true {
    const chat = this.chatOf(p.chat_id);
    if (this.noPinRights.has(chat.id)) throw bad('not enough rights to manage pinned messages in the chat');
    const message = this.messages(chat.id).find((m) => m.message_id === Number(p.message_id));
    if (!message) throw bad('message to pin not found');
    this.pinned.set(chat.id, message.message_id);
    return true;
  }

  /** Command menus by scope, as Telegram keeps them. */
  readonly menus = new Map<string, Array<{ command: string; description: string }>>();

  /** The menu a chat shows, resolved as Telegram does: the chat's own, then all private or group chats, then default. */
  menuOf(chatId: number): string[] {
    const chat = this.chats.get(chatId);
    const kind = chat?.type === 'private' ? 'all_private_chats' : 'all_group_chats';
    const menu = this.menus.get(`chat:${chatId}`) ?? this.menus.get(kind) ?? this.menus.get('default') ?? [];
    return menu.map((c) => c.command);
  }

  private sendMessage(p: Record<string, unknown>): unknown {
    const chat = this.chatOf(p.chat_id);
    if (this.blocked.has(chat.id)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    const { text, html, entities } = this.checkText(p);
    const buttons = this.checkMarkup(p.reply_markup);
    this.checkFlood(chat);
    const message: BotMessage = {
      message_id: this.allocateMessageId(chat.id),
      chat,
      date: Math.floor(this.clock() / 1000),
      text,
      ...(html !== undefined ? { html } : {}),
      ...(entities !== undefined ? { entities } : {}),
      buttons,
      edits: 0,
    };
    const list = this.messagesByChat.get(chat.id) ?? [];
    list.push(message);
    this.messagesByChat.set(chat.id, list);
    this.emit('message', message);
    return this.toTelegram(message);
  }

  /** Files uploaded so far, by file_id: a later send may name one instead of uploading it again. */
  private readonly files = new Map<string, { kind: 'document' | 'photo'; fileName: string; bytes: Buffer }>();
  private nextFileId = 1;

  /**
   * sendDocument / sendPhoto as Telegram checks them: an upload (multipart) or a known file_id, documents up to 50 MB,
   * photos up to 10 MB with width + height <= 10,000 and a side ratio <= 20, captions of 1,024 characters at most
   * after HTML parsing.
   */
  private sendFile(kind: 'document' | 'photo', p: Record<string, unknown>): unknown {
    const chat = this.chatOf(p.chat_id);
    if (this.blocked.has(chat.id)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    const given = p[kind];
    let file: { fileName: string; bytes: Buffer };
    let fileId: string;
    if (isUpload(given)) {
      file = given;
      fileId = `${kind}-${this.nextFileId++}`;
    } else if (typeof given === 'string' && given !== '') {
      const known = this.files.get(given);
      if (!known) throw bad('wrong file identifier/HTTP URL specified');
      if (known.kind !== kind) throw bad(`can't use file of type ${known.kind} as ${kind}`);
      file = known;
      fileId = given;
    } else {
      throw bad(`there is no ${kind} in the request`);
    }
    const MB = 1024 * 1024;
    if (file.bytes.length === 0) throw bad('file must be non-empty');
    if (kind === 'document' && file.bytes.length > 50 * MB) throw new ApiError(413, 'Request Entity Too Large');
    let size: { width: number; height: number } | undefined;
    if (kind === 'photo') {
      if (file.bytes.length > 10 * MB) throw bad('PHOTO_SAVE_FILE_INVALID');
      size = pngSize(file.bytes);
      if (!size) throw bad('IMAGE_PROCESS_FAILED');
      if (size.width + size.height > 10_000) throw bad('PHOTO_INVALID_DIMENSIONS');
      if (Math.max(size.width, size.height) / Math.min(size.width, size.height) > 20) throw bad('PHOTO_INVALID_DIMENSIONS');
    }
    let caption = '';
    let html: string | undefined;
    if (p.caption !== undefined && p.caption !== '') {
      const checked = this.checkText({ text: p.caption, ...(p.parse_mode !== undefined ? { parse_mode: p.parse_mode } : {}) }, MAX_CAPTION);
      caption = checked.text;
      html = checked.html;
    }
    const buttons = this.checkMarkup(p.reply_markup);
    this.checkFlood(chat);
    this.files.set(fileId, { kind, fileName: file.fileName, bytes: file.bytes });
    const message: BotMessage = {
      message_id: this.allocateMessageId(chat.id),
      chat,
      date: Math.floor(this.clock() / 1000),
      text: caption,
      ...(html !== undefined ? { html } : {}),
      buttons,
      edits: 0,
      file: { kind, fileId, fileName: file.fileName, bytes: file.bytes, ...(size ?? {}) },
    };
    const list = this.messagesByChat.get(chat.id) ?? [];
    list.push(message);
    this.messagesByChat.set(chat.id, list);
    this.emit('message', message);
    return this.toTelegram(message);
  }

  private findMessage(p: Record<string, unknown>): BotMessage {
    const chat = this.chatOf(p.chat_id);
    const message = this.messages(chat.id).find((x) => x.message_id === Number(p.message_id));
    if (!message) throw bad('message to edit not found');
    return message;
  }

  private editMessageText(p: Record<string, unknown>): unknown {
    const message = this.findMessage(p);
    const { text, html } = this.checkText(p);
    const buttons = this.checkMarkup(p.reply_markup);
    if (message.text === text && (message.html ?? '') === (html ?? '') && JSON.stringify(buttons) === JSON.stringify(message.buttons)) {
      throw bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    message.text = text;
    if (html !== undefined) message.html = html;
    else delete message.html;
    message.buttons = buttons;
    message.edits += 1;
    this.emit('edit', message);
    return this.toTelegram(message);
  }

  private editMessageReplyMarkup(p: Record<string, unknown>): unknown {
    const message = this.findMessage(p);
    const buttons = this.checkMarkup(p.reply_markup);
    if (JSON.stringify(buttons) === JSON.stringify(message.buttons)) throw bad('message is not modified');
    message.buttons = buttons;
    message.edits += 1;
    this.emit('edit', message);
    return this.toTelegram(message);
  }

  private answerCallbackQuery(p: Record<string, unknown>): true {
    const open = this.openCallbacks.get(String(p.callback_query_id));
    if (!open || open.answered) throw bad('query is too old and response timeout expired or query ID is invalid');
    if (typeof p.text === 'string' && p.text.length > MAX_CALLBACK_ANSWER) throw bad('MESSAGE_TOO_LONG');
    open.answered = true;
    // The short answer a person sees on top of the chat (a toast, or a box to dismiss with show_alert).
    const answer: CallbackAnswer = { userId: open.userId, text: typeof p.text === 'string' ? p.text : '', alert: p.show_alert === true };
    this.emit('callbackAnswer', answer);
    return true;
  }

  private deleteMessage(p: Record<string, unknown>): true {
    const chat = this.chatOf(p.chat_id);
    const list = this.messages(chat.id);
    const i = list.findIndex((x) => x.message_id === Number(p.message_id));
    if (i < 0) throw bad('message to delete not found');
    list.splice(i, 1);
    return true;
  }

  private toTelegram(m: BotMessage): Record<string, unknown> {
    return {
      message_id: m.message_id,
      from: this.bot,
      chat: m.chat,
      date: m.date,
      ...(m.file ? (m.text !== '' ? { caption: m.text } : {}) : { text: m.text }),
      ...(m.file?.kind === 'document' ? { document: { file_id: m.file.fileId, file_unique_id: m.file.fileId, file_name: m.file.fileName, file_size: m.file.bytes.length } } : {}),
      ...(m.file?.kind === 'photo'
        ? { photo: [{ file_id: m.file.fileId, file_unique_id: m.file.fileId, width: m.file.width, height: m.file.height, file_size: m.file.bytes.length }] }
        : {}),
      ...(m.buttons.length > 0 ? { reply_markup: { inline_keyboard: m.buttons } } : {}),
    };
  }
}

/** Width and height from a PNG's IHDR chunk; undefined when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** An uploaded file in a multipart request, as the stand-in keeps it. */
interface Upload {
  upload: true;
  fileName: string;
  bytes: Buffer;
}
const isUpload = (v: unknown): v is Upload => typeof v === 'object' && v !== null && (v as { upload?: unknown }).upload === true;

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.includes('multipart/form-data')) {
    // Uploads come as Telegram takes them: multipart/form-data, parsed by Node's own fetch implementation.
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const out: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) {
      out[key] = typeof value === 'string' ? value : { upload: true, fileName: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return out;
  }
  const body = raw.toString('utf8');
  if (body === '') return {};
  if (type.includes('application/json')) {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('request body is not an object');
    return parsed as Record<string, unknown>;
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  throw new Error(`unsupported content type ${type}`);
}
