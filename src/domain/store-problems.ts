/**
 * What can stop the data store, as plain data: the store raises it (store/errors.ts), messages/store.ts words it for
 * the operator.
 */
export type FileProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'not_json'; detail: string }
  | { kind: 'schema'; where: string; detail: string }
  | { kind: 'unknown_file' }
  /**
   * An append-only file whose tail (or whole content) is NUL bytes: a file system's answer to a crash before the data
   * reached the disk. Those lines are gone; the next start sets the bytes aside and reads on without them.
   */
  | { kind: 'zeroed'; bytes: number; whole: boolean };

export interface LockHolder {
  pid?: number | undefined;
  host?: string | undefined;
  /** alive: the owner runs on this machine; fresh: its lock was touched recently; same_process: a second store here. */
  why: 'same_process' | 'alive' | 'fresh';
  ageMs: number;
  staleAfterMs: number;
}

export type StoreProblem =
  | { kind: 'corrupt'; file: string; problem: FileProblem }
  | { kind: 'locked'; dir: string; holder: LockHolder }
  | { kind: 'disk_full'; dir: string }
  | { kind: 'newer_schema'; stored: number; current: number }
  | { kind: 'migration_gap'; from: number };

