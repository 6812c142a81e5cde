import { describe, expect, it } from 'vitest';
import { auditMessage } from '../../src/messages/access.js';
import { AUDIT_ACTIONS, type AuditEntry } from '../../src/store/schema.js';
import { officialRegions } from '../helpers/regions.js';

const DETAILS: Record<string, unknown> = {
  role: 'staff',
  scope: '19.71',
  target: 'Budi',
  invitedBy: 'Rina',
  rev: 2,
  year: 2026,
  title: 'Monev Capaian UC',
  startsAt: '2026-11-27T02:00:00.000Z',
  from: '2026-11-27T02:00:00.000Z',
  to: '2026-12-04T06:00:00.000Z',
  audience: 'semua unit di Provinsi Kepulauan Bangka Belitung',
  chats: 12,
  periodFrom: '2026-W40',
  periodTo: '2026-W48',
  format: 'xlsx',
  source: 'RPJMD Kota Pangkal Pinang 2025-2029',
  bp: 3515,
};

describe('the audit trail in words (issue 9.3)', () => {
  it.each(AUDIT_ACTIONS)('describes %s in Indonesian, with weeks and times as officials write them', async (action) => {
    const regions = await officialRegions();
    const entry: AuditEntry = { at: '2026-11-24T03:00:00.000Z', actor: { telegramId: 1, name: 'Rina' }, action, unitCode: '19.71', week: '2026-W48', details: DETAILS };
    const text = auditMessage([entry], regions).text;
    const line = text.split('\n')[1] ?? '';
    expect(line).toMatch(/^• Selasa, 24 November 2026 pukul 10\.00 WIB · Rina: [a-z]/);
    expect(line).not.toContain(action);
    expect(line).not.toMatch(/undefined|NaN|\d{4}-W\d{2}|\d{4}-\d{2}-\d{2}T/);
    if (action.startsWith('report.')) expect(line).toContain('minggu ke-48 tahun 2026');
    if (action.startsWith('session.') && action !== 'session.cancel') expect(line).toContain('pukul');
    if (action === 'rekap.export') expect(line).toContain('mengekspor rekap Kota Pangkal Pinang, minggu ke-40 s.d. ke-48 tahun 2026 (XLSX)');
  });
});

describe('people named by role and unit (issue 9)', () => {
  it('calls a province government’s staff "petugas Pemerintah Provinsi …", and kab/kota staff by their unit', async () => {
    const { roleAndScope, personWithRole } = await import('../../src/messages/access.js');
    const regions = await officialRegions();
    expect(roleAndScope('staff', '19', regions)).toBe('petugas Pemerintah Provinsi Kepulauan Bangka Belitung');
    expect(roleAndScope('staff', '19.71', regions)).toBe('petugas Kota Pangkal Pinang');
    expect(roleAndScope('coordinator', '19', regions)).toBe('koordinator Provinsi Kepulauan Bangka Belitung');
    expect(personWithRole('Rina', { role: 'admin' }, regions)).toBe('Rina (admin UC Bot)');
    expect(personWithRole('Tono', undefined, regions)).toBe('Tono');
  });
});
