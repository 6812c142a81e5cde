/**
 * Why the store stopped start-up or an operation: a problem the operator must act on. The store names it as data
 * (messages/store.ts words it in Indonesian for the operator); `message` is a short English summary for logs.
 */
import type { FileProblem, LockHolder, StoreProblem } from '../domain/store-problems.js';

export type { FileProblem, LockHolder, StoreProblem } from '../domain/store-problems.js';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(readonly problem: StoreProblem) {
    super(`store: ${problem.kind}${'file' in problem ? ` ${problem.file}` : 'dir' in problem ? ` ${problem.dir}` : ''}`);
  }
}

export class StoreCorruptError extends StoreError {
  override name = 'StoreCorruptError';
  constructor(
    readonly file: string,
    problem: FileProblem,
  ) {
    super({ kind: 'corrupt', file, problem });
  }
}

export class StoreLockedError extends StoreError {
  override name = 'StoreLockedError';
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super({ kind: 'locked', dir, holder });
  }
}

/** A write failed for lack of space (or quota): say where and what to do, not "ENOSPC ... write". */
export class StoreDiskFullError extends StoreError {
  override name = 'StoreDiskFullError';
  constructor(readonly dir: string) {
    super({ kind: 'disk_full', dir });
  }
}

export const isDiskFull = (e: unknown): boolean => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
};
