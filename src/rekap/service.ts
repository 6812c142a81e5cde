import { periodSlug, type Period } from '../domain/periods.js';
import { EXPORT_TEXT } from '../messages/rekap.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { ReadSide } from '../queries/read-side.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { followupSheet } from './followup-rows.js';
import { profileSheet } from './profile-export.js';
import type { RekapExtras } from './xlsx.js';
import type { ScopeReport, Scope as RekapScope } from '../queries/types.js';
import { filePool } from '../workers/pool.js';

/** `kepulauan-bangka-belitung`, `kota-pangkal-pinang`, `nasional`: a scope in a file name. */
export function scopeSlug(scope: RekapScope): string {
  if (scope === 'national') return 'nasional';
  const name = scope.kind === 'provinsi' ? scope.baseName : scope.name;
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface RekapFile {
  rekap: ScopeReport;
  bytes: Buffer;
  filename: string;
}

/** The XLSX rekap of a scope and period, recorded in the audit trail (who, scope, period). */
export async function exportRekap(
  deps: { store: Store; readSide: ReadSide; regions: RegionDirectory },
  scope: RekapScope,
  period: Period,
  by: Actor,
  now: Date,
  via: 'chat' | 'cli' | 'push',
): Promise<RekapFile> {
  // The spreadsheet needs the last week and the long rows, not the chart's series.
  const rekap = await deps.readSide.report(scope, period, { series: false });
  // Built in a worker thread (the spreadsheet writer loads there, not at start-up): answers go on meanwhile.
  const bytes = await filePool().build('rekapXlsx', rekap, now, by.name, cycleSheets(deps, scope, now));
  await deps.store.audit.record({
    at: now,
    actor: by,
    action: 'rekap.export',
    scope: scope === 'national' ? 'national' : scope.code,
    details: { format: 'xlsx', periodFrom: period.from, periodTo: period.to, via },
  });
  return { rekap, bytes, filename: EXPORT_TEXT.fileName(scopeSlug(scope), periodSlug(period)) };
}

/** The scope's follow-up items and its units' profiles, as the XLSX's "Tindak Lanjut" and "Profil" sheets (issue 20). */
export function cycleSheets(deps: { store: Store; readSide: ReadSide; regions: RegionDirectory }, scope: RekapScope, now: Date): RekapExtras {
  const units = deps.readSide.unitsOf(scope);
  const codes = new Set(units.map((u) => u.code));
  const items = deps.store.followups.all().filter((i) => codes.has(i.unitCode));
  const unitOf = (code: string) => {
    const u = deps.regions.get(code);
    return { name: u?.name ?? code, iana: u?.zone.iana ?? 'Asia/Jakarta' };
  };
  const sessionOf = (id: string): string => deps.store.meetings.all().find((m) => m.id === id)?.title ?? id;
  return {
    followups: items.length > 0 ? followupSheet(items, { now, unitOf, sessionOf }) : undefined,
    profiles: profileSheet(units.map((u) => ({ code: u.code, name: u.name, zone: u.zone, profile: deps.store.profiles.get(u.code) }))),
  };
}
