import { CLI, PEOPLE_TEXT } from '../messages/cli.js';
import { NATIONAL, validScope, type Role } from '../domain/access.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { auditMessage, parseRole, roleAndScope } from '../messages/access.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';

const OPERATOR: Actor = { telegramId: null, name: CLI.operatorName };

interface Deps {
  store: Store;
  regions: RegionDirectory;
  now: Date;
  out: (s: string) => void;
}

const plain = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** grant / revoke / audit for operators: the first admin's helpers, and a way in when no coordinator exists yet. */
export async function runPeopleCommand(command: 'grant' | 'revoke' | 'audit', args: string[], deps: Deps): Promise<number> {
  const { store, regions, now, out } = deps;
  if (command === 'audit') {
    const limit = args[0] === undefined ? 50 : Number(args[0]);
    if (!Number.isInteger(limit) || limit < 1) {
      out(PEOPLE_TEXT.auditCount);
      return 2;
    }
    out(plain(auditMessage(await store.audit.recent(limit), regions).text));
    return 0;
  }

  const id = Number(args[0]);
  if (!/^\d+$/.test(args[0] ?? '')) {
    out(PEOPLE_TEXT.idFormat);
    return 2;
  }
  if (command === 'revoke') {
    const revoked = await store.users.revoke(id, OPERATOR, now);
    if (!revoked) {
      out(PEOPLE_TEXT.noActiveUser(id));
      return 1;
    }
    await store.audit.record({
      at: now,
      actor: OPERATOR,
      action: 'user.revoke',
      scope: revoked.scope,
      details: { role: revoked.role, scope: revoked.scope, target: revoked.name, telegramId: id },
    });
    out(PEOPLE_TEXT.revoked(revoked.name, id, roleAndScope(revoked.role, revoked.scope, regions)));
    return 0;
  }

  const nameFlag = args.indexOf('--nama');
  const name = nameFlag >= 0 ? args[nameFlag + 1] : undefined;
  const positional = nameFlag >= 0 ? args.slice(0, nameFlag) : args;
  const role: Role | undefined = parseRole(positional[1] ?? '');
  const scopeArg = (positional[2] ?? '').trim();
  if (!role) {
    out(PEOPLE_TEXT.roleChoice);
    return 2;
  }
  const scope = scopeArg.toLowerCase() === 'nasional' || scopeArg.toLowerCase() === 'national' ? NATIONAL : scopeArg;
  if (scope !== NATIONAL && !regions.get(scope)) {
    out(PEOPLE_TEXT.unknownRegion(scopeArg));
    return 2;
  }
  if (!validScope(role, scope)) {
    out(
      role === 'coordinator'
        ? PEOPLE_TEXT.coordinatorScope
        : PEOPLE_TEXT.staffScope,
    );
    return 2;
  }
  const userName = name ?? store.users.get(id)?.name ?? `Pengguna ${id}`;
  const replaced = await store.users.grant({ telegramId: id, name: userName, role, scope }, OPERATOR, now);
  await store.audit.record({
    at: now,
    actor: OPERATOR,
    action: 'user.grant',
    scope,
    details: { role, scope, target: userName, telegramId: id, ...(replaced ? { replaced: replaced.role } : {}) },
  });
  out(PEOPLE_TEXT.granted(userName, id, roleAndScope(role, scope, regions), replaced ? roleAndScope(replaced.role, replaced.scope, regions) : undefined));
  return 0;
}
