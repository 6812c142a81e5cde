import type { Role, Scope } from '../../domain/access.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import type { Html } from '../../messages/html.js';
import { inviteCreatedMessage } from '../../messages/access.js';
import type { Actor } from '../../store/schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a single-use invite, records it, and gives its t.me link to the person who asked (an /undang, or the
 * successor's invite of a handover): returns the message with the link. The code appears only there; the store keeps
 * its hash.
 */
export async function issueInvite(
  ctx: BotContext,
  deps: BotDeps,
  input: { role: Role; scope: Scope; by: Actor; at: Date; details?: Record<string, unknown> },
): Promise<Html> {
  const { role, scope, by, at } = input;
  const { code, invite } = await deps.store.invites.create({ role, scope, by, at, ttlMs: deps.inviteTtlDays * DAY_MS });
  await deps.store.audit.record({
    at,
    actor: by,
    action: 'invite.create',
    scope,
    details: { role, scope, expiresAt: invite.expiresAt, ...input.details },
  });
  const link = `https://t.me/${ctx.botInfo.username}?start=${code}`;
  return inviteCreatedMessage(link, role, scope, new Date(invite.expiresAt), deps.regions);
}
