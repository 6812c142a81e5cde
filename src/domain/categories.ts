/**
 * The coverage categories the charts colour by (sangat rendah / rendah / sedang / tinggi). They are data, not a rule
 * buried in code, and they say where they come from. None of the documents this project works from publishes the
 * band edges, so the edges below are UC Bot's working bands, and `source` says exactly that wherever they are shown
 * (chart legend, rekap metadata). When an official table is adopted, change `bands` and `source` here; charts,
 * legends and the rekap follow.
 */
export const COVERAGE_CATEGORIES = {
  source: 'batas kerja UC Bot; belum ada tabel kategori resmi yang dirujuk',
  /** The same fact as a reader's footnote under a chart or in a spreadsheet. */
  footnote: 'pengelompokan kategori capaian ini dibuat untuk keperluan pemantauan dalam UC Bot, karena belum ada pengelompokan resmi yang ditetapkan.',
  bands: [
    { key: 'sangat_rendah', fromPct: 0 },
    { key: 'rendah', fromPct: 20 },
    { key: 'sedang', fromPct: 40 },
    { key: 'tinggi', fromPct: 60 },
  ],
} as const;

export type CoverageCategory = (typeof COVERAGE_CATEGORIES.bands)[number]['key'];

/** The band a coverage percentage falls in: the last band whose lower edge it reaches. */
export function categoryOf(pct: number): CoverageCategory {
  let found: CoverageCategory = COVERAGE_CATEGORIES.bands[0].key;
  for (const band of COVERAGE_CATEGORIES.bands) if (pct >= band.fromPct) found = band.key;
  return found;
}
