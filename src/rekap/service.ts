import type { Deadline } from '../domain/deadline.js';
import { periodSlug, type Period } from '../domain/periods.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { EXPORT_TEXT } from '../messages/rekap.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { UnverifiedInTotals } from '../domain/verification.js';
import { filePool } from '../workers/pool.js';
import { buildRekap, type Rekap, type RekapScope } from './data.js';

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
  rekap: Rekap;
  bytes: Buffer;
  filename: string;
}

/** The XLSX rekap of a scope and period, recorded in the audit trail (who, scope, period). */
export async function exportRekap(
  deps: { store: Store; regions: RegionDirectory; deadline: Deadline; unverified?: UnverifiedInTotals },
  scope: RekapScope,
  period: Period,
  by: Actor,
  now: Date,
  via: 'chat' | 'cli' | 'push',
): Promise<RekapFile> {
  const rekap = await buildRekap(deps.store, deps.regions, deps.deadline, scope, period, deps.unverified);
  // Built in a worker thread (the spreadsheet writer loads there, not at start-up): answers go on meanwhile.
  const bytes = await filePool().build('rekapXlsx', rekap, now, by.name);
  await deps.store.audit.record({
    at: now,
    actor: by,
    action: 'rekap.export',
    scope: scope === 'national' ? 'national' : scope.code,
    details: { format: 'xlsx', periodFrom: period.from, periodTo: period.to, via },
  });
  return { rekap, bytes, filename: EXPORT_TEXT.fileName(scopeSlug(scope), periodSlug(period)) };
}
