import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Role, Scope } from '../domain/access.js';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';
import { InvitesFileSchema, type Actor, type Invite } from './schema.js';

/** 128 random bits, base64url: 22 characters of [A-Za-z0-9_-], within Telegram's 64 for a start parameter. */
const newCode = (): string => randomBytes(16).toString('base64url');
const hashOf = (code: string): string => createHash('sha256').update(code).digest('hex');

export type InviteLookup =
  | { status: 'valid'; invite: Invite }
  | { status: 'unknown' }
  | { status: 'used'; invite: Invite }
  | { status: 'expired'; invite: Invite };

/** Single-use, expiring invitations. The code itself is shown once and never stored. */
export async function createInvitesRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'invites.json'), InvitesFileSchema, () => ({ invites: [] }));

  async function create(
    input: { role: Role; scope: Scope; by: Actor; at: Date; ttlMs: number },
  ): Promise<{ code: string; invite: Invite }> {
    const code = newCode();
    const invite: Invite = {
      hash: hashOf(code),
      role: input.role,
      scope: input.scope,
      createdBy: input.by,
      createdAt: input.at.toISOString(),
      expiresAt: new Date(input.at.getTime() + input.ttlMs).toISOString(),
    };
    db.data.invites.push(invite);
    await persist(db, () => db.data.invites.pop());
    return { code, invite };
  }

  function lookup(code: string, now: Date): InviteLookup {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(code)) return { status: 'unknown' };
    const invite = db.data.invites.find((i) => i.hash === hashOf(code));
    if (!invite) return { status: 'unknown' };
    if (invite.usedAt) return { status: 'used', invite };
    if (new Date(invite.expiresAt) <= now) return { status: 'expired', invite };
    return { status: 'valid', invite };
  }

  /** Marks the invite used; false if it was used meanwhile (a second /start racing the first). */
  async function consume(invite: Invite, by: Actor, at: Date): Promise<boolean> {
    if (invite.usedAt) return false;
    invite.usedAt = at.toISOString();
    invite.usedBy = by;
    await persist(db, () => {
      delete invite.usedAt;
      delete invite.usedBy;
    });
    return true;
  }

  return { create, lookup, consume };
}

export type InvitesRepo = Awaited<ReturnType<typeof createInvitesRepo>>;
