import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';
import type { RejectReason } from '../domain/requests.js';
import { RequestsFileSchema, type AccessRequest, type Actor } from './schema.js';

/** Access requests from people without a role; one pending request per person. */
export async function createRequestsRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'requests.json'), RequestsFileSchema, () => ({ requests: [] }));

  const pendingOf = (telegramId: number): AccessRequest | undefined =>
    db.data.requests.find((r) => r.requester.telegramId === telegramId && r.status === 'pending');

  const get = (id: string): AccessRequest | undefined => db.data.requests.find((r) => r.id === id);

  async function create(input: Omit<AccessRequest, 'id' | 'status'>): Promise<AccessRequest> {
    const request: AccessRequest = { ...input, id: randomBytes(4).toString('hex'), status: 'pending' };
    db.data.requests.push(request);
    await persist(db, () => db.data.requests.pop());
    return request;
  }

  /** Records a decision on a pending request; false if someone decided first. */
  async function decide(request: AccessRequest, status: 'approved' | 'rejected', by: Actor, at: Date, reason?: RejectReason): Promise<boolean> {
    if (request.status !== 'pending') return false;
    Object.assign(request, { status, decidedBy: by, decidedAt: at.toISOString(), ...(reason ? { reason } : {}) });
    await persist(db, () => {
      request.status = 'pending';
      delete request.decidedBy;
      delete request.decidedAt;
      delete request.reason;
    });
    return true;
  }

  /** Remembers where the approvers' copies are, to update them after a decision. */
  async function setNotices(request: AccessRequest, notices: NonNullable<AccessRequest['notices']>): Promise<void> {
    const before = request.notices;
    request.notices = notices;
    await persist(db, () => {
      request.notices = before;
    });
  }

  return { pendingOf, get, create, decide, setNotices };
}

export type RequestsRepo = Awaited<ReturnType<typeof createRequestsRepo>>;
