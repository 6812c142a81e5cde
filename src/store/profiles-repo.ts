import { join } from 'node:path';
import { z } from 'zod';
import {
  emptyProfile,
  sameBudgetLine,
  sameRegulation,
  UnitProfileSchema,
  type BudgetLine,
  type Kendala,
  type Regulation,
  type UnitProfile,
  type Villages,
} from '../domain/profile.js';
import { unitCode, type Actor } from '../domain/records.js';
import { createNodeFileLayer, type FileLayer } from './file-layer.js';
import { openJsonFile, persist } from './json-file.js';

export const ProfilesFileSchema = z.object({ profiles: z.record(unitCode, UnitProfileSchema) });

/**
 * profiles.json: each unit's profile (regulations, budget lines, villages, kendala). Small and rarely written, so one
 * document rewritten by rename; a change that cannot be written is undone in memory too.
 */
export async function createProfilesRepo(dir: string, fs: FileLayer = createNodeFileLayer({ fsync: false })) {
  const { db } = await openJsonFile(fs, join(dir, 'profiles.json'), ProfilesFileSchema, () => ({ profiles: {} }));

  /** Applies a change to one unit's profile and writes it; returns what the change returned. */
  async function change<T>(code: string, apply: (p: UnitProfile) => T): Promise<T> {
    const before = db.data.profiles[code];
    const next = structuredClone(before ?? emptyProfile());
    const out = apply(next);
    db.data.profiles[code] = next;
    await persist(db, () => {
      if (before) db.data.profiles[code] = before;
      else delete db.data.profiles[code];
    });
    return out;
  }

  return {
    get: (code: string): UnitProfile | undefined => db.data.profiles[code],
    all: (): Record<string, UnitProfile> => db.data.profiles,
    /** Adds a regulation, or replaces the one with the same kind, number and year; returns the replaced one. */
    putRegulation: (code: string, r: Regulation): Promise<Regulation | undefined> =>
      change(code, (p) => {
        const old = p.regulations.find((x) => sameRegulation(x, r));
        p.regulations = [...p.regulations.filter((x) => !sameRegulation(x, r)), r];
        return old;
      }),
    /** Adds a budget line, or replaces the one of the same year, purpose and source; returns the replaced one. */
    putBudget: (code: string, line: BudgetLine): Promise<BudgetLine | undefined> =>
      change(code, (p) => {
        const old = p.budget.find((x) => sameBudgetLine(x, line));
        p.budget = [...p.budget.filter((x) => !sameBudgetLine(x, line)), line];
        return old;
      }),
    setVillages: (code: string, v: Villages): Promise<Villages | undefined> =>
      change(code, (p) => {
        const old = p.villages;
        p.villages = v;
        return old;
      }),
    addKendala: (code: string, k: Kendala): Promise<void> =>
      change(code, (p) => {
        p.kendala = [...p.kendala, k];
      }),
    /** The unit a kendala belongs to, and the kendala (to check a press against the person's scope). */
    findKendala(id: string): { unitCode: string; kendala: Kendala } | undefined {
      for (const [code, p] of Object.entries(db.data.profiles)) {
        const k = p.kendala.find((x) => x.id === id);
        if (k) return { unitCode: code, kendala: k };
      }
      return undefined;
    },
    /** Removes a regulation or a budget line entered by mistake; returns what was removed (nothing on a second press). */
    removeRegulation: (code: string, id: string): Promise<Regulation | undefined> =>
      change(code, (p) => {
        const old = p.regulations.find((x) => x.id === id);
        p.regulations = p.regulations.filter((x) => x.id !== id);
        return old;
      }),
    removeBudget: (code: string, id: string): Promise<BudgetLine | undefined> =>
      change(code, (p) => {
        const old = p.budget.find((x) => x.id === id);
        p.budget = p.budget.filter((x) => x.id !== id);
        return old;
      }),
    /** The unit a budget line belongs to, and the line. */
    findBudget(id: string): { unitCode: string; line: BudgetLine } | undefined {
      for (const [code, p] of Object.entries(db.data.profiles)) {
        const line = p.budget.find((x) => x.id === id);
        if (line) return { unitCode: code, line };
      }
      return undefined;
    },
    /** The unit a regulation belongs to, and the regulation (to send its document to someone in scope). */
    findRegulation(id: string): { unitCode: string; regulation: Regulation } | undefined {
      for (const [code, p] of Object.entries(db.data.profiles)) {
        const r = p.regulations.find((x) => x.id === id);
        if (r) return { unitCode: code, regulation: r };
      }
      return undefined;
    },
    /** Closes an open kendala; false when it is unknown or closed already (a second press). */
    closeKendala: (code: string, id: string, by: Actor, at: Date): Promise<boolean> =>
      change(code, (p) => {
        const k = p.kendala.find((x) => x.id === id);
        if (!k || k.closedAt) return false;
        k.closedAt = at.toISOString();
        k.closedBy = by;
        return true;
      }),
  };
}

export type ProfilesRepo = Awaited<ReturnType<typeof createProfilesRepo>>;
