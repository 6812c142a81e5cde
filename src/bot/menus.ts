import type { Telegram } from 'telegraf';
import { menuFor } from '../messages/common.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/** setMyCommands is not a message, but it is still paced at start-up: Telegram limits requests overall. */
const RECONCILE_INTERVAL_MS = 100;

/**
 * The command menu each person sees lists only what their role may do: a menu per private chat (set when a role is
 * granted, changed or revoked), a default one for strangers, one for groups. Failures are logged, never fatal.
 */
export function createMenus(o: { telegram: Pick<Telegram, 'setMyCommands' | 'deleteMyCommands'>; store: Pick<Store, 'users'>; adminIds: readonly number[]; logger: Logger; sleep?: (ms: number) => Promise<void> }) {
  const roleOf = (telegramId: number) => (o.adminIds.includes(telegramId) ? 'admin' : (o.store.users.get(telegramId)?.role ?? 'unknown'));

  async function safely(what: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      o.logger.warn('could not set a command menu', { what, error });
    }
  }

  /** The person's own menu, from their role now (a stranger's chat falls back to the default menu). */
  async function syncPerson(telegramId: number): Promise<void> {
    const role = roleOf(telegramId);
    const scope = { type: 'chat' as const, chat_id: telegramId };
    if (role === 'unknown') return safely(`chat ${telegramId}`, () => o.telegram.deleteMyCommands({ scope }));
    await safely(`chat ${telegramId}`, () => o.telegram.setMyCommands(menuFor(role), { scope }));
  }

  let stopped = false;
  return {
    syncPerson,
    /** Ends a reconcile in progress (at shutdown). */
    stop(): void {
      stopped = true;
    },
    /** The menus for strangers and groups. */
    async registerDefaults(): Promise<void> {
      await safely('default', () => o.telegram.setMyCommands(menuFor('unknown')));
      await safely('groups', () => o.telegram.setMyCommands(menuFor('group'), { scope: { type: 'all_group_chats' } }));
    },
    /** Every admin and registered person (revoked ones too, back to the stranger's menu), paced; for start-up. */
    async reconcile(): Promise<void> {
      const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
      const ids = [...new Set([...o.adminIds, ...o.store.users.all().map((u) => u.telegramId)])];
      for (const id of ids) {
        if (stopped) return;
        await syncPerson(id);
        await sleep(RECONCILE_INTERVAL_MS);
      }
    },
  };
}

export type Menus = ReturnType<typeof createMenus>;
