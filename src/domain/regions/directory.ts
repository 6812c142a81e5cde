import { distance } from 'fastest-levenshtein';
import { zoneOfProvince, type Zone } from '../zones.js';
import { DECREE_NAMES, REGION_ALIASES } from './aliases.js';
import { compact, expandAbbreviations, properCase, words } from './names.js';

export type UnitKind = 'provinsi' | 'kabupaten' | 'kota';

/** A reporting unit: one province government (`PP`) or one kab/kota government (`PP.KK`). */
export interface Unit {
  readonly code: string;
  readonly kind: UnitKind;
  /** "Kota Pangkal Pinang", "Provinsi Kepulauan Bangka Belitung" */
  readonly name: string;
  /** "Pangkal Pinang", "Kepulauan Bangka Belitung" */
  readonly baseName: string;
  readonly provinceCode: string;
  readonly zone: Zone;
}

export interface RawProvince {
  code: string;
  name: string;
}
export interface RawRegency {
  code: string;
  name: string;
  provinceCode: string;
}

export type Resolution =
  | { kind: 'empty' }
  | { kind: 'national' }
  | { kind: 'found'; unit: Unit }
  /** Several units fit: the user chooses. `more` counts candidates left out of `candidates`. */
  | { kind: 'ambiguous'; candidates: Unit[]; more: number }
  | { kind: 'not_found'; suggestions: Unit[] };

export interface RegionDirectory {
  readonly provinces: readonly Unit[];
  readonly regencies: readonly Unit[];
  readonly all: readonly Unit[];
  get(code: string): Unit | undefined;
  /** Kab/kota of a province, in code order. */
  regenciesOf(provinceCode: string): readonly Unit[];
  resolve(query: string): Resolution;
}

/** At most this many choices become buttons; a longer list asks for a fuller name. */
export const MAX_CANDIDATES = 10;
const MAX_SUGGESTIONS = 5;

const PREFIXES: ReadonlyArray<readonly [string, UnitKind]> = [
  ['pemerintahkabupaten', 'kabupaten'],
  ['pemerintahprovinsi', 'provinsi'],
  ['pemerintahkota', 'kota'],
  ['kabupaten', 'kabupaten'],
  ['kotamadya', 'kota'],
  ['provinsi', 'provinsi'],
  ['propinsi', 'provinsi'],
  ['pemprov', 'provinsi'],
  ['pemkab', 'kabupaten'],
  ['pemkot', 'kota'],
  ['prov', 'provinsi'],
  ['prop', 'provinsi'],
  ['kab', 'kabupaten'],
  ['kota', 'kota'],
];
const ADMINISTRASI = ['administrasi', 'adm'];
const NATIONAL = new Set(['nasional', 'national', 'indonesia', 'ri', 'seluruhindonesia']);

interface Reading {
  key: string;
  kind?: UnitKind;
}

/** Every way to read a query: as typed, and with each prefix it may start with taken off. */
function readings(query: string): Reading[] {
  const key = compact(query);
  const out: Reading[] = [{ key }];
  for (const [prefix, kind] of PREFIXES) {
    if (!key.startsWith(prefix) || key.length === prefix.length) continue;
    const rest = key.slice(prefix.length);
    out.push({ key: rest, kind });
    for (const adm of ADMINISTRASI) {
      if (kind !== 'provinsi' && rest.startsWith(adm) && rest.length > adm.length) {
        out.push({ key: rest.slice(adm.length), kind });
      }
    }
  }
  return out;
}

function regencyBaseName(officialName: string): { kind: UnitKind; baseName: string } {
  const cased = properCase(officialName);
  const m = /^(Kabupaten|Kota)(?: Administrasi)? (.+)$/.exec(cased);
  if (!m) throw new Error(`unexpected regency name: ${officialName}`);
  return { kind: m[1] === 'Kota' ? 'kota' : 'kabupaten', baseName: m[2] ?? '' };
}

function pushTo(map: Map<string, Unit[]>, key: string, unit: Unit): void {
  const list = map.get(key);
  if (!list) map.set(key, [unit]);
  else if (!list.includes(unit)) list.push(unit);
}

const KIND_ORDER: Record<UnitKind, number> = { kabupaten: 0, kota: 1, provinsi: 2 };
const byKindThenCode = (a: Unit, b: Unit): number =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code);

function typoLimit(length: number): number {
  if (length <= 4) return 1;
  if (length <= 9) return 2;
  return 3;
}

