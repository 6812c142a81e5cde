import { canQuery } from '../domain/access.js';
import type { Access } from '../domain/access.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';

/** What a command's region argument names, checked against the person's scope. */
export type ScopeArgument =
  | { kind: 'none' }
  | { kind: 'national' }
  | { kind: 'unit'; unit: Unit }
  | { kind: 'not_found'; query: string }
  | { kind: 'ambiguous'; query: string }
  | { kind: 'out_of_scope'; name: string };

/**
 * `/verifikasi Babel`, `/papan Babel`: a region named after a command that otherwise works on the person's own scope.
 * An ambiguous name is refused with a hint rather than guessed (these commands have no choice buttons of their own).
 */
export function readScopeArgument(regions: RegionDirectory, access: Access, payload: string): ScopeArgument {
  const query = payload.trim();
  if (query === '') return { kind: 'none' };
  const r = regions.resolve(query);
  if (r.kind === 'national') return canQuery(access, 'national') ? { kind: 'national' } : { kind: 'out_of_scope', name: 'nasional' };
  if (r.kind === 'found') return canQuery(access, r.unit.code) ? { kind: 'unit', unit: r.unit } : { kind: 'out_of_scope', name: r.unit.name };
  if (r.kind === 'ambiguous') return { kind: 'ambiguous', query };
  return { kind: 'not_found', query };
}
