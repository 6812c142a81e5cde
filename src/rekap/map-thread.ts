import { Worker } from 'node:worker_threads';
import type { Png } from './chart.js';
import type { MapInput } from './map.js';

interface Waiting {
  resolve: (png: Png) => void;
  reject: (e: Error) => void;
}
type Answer = { id: number; png: Uint8Array; width: number; height: number } | { id: number; error: string };

interface MapWorker {
  worker: Worker;
  waiting: Map<number, Waiting>;
  next: number;
}
let current: MapWorker | undefined;

function startWorker(): MapWorker {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './map-worker.ts' : './map-worker.js', import.meta.url);
  // Built (dist/**/*.js) the worker file runs as it is; from source (tsx, vitest) tsx's loader is registered first.
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`, { eval: true })
    : new Worker(script);
  const state: MapWorker = { worker, waiting: new Map(), next: 1 };
  const failAll = (e: Error): void => {
    if (current === state) current = undefined;
    for (const w of state.waiting.values()) w.reject(e);
    state.waiting.clear();
  };
  worker.on('message', (m: Answer) => {
    const w = state.waiting.get(m.id);
    state.waiting.delete(m.id);
    if (state.waiting.size === 0) worker.unref();
    if (!w) return;
    if ('error' in m) w.reject(new Error(`map worker: ${m.error}`));
    else w.resolve({ png: Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength), width: m.width, height: m.height });
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`map worker exited with code ${code}`)));
  // An idle worker never keeps the process alive, so stopping the bot does not wait for it (unref after the listeners:
  // adding a 'message' listener refs the worker's port again); a map being drawn does.
  worker.unref();
  return state;
}

/**
 * Draws a map in a worker thread. ECharts and resvg spend one to two seconds of CPU on a national map (514 points):
 * on the bot's own thread that would stop every other chat's answer meanwhile. One worker is started on the first
 * map and kept (its start, loading ECharts, costs about a second), maps are drawn one after another; a worker that
 * dies is replaced on the next map. The input is plain data, so it crosses as it is.
 */
export function renderMapOffThread(input: MapInput): Promise<Png> {
  current ??= startWorker();
  const state = current;
  const id = state.next++;
  return new Promise((resolve, reject) => {
    state.waiting.set(id, { resolve, reject });
    state.worker.ref();
    state.worker.postMessage({ id, input });
  });
}