export function createRegionDirectory(provincesRaw: RawProvince[], regenciesRaw: RawRegency[]): RegionDirectory {
  const provinces: Unit[] = provincesRaw
    .map((p) => {
      const baseName = properCase(p.name);
      return {
        code: p.code,
        kind: 'provinsi' as const,
        name: `Provinsi ${baseName}`,
        baseName,
        provinceCode: p.code,
        zone: zoneOfProvince(p.code),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const regencies: Unit[] = regenciesRaw
    .map((r) => {
      const registry = regencyBaseName(r.name);
      const kind = registry.kind;
      const baseName = DECREE_NAMES[r.code] ?? registry.baseName;
      const fullName = `${properCase(r.name).slice(0, -registry.baseName.length)}${baseName}`;
      return {
        code: r.code,
        kind,
        name: fullName,
        baseName,
        provinceCode: r.provinceCode,
        zone: zoneOfProvince(r.provinceCode),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));

  const byCode = new Map<string, Unit>();
  for (const u of [...provinces, ...regencies]) byCode.set(u.code, u);
  const regenciesByProvince = new Map<string, Unit[]>();
  for (const r of regencies) pushTo(regenciesByProvince, r.provinceCode, r);

  // exact: the whole name; prefix: a name's leading words (without the whole), both compacted.
  const exact = new Map<string, Unit[]>();
  const prefix = new Map<string, Unit[]>();
  const addName = (name: string, unit: Unit): void => {
    const ws = words(name);
    pushTo(exact, ws.join(''), unit);
    for (let i = 1; i < ws.length; i++) pushTo(prefix, ws.slice(0, i).join(''), unit);
  };
  for (const unit of [...provinces, ...regencies]) addName(unit.baseName, unit);
  for (const r of regenciesRaw) {
    const unit = byCode.get(r.code);
    if (unit) addName(regencyBaseName(r.name).baseName, unit);
  }
  for (const [alias, code] of Object.entries(REGION_ALIASES)) {
    const unit = byCode.get(code);
    if (!unit) throw new Error(`alias ${alias} names unknown code ${code}`);
    addName(alias, unit);
  }
  const exactKeys = [...exact.keys()];

  const resolveCode = (query: string): Resolution | undefined => {
    const trimmed = query.trim();
    const m = /^(\d{2})(?:[.\s-]?(\d{2}))?$/.exec(trimmed);
    if (!m) return undefined;
    const code = m[2] === undefined ? m[1] ?? '' : `${m[1]}.${m[2]}`;
    const unit = byCode.get(code);
    return unit ? { kind: 'found', unit } : { kind: 'not_found', suggestions: [] };
  };

  const matchesKind = (unit: Unit, kind: UnitKind | undefined): boolean => kind === undefined || unit.kind === kind;

  const resolve = (typed: string): Resolution => {
    const query = expandAbbreviations(typed);
    if (compact(query) === '') return { kind: 'empty' };
    if (NATIONAL.has(compact(query))) return { kind: 'national' };
    const byCodeResult = resolveCode(query);
    if (byCodeResult) return byCodeResult;

    const reads = readings(query);
    const exactHits: Unit[] = [];
    let explicitKind = false;
    for (const r of reads) {
      for (const unit of exact.get(r.key) ?? []) {
        if (!matchesKind(unit, r.kind) || exactHits.includes(unit)) continue;
        exactHits.push(unit);
        if (r.kind !== undefined) explicitKind = true;
      }
    }
    const prefixHits: Unit[] = [];
    for (const r of reads) {
      for (const unit of prefix.get(r.key) ?? []) {
        if (matchesKind(unit, r.kind) && !exactHits.includes(unit) && !prefixHits.includes(unit)) prefixHits.push(unit);
      }
    }

    if (exactHits.length === 1 && (explicitKind || prefixHits.length === 0)) {
      return { kind: 'found', unit: exactHits[0] as Unit };
    }
    if (exactHits.length > 0 || prefixHits.length > 0) {
      // Exact names first, so the unit typed in full is always among the buttons.
      const all = [...exactHits.sort(byKindThenCode), ...(explicitKind ? [] : prefixHits.sort(byKindThenCode))];
      return { kind: 'ambiguous', candidates: all.slice(0, MAX_CANDIDATES), more: Math.max(0, all.length - MAX_CANDIDATES) };
    }

    const scored = new Map<Unit, number>();
    for (const r of reads) {
      if (r.key.length < 3) continue;
      const limit = typoLimit(r.key.length);
      for (const key of exactKeys) {
        if (Math.abs(key.length - r.key.length) > limit) continue;
        const d = distance(r.key, key);
        if (d > limit) continue;
        for (const unit of exact.get(key) ?? []) {
          if (!matchesKind(unit, r.kind)) continue;
          const best = scored.get(unit);
          if (best === undefined || d < best) scored.set(unit, d);
        }
      }
    }
    const suggestions = [...scored.entries()]
      .sort(([a, da], [b, db]) => da - db || byKindThenCode(a, b))
      .slice(0, MAX_SUGGESTIONS)
      .map(([unit]) => unit);
    return { kind: 'not_found', suggestions };
  };

  return {
    provinces,
    regencies,
    all: [...provinces, ...regencies],
    get: (code) => byCode.get(code),
    regenciesOf: (provinceCode) => regenciesByProvince.get(provinceCode) ?? [],
    resolve,
  };
}
