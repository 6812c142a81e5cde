import type { TargetSeries } from './targets.js';

/**
 * The national targets shipped with the bot, each with its reference (domain.md). Only the values the sources state:
 * no year between them is filled in (a path between them is drawn only as a labelled interpolation). The 52,15% quoted
 * at Kemendagri sessions and a BPJS regional office's 67,28% are not shipped: a coordinator who uses them enters them
 * with their own reference.
 */
export const NATIONAL_TARGETS: readonly TargetSeries[] = [
  {
    id: 'rpjmn',
    scope: 'national',
    source: 'RPJMN 2025-2029',
    reference: 'Peraturan Presiden Nomor 12 Tahun 2025 tentang RPJMN 2025-2029',
    points: [
      { year: 2025, bp: 3215 },
      { year: 2029, bp: 4392 },
    ],
    origin: 'shipped',
  },
  {
    id: 'rkp26',
    scope: 'national',
    source: 'RKP 2026',
    reference: 'Rencana Kerja Pemerintah Tahun 2026',
    points: [{ year: 2026, bp: 3499 }],
    origin: 'shipped',
  },
  {
    id: 'rpjpn',
    scope: 'national',
    source: 'RPJPN 2025-2045',
    reference: 'Undang-Undang Nomor 59 Tahun 2024 tentang RPJPN 2025-2045',
    points: [{ year: 2045, bp: 9950 }],
    origin: 'shipped',
  },
];
