import { z } from 'zod';
import { covers, type Access } from './access.js';
import { ActorSchema, isoInstant } from './records.js';

/**
 * A region's slower profile beside the weekly figures (issue 20.4): what monitoring sessions and the Paritrana Award
 * ask about. Regulations, budget lines for premiums, villages whose apparatus are all covered, and kendala. Pure.
 */
export const REGULATION_KINDS = ['perda', 'perkada', 'se', 'keputusan', 'mou'] as const;
export type RegulationKind = (typeof REGULATION_KINDS)[number];
export const BUDGET_PURPOSES = ['nonasn', 'rentan', 'desa', 'pemilu'] as const;
export type BudgetPurpose = (typeof BUDGET_PURPOSES)[number];
export const BUDGET_SOURCES = ['apbd', 'apbdp', 'apbdes', 'csr'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/**
 * The Bot API lets a bot download files up to 20 MB (getFile): a larger document could never be fetched again for
 * an archive or a pack, so it is refused at entry. Telegram's own file names stop at 255 characters.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_DOCUMENT_NAME = 255;
/** Longest regulation number, subject, budget note and kendala: a line in a session's slide, not a document. */
export const MAX_REGULATION_NUMBER = 100;
export const MAX_SUBJECT = 300;
export const MAX_NOTE = 200;
export const MAX_KENDALA = 500;
/** Above any village count of a kab/kota (the largest have about 400 desa), or of a province. */
export const MAX_DESA = 10_000;
/** Regulations older than the programme's law (UU 24/2011, BPJS) are typing accidents. */
export const FIRST_REGULATION_YEAR = 2000;

const id = z.string().regex(/^[0-9a-f]{8}$/);
const sen = z.number().int().min(0);

export const DocumentRefSchema = z.object({
  fileId: z.string().min(1).max(300),
  name: z.string().min(1).max(MAX_DOCUMENT_NAME),
  size: z.number().int().min(0).max(MAX_DOCUMENT_BYTES).optional(),
});
export type DocumentRef = z.infer<typeof DocumentRefSchema>;

export const RegulationSchema = z.object({
  id,
  kind: z.enum(REGULATION_KINDS),
  number: z.string().min(1).max(MAX_REGULATION_NUMBER),
  year: z.number().int().min(FIRST_REGULATION_YEAR).max(2100),
  subject: z.string().min(1).max(MAX_SUBJECT),
  document: DocumentRefSchema.optional(),
  at: isoInstant,
  by: ActorSchema,
});
export type Regulation = z.infer<typeof RegulationSchema>;

/** One budget line: a year, what it pays for, where the money comes from. Amounts in sen (exact). */
export const BudgetLineSchema = z
  .object({
    id,
    year: z.number().int().min(FIRST_REGULATION_YEAR).max(2100),
    purpose: z.enum(BUDGET_PURPOSES),
    source: z.enum(BUDGET_SOURCES),
    paguSen: sen.positive(),
    realisasiSen: sen,
    people: z.number().int().min(0),
    note: z.string().max(MAX_NOTE).optional(),
    at: isoInstant,
    by: ActorSchema,
  });
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const VillagesSchema = z
  .object({
    desa: z.number().int().min(0).max(MAX_DESA),
    /** Desa whose kepala desa, perangkat and BPD are all covered. */
    covered: z.number().int().min(0),
    at: isoInstant,
    by: ActorSchema,
  })
  .refine((v) => v.covered <= v.desa, { message: 'covered desa exceed the number of desa' });
export type Villages = z.infer<typeof VillagesSchema>;

export const KendalaSchema = z.object({
  id,
  text: z.string().min(1).max(MAX_KENDALA),
  at: isoInstant,
  by: ActorSchema,
  closedAt: isoInstant.optional(),
  closedBy: ActorSchema.optional(),
});
export type Kendala = z.infer<typeof KendalaSchema>;

export const UnitProfileSchema = z.object({
  regulations: z.array(RegulationSchema),
  budget: z.array(BudgetLineSchema),
  villages: VillagesSchema.optional(),
  kendala: z.array(KendalaSchema),
});
export type UnitProfile = z.infer<typeof UnitProfileSchema>;

export const emptyProfile = (): UnitProfile => ({ regulations: [], budget: [], kendala: [] });

/** Entering a unit's profile: its staff, coordinators in scope, admins anywhere (the rule of reporting its figures). */
export function canEditProfile(a: Access, unitCode: string): boolean {
  if (a.role === 'admin') return true;
  if (a.role === 'coordinator') return covers(a.scope, unitCode);
  return a.role === 'staff' && a.scope === unitCode;
}

/** Which parts of a profile are filled in: what a Paritrana jury would find. */
export interface Completeness {
  regulations: boolean;
  budget: boolean;
  villages: boolean;
  kendala: boolean;
}
export const COMPLETENESS_PARTS = ['regulations', 'budget', 'villages', 'kendala'] as const satisfies ReadonlyArray<keyof Completeness>;

export const completenessOf = (p: UnitProfile | undefined): Completeness => ({
  regulations: (p?.regulations.length ?? 0) > 0,
  budget: (p?.budget.length ?? 0) > 0,
  villages: p?.villages !== undefined,
  kendala: (p?.kendala.length ?? 0) > 0,
});

export const filledCount = (c: Completeness): number => COMPLETENESS_PARTS.filter((k) => c[k]).length;

/** Realisasi as a share of pagu, in percent (unrounded: rounded once, where it is written). */
export const realisasiPct = (line: Pick<BudgetLine, 'paguSen' | 'realisasiSen'>): number => (line.realisasiSen / line.paguSen) * 100;

/** The key a budget line is replaced by: entering the same year, purpose and source again updates it. */
export const sameBudgetLine = (a: Pick<BudgetLine, 'year' | 'purpose' | 'source'>, b: Pick<BudgetLine, 'year' | 'purpose' | 'source'>): boolean =>
  a.year === b.year && a.purpose === b.purpose && a.source === b.source;

/** The key a regulation is replaced by: the same kind, number and year is the same regulation. */
export const sameRegulation = (a: Pick<Regulation, 'kind' | 'number' | 'year'>, b: Pick<Regulation, 'kind' | 'number' | 'year'>): boolean =>
  a.kind === b.kind && a.year === b.year && a.number.replace(/\s+/g, '').toLowerCase() === b.number.replace(/\s+/g, '').toLowerCase();

/** Budget lines newest year first, then in the lists' order of purpose and source. */
export const sortedBudget = (lines: readonly BudgetLine[]): BudgetLine[] =>
  [...lines].sort(
    (a, b) => b.year - a.year || BUDGET_PURPOSES.indexOf(a.purpose) - BUDGET_PURPOSES.indexOf(b.purpose) || BUDGET_SOURCES.indexOf(a.source) - BUDGET_SOURCES.indexOf(b.source),
  );

export const sortedRegulations = (regs: readonly Regulation[]): Regulation[] =>
  [...regs].sort((a, b) => b.year - a.year || REGULATION_KINDS.indexOf(a.kind) - REGULATION_KINDS.indexOf(b.kind));
