import { StoreError } from './errors.js';

/** One step of the stored layout, from `from` to `from + 1`. Runs after a backup; must be safe to re-run. */
export interface Migration {
  from: number;
  describe: string;
  run(dir: string): Promise<void>;
}

/** Schema version 1 is the first layout: no step yet. Add one here with every SCHEMA_VERSION bump. */
export const MIGRATIONS: readonly Migration[] = [];

/** Plans the steps from `stored` to `current`, refusing data written by a newer version or a gap in the steps. */
export function planMigrations(stored: number, current: number, migrations: readonly Migration[]): Migration[] {
  if (stored > current) {
    throw new StoreError({ kind: 'newer_schema', stored, current });
  }
  const plan: Migration[] = [];
  for (let v = stored; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new StoreError({ kind: 'migration_gap', from: v });
    plan.push(step);
  }
  return plan;
}
