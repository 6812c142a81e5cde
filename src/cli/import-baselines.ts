import { IMPORT_TEXT } from '../messages/cli.js';
import { validateBaseline, type Baseline } from '../domain/baseline.js';
import { parseCount, parsePercent } from '../domain/numbers.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { baselineErrorText, countErrorText, percentErrorText } from '../messages/figures.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { normaliseCode, readCsv } from './csv.js';
import type { ImportLine, ImportResult } from './import-reports.js';

export const BASELINE_HEADER = [
  'region_code',
  'year',
  'workforce_total',
  'workforce_source',
  'workforce_formal',
  'workforce_informal',
  'target_pct',
] as const;

/** Imports yearly workforce baselines and targets; same rules as setting them in chat. */
export async function importBaselines(
  content: string,
  deps: { store: Store; regions: RegionDirectory; now: Date; actor: Actor; fileName: string },
): Promise<ImportResult> {
  const parsed = readCsv(content, BASELINE_HEADER);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const lines: ImportLine[] = [];
  const seen = new Map<string, number>();
  for (const row of parsed.value) {
    const c = row.cells;
    const unit = deps.regions.get(normaliseCode(c.region_code ?? ''));
    const label = unit ? `${unit.name} (${unit.code}), ${c.year ?? ''}` : c.region_code || IMPORT_TEXT.empty;
    const reject = (detail: string): void => {
      lines.push({ line: row.line, label, outcome: 'rejected', detail });
    };
    if (!unit) {
      reject(IMPORT_TEXT.unknownCode(c.region_code ?? ''));
      continue;
    }
    if (c.__extra) {
      reject(IMPORT_TEXT.extraColumns(c.__extra));
      continue;
    }
    if (!/^\d{4}$/.test(c.year ?? '')) {
      reject(IMPORT_TEXT.yearFormat);
      continue;
    }
    const key = `${unit.code}|${c.year ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reject(IMPORT_TEXT.duplicateYear(earlier));
      continue;
    }
    seen.set(key, row.line);
    const problems: string[] = [];
    const count = (field: 'workforce_total' | 'workforce_formal' | 'workforce_informal', required: boolean) => {
      const cell = (c[field] ?? '').trim();
      if (cell === '') {
        if (required) problems.push(IMPORT_TEXT.cellMissing(field));
        return undefined;
      }
      const n = parseCount(cell);
      if (!n.ok) problems.push(`kolom ${field}: ${countErrorText(n.error)}`);
      return n.ok ? n.value : undefined;
    };
    const total = count('workforce_total', true);
    const formal = count('workforce_formal', false);
    const informal = count('workforce_informal', false);
    let target: number | undefined;
    if ((c.target_pct ?? '').trim() !== '') {
      const p = parsePercent(c.target_pct ?? '');
      if (p.ok) target = p.value;
      else problems.push(IMPORT_TEXT.cell('target_pct', percentErrorText(p.error)));
    }
    if (problems.length > 0) {
      reject(problems.join(' '));
      continue;
    }
    const candidate: Baseline = {
      year: Number(c.year),
      workforce_total: total ?? 0,
      workforce_source: c.workforce_source ?? '',
      workforce_formal: formal,
      workforce_informal: informal,
      target_pct: target,
    };
    const checked = validateBaseline(candidate, deps.now.getUTCFullYear());
    if (!checked.ok) {
      reject(checked.error.map(baselineErrorText).join(' '));
      continue;
    }
    const result = await deps.store.baselines.upsert(unit.code, checked.value, deps.actor, deps.now);
    if (!result.changed) {
      lines.push({ line: row.line, label, outcome: 'unchanged', detail: IMPORT_TEXT.unchanged });
      continue;
    }
    await deps.store.audit.record({
      at: deps.now,
      actor: deps.actor,
      action: 'baseline.set',
      scope: unit.code,
      details: { source: 'import', file: deps.fileName, year: checked.value.year, previous: result.previous ?? null },
    });
    lines.push({
      line: row.line,
      label,
      outcome: 'saved',
      detail: result.previous ? IMPORT_TEXT.replaced : IMPORT_TEXT.saved,
    });
  }
  return { ok: true, lines };
}
