import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Builders, BuilderName } from './builders.js';

/**
 * Files (XLSX, charts) are built off the bot's thread, in a small pool of worker threads: while a national export or
 * the weekly push is built, everyone else's answers go on. The pool is generic around the builders of
 * src/workers/builders.ts: a builder's name and its plain input in, the file out.
 *
 * - Lazy: no worker starts until the first file; ECharts, resvg and the spreadsheet writer load only in a worker.
 * - Bounded: at most `size` workers, one job each at a time; at most `maxQueued` jobs wait, past that a build is
 *   refused at once (FileBuildError) rather than piling up; each worker's heap is capped (`maxHeapMb`).
 * - Gives memory back: a worker idle for `idleMs` ends, and its whole heap with it.
 * - Survives a crash: a worker that dies (out of memory, a native fault, terminated) fails the job it was running
 *   with a FileBuildError that says so; the next job starts a fresh worker.
 * - Runs the built worker (dist/src/workers/file-worker.js) in production and the TypeScript source under tsx (tests,
 *   the sandbox, the command line), on Node 20 and 24.
 */
export interface JobRequest {
  id: number;
  name: string;
  args: unknown[];
}

export type JobReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** A file could not be built: the builder failed, its worker died, or the pool is full or closed. */
export class FileBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileBuildError';
  }
}

/** A transferred byte array arrives as a Uint8Array: the caller gets the Buffer it would have got in-thread. */
type Revived<T> = T extends Buffer ? Buffer : T extends object ? { [K in keyof T]: T[K] extends Buffer ? Buffer : T[K] } : T;
export type BuildResult<K extends BuilderName> = Revived<Awaited<ReturnType<Builders[K]>>>;

export interface FilePoolOptions {
  /** Workers at most (default 1: on a small machine one core builds while the other answers). */
  size?: number;
  /** Jobs waiting at most beyond those running (default 64). */
  maxQueued?: number;
  /** An idle worker ends after this long (default 5 s). */
  idleMs?: number;
  /** A worker's old-generation heap cap in MB (default 1024: near its cap a heap spends its time collecting). */
  maxHeapMb?: number;
  /** Told when a worker dies, for the log. */
  onWorkerError?: (error: Error) => void;
}

interface Job {
  request: JobRequest;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job | undefined;
  idleTimer?: NodeJS.Timeout | undefined;
}

const toBuffer = (v: unknown): unknown => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

function revive(result: unknown): unknown {
  if (result instanceof Uint8Array) return toBuffer(result);
  if (result && typeof result === 'object' && !Array.isArray(result)) {
    return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, toBuffer(v)]));
  }
  return result;
}

/**
 * The worker's script beside this module: file-worker.js when built; under tsx (tests, the sandbox, the command line)
 * the TypeScript source, loaded through tsx in the worker.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./file-worker.js', import.meta.url), options);
  // tsx's API (a development dependency, there whenever the source runs) loads the worker's source in the worker: a
  // worker does not inherit the loader hooks its parent was started with (Node 20). Its ESM build, found from here.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL('./file-worker.ts', import.meta.url).href;
  const start = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(start, { ...options, eval: true });
}

export function createFilePool(options: FilePoolOptions = {}) {
  const size = Math.max(1, options.size ?? 1);
  const maxQueued = options.maxQueued ?? 64;
  const idleMs = options.idleMs ?? 5000;
  const maxHeapMb = options.maxHeapMb ?? 1024;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function retire(slot: Slot, error: Error): void {
    if (!slots.delete(slot)) return;
    clearTimeout(slot.idleTimer);
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      options.onWorkerError?.(error);
      job.reject(new FileBuildError(`the file worker stopped while building ${job.request.name}: ${error.message}`));
    }
    pump();
  }

  function spawn(): Slot {
    const worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: maxHeapMb }, stdout: false, stderr: false });
    const slot: Slot = { worker };
    worker.on('message', (reply: JobReply) => {
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      slot.job = undefined;
      if (reply.ok) job.resolve(revive(reply.result));
      else job.reject(new FileBuildError(`${job.request.name} failed: ${reply.error}`));
      idle(slot);
      pump();
    });
    worker.on('error', (error) => retire(slot, error));
    worker.on('exit', (code) => retire(slot, new Error(`worker exited with code ${code}`)));
    slots.add(slot);
    return slot;
  }

  /** An idle worker does not keep the process alive, and ends after `idleMs`. */
  function idle(slot: Slot): void {
    slot.worker.unref();
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (slot.job) return;
      slots.delete(slot);
      void slot.worker.terminate();
    }, idleMs);
    slot.idleTimer.unref();
  }

  function pump(): void {
    while (queue.length > 0) {
      let slot = [...slots].find((s) => !s.job);
      if (!slot && slots.size < size) slot = spawn();
      if (!slot) return;
      const job = queue.shift() as Job;
      clearTimeout(slot.idleTimer);
      slot.worker.ref();
      slot.job = job;
      try {
        slot.worker.postMessage(job.request);
      } catch (error) {
        // The input could not be cloned (a function, a class with private state): this job's fault, not the worker's.
        slot.job = undefined;
        idle(slot);
        job.reject(new FileBuildError(`${job.request.name}: input cannot be sent to a worker: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
  }

  return {
    /** Builds a file in a worker: the builder's name and its arguments (plain data), its result back. */
    build<K extends BuilderName>(name: K, ...args: Parameters<Builders[K]>): Promise<BuildResult<K>> {
      if (closed) return Promise.reject(new FileBuildError('the file pool is closed'));
      if (queue.length >= maxQueued) return Promise.reject(new FileBuildError(`too many files waiting to be built (${queue.length})`));
      return new Promise<BuildResult<K>>((resolve, reject) => {
        queue.push({ request: { id: nextId++, name, args }, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    /** Workers running now (for tests and the bench). */
    workers: (): number => slots.size,
    /** Ends every worker; waiting and running jobs fail. */
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new FileBuildError('the file pool is closed'));
      const ending = [...slots].map((s) => s.worker.terminate());
      await Promise.all(ending);
    },
  };
}

export type FilePool = ReturnType<typeof createFilePool>;

let shared: FilePool | undefined;

/**
 * The process's file pool, made on first use (no worker starts until a file is built). The bot, the scheduler and
 * the command line share it. It needs no closing: an idle worker holds no process open and ends by itself, and a
 * build in flight at shutdown finishes first.
 */
export function filePool(): FilePool {
  shared ??= createFilePool();
  return shared;
}
