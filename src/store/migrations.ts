import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreCorruptError, StoreError } from './errors.js';
import { ReportFileSchema } from './schema.js';

/** One step of the stored layout, from `from` to `from + 1`. Runs after a backup; must be safe to re-run. */
export interface Migration {
  from: number;
  describe: string;
  run(dir: string): Promise<void>;
}

/**
 * 1 -> 2: report files become append-only. reports/<year>/<code>.json (one JSON document, rewritten by every save)
 * turns into reports/<year>/<code>.jsonl, one line per revision and per decision, in the order they were made. Each
 * new file is written beside the old one and renamed into place before the old one is removed, so the step can be
 * run again after a crash.
 */
const appendOnlyReports: Migration = {
  from: 1,
  describe: 'report files become append-only (.json -> .jsonl)',
  async run(dir: string): Promise<void> {
    const root = join(dir, 'reports');
    const years = await readdir(root).catch(() => [] as string[]);
    for (const year of years.filter((y) => /^\d{4}$/.test(y))) {
      for (const name of await readdir(join(root, year))) {
        if (!/^\d{2}(?:\.\d{2})?\.json$/.test(name)) continue;
        const path = join(root, year, name);
        let parsed: unknown;
        try {
          parsed = JSON.parse(await readFile(path, 'utf8'));
        } catch (e) {
          throw new StoreCorruptError(path, { kind: 'not_json', detail: (e as Error).message });
        }
        const checked = ReportFileSchema.safeParse(parsed);
        if (!checked.success) throw new StoreCorruptError(path, { kind: 'schema', where: '/', detail: checked.error.issues[0]?.message ?? '' });
        const lines: string[] = [];
        for (const r of checked.data.reports) {
          for (const rev of r.revisions) lines.push(JSON.stringify({ week: r.week, ...rev }));
          if (r.verification) lines.push(JSON.stringify({ week: r.week, decision: r.verification }));
        }
        const target = path.replace(/\.json$/, '.jsonl');
        await writeFile(`${target}.tmp`, lines.length > 0 ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
        await rename(`${target}.tmp`, target);
        await rm(path);
      }
    }
  },
};

/** Every step, oldest first. Add one here with every SCHEMA_VERSION bump. */
export const MIGRATIONS: readonly Migration[] = [appendOnlyReports];

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
