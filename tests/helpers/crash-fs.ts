import { basename, dirname, join, relative, sep } from 'node:path';
import type { AppendHandle, DirEntry, FileLayer } from '../../src/store/file-layer.js';

/**
 * A file system for crash tests, in the manner of SQLite's: every file keeps the bytes written apart from the bytes
 * synced, and every folder its names apart from the names synced (POSIX promises a new, renamed or removed name only
 * after the folder's fsync). Each write, sync, rename, link, mkdir, truncate and removal is a numbered point; with
 * `cutAt` the power goes off at that point (it and everything after it fail) and `afterPowerCut` gives the file
 * system a restart finds:
 * - 'drop': only what was synced;
 * - 'torn': as 'drop', but the file being written when the power went has what was written to it before and the
 *   first half of the write cut short (the disk wrote some sectors: a line torn mid-way);
 * - 'kept': everything written, synced or not (a process killed, the machine still up).
 */
interface FileNode {
  kind: 'file';
  data: Buffer;
  synced: Buffer;
}
interface DirNode {
  kind: 'dir';
  entries: Map<string, Node>;
  synced: Map<string, Node>;
}
type Node = FileNode | DirNode;

export type CutMode = 'drop' | 'torn' | 'kept';

export class PowerCut extends Error {
  override name = 'PowerCut';
  constructor(readonly point: number) {
    super(`power cut at point ${point}`);
  }
}

/** Each call yields once, as a real file system call does: other work may run in between. */
const tick = (): Promise<void> => Promise.resolve();

