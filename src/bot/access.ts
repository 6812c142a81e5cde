import type { MiddlewareFn } from 'telegraf';
import { isCoordinatorOrAdmin } from '../domain/access.js';
import type { BotContext } from './context.js';
import type { BotDeps } from './deps.js';

/** Works out who is asking, on every update (commands and button presses alike). */
export function resolveAccess(deps: Pick<BotDeps, 'adminIds' | 'store'>): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const id = ctx.from?.id;
    if (id !== undefined && deps.adminIds.includes(id)) ctx.access = { role: 'admin' };
    else {
      const user = id === undefined ? undefined : deps.store.users.get(id);
      ctx.access = user ? { role: user.role, scope: user.scope } : { role: 'unknown' };
    }
    return next();
  };
}

/** Filters for Composer.branch/optional: access rules, not ifs buried in handlers. */
export const isRegistered = (ctx: BotContext): boolean => ctx.access.role !== 'unknown';
export const isUnknown = (ctx: BotContext): boolean => ctx.access.role === 'unknown';
export const isCoordinator = (ctx: BotContext): boolean => isCoordinatorOrAdmin(ctx.access);
