import { WIB, zoneOfProvince, type Zone } from './zones.js';

/**
 * Who may do what, where (product.md, "People and roles"). Pure: no Telegram, no store.
 * A scope is `national`, a province code (`19`) or a unit code (`19.71`; a province government is unit `19`).
 */
export type Role = 'coordinator' | 'staff' | 'viewer';
/** `national`, or a unit code: the type cannot tell them apart, `covers` and `validScope` do. */
export type Scope = string;

export type Access = { role: 'admin' } | { role: Role; scope: Scope } | { role: 'unknown' };

export const NATIONAL: Scope = 'national';

const isProvinceCode = (code: string): boolean => /^\d{2}$/.test(code);
const isRegencyCode = (code: string): boolean => /^\d{2}\.\d{2}$/.test(code);

/** Does `scope` cover the unit (or the national view, `national`)? A province covers itself and its kab/kota. */
export function covers(scope: Scope, target: string): boolean {
  if (scope === NATIONAL) return true;
  if (target === NATIONAL) return false;
  if (isProvinceCode(scope)) return target === scope || target.startsWith(`${scope}.`);
  return target === scope;
}

/** The scopes each role may hold: coordinators a province or the nation; staff one reporting unit. */
export function validScope(role: Role, scope: Scope): boolean {
  switch (role) {
    case 'coordinator':
      return scope === NATIONAL || isProvinceCode(scope);
    case 'staff':
      return isProvinceCode(scope) || isRegencyCode(scope);
    case 'viewer':
      return scope === NATIONAL || isProvinceCode(scope) || isRegencyCode(scope);
  }
}

const scopeOf = (a: Access): Scope | undefined => (a.role === 'admin' ? NATIONAL : a.role === 'unknown' ? undefined : a.scope);

/** Where a person works from: admins the nation, a registered person their scope, a stranger nowhere. */
export const ownScope = (a: Access): Scope | undefined => scopeOf(a);

/** The zone a person reads and writes times in: their province's, or WIB for national roles and strangers. */
export const homeZone = (a: Access): Zone => {
  const scope = ownScope(a);
  return scope === undefined || scope === NATIONAL ? WIB : zoneOfProvince(scope.slice(0, 2));
};

/** Reading coverage (and, later, status): every registered role, within its scope. */
export function canQuery(a: Access, target: string): boolean {
  const scope = scopeOf(a);
  return scope !== undefined && covers(scope, target);
}

/**
 * Granting a role to someone else (by invite or by approving a request): admins grant anything; coordinators grant
 * staff and viewers inside their own scope. Only admins make coordinators.
 */
export function canGrant(a: Access, role: Role, scope: Scope): boolean {
  if (!validScope(role, scope)) return false;
  if (a.role === 'admin') return true;
  if (a.role !== 'coordinator' || role === 'coordinator') return false;
  return covers(a.scope, scope);
}

/** Revoking or handing over someone's access: the same rule as granting what they hold. */
export const canManage = (a: Access, target: { role: Role; scope: Scope }): boolean => canGrant(a, target.role, target.scope);

/** Reporting a unit's weekly figures: its staff; coordinators in scope and admins on the unit's behalf. */
export function canReport(a: Access, unitCode: string): boolean {
  if (unitCode === NATIONAL) return false;
  if (a.role === 'admin') return true;
  if (a.role === 'coordinator') return covers(a.scope, unitCode);
  return a.role === 'staff' && a.scope === unitCode;
}

/** Linking a group to a unit: that unit's staff, a coordinator in scope, or an admin. */
export function canLink(a: Access, unitCode: string): boolean {
  if (a.role === 'admin') return true;
  if (a.role === 'coordinator') return covers(a.scope, unitCode);
  return a.role === 'staff' && a.scope === unitCode;
}

/** Reading the audit trail: admins all of it, coordinators what concerns their scope. */
export function canReadAudit(a: Access, unitCode: string | undefined): boolean {
  if (a.role === 'admin') return true;
  if (a.role !== 'coordinator') return false;
  return unitCode === undefined ? a.scope === NATIONAL : covers(a.scope, unitCode);
}

export const isCoordinatorOrAdmin = (a: Access): boolean => a.role === 'admin' || a.role === 'coordinator';
