import type { Role, Scope } from '../domain/access.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { personWithRole } from '../messages/access.js';
import { personaText, SANDBOX_ROLE_WORDS } from '../messages/sandbox.js';
import type { Store } from '../store/store.js';
import type { BotApiServer, TgUser } from './bot-api-server.js';
import { DEMO_ACTOR } from './demo-data.js';

/** A demo person of the sandbox: a Telegram user of the stand-in, registered with one role. */
export interface Persona {
  user: TgUser;
  role: Role | 'admin';
  scope?: Scope;
}

/** First names by role, so that a demo person reads as a person ("Sari Contoh (koordinator …)"), not as a label. */
const FIRST_NAMES: Record<Role | 'admin', string> = { admin: 'Dewi', staff: 'Budi', coordinator: 'Sari', viewer: 'Agus' };
export const DEMO_LAST_NAME = 'Contoh';
const FIRST_PERSONA_ID = 700_100;

const ROLE_OF_WORD: Record<string, Role | 'admin'> = {
  admin: 'admin',
  petugas: 'staff',
  staf: 'staff',
  koordinator: 'coordinator',
  pemantau: 'viewer',
};

/** A demo person's display name: the first name of their role and the demo's last name. */
export const demoName = (role: Role | 'admin'): { first: string; full: string } => ({ first: FIRST_NAMES[role], full: `${FIRST_NAMES[role]} ${DEMO_LAST_NAME}` });

/**
 * `/sebagai petugas Pangkalpinang`, `/sebagai koordinator Babel`, `/sebagai pemantau nasional`, `/sebagai admin`: the
 * terminal chat plays another demo person with that role, created (and registered, as an invite would) the first
 * time, the same person afterwards. Region names are read as the bot reads them.
 */
export function createPersonas(o: { api: BotApiServer; store: Store; regions: RegionDirectory; admin: TgUser; known?: Persona[]; now: () => Date }) {
  const byKey = new Map<string, Persona>();
  const keyOf = (role: Role | 'admin', scope?: Scope): string => `${role}:${scope ?? ''}`;
  byKey.set(keyOf('admin'), { user: o.admin, role: 'admin' });
  for (const p of o.known ?? []) byKey.set(keyOf(p.role, p.scope), p);
  let nextId = FIRST_PERSONA_ID;

  const describe = (p: Persona): string =>
    personWithRole(`${p.user.first_name}${p.user.last_name ? ` ${p.user.last_name}` : ''}`, p.role === 'admin' ? { role: 'admin' } : { role: p.role, scope: p.scope ?? '' }, o.regions);

  async function personaFor(role: Role, scope: Scope): Promise<Persona> {
    const known = byKey.get(keyOf(role, scope));
    if (known) return known;
    const id = nextId++;
    const name = demoName(role);
    const user = o.api.user(id, name.first, { last_name: DEMO_LAST_NAME });
    await o.store.users.grant({ telegramId: id, name: name.full, role, scope }, DEMO_ACTOR, o.now());
    const persona: Persona = { user, role, scope };
    byKey.set(keyOf(role, scope), persona);
    return persona;
  }

  /** The person a `/sebagai …` line asks for, or why not (said in the terminal). */
  async function switchTo(args: string): Promise<{ persona: Persona; note: string } | { note: string }> {
    const [word = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
    const role = ROLE_OF_WORD[word.toLowerCase()];
    if (!role) return { note: personaText.usage() };
    if (role === 'admin') {
      const admin = byKey.get(keyOf('admin')) as Persona;
      return { persona: admin, note: personaText.switched(describe(admin)) };
    }
    const place = rest.join(' ');
    if (place === '') return { note: personaText.needsRegion(SANDBOX_ROLE_WORDS[role]) };
    const found = o.regions.resolve(place);
    let scope: Scope;
    if (found.kind === 'national') {
      if (role === 'staff') return { note: personaText.staffNeedsUnit() };
      scope = 'national';
    } else if (found.kind === 'found') {
      if (role === 'coordinator' && found.unit.kind !== 'provinsi') return { note: personaText.coordinatorNeedsProvince(found.unit.name) };
      scope = found.unit.code;
    } else if (found.kind === 'ambiguous') {
      return { note: personaText.ambiguous(place, found.candidates.map((u) => u.name)) };
    } else {
      return { note: personaText.notFound(place, found.kind === 'not_found' ? found.suggestions.map((u) => u.name) : []) };
    }
    const persona = await personaFor(role, scope);
    return { persona, note: personaText.switched(describe(persona)) };
  }

  return { switchTo };
}
