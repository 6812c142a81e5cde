import { parentPort } from 'node:worker_threads';
import { renderMap, type MapInput } from './map.js';

// The worker's whole job: draw maps from their plain input, one after another, and hand each PNG back (transferred,
// not copied); a failure is answered, so the bot's side can tell the person instead of waiting.
parentPort?.on('message', (job: { id: number; input: MapInput }) => {
  try {
    const out = renderMap(job.input);
    const bytes = new Uint8Array(out.png.buffer, out.png.byteOffset, out.png.byteLength);
    parentPort?.postMessage({ id: job.id, png: bytes, width: out.width, height: out.height }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
