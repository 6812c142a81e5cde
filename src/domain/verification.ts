import { NATIONAL, type Access } from './access.js';
import type { RegionDirectory, Unit } from './regions/directory.js';

export { RETURN_REASONS, type ReturnReason } from './verification-reasons.js';

/** Where a week's report stands with its coordinators. A "belum ada data" week has nothing to verify. */
export type VerificationState = 'verified' | 'returned' | 'pending' | 'not_needed';

export function verificationStateOf(report: { latest: { rev: number; noData?: unknown }; verification?: { rev: number; state: 'verified' | 'returned' } | undefined }): VerificationState {
  if (report.latest.noData) return 'not_needed';
  const v = report.verification;
  if (!v || v.rev !== report.latest.rev) return 'pending';
  return v.state;
}

/**
 * Who verifies a unit's figures: a kab/kota's, the coordinators of its province; a province government's own
 * (non-ASN) report, the national coordinators; admins, any.
 */
export function canVerify(a: Access, unit: Unit): boolean {
  if (a.role === 'admin') return true;
  if (a.role !== 'coordinator') return false;
  return unit.kind === 'provinsi' ? a.scope === NATIONAL : a.scope === unit.provinceCode;
}

/** Whether unverified figures count in a province's (and the nation's) totals: `count` (marked) or `exclude`. */
export type UnverifiedInTotals = 'count' | 'exclude';

/** The units whose reports a scope verifies: a province's kab/kota, or (nationally) every province government. */
export function unitsVerifiedBy(regions: RegionDirectory, scope: string): Unit[] {
  if (scope === NATIONAL) return [...regions.provinces];
  return [...regions.regenciesOf(scope)];
}
