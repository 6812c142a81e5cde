import { describe, expect, it } from 'vitest';
import { canGrant, canLink, canQuery, canReadAudit, covers, validScope, type Access } from '../../src/domain/access.js';

const admin: Access = { role: 'admin' };
const coordNational: Access = { role: 'coordinator', scope: 'national' };
const coord19: Access = { role: 'coordinator', scope: '19' };
const staff1971: Access = { role: 'staff', scope: '19.71' };
const viewer19: Access = { role: 'viewer', scope: '19' };
const unknown: Access = { role: 'unknown' };

describe('scope', () => {
  it('a province covers itself and its kab/kota, not its neighbours', () => {
    expect(covers('19', '19')).toBe(true);
    expect(covers('19', '19.71')).toBe(true);
    expect(covers('19', '21.71')).toBe(false);
    expect(covers('19', '1')).toBe(false);
    expect(covers('19.71', '19')).toBe(false);
    expect(covers('national', '91.71')).toBe(true);
    expect(covers('19', 'national')).toBe(false);
  });

  it('each role holds only its kind of scope', () => {
    expect(validScope('coordinator', '19')).toBe(true);
    expect(validScope('coordinator', '19.71')).toBe(false);
    expect(validScope('staff', '19.71')).toBe(true);
    expect(validScope('staff', '19')).toBe(true);
    expect(validScope('staff', 'national')).toBe(false);
    expect(validScope('viewer', 'national')).toBe(true);
  });
});

describe('permissions', () => {
  it('queries within scope only', () => {
    expect(canQuery(viewer19, '19.71')).toBe(true);
    expect(canQuery(viewer19, '32.73')).toBe(false);
    expect(canQuery(viewer19, 'national')).toBe(false);
    expect(canQuery(staff1971, '19')).toBe(false);
    expect(canQuery(admin, 'national')).toBe(true);
    expect(canQuery(unknown, '19.71')).toBe(false);
  });

  it('only admins make coordinators; coordinators grant inside their scope', () => {
    expect(canGrant(admin, 'coordinator', '19')).toBe(true);
    expect(canGrant(coordNational, 'coordinator', '19')).toBe(false);
    expect(canGrant(coordNational, 'viewer', 'national')).toBe(true);
    expect(canGrant(coord19, 'staff', '19.71')).toBe(true);
    expect(canGrant(coord19, 'viewer', 'national')).toBe(false);
    expect(canGrant(coord19, 'staff', '32.73')).toBe(false);
    expect(canGrant(staff1971, 'staff', '19.71')).toBe(false);
    expect(canGrant(admin, 'staff', 'national')).toBe(false);
  });

  it('links groups for the own unit or within a coordinator scope', () => {
    expect(canLink(staff1971, '19.71')).toBe(true);
    expect(canLink(staff1971, '19.01')).toBe(false);
    expect(canLink(coord19, '19.01')).toBe(true);
    expect(canLink(viewer19, '19.71')).toBe(false);
  });

  it('reads the audit trail by scope', () => {
    expect(canReadAudit(admin, undefined)).toBe(true);
    expect(canReadAudit(coord19, '19.71')).toBe(true);
    expect(canReadAudit(coord19, '32.73')).toBe(false);
    expect(canReadAudit(coord19, undefined)).toBe(false);
    expect(canReadAudit(coordNational, undefined)).toBe(true);
    expect(canReadAudit(staff1971, '19.71')).toBe(false);
  });
});
