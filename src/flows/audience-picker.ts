import { NATIONAL } from '../domain/access.js';
import { parseUnitList, type Audience } from '../domain/audience.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { err, ok, type Result } from '../domain/result.js';
import type { CallbackButton } from '../domain/callback-data.js';
import { AUDIENCE_LABELS, listProblemsMessage } from '../messages/broadcast.js';
import type { Html } from '../messages/html.js';

export type AudienceAction = 'all' | 'prov' | 'unit';
export type ListKind = 'provinces' | 'units';

/**
 * The audience question a notice and a meeting both ask: every unit in the person's scope, some provinces (a national
 * scope only), or some units. `button` makes the flow's own button for an action.
 */
export const audienceButtons = (scope: string, button: (label: string, action: AudienceAction) => CallbackButton): CallbackButton[][] => [
  [button(AUDIENCE_LABELS.all, 'all')],
  scope === NATIONAL ? [button(AUDIENCE_LABELS.provinces, 'prov'), button(AUDIENCE_LABELS.units, 'unit')] : [button(AUDIENCE_LABELS.units, 'unit')],
];

export const listKindOf = (action: 'prov' | 'unit'): ListKind => (action === 'prov' ? 'provinces' : 'units');

/** A typed list of provinces or units within scope, as an audience; or what is wrong with it, worded. */
export function readAudienceList(text: string, regions: RegionDirectory, scope: string, kind: ListKind | undefined): Result<Audience, Html> {
  const parsed = parseUnitList(text, regions, scope, kind === 'provinces');
  return parsed.ok ? ok({ kind: kind ?? 'units', codes: parsed.value }) : err(listProblemsMessage(parsed.error));
}
