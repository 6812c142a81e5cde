import { revisionName } from '../messages/revisions.js';
import { IMPORT_TEXT } from '../messages/cli.js';
import { fieldsFor, figureWarnings, validateFigures, ALL_FIELDS, type Figures } from '../domain/figures.js';
import { parseCount } from '../domain/numbers.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { compareWeeks, parseWeekKey, weekOf, type WeekKey, weekYear } from '../domain/weeks.js';
import { countErrorText, figureErrorText, figureWarningText } from '../messages/figures.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { normaliseCode, readCsv } from './csv.js';

export { REPORT_CSV_HEADER as REPORT_HEADER } from '../domain/fields.js';
import { REPORT_CSV_HEADER as REPORT_HEADER } from '../domain/fields.js';

export interface ImportLine {
  line: number;
  label: string;
  outcome: 'saved' | 'unchanged' | 'rejected';
  detail: string;
}

export type ImportResult = { ok: false; error: string } | { ok: true; lines: ImportLine[] };

interface ValidRow {
  line: number;
  unit: Unit;
  week: WeekKey;
  figures: Figures;
}

/**
 * Imports weekly figures. Every row is checked exactly like a chat submission (hard errors reject the row; soft
 * warnings reject it unless the operator confirms them with `acceptWarnings`). A row is saved whole or not at all;
 * rows equal to what is stored add nothing, so importing a file twice changes nothing.
 */
export async function importReports(
  content: string,
  deps: { store: Store; regions: RegionDirectory; now: Date; actor: Actor; fileName: string; acceptWarnings: boolean },
): Promise<ImportResult> {
  const parsed = readCsv(content, REPORT_HEADER);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const lines: ImportLine[] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();

  for (const row of parsed.value) {
    const c = row.cells;
    const reject = (label: string, detail: string): void => {
      lines.push({ line: row.line, label, outcome: 'rejected', detail });
    };
    const unit = deps.regions.get(normaliseCode(c.region_code ?? ''));
    if (!unit) {
      reject(c.region_code || IMPORT_TEXT.empty, IMPORT_TEXT.unknownCode(c.region_code ?? ''));
      continue;
    }
    const label = `${unit.name} (${unit.code}), ${c.week ?? ''}`;
    if (c.__extra) {
      reject(label, IMPORT_TEXT.extraColumns(c.__extra));
      continue;
    }
    const week = parseWeekKey(c.week ?? '');
    if (!week.ok) {
      reject(label, week.error === 'format' ? IMPORT_TEXT.weekFormat : IMPORT_TEXT.noSuchWeek);
      continue;
    }
    if (compareWeeks(week.value.key, weekOf(deps.now, unit.zone.iana)) > 0) {
      reject(label, IMPORT_TEXT.futureWeek);
      continue;
    }
    const key = `${unit.code}|${week.value.key}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reject(label, IMPORT_TEXT.duplicateWeek(earlier));
      continue;
    }
    seen.set(key, row.line);

    const allowed = new Set(fieldsFor(unit.kind));
    const figures: Figures = {};
    const problems: string[] = [];
    for (const field of ALL_FIELDS) {
      const cell = (c[field] ?? '').trim();
      if (!allowed.has(field)) {
        if (cell !== '') problems.push(IMPORT_TEXT.provinceCell(field));
        continue;
      }
      if (cell === '') continue; // reported below as missing, by the shared validation
      const n = parseCount(cell);
      if (n.ok) figures[field] = n.value;
      else problems.push(IMPORT_TEXT.cell(field, countErrorText(n.error)));
    }
    if (problems.length === 0) {
      const checked = validateFigures(figures, unit.kind);
      if (!checked.ok) problems.push(...checked.error.map(figureErrorText));
    }
    if (problems.length > 0) {
      reject(label, problems.join(' '));
      continue;
    }
    valid.push({ line: row.line, unit, week: week.value.key, figures });
  }

  // Chronological per unit, so each week's warnings compare with the week before it, imported or stored.
  valid.sort((a, b) => a.unit.code.localeCompare(b.unit.code) || compareWeeks(a.week, b.week));
  for (const row of valid) {
    const label = `${row.unit.name} (${row.unit.code}), ${row.week}`;
    const previous = await deps.store.reports.latest(row.unit.code, row.week);
    const existing = await deps.store.reports.get(row.unit.code, row.week);
    const baseline = deps.store.baselines.forYear(row.unit.code, weekYear(row.week));
    const warnings = figureWarnings(row.figures, {
      previous: previous?.latest.figures,
      workforce: baseline?.workforce_total,
    });
    const unchanged = existing !== undefined && ALL_FIELDS.every((f) => existing.latest.figures[f] === row.figures[f]);
    if (warnings.length > 0 && !deps.acceptWarnings && !unchanged) {
      lines.push({
        line: row.line,
        label,
        outcome: 'rejected',
        detail: IMPORT_TEXT.needsConfirmation(warnings.map(figureWarningText).join(' ')),
      });
      continue;
    }
    const outcome = await deps.store.reportWriter.save(
      { unitCode: row.unit.code, week: row.week, figures: row.figures, by: deps.actor, source: 'import', at: deps.now },
      { details: { source: 'import', file: deps.fileName, warningsAccepted: warnings.length } },
    );
    if (!outcome.saved) {
      lines.push({ line: row.line, label, outcome: 'unchanged', detail: IMPORT_TEXT.unchanged });
      continue;
    }
    lines.push({
      line: row.line,
      label,
      outcome: 'saved',
      detail:
        (outcome.rev > 1 ? IMPORT_TEXT.savedAs(revisionName(outcome.rev)) : IMPORT_TEXT.saved) + (outcome.auditPending ? IMPORT_TEXT.auditPending : ''),
    });
  }
  lines.sort((a, b) => a.line - b.line);
  return { ok: true, lines };
}
