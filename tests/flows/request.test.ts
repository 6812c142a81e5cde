import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { requestOfferButton, requestStep, startRequest, type RequestFacts, type RequestState } from '../../src/flows/request.js';
import { officialRegions } from '../helpers/regions.js';
import { buttonsOf, pressOf, text, words } from '../helpers/flows.js';

let regions: RegionDirectory;
beforeAll(async () => {
  regions = await officialRegions();
});
const stranger = (): RequestFacts => ({ access: { role: 'unknown' }, regions, pending: undefined });

describe('the access request flow, without a bot', () => {
  it('starts from the /start button, and every role button it offers leads to the unit question', () => {
    const offer = requestOfferButton('Ajukan permohonan akses')[0]?.[0];
    const started = requestStep(undefined, pressOf(offer), stranger());
    expect(started.state).toEqual({ name: 'request', step: 'role' });
    for (const b of buttonsOf(started)) {
      expect(requestStep(started.state, pressOf(b), stranger()).state).toMatchObject({ step: 'scope' });
    }
  });

  it('submits a role and unit typed as people write them; a staff request for the nation is explained', () => {
    const scope: RequestState = { name: 'request', step: 'scope', role: 'staff' };
    expect(requestStep(scope, text('Pangkal Pinang'), stranger()).effects).toEqual([{ kind: 'submit', role: 'staff', scope: '19.71' }]);
    expect(words(requestStep(scope, text('nasional'), stranger()))).toContain('Petugas ditetapkan untuk satu unit pelapor');
    const viewer: RequestState = { name: 'request', step: 'scope', role: 'viewer' };
    expect(requestStep(viewer, text('nasional'), stranger()).effects).toEqual([{ kind: 'submit', role: 'viewer', scope: 'national' }]);
    expect(words(requestStep({ name: 'request', step: 'role' }, text('bupati'), stranger()))).toContain('Mohon pilih salah satu peran');
  });

  it('one request at a time, only for strangers; a person given a role meanwhile is told so', () => {
    const pending = { id: 'abcd1234', requester: { telegramId: 5, name: 'Eka' }, role: 'viewer' as const, scope: 'national', createdAt: '2026-11-24T03:00:00.000Z', status: 'pending' as const };
    expect(words(startRequest({ ...stranger(), pending }))).toContain('sedang menunggu persetujuan');
    expect(startRequest({ ...stranger(), access: { role: 'viewer', scope: '19' } })).toMatchObject({ untouched: true });
    const state: RequestState = { name: 'request', step: 'role' };
    const late = requestStep(state, text('petugas'), { ...stranger(), access: { role: 'staff', scope: '19.71' } });
    expect(late.state).toBeUndefined();
    expect(words(late)).toContain('sudah terdaftar');
  });
});
