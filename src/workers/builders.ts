import { completenessChart, rankingChart, trendChart } from '../rekap/chart.js';
import { rekapXlsx } from '../rekap/xlsx.js';

/**
 * The file builders a file worker runs, by name: each takes plain, structured-cloneable input and returns the file
 * (bytes, or a picture with its size). Only file-worker.ts imports this module at run time: ECharts, resvg and the
 * spreadsheet writer load in the worker, never on the bot's thread. A builder added here is callable by name through
 * the pool (src/workers/pool.ts), typed.
 */
export const BUILDERS = {
  rekapXlsx,
  trendChart,
  rankingChart,
  completenessChart,
};

export type Builders = typeof BUILDERS;
export type BuilderName = keyof Builders;
