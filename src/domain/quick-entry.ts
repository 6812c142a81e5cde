import { ALL_FIELDS, fieldsFor, QUICK_KEYS, type FieldKey } from './fields.js';
import type { Figures } from './figures.js';
import { parseCount, type CountError } from './numbers.js';
import type { UnitKind } from './regions/directory.js';

export { QUICK_KEYS, quickKeyOf } from './fields.js';

export interface QuickEntry {
  figures: Figures;
  unknownKeys: string[];
  missing: FieldKey[];
  /** Fields a province unit does not report. */
  notAllowed: FieldKey[];
  errors: Array<{ field: FieldKey; error: CountError }>;
  duplicates: FieldKey[];
}

/**
 * Parses `key=value` pairs. Values are numbers as officials write them and may contain spaces (`1 234`), so a pair
 * runs to the next `key=`. Full field names (`active_pu=`) work as well as the short keys.
 */
export function parseQuickEntry(text: string, kind: UnitKind): QuickEntry {
  const out: QuickEntry = { figures: {}, unknownKeys: [], missing: [], notAllowed: [], errors: [], duplicates: [] };
  const allowed = new Set<FieldKey>(fieldsFor(kind));
  // The value may not run over the next key: in `pu= bpu=12rb` the value of pu is empty, not `bpu=12rb`.
  const pairs = [...text.matchAll(/([A-Za-z_]+)\s*[=:][ \t]*(.*?)(?=\s*\b[A-Za-z_]+\s*[=:]|\s*$)/g)];
  for (const [, rawKey = '', rawValue = ''] of pairs) {
    const key = rawKey.toLowerCase();
    const field = QUICK_KEYS[key] ?? (ALL_FIELDS as readonly string[]).find((f) => f === key);
    if (!field) {
      out.unknownKeys.push(rawKey);
      continue;
    }
    const typed = field as FieldKey;
    if (!allowed.has(typed)) {
      out.notAllowed.push(typed);
      continue;
    }
    if (out.figures[typed] !== undefined || out.errors.some((e) => e.field === typed)) {
      out.duplicates.push(typed);
      continue;
    }
    const n = parseCount(rawValue);
    if (n.ok) out.figures[typed] = n.value;
    else out.errors.push({ field: typed, error: n.error });
  }
  for (const field of allowed) {
    if (out.figures[field] === undefined && !out.errors.some((e) => e.field === field)) out.missing.push(field);
  }
  return out;
}
