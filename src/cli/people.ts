import { NATIONAL, validScope, type Role } from '../domain/access.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { auditMessage, parseRole, roleAndScope } from '../messages/access.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';

const OPERATOR: Actor = { telegramId: null, name: 'Operator (baris perintah)' };

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
      out('Jumlah catatan harus bilangan bulat positif, misalnya: audit 100');
      return 2;
    }
    out(plain(auditMessage(await store.audit.recent(limit), regions).text));
    return 0;
  }

  const id = Number(args[0]);
  if (!/^\d+$/.test(args[0] ?? '')) {
    out('ID Telegram harus berupa angka, misalnya 123456789.');
    return 2;
  }
  if (command === 'revoke') {
    const revoked = await store.users.revoke(id, OPERATOR, now);
    if (!revoked) {
      out(`Tidak ada pengguna aktif dengan ID ${id}.`);
      return 1;
    }
    await store.audit.record({
      at: now,
      actor: OPERATOR,
      action: 'user.revoke',
      scope: revoked.scope,
      details: { role: revoked.role, scope: revoked.scope, target: revoked.name, telegramId: id },
    });
    out(`Akses ${revoked.name} (ID ${id}) sebagai ${roleAndScope(revoked.role, revoked.scope, regions)} telah dicabut.`);
    return 0;
  }

  const nameFlag = args.indexOf('--nama');
  const name = nameFlag >= 0 ? args[nameFlag + 1] : undefined;
  const positional = nameFlag >= 0 ? args.slice(0, nameFlag) : args;
  const role: Role | undefined = parseRole(positional[1] ?? '');
  const scopeArg = (positional[2] ?? '').trim();
  if (!role) {
    out('Peran harus salah satu dari: koordinator, petugas, pemantau.');
    return 2;
  }
  const scope = scopeArg.toLowerCase() === 'nasional' || scopeArg.toLowerCase() === 'national' ? NATIONAL : scopeArg;
  if (scope !== NATIONAL && !regions.get(scope)) {
    out(`Wilayah “${scopeArg}” tidak dikenal. Tulis kodenya (misalnya 19 atau 19.71) atau "nasional".`);
    return 2;
  }
  if (!validScope(role, scope)) {
    out(
      role === 'coordinator'
        ? 'Koordinator ditetapkan untuk satu provinsi (misalnya 19) atau nasional.'
        : 'Petugas ditetapkan untuk satu unit pelapor (misalnya 19.71, atau 19 untuk pemerintah provinsi).',
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
  out(`${userName} (ID ${id}) kini ${roleAndScope(role, scope, regions)}${replaced ? `, menggantikan peran ${roleAndScope(replaced.role, replaced.scope, regions)}` : ''}.`);
  return 0;
}
