import type { MiddlewareFn } from 'telegraf';
import { z } from 'zod';
import { MALFORMED_PRESS_TEXT, malformedMessageMessage } from '../messages/common.js';
import type { BotContext } from './context.js';
import type { BotDeps } from './deps.js';

/**
 * The shape of every update kind the bot takes (app.ts's allowed updates), checked before any handler runs: telegraf
 * trusts what it is given, so a message whose text is a number, a chat without an id or a membership change without
 * its members would make a handler throw, and the person would read the generic "terjadi kendala". Telegram never
 * sends such updates; a client, a proxy or a forged webhook post can. Only what handlers rely on is checked; other
 * fields pass through untouched.
 */
const UserShape = z.looseObject({ id: z.number().int(), is_bot: z.boolean(), first_name: z.string() });
const ChatShape = z.looseObject({ id: z.number().int(), type: z.enum(['private', 'group', 'supergroup', 'channel']) });
const EntityShape = z.looseObject({ type: z.string(), offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() });
const MessageShape = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat: ChatShape,
  from: UserShape.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(EntityShape).optional(),
  caption_entities: z.array(EntityShape).optional(),
});
const CallbackShape = z.looseObject({
  id: z.string(),
  from: UserShape,
  data: z.string().optional(),
  // An inaccessible message (too old) carries only its chat, id and a date of 0.
  message: z.looseObject({ message_id: z.number().int(), chat: ChatShape }).optional(),
});
const MemberShape = z.looseObject({ status: z.string(), user: UserShape });
const MemberUpdateShape = z.looseObject({ chat: ChatShape, from: UserShape, date: z.number().int(), old_chat_member: MemberShape, new_chat_member: MemberShape });

const SHAPES: Record<string, z.ZodType> = {
  message: MessageShape,
  edited_message: MessageShape,
  callback_query: CallbackShape,
  my_chat_member: MemberUpdateShape,
};

type Verdict = { ok: true } | { ok: false; kind: string; where: string };

/** Is the update one the handlers can take? Unknown kinds are left to telegraf (the bot asks for none). */
export function checkUpdateShape(update: unknown): Verdict {
  if (typeof update !== 'object' || update === null) return { ok: false, kind: 'update', where: '/' };
  for (const [kind, shape] of Object.entries(SHAPES)) {
    if (!(kind in update)) continue;
    const checked = shape.safeParse((update as Record<string, unknown>)[kind]);
    if (!checked.success) return { ok: false, kind, where: checked.error.issues[0]?.path.join('.') ?? '' };
  }
  return { ok: true };
}

/** A chat id and type read defensively from a broken update, to answer it where possible. */
function chatOf(body: unknown): { id: number; type: unknown } | undefined {
  const chat = (body as { chat?: { id?: unknown; type?: unknown } } | null | undefined)?.chat;
  return typeof chat?.id === 'number' && Number.isSafeInteger(chat.id) ? { id: chat.id, type: chat.type } : undefined;
}

/**
 * Drops a malformed update before any handler sees it, answering where that is useful: a private chat is told to
 * send plain text again, a broken button press is acknowledged (so the client stops spinning) with a short note.
 * The log names the kind and the field only, never the content (it may hold an invite code or a person's data).
 */
export function validateUpdateShape(deps: Pick<BotDeps, 'logger'>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const verdict = checkUpdateShape(ctx.update);
    if (verdict.ok) return next();
    deps.logger.warn('malformed update dropped', { updateId: (ctx.update as { update_id?: unknown }).update_id, kind: verdict.kind, field: verdict.where });
    const body = (ctx.update as unknown as Record<string, unknown>)[verdict.kind];
    try {
      if (verdict.kind === 'callback_query') {
        const id = (body as { id?: unknown } | null | undefined)?.id;
        if (typeof id === 'string') await ctx.telegram.answerCbQuery(id, MALFORMED_PRESS_TEXT);
        return;
      }
      const chat = chatOf(body);
      if (verdict.kind === 'message' && chat?.type === 'private') {
        await ctx.telegram.sendMessage(chat.id, malformedMessageMessage().text, { parse_mode: 'HTML' });
      }
    } catch (error) {
      deps.logger.warn('could not answer a malformed update', { error });
    }
  };
}
