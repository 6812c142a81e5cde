import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { ambiguousMessage, notFoundMessage } from '../messages/coverage.js';
import { lines, type Html } from '../messages/html.js';
import { askRegionNameMessage, outOfScopeMessage } from '../messages/access.js';
import { callbackButton, type CallbackButton } from '../domain/callback-data.js';

/** One button per unit, one per row, carrying the unit code. */
export const unitButtons = (units: readonly Unit[], feature: string, action: string): CallbackButton[][] =>
  units.map((u) => [callbackButton(u.name, feature, action, u.code)]);

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
  /** In a guided flow: said after an out-of-scope answer, so the person knows what to do next. */
  nextStep?: Html,
): UnitAnswer {
  const outOfScope = (what: string): UnitAnswer => ({ kind: 'ask', message: nextStep ? lines(outOfScopeMessage(what), nextStep) : outOfScopeMessage(what) });
  const r = regions.resolve(query);
  switch (r.kind) {
    case 'empty':
      return { kind: 'ask', message: askRegionNameMessage() };
    case 'national':
      return allowed('national') ? { kind: 'national' } : outOfScope('data nasional');
    case 'found':
      return allowed(r.unit.code)
        ? { kind: 'unit', unit: r.unit }
        : outOfScope(r.unit.name);
    case 'ambiguous': {
      const choices = r.candidates.filter((u) => allowed(u.code));
      if (choices.length === 0) return outOfScope(`wilayah “${query}”`);
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
