import type { NonTextKind } from '../messages/common.js';
import type { BotContext } from './context.js';

const KINDS: readonly Exclude<NonTextKind, 'other'>[] = [
  'sticker',
  'photo',
  'voice',
  'video_note',
  'video',
  'animation',
  'audio',
  'document',
  'location',
  'contact',
  'poll',
];

/** The kind of a message that carries no text for the bot to read; undefined for text (and non-messages). */
export function nonTextKind(ctx: BotContext): NonTextKind | undefined {
  const message = ctx.message;
  if (!message || 'text' in message) return undefined;
  // Service messages (members joining, a title changed, a group migrated) are not something a person sent to ask.
  if (!('message_id' in message) || ['new_chat_members', 'left_chat_member', 'new_chat_title', 'migrate_to_chat_id', 'migrate_from_chat_id', 'group_chat_created', 'supergroup_chat_created', 'pinned_message', 'new_chat_photo', 'delete_chat_photo'].some((k) => k in message)) {
    return undefined;
  }
  // An animation also carries `document`: look for it first.
  return KINDS.find((k) => k in message) ?? 'other';
}
