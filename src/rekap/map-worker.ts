import { parentPort, workerData } from 'node:worker_threads';
import { renderMap, type MapInput } from './map.js';

// The worker's whole job: draw one map from its plain input and hand the PNG back (transferred, not copied).
const out = renderMap(workerData as MapInput);
const bytes = new Uint8Array(out.png.buffer, out.png.byteOffset, out.png.byteLength);
parentPort?.postMessage({ png: bytes, width: out.width, height: out.height }, [bytes.buffer as ArrayBuffer]);
