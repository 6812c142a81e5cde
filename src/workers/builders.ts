import type * as Chart from '../rekap/chart.js';
import type * as MapRender from '../rekap/map.js';
import type * as Xlsx from '../rekap/xlsx.js';

/**
 * The file builders a file worker runs, by name: each takes plain, structured-cloneable input and returns the file
 * (bytes, or a picture with its size). Only file-worker.ts imports this module at run time, and each builder loads its
 * library on its first call: a worker that only draws charts never loads the spreadsheet writer, and the reverse. A
 * builder added here is callable by name through the pool (src/workers/pool.ts), typed.
 */
const chart = (): Promise<typeof Chart> => import('../rekap/chart.js');
const xlsx = (): Promise<typeof Xlsx> => import('../rekap/xlsx.js');
const map = (): Promise<typeof MapRender> => import('../rekap/map.js');

export const BUILDERS = {
  rekapXlsx: async (...args: Parameters<typeof Xlsx.rekapXlsx>) => (await xlsx()).rekapXlsx(...args),
  trendChart: async (...args: Parameters<typeof Chart.trendChart>) => (await chart()).trendChart(...args),
  rankingChart: async (...args: Parameters<typeof Chart.rankingChart>) => (await chart()).rankingChart(...args),
  completenessChart: async (...args: Parameters<typeof Chart.completenessChart>) => (await chart()).completenessChart(...args),
  renderMap: async (...args: Parameters<typeof MapRender.renderMap>) => (await map()).renderMap(...args),
};

export type Builders = typeof BUILDERS;
export type BuilderName = keyof Builders;
