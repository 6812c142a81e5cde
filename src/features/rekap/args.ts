import { canQuery, NATIONAL, ownScope, type Access } from '../../domain/access.js';
import { parsePeriod, splitRegionAndPeriod, type Period, type PeriodError } from '../../domain/periods.js';
import type { RegionDirectory } from '../../domain/regions/directory.js';
import { shiftWeek, weekOf, type WeekKey } from '../../domain/weeks.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import type { Html } from '../../messages/html.js';
import type { CallbackButton } from '../../domain/callback-data.js';
import type { Scope as RekapScope } from '../../queries/types.js';
import { currentWeekOf } from '../../queries/read-side.js';

/** The newest current week anywhere (WIT is ahead): a period up to it is never refused as "future" for anyone. */
export const latestCurrentWeek = (now: Date): WeekKey => weekOf(now, 'Asia/Jayapura');

/** The scope's own current week (the nation reads WIB). */
export { currentWeekOf };

export type ScopeAndPeriod =
  /** `named`: the text named a period (otherwise `period` is the current week, and a chart may choose its own span). */
  | { kind: 'ok'; scope: RekapScope; period: Period; named: boolean; rest: string[] }
  | { kind: 'period_error'; error: PeriodError }
  | { kind: 'ask'; message: Html; buttons?: CallbackButton[][] | undefined }
  /** No region named: the person's own scope is meant. */
  | { kind: 'own'; period: Period; named: boolean; rest: string[] };

/** A person's own scope as a rekap scope: their unit or province, or the nation. */
export function ownRekapScope(regions: RegionDirectory, access: Access): RekapScope | undefined {
  const own = ownScope(access);
  if (own === undefined) return undefined;
  return own === NATIONAL ? 'national' : regions.get(own);
}

/**
 * `<region> [period]` from a command's text, within what the person may query. Words in `keywords` (a chart kind)
 * are taken out first and returned in `rest`. An ambiguous name is asked back with buttons
 * `<feature>:<action>:<code>~<from>~<to>[~<rest>]`, so the press carries the period along.
 */
export function readScopeAndPeriod(
  regions: RegionDirectory,
  access: Access,
  payload: string,
  now: Date,
  callback: { feature: string; action: string },
  keywords: readonly string[] = [],
): ScopeAndPeriod {
  const words = payload.trim().split(/\s+/).filter((w) => w !== '');
  const rest = words.filter((w) => keywords.includes(w.toLowerCase())).map((w) => w.toLowerCase());
  const text = words.filter((w) => !keywords.includes(w.toLowerCase())).join(' ');
  const { region, period, named } = splitRegionAndPeriod(text, latestCurrentWeek(now));
  if (!period.ok) return { kind: 'period_error', error: period.error };
  if (region === '') return { kind: 'own', period: period.value, named, rest };
  const answer = resolveUnit(regions, region, (code) => canQuery(access, code), callback);
  if (answer.kind === 'national') return { kind: 'ok', scope: 'national', period: period.value, named, rest };
  if (answer.kind === 'unit') return { kind: 'ok', scope: answer.unit, period: period.value, named, rest };
  // A period not named travels as `~`: the press then means "the default", as the command would have.
  const suffix = named ? `~${period.value.from}~${period.value.to}` : '~~';
  const tail = `${suffix}${rest.length > 0 ? `~${rest.join('.')}` : ''}`;
  return {
    kind: 'ask',
    message: answer.message,
    buttons: answer.buttons?.map((row) => row.map((b) => ({ text: b.text, callback_data: `${b.callback_data}${tail}` }))),
  };
}

/**
 * Reads back `<code>~<from>~<to>[~<rest>]` from a press (from and to empty: no period was named), the period checked
 * again as if typed; undefined when it does not name a real unit and a valid period.
 */
export function readPressedScope(
  regions: RegionDirectory,
  arg: string,
  now: Date,
): { scope: RekapScope; period: Period; named: boolean; rest: string[] } | undefined {
  const [code, from, to, rest] = arg.split('~');
  if (code === undefined || from === undefined || to === undefined) return undefined;
  const scope = scopeOfCode(regions, code);
  if (!scope) return undefined;
  const named = from !== '' || to !== '';
  if (named && (!/^\d{4}-W\d{2}$/.test(from) || !/^\d{4}-W\d{2}$/.test(to))) return undefined;
  const period = named ? parsePeriod(from === to ? from : `${from}..${to}`, latestCurrentWeek(now)) : parsePeriod('', currentWeekOf(scope, now));
  if (!period.ok) return undefined;
  return { scope, period: period.value, named, rest: rest ? rest.split('.') : [] };
}

/** A scope in callback data: a unit code, or `n` for the nation. */
export const scopeCode = (scope: RekapScope): string => (scope === 'national' ? 'n' : scope.code);
export const scopeOfCode = (regions: RegionDirectory, code: string): RekapScope | undefined => (code === 'n' ? 'national' : regions.get(code));

/** The period a preset button names, from the scope's current week. */
export function presetPeriod(code: string, scope: RekapScope, now: Date): Period | undefined {
  const current = currentWeekOf(scope, now);
  switch (code) {
    case 'w':
      return { from: current, to: current, kind: 'week' };
    case '4':
      return { from: shiftWeek(current, -3), to: current, kind: 'range' };
    case '12':
      return { from: shiftWeek(current, -11), to: current, kind: 'range' };
    case '26':
      return { from: shiftWeek(current, -25), to: current, kind: 'range' };
    case 'y': {
      const p = parsePeriod(current.slice(0, 4), current);
      return p.ok ? p.value : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Without a name, the area a person's own figures sit in: their province (a kab/kota's people see their province
 * when they may), or the nation; undefined when they may see neither (they are then told how to name one).
 */
export function ownArea(regions: RegionDirectory, access: Access): RekapScope | undefined {
  const own = ownRekapScope(regions, access);
  const area = own === undefined || own === 'national' ? own : own.kind === 'provinsi' ? own : regions.get(own.provinceCode);
  return area && canQuery(access, area === 'national' ? 'national' : area.code) ? area : undefined;
}
