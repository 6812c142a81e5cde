import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { ambiguousMessage, notFoundMessage } from '../messages/coverage.js';
import { html, type Html } from '../messages/html.js';
import { outOfScopeMessage } from '../messages/access.js';
import { unitButtons } from './unit-buttons.js';

export type UnitAnswer =
  | { kind: 'unit'; unit: Unit }
  | { kind: 'national' }
  | { kind: 'ask'; message: Html; buttons?: ReturnType<typeof unitButtons> };

/**
 * What a person meant by a region name, among the units they may choose (`allowed`): one unit, the national view,
 * or a question back (which one, did you mean, out of your scope) with buttons `feature:action:<code>`.
 */
export function resolveUnit(
  regions: RegionDirectory,
  query: string,
  allowed: (code: string) => boolean,
  callback: { feature: string; action: string },
): UnitAnswer {
  const r = regions.resolve(query);
  switch (r.kind) {
    case 'empty':
      return { kind: 'ask', message: html`Mohon ketik nama wilayahnya, misalnya Pangkalpinang.` };
    case 'national':
      return allowed('national') ? { kind: 'national' } : { kind: 'ask', message: outOfScopeMessage('data nasional') };
    case 'found':
      return allowed(r.unit.code)
        ? { kind: 'unit', unit: r.unit }
        : { kind: 'ask', message: outOfScopeMessage(r.unit.name) };
    case 'ambiguous': {
      const choices = r.candidates.filter((u) => allowed(u.code));
      if (choices.length === 0) return { kind: 'ask', message: outOfScopeMessage(`wilayah “${query}”`) };
      return {
        kind: 'ask',
        message: ambiguousMessage(query, r.more),
        buttons: unitButtons(choices, callback.feature, callback.action),
      };
    }
    case 'not_found': {
      const suggestions = r.suggestions.filter((u) => allowed(u.code));
      return {
        kind: 'ask',
        message: notFoundMessage(query, suggestions.length > 0),
        buttons: unitButtons(suggestions, callback.feature, callback.action),
      };
    }
  }
}
