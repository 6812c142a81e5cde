import type { PackInput } from '../domain/pack.js';
import type { WeekKey } from '../domain/weeks.js';
import { DECK_TEXT, narrativeSentences, packNarrative, type Narrative } from '../messages/pack.js';
import type { Meeting } from '../store/schema.js';
import type { Png } from './chart.js';
import type { Scope as RekapScope } from '../queries/types.js';
import type { DeckExtras } from './deck.js';
import { buildPackInput, type PackDeps } from './pack-input.js';

/** A scope's session pack: its figures, the narrative, the deck and the one-page brief. */
export interface Pack {
  input: PackInput;
  narrative: Narrative;
  sentences: string[];
  deck: { bytes: Buffer; filename: string; titles: string[] };
  brief: Png & { filename: string };
}

/** Is there anything to present? A scope without a single report gets a message, not an empty deck. */
export const packHasData = (p: PackInput): boolean => p.completeness.withData > 0 || p.coverage.participants > 0;

/**
 * Builds the pack of a scope at a week. The deck's writer and the chart stack are loaded on the first pack, not at
 * start-up; the deck's chart and the brief are drawn side by side (resvg works on libuv's thread pool).
 */
export async function makePack(deps: PackDeps, scope: RekapScope, week: WeekKey, now: Date, session?: Meeting, extras: DeckExtras = {}): Promise<Pack> {
  const input = await buildPackInput(deps, scope, week, now, session);
  const narrative = packNarrative(input);
  const [{ buildDeck }, { renderBrief }] = await Promise.all([import('./deck.js'), import('./brief.js')]);
  const [deck, brief] = await Promise.all([buildDeck(input, narrative, extras), renderBrief(input, narrative)]);
  return {
    input,
    narrative,
    sentences: narrativeSentences(narrative),
    deck: { ...deck, filename: DECK_TEXT.fileName(input) },
    brief: { ...brief, filename: DECK_TEXT.briefFileName(input) },
  };
}
