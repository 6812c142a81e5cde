import { err, ok, type Result } from './result.js';

/** Yearly denominator of a unit's coverage: BPS Sakernas "penduduk bekerja", and the unit's own target. */
export interface Baseline {
  year: number;
  workforce_total: number;
  workforce_source: string;
  workforce_formal?: number | undefined;
  workforce_informal?: number | undefined;
  target_pct?: number | undefined;
}

export type BaselineError =
  | { kind: 'year'; year: number }
  | { kind: 'workforce_zero' }
  | { kind: 'source_missing' }
  | { kind: 'part_above_total'; field: 'workforce_formal' | 'workforce_informal' }
  | { kind: 'parts_above_total'; sum: number; total: number }
  | { kind: 'target_range'; value: number };

export const MIN_BASELINE_YEAR = 2000;

export function validateBaseline(b: Baseline, currentYear: number): Result<Baseline, BaselineError[]> {
  const errors: BaselineError[] = [];
  if (!Number.isInteger(b.year) || b.year < MIN_BASELINE_YEAR || b.year > currentYear + 1) {
    errors.push({ kind: 'year', year: b.year });
  }
  if (!(b.workforce_total > 0)) errors.push({ kind: 'workforce_zero' });
  if (b.workforce_source.trim() === '') errors.push({ kind: 'source_missing' });
  for (const field of ['workforce_formal', 'workforce_informal'] as const) {
    const v = b[field];
    if (v !== undefined && v > b.workforce_total) errors.push({ kind: 'part_above_total', field });
  }
  if (b.workforce_formal !== undefined && b.workforce_informal !== undefined) {
    const sum = b.workforce_formal + b.workforce_informal;
    if (sum > b.workforce_total) errors.push({ kind: 'parts_above_total', sum, total: b.workforce_total });
  }
  if (b.target_pct !== undefined && (b.target_pct <= 0 || b.target_pct > 100)) {
    errors.push({ kind: 'target_range', value: b.target_pct });
  }
  return errors.length > 0 ? err(errors) : ok({ ...b, workforce_source: b.workforce_source.trim() });
}
