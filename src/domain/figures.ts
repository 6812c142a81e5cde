import { err, ok, type Result } from './result.js';
import type { UnitKind } from './regions/directory.js';

import type { FieldKey, NonAsnField } from './fields.js';
import { ALL_FIELDS, fieldsFor, NONASN_PROGRAMMES, PARTICIPANT_FIELDS } from './fields.js';

// The fields themselves are declared once, in fields.ts; re-exported for the modules that read figures.
export { ALL_FIELDS, fieldsFor, NONASN_FIELDS, NONASN_PROGRAMMES, PARTICIPANT_FIELDS } from './fields.js';
export type { FieldKey, NonAsnField, ParticipantField, ProgrammeField } from './fields.js';

/** The weekly figures of one reporting unit (product.md, "Weekly figures"). */
export type Figures = Partial<Record<FieldKey, number>>;

export type FigureError =
  | { kind: 'missing'; field: FieldKey }
  | { kind: 'not_allowed'; field: FieldKey }
  | { kind: 'not_whole'; field: FieldKey; value: number }
  | { kind: 'above_total'; field: NonAsnField; value: number; total: number };

export type FigureWarning =
  | { kind: 'stock_drop'; field: FieldKey; previous: number; current: number; dropPct: number }
  | { kind: 'jht_above_jkk'; jht: number; jkk: number }
  | { kind: 'above_workforce'; participants: number; workforce: number };

/**
 * What a warning is about, down to the figures behind it: a confirmed warning is asked again only when one of them
 * changes (not after an unrelated change, nor at the start of a correction of figures already confirmed).
 */
export function warningKey(w: FigureWarning): string {
  switch (w.kind) {
    case 'stock_drop':
      return `drop:${w.field}:${w.previous}:${w.current}`;
    case 'jht_above_jkk':
      return `jht:${w.jht}:${w.jkk}`;
    case 'above_workforce':
      return `workforce:${w.participants}:${w.workforce}`;
  }
}

/** A stock falling more than this share week on week asks for confirmation. */
export const STOCK_DROP_WARNING = 0.05;

/** Hard rules: an error asks again; nothing is stored. */
export function validateFigures(figures: Figures, kind: UnitKind): Result<Figures, FigureError[]> {
  const errors: FigureError[] = [];
  const allowed = new Set<FieldKey>(fieldsFor(kind));
  const clean: Figures = {};
  for (const field of ALL_FIELDS) {
    const value = figures[field];
    if (!allowed.has(field)) {
      if (value !== undefined) errors.push({ kind: 'not_allowed', field });
      continue;
    }
    if (value === undefined) errors.push({ kind: 'missing', field });
    else if (!Number.isSafeInteger(value) || value < 0) errors.push({ kind: 'not_whole', field, value });
    else clean[field] = value;
  }
  const total = clean.nonasn_total;
  if (total !== undefined) {
    for (const field of NONASN_PROGRAMMES) {
      const value = clean[field];
      if (value !== undefined && value > total) errors.push({ kind: 'above_total', field, value, total });
    }
  }
  return errors.length > 0 ? err(errors) : ok(clean);
}

export const participantsOf = (f: Figures): number =>
  PARTICIPANT_FIELDS.reduce((sum, field) => sum + (f[field] ?? 0), 0);

/** Soft rules (DHIS2-style): accepted once the person confirms. */
export function figureWarnings(
  figures: Figures,
  context: { previous?: Figures | undefined; workforce?: number | undefined },
): FigureWarning[] {
  const warnings: FigureWarning[] = [];
  const { previous, workforce } = context;
  if (previous) {
    for (const field of ALL_FIELDS) {
      const before = previous[field];
      const now = figures[field];
      if (before === undefined || now === undefined || before <= 0) continue;
      const drop = (before - now) / before;
      if (drop > STOCK_DROP_WARNING) {
        warnings.push({ kind: 'stock_drop', field, previous: before, current: now, dropPct: drop * 100 });
      }
    }
  }
  const { nonasn_jht: jht, nonasn_jkk: jkk } = figures;
  if (jht !== undefined && jkk !== undefined && jht > jkk) warnings.push({ kind: 'jht_above_jkk', jht, jkk });
  const hasParticipants = PARTICIPANT_FIELDS.some((f) => figures[f] !== undefined);
  if (hasParticipants && workforce !== undefined && workforce > 0) {
    const participants = participantsOf(figures);
    if (participants > workforce) warnings.push({ kind: 'above_workforce', participants, workforce });
  }
  return warnings;
}

export function sameFigures(a: Figures, b: Figures): boolean {
  return ALL_FIELDS.every((f) => a[f] === b[f]);
}
