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
  /** `times`: how many times the previous figure (undefined when it was 0). */
  | { kind: 'stock_rise'; field: FieldKey; previous: number; current: number; risePct: number | undefined; times: number | undefined }
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
    case 'stock_rise':
      return `rise:${w.field}:${w.previous}:${w.current}`;
    case 'jht_above_jkk':
      return `jht:${w.jht}:${w.jkk}`;
    case 'above_workforce':
      return `workforce:${w.participants}:${w.workforce}`;
  }
}

/** When one figure's change week on week asks for confirmation, and why that threshold. */
export interface ChangeThreshold {
  direction: 'drop' | 'rise';
  /** The change, as a share of the previous figure, above which it warns. */
  share: number;
  /** A change of fewer people than this never warns (a small unit's normal movement). */
  minPeople: number;
  reason: string;
}

/**
 * The thresholds, as data with their reasons: review them against what units actually send. Every figure is a stock
 * (people active or protected now), so it moves slowly in either direction.
 */
export const CHANGE_THRESHOLDS: readonly ChangeThreshold[] = [
  {
    direction: 'drop',
    share: 0.05,
    minPeople: 0,
    reason: 'people leave a stock a few at a time; a fall of more than 5% in a week is more often a mistyped or partial figure than real loss (product.md, soft warnings)',
  },
  {
    direction: 'rise',
    share: 0.5,
    minPeople: 100,
    reason:
      'enrolment drives add participants in steps, but a stock that grows by half in one week is more often an extra digit, `1,5 jt` for `1.500`, a cumulative count of registrations or another unit’s figure than real growth (seen: PMI 59 → 2.300, Jasa Konstruksi 658 → 12.500); under 100 people a small unit’s normal growth would warn every week',
  },
];

const thresholdOf = (direction: ChangeThreshold['direction']): ChangeThreshold =>
  CHANGE_THRESHOLDS.find((t) => t.direction === direction) ?? { direction, share: Infinity, minPeople: Infinity, reason: '' };

/** A stock falling more than this share week on week asks for confirmation. */
export const STOCK_DROP_WARNING = thresholdOf('drop').share;

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
    const fall = thresholdOf('drop');
    const rise = thresholdOf('rise');
    for (const field of ALL_FIELDS) {
      const before = previous[field];
      const now = figures[field];
      if (before === undefined || now === undefined) continue;
      const change = now - before;
      if (change < 0 && before > 0 && -change / before > fall.share && -change >= fall.minPeople) {
        warnings.push({ kind: 'stock_drop', field, previous: before, current: now, dropPct: (-change / before) * 100 });
      }
      if (change > 0 && change >= rise.minPeople && (before === 0 || change / before > rise.share)) {
        const times = before > 0 ? now / before : undefined;
        warnings.push({ kind: 'stock_rise', field, previous: before, current: now, risePct: before > 0 ? (change / before) * 100 : undefined, times });
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
