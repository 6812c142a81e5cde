import { filePool } from '../workers/pool.js';
import type { Png } from './chart.js';
import type { MapInput } from './map.js';

/**
 * Draws a map off the bot's thread, through the one file pool that also builds the charts and spreadsheets
 * (src/workers/pool.ts): ECharts and resvg spend one to two seconds of CPU on a national map (514 points), which on
 * the bot's own thread would stop every other chat's answer meanwhile. The pool copies a picture it cannot transfer
 * (resvg's PNG on Node 24), replaces a worker that died, and lets an idle one go.
 */
export async function renderMapOffThread(input: MapInput): Promise<Png> {
  const { png, width, height } = await filePool().build('renderMap', input);
  return { png, width, height };
}
