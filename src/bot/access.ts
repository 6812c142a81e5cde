import type { MiddlewareFn } from 'telegraf';
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

/** Filter: anyone with a role may read coverage figures. */
export const isRegistered = (ctx: BotContext): boolean => ctx.access.role !== 'unknown';
