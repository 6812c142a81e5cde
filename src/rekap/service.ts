import { periodSlug, type Period } from '../domain/periods.js';
import { EXPORT_TEXT } from '../messages/rekap.js';
import type { Actor } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { ReadSide } from '../queries/read-side.js';
import type { ScopeReport, Scope as RekapScope } from '../queries/types.js';

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
  deps: { store: Store; readSide: ReadSide },
  scope: RekapScope,
  period: Period,
  by: Actor,
  now: Date,
  via: 'chat' | 'cli' | 'push',
): Promise<RekapFile> {
  const rekap = await deps.readSide.report(scope, period);
  // The spreadsheet writer is loaded on the first export, not at start-up (it is most of a second's import budget).
  const { rekapXlsx } = await import('./xlsx.js');
  const bytes = await rekapXlsx(rekap, now, by.name);
  await deps.store.audit.record({
    at: now,
    actor: by,
    action: 'rekap.export',
    scope: scope === 'national' ? 'national' : scope.code,
    details: { format: 'xlsx', periodFrom: period.from, periodTo: period.to, via },
  });
  return { rekap, bytes, filename: EXPORT_TEXT.fileName(scopeSlug(scope), periodSlug(period)) };
}
