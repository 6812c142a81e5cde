import { formatPercent } from '../domain/format.js';

const TWO_DECIMALS = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A target in basis points as officials write it: `32,15%`, `99,5%`, `45,0%` (the digits the source states). */
export const formatTargetPct = (bp: number): string => (bp % 10 === 0 ? formatPercent(bp / 100) : `${TWO_DECIMALS.format(bp / 100)}%`);
