import type { PackInput } from '../domain/pack.js';
import type { WeekKey } from '../domain/weeks.js';
import { DECK_TEXT, narrativeSentences, packNarrative, type Narrative } from '../messages/pack.js';
import type { Meeting } from '../store/schema.js';
import type { Png } from './chart.js';
import type { Scope as RekapScope } from '../queries/types.js';
import type { DeckExtras, FollowUpRow } from './deck.js';
import { dateOfKey, isDone, isOverdue } from '../domain/followups.js';
import { formatShortDate } from '../domain/format.js';
import { WIB } from '../domain/zones.js';
import { FOLLOWUP_STATUS_LABELS, OVERDUE_MARK } from '../messages/followups.js';
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
  // The closing slide: the scope's follow-up items still open (the next session starts from the last, issue 20.3).
  const followUps = extras.followUps ?? openFollowUps(deps, scope, now);
  const map = extras.map ?? (await mapOf(deps, scope, week, now));
  const [deck, brief] = await Promise.all([buildDeck(input, narrative, { ...extras, followUps, map }), renderBrief(input, narrative)]);
  return {
    input,
    narrative,
    sentences: narrativeSentences(narrative),
    deck: { ...deck, filename: DECK_TEXT.fileName(input) },
    brief: { ...brief, filename: DECK_TEXT.briefFileName(input) },
  };
}

/** The open follow-up items of a scope's units, overdue first, as the deck's closing slide lists them. */
function openFollowUps(deps: PackDeps, scope: RekapScope, now: Date): FollowUpRow[] {
  // The scope's reporting units, as the XLSX's Tindak Lanjut sheet takes them (rekap/service.ts's cycleSheets).
  const codes = new Set(deps.readSide.unitsOf(scope).map((u) => u.code));
  const items = deps.store.followups.all().filter((i) => !isDone(i) && codes.has(i.unitCode));
  const unitOf = (code: string) => deps.regions.get(code);
  return items
    .map((i) => ({ i, overdue: isOverdue(i, now, unitOf(i.unitCode)?.zone.iana ?? WIB.iana) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.i.due.localeCompare(b.i.due))
    .map(({ i, overdue }) => {
      const unit = unitOf(i.unitCode);
      const d = dateOfKey(i.due);
      return {
        what: i.what,
        who: unit?.name ?? i.unitCode,
        due: `${formatShortDate(new Date(Date.UTC(d.year, d.month - 1, d.day, 5)), unit?.zone ?? WIB)}${overdue ? OVERDUE_MARK : ''}`,
        status: FOLLOWUP_STATUS_LABELS[i.status],
      };
    });
}

/** The map of a province or the nation, as /peta draws it (off the event loop); none for a kab/kota or without figures. */
async function mapOf(deps: PackDeps, scope: RekapScope, week: WeekKey, now: Date): Promise<Png | undefined> {
  if (scope !== 'national' && scope.kind !== 'provinsi') return undefined;
  const { buildMapInput } = await import('./map-input.js');
  const input = await buildMapInput({ readSide: deps.readSide, regions: deps.regions }, scope, week, now);
  if (input.points.every((p) => p.pct === undefined)) return undefined;
  const { renderMapOffThread } = await import('./map-thread.js');
  return renderMapOffThread(input);
}
