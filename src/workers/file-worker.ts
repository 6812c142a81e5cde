import { parentPort } from 'node:worker_threads';
import { BUILDERS, type BuilderName } from './builders.js';
import type { JobRequest, JobReply } from './pool.js';

/**
 * A file worker: builds one file at a time for the pool (src/workers/pool.ts) and posts the result back, its bytes
 * moved (transferred), not copied. A builder that throws is reported as this job's failure; the worker goes on.
 */
const port = parentPort;
if (!port) throw new Error('file-worker.ts runs as a worker thread (src/workers/pool.ts starts it)');

/** The byte arrays of a result (itself, or its direct fields), to transfer rather than copy. */
function transferablesOf(result: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (v: unknown): void => {
    // A Buffer may be a view on Node's shared pool: only a buffer it owns whole is transferred.
    if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) buffers.add(v.buffer);
  };
  add(result);
  if (result && typeof result === 'object' && !(result instanceof Uint8Array)) for (const v of Object.values(result)) add(v);
  return [...buffers];
}

port.on('message', (job: JobRequest) => {
  void (async (): Promise<void> => {
    let reply: JobReply;
    try {
      const builder = BUILDERS[job.name as BuilderName] as ((...args: unknown[]) => unknown) | undefined;
      if (!builder) throw new Error(`unknown file builder: ${job.name}`);
      reply = { id: job.id, ok: true, result: await builder(...job.args) };
    } catch (error) {
      reply = { id: job.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    try {
      port.postMessage(reply, reply.ok ? transferablesOf(reply.result) : []);
      return;
    } catch {
      // Some native buffers cannot be transferred (resvg's PNG on Node 24): then they are copied.
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      port.postMessage({ id: job.id, ok: false, error: `result could not be sent back: ${error instanceof Error ? error.message : String(error)}` } satisfies JobReply);
    }
  })();
});