const errno = (code: string, path: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: ${path}`), { code, path });

export interface CrashFs extends FileLayer {
  /** Mutating calls made so far (the points a cut can fall on). */
  readonly points: number;
  /** Where the power went, and the last write's file and bytes if the cut fell on one. */
  readonly cut: { point: number; op: string; path: string } | undefined;
  /** Counts points only from now (setting up the scenario is not under test). */
  arm(cutAt?: number): void;
  /** The file system a restart finds, under another root (the store's lock lives on the real disk at that path). */
  afterPowerCut(mode: CutMode, newRoot: string): CrashFs;
  /** Every file under the root with its bytes as a restart would read them, for the assertions' messages. */
  list(): string[];
}

export function createCrashFs(root: string, options: { fsync: boolean; tree?: DirNode }): CrashFs {
  const top: DirNode = options.tree ?? { kind: 'dir', entries: new Map(), synced: new Map() };
  let points = 0;
  let armed = false;
  let cutAt: number | undefined;
  let cut: { point: number; op: string; path: string; torn?: { node: FileNode; bytes: Buffer } } | undefined;

  const parts = (path: string): string[] => {
    const rel = relative(root, path);
    if (rel.startsWith('..')) throw errno('EACCES', path);
    return rel === '' ? [] : rel.split(sep);
  };
  const lookup = (path: string): Node | undefined => {
    let at: Node = top;
    for (const p of parts(path)) {
      if (at.kind !== 'dir') return undefined;
      const next = at.entries.get(p);
      if (!next) return undefined;
      at = next;
    }
    return at;
  };
  const dirAt = (path: string): DirNode => {
    const n = lookup(path);
    if (!n) throw errno('ENOENT', path);
    if (n.kind !== 'dir') throw errno('ENOTDIR', path);
    return n;
  };
  const fileAt = (path: string): FileNode => {
    const n = lookup(path);
    if (!n) throw errno('ENOENT', path);
    if (n.kind !== 'file') throw errno('EISDIR', path);
    return n;
  };

  /** One mutating call: counted, and refused once the power is off. `torn` says what half of it would reach the disk. */
  function point(op: string, path: string, torn?: { node: FileNode; bytes: Buffer }): void {
    if (cut) throw new PowerCut(cut.point);
    if (!armed) return;
    points++;
    if (cutAt !== undefined && points >= cutAt) {
      cut = { point: points, op, path, ...(torn ? { torn } : {}) };
      throw new PowerCut(points);
    }
  }

  const newFile = (data: Buffer = Buffer.alloc(0)): FileNode => ({ kind: 'file', data, synced: Buffer.alloc(0) });

  function createFileAt(path: string): FileNode {
    const parent = dirAt(dirname(path));
    const node = newFile();
    parent.entries.set(basename(path), node);
    return node;
  }

  const layer: CrashFs = {
    fsync: options.fsync,
    get points() {
      return points;
    },
    get cut() {
      return cut ? { point: cut.point, op: cut.op, path: cut.path } : undefined;
    },
    arm(at?: number) {
      armed = true;
      points = 0;
      cutAt = at;
    },
    async readFile(path) {
      await tick();
      if (cut) throw new PowerCut(cut.point);
      return Buffer.from(fileAt(path).data);
    },
    async openAppend(path) {
      await tick();
      const existing = lookup(path);
      if (existing?.kind === 'dir') throw errno('EISDIR', path);
      let node = existing;
      if (!node) {
        point('create', path);
        node = createFileAt(path);
      }
      const file = node;
      const handle: AppendHandle = {
        async write(data) {
          await tick();
          const bytes = Buffer.from(data);
          point('append', path, { node: file, bytes });
          file.data = Buffer.concat([file.data, bytes]);
          return bytes.length;
        },
        async datasync() {
          await tick();
          point('datasync', path);
          file.synced = Buffer.from(file.data);
        },
        async close() {
          // Closing writes nothing.
        },
      };
      return handle;
    },
    async writeFile(path, data, o = {}) {
      await tick();
      const existing = lookup(path);
      if (existing && o.exclusive) throw errno('EEXIST', path);
      if (existing?.kind === 'dir') throw errno('EISDIR', path);
      const bytes = Buffer.from(data);
      let node = existing;
      if (!node) {
        point('create', path);
        node = createFileAt(path);
      }
      point('write', path, { node, bytes });
      node.data = bytes;
    },
    async syncFile(path) {
      await tick();
      const node = fileAt(path);
      point('fsync', path);
      node.synced = Buffer.from(node.data);
    },
    async syncDir(path) {
      await tick();
      const node = dirAt(path);
      point('fsync-dir', path);
      node.synced = new Map(node.entries);
    },
    async rename(from, to) {
      await tick();
      const node = lookup(from);
      if (!node) throw errno('ENOENT', from);
      const target = lookup(to);
      if (target?.kind === 'dir' && node.kind === 'dir' && target.entries.size > 0) throw errno('ENOTEMPTY', to);
      const toParent = dirAt(dirname(to));
      point('rename', `${from} -> ${to}`);
      dirAt(dirname(from)).entries.delete(basename(from));
      toParent.entries.set(basename(to), node);
    },
    async mkdir(path) {
      await tick();
      let at: DirNode = top;
      let first: string | undefined;
      let walked = root;
      for (const p of parts(path)) {
        walked = join(walked, p);
        const next = at.entries.get(p);
        if (next?.kind === 'file') throw errno('EEXIST', walked);
        if (next) {
          at = next;
          continue;
        }
        point('mkdir', walked);
        const dir: DirNode = { kind: 'dir', entries: new Map(), synced: new Map() };
        at.entries.set(p, dir);
        first ??= walked;
        at = dir;
      }
      return first;
    },
    async readdir(path): Promise<DirEntry[]> {
      await tick();
      if (cut) throw new PowerCut(cut.point);
      return [...dirAt(path).entries].map(([name, node]) => ({ name, isDirectory: () => node.kind === 'dir', isFile: () => node.kind === 'file' }));
    },
    async truncate(path, length) {
      await tick();
      const node = fileAt(path);
      point('truncate', path);
      node.data = node.data.subarray(0, length);
    },
    async rm(path, o = {}) {
      await tick();
      const node = lookup(path);
      if (!node) {
        if (o.force) return;
        throw errno('ENOENT', path);
      }
      if (node.kind === 'dir' && node.entries.size > 0 && !o.recursive) throw errno('ENOTEMPTY', path);
      point('rm', path);
      dirAt(dirname(path)).entries.delete(basename(path));
    },
    linkSync(from, to) {
      const node = fileAt(from);
      if (lookup(to)) throw errno('EEXIST', to);
      const parent = dirAt(dirname(to));
      point('link', to);
      parent.entries.set(basename(to), node);
    },
    copyFileSync(from, to) {
      const node = fileAt(from);
      const parent = dirAt(dirname(to));
      point('copy', to);
      parent.entries.set(basename(to), newFile(Buffer.from(node.data)));
    },
    sizeSync(path) {
      return fileAt(path).data.length;
    },
    afterPowerCut(mode, newRoot) {
      const files = new Map<FileNode, FileNode>();
      const copyDir = (dir: DirNode): DirNode => {
        const names = mode === 'kept' ? dir.entries : dir.synced;
        const out: DirNode = { kind: 'dir', entries: new Map(), synced: new Map() };
        for (const [name, node] of names) {
          let copy: Node;
          if (node.kind === 'dir') copy = copyDir(node);
          else {
            let f = files.get(node);
            if (!f) {
              let data = mode === 'kept' ? node.data : node.synced;
              // The write the power cut short reached the disk in part: what was written before it (unsynced), and half of it.
              if (mode === 'torn' && cut?.torn?.node === node) {
                const half = cut.torn.bytes.subarray(0, Math.max(1, Math.floor(cut.torn.bytes.length / 2)));
                data = Buffer.concat([cut.op === 'write' ? Buffer.alloc(0) : node.data, half]);
              }
              f = { kind: 'file', data: Buffer.from(data), synced: Buffer.from(data) };
              files.set(node, f);
            }
            copy = f;
          }
          out.entries.set(name, copy);
          out.synced.set(name, copy);
        }
        return out;
      };
      return createCrashFs(newRoot, { fsync: options.fsync, tree: copyDir(top) });
    },
    list() {
      const out: string[] = [];
      const walk = (dir: DirNode, at: string): void => {
        for (const [name, node] of [...dir.entries].sort(([a], [b]) => a.localeCompare(b))) {
          const path = at === '' ? name : `${at}/${name}`;
          if (node.kind === 'dir') walk(node, path);
          else out.push(`${path} (${node.data.length} bytes)`);
        }
      };
      walk(top, '');
      return out;
    },
  };
  return layer;
}
