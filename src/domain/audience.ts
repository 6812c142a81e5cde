import { covers, NATIONAL, type Scope } from './access.js';
import type { RegionDirectory, Unit } from './regions/directory.js';
import { err, ok, type Result } from './result.js';

/** Who a notice or session is for: every unit in the organiser's scope, some provinces (with their kab/kota), or some units. */
export type Audience = { kind: 'all' } | { kind: 'provinces'; codes: string[] } | { kind: 'units'; codes: string[] };

export function audienceUnits(audience: Audience, scope: Scope, regions: RegionDirectory): Unit[] {
  const withRegencies = (p: Unit): Unit[] => [p, ...regions.regenciesOf(p.code)];
  switch (audience.kind) {
    case 'all':
      return scope === NATIONAL
        ? regions.provinces.flatMap(withRegencies)
        : regions.all.filter((u) => covers(scope, u.code));
    case 'provinces':
      return audience.codes.flatMap((c) => {
        const p = regions.get(c);
        return p ? withRegencies(p) : [];
      });
    case 'units':
      return audience.codes.flatMap((c) => regions.get(c) ?? []);
  }
}

export type ListProblem = { name: string; kind: 'not_found' | 'ambiguous' | 'out_of_scope' | 'not_province'; hint: string[] };

/**
 * A typed list of names (`Babel, Kepri` or `Pangkalpinang; Kab. Bangka`): every name must resolve to exactly one
 * unit in scope, or the whole list is answered with what to fix.
 */
export function parseUnitList(
  text: string,
  regions: RegionDirectory,
  scope: Scope,
  provincesOnly: boolean,
): Result<string[], ListProblem[]> {
  const names = text.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean);
  const codes: string[] = [];
  const problems: ListProblem[] = [];
  for (const name of names) {
    const r = regions.resolve(name);
    if (r.kind === 'found') {
      if (provincesOnly && r.unit.kind !== 'provinsi') problems.push({ name, kind: 'not_province', hint: [] });
      else if (!covers(scope, r.unit.code)) problems.push({ name, kind: 'out_of_scope', hint: [] });
      else if (!codes.includes(r.unit.code)) codes.push(r.unit.code);
    } else if (r.kind === 'ambiguous') {
      problems.push({ name, kind: 'ambiguous', hint: r.candidates.slice(0, 4).map((u) => u.name) });
    } else {
      problems.push({ name, kind: 'not_found', hint: r.kind === 'not_found' ? r.suggestions.slice(0, 3).map((u) => u.name) : [] });
    }
  }
  if (names.length === 0) problems.push({ name: text, kind: 'not_found', hint: [] });
  return problems.length > 0 ? err(problems) : ok(codes);
}
