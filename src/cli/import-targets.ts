import { validateTargetEntry } from '../domain/targets.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { IMPORT_TEXT } from '../messages/cli.js';
import { targetEntryErrorText } from '../messages/targets.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { normaliseCode, readCsv } from './csv.js';
import type { ImportLine, ImportResult } from './import-reports.js';

/** One row per stated value: the rows of one scope and source form one series. */
export const TARGET_HEADER = ['region_code', 'source', 'reference', 'year', 'target_pct'] as const;

const NATIONAL_WORDS = new Set(['nasional', 'national', '00']);

/**
 * Imports target series beside the baselines: every row checked exactly as `/target ... tambah` checks it, saved
 * through the same repository (so audited alike, `via: import`); a row equal to what is stored is skipped.
 */
export async function importTargets(
  content: string,
  deps: { store: Store; regions: RegionDirectory; now: Date; actor: Actor; fileName: string },
): Promise<ImportResult> {
  const parsed = readCsv(content, TARGET_HEADER);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const lines: ImportLine[] = [];
  const seen = new Map<string, number>();
  for (const row of parsed.value) {
    const c = row.cells;
    const cell = (c.region_code ?? '').trim();
    const national = NATIONAL_WORDS.has(cell.toLowerCase());
    const unit = national ? undefined : deps.regions.get(normaliseCode(cell));
    const scope = national ? 'national' : unit?.code;
    const label = `${national ? 'Nasional' : unit ? `${unit.name} (${unit.code})` : cell || IMPORT_TEXT.empty}, ${c.source ?? ''} ${c.year ?? ''}`.trim();
    const reject = (detail: string): void => {
      lines.push({ line: row.line, label, outcome: 'rejected', detail });
    };
    if (scope === undefined) {
      reject(IMPORT_TEXT.unknownCode(cell));
      continue;
    }
    if (c.__extra) {
      reject(IMPORT_TEXT.extraColumns(c.__extra));
      continue;
    }
    const checked = validateTargetEntry({ year: c.year ?? '', value: c.target_pct ?? '', source: c.source ?? '', reference: c.reference ?? '' });
    if (!checked.ok) {
      reject(checked.error.map(targetEntryErrorText).join(' '));
      continue;
    }
    const key = `${scope}|${checked.value.source.toLowerCase()}|${checked.value.year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reject(IMPORT_TEXT.duplicateTarget(earlier));
      continue;
    }
    seen.set(key, row.line);
    const result = await deps.store.targets.addPoint(scope, checked.value, deps.actor, deps.now, 'import');
    lines.push({
      line: row.line,
      label,
      outcome: result.kind === 'unchanged' ? 'unchanged' : 'saved',
      detail: result.kind === 'unchanged' ? IMPORT_TEXT.unchanged : result.kind === 'changed' ? IMPORT_TEXT.replaced : IMPORT_TEXT.saved,
    });
  }
  return { ok: true, lines };
}
