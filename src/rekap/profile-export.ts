import { formatShortDate } from '../domain/format.js';
import { formatRupiah } from '../domain/money.js';
import { completenessOf, realisasiPct, sortedBudget, sortedRegulations, type Completeness, type UnitProfile } from '../domain/profile.js';
import type { Zone } from '../domain/zones.js';
import { BUDGET_SOURCE_LABELS, documentLabel, PROFILE_SHEET_TEXT, profilePackLines, regulationTitle } from '../messages/profile.js';

/**
 * The region profile for the rekap XLSX and the session pack, from plain data (issue 20.4). Pure: the XLSX writer
 * turns the columns into cells (a `rupiah` column is a number of rupiah, `pct` a fraction for a 0.0% format).
 */
export interface ProfileUnitInput {
  code: string;
  name: string;
  zone: Zone;
  profile: UnitProfile | undefined;
}

export type ProfileColumnKind = 'code' | 'text' | 'year' | 'rupiah' | 'pct' | 'count';
export type ProfileValue = string | number | null;

export interface ProfileSheet {
  name: string;
  columns: Array<{ header: string; kind: ProfileColumnKind }>;
  rows: ProfileValue[][];
}

const H = PROFILE_SHEET_TEXT.headers;
const COLUMNS: ProfileSheet['columns'] = [
  { header: H.code, kind: 'code' },
  { header: H.unit, kind: 'text' },
  { header: H.part, kind: 'text' },
  { header: H.year, kind: 'year' },
  { header: H.description, kind: 'text' },
  { header: H.source, kind: 'text' },
  { header: H.pagu, kind: 'rupiah' },
  { header: H.realisasi, kind: 'rupiah' },
  { header: H.realisasiPct, kind: 'pct' },
  { header: H.count, kind: 'count' },
  { header: H.covered, kind: 'count' },
  { header: H.status, kind: 'text' },
  { header: H.date, kind: 'text' },
  { header: H.document, kind: 'text' },
];

const rupiah = (sen: number): number => sen / 100;

/** Sheet "Profil": per unit a completeness row, then one row per regulation, budget line, villages and kendala. */
export function profileSheet(units: readonly ProfileUnitInput[]): ProfileSheet {
  const P = PROFILE_SHEET_TEXT.parts;
  const rows: ProfileValue[][] = [];
  for (const u of units) {
    const p = u.profile;
    const date = (iso: string) => formatShortDate(new Date(iso), u.zone);
    const row = (part: string, cells: Partial<Record<keyof typeof H, ProfileValue>>): ProfileValue[] => [
      u.code,
      u.name,
      part,
      cells.year ?? null,
      cells.description ?? null,
      cells.source ?? null,
      cells.pagu ?? null,
      cells.realisasi ?? null,
      cells.realisasiPct ?? null,
      cells.count ?? null,
      cells.covered ?? null,
      cells.status ?? null,
      cells.date ?? null,
      cells.document ?? null,
    ];
    rows.push(row(P.completeness, { description: PROFILE_SHEET_TEXT.completeness(completenessOf(p)) }));
    for (const r of sortedRegulations(p?.regulations ?? [])) {
      rows.push(row(P.regulation, { year: r.year, description: regulationTitle(r), date: date(r.at), document: r.document ? documentLabel(r.document) : null }));
    }
    for (const b of sortedBudget(p?.budget ?? [])) {
      rows.push(
        row(P.budget, {
          year: b.year,
          description: PROFILE_SHEET_TEXT.budgetDescription(b),
          source: BUDGET_SOURCE_LABELS[b.source],
          pagu: rupiah(b.paguSen),
          realisasi: rupiah(b.realisasiSen),
          realisasiPct: realisasiPct(b) / 100,
          count: b.people,
          date: date(b.at),
        }),
      );
    }
    if (p?.villages) {
      const v = p.villages;
      rows.push(row(P.villages, { description: v.desa === 0 ? PROFILE_SHEET_TEXT.noDesa : null, count: v.desa, covered: v.covered, date: date(v.at) }));
    }
    for (const k of p?.kendala ?? []) {
      rows.push(row(P.kendala, { description: k.text, status: k.closedAt ? PROFILE_SHEET_TEXT.closed(date(k.closedAt)) : PROFILE_SHEET_TEXT.open, date: date(k.at) }));
    }
  }
  return { name: PROFILE_SHEET_TEXT.name, columns: COLUMNS, rows };
}

/** One unit's profile for the session pack: plain values and ready sentences. */
export interface ProfilePackSummary {
  code: string;
  name: string;
  completeness: Completeness & { filled: number; of: number };
  regulations: string[];
  budget: Array<{ year: number; title: string; paguRupiah: number; realisasiRupiah: number; realisasiPct: number; people: number; pagu: string; realisasi: string }>;
  villages: { desa: number; covered: number } | undefined;
  openKendala: Array<{ text: string; since: string }>;
  /** What a slide shows, in order: completeness, regulations, budget lines, villages, open kendala. */
  lines: string[];
}

export function profilePackSummary(u: ProfileUnitInput): ProfilePackSummary {
  const p = u.profile;
  const c = completenessOf(p);
  const filled = Object.values(c).filter(Boolean).length;
  const regulations = sortedRegulations(p?.regulations ?? []).map((r) => regulationTitle(r));
  const lines = sortedBudget(p?.budget ?? []);
  const open = (p?.kendala ?? []).filter((k) => !k.closedAt).map((k) => ({ text: k.text, since: formatShortDate(new Date(k.at), u.zone) }));
  return {
    code: u.code,
    name: u.name,
    completeness: { ...c, filled, of: 4 },
    regulations,
    budget: lines.map((b) => ({
      year: b.year,
      title: profilePackLines.budget(b),
      paguRupiah: rupiah(b.paguSen),
      realisasiRupiah: rupiah(b.realisasiSen),
      realisasiPct: realisasiPct(b),
      people: b.people,
      pagu: formatRupiah(b.paguSen),
      realisasi: formatRupiah(b.realisasiSen),
    })),
    villages: p?.villages ? { desa: p.villages.desa, covered: p.villages.covered } : undefined,
    openKendala: open,
    lines: [
      profilePackLines.completeness(c),
      ...regulations,
      ...lines.map((b) => profilePackLines.budget(b)),
      ...(p?.villages ? [profilePackLines.villages(p.villages)] : []),
      ...open.map((k) => profilePackLines.kendala(k.text, k.since)),
    ],
  };
}
