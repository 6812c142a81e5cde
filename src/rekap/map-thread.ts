import { Worker } from 'node:worker_threads';
import type { Png } from './chart.js';
import type { MapInput } from './map.js';

/**
 * Draws a map in a worker thread. ECharts and resvg spend one to two seconds of CPU on a national map (514 points):
 * on the bot's own thread that would stop every other chat's answer meanwhile. The input is plain data, so it crosses
 * to the worker as it is; the PNG comes back transferred, not copied.
 */
export function renderMapOffThread(input: MapInput): Promise<Png> {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './map-worker.ts' : './map-worker.js', import.meta.url);
  // Built (dist/**/*.js) the worker file runs as it is; from source (tsx, vitest) tsx's loader is registered first.
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`, { eval: true, workerData: input })
    : new Worker(script, { workerData: input });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { png: Uint8Array; width: number; height: number }) => {
      resolve({ png: Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength), width: m.width, height: m.height });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`map worker exited with code ${code}`));
    });
  });
}
