import { writeFile } from 'node:fs/promises';
import { cliScope } from './scope.js';
import type { Deadline } from '../domain/deadline.js';
import type { UnverifiedInTotals } from '../domain/verification.js';
import { parsePeriod } from '../domain/periods.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { weekOf } from '../domain/weeks.js';
import { CLI } from '../messages/cli.js';
import { periodErrorMessage } from '../messages/rekap.js';
import { reportsCsv } from '../rekap/csv.js';
import { exportRekap } from '../rekap/service.js';
import { createReadSide } from '../queries/read-side.js';
import { rekapLines } from '../queries/lines.js';
import type { Store } from '../store/store.js';

const OPERATOR = { telegramId: null, name: CLI.operatorName };

/** Plain text of a chat message, for the terminal. */
const plain = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * `export xlsx|csv <scope> [period] --out FILE`: the rekap workbook, or the reports as the import CSV. The scope is a
 * code (`19`, `19.71`) or `nasional`; the period as in chat (`2026-W48`, `2026-W40..2026-W48`, `2026`).
 */
export async function runExport(
  args: string[],
  deps: { store: Store; regions: RegionDirectory; now: Date; out: (s: string) => void; deadline: Deadline; usage: string; unverified?: UnverifiedInTotals },
): Promise<number> {
  const outIndex = args.indexOf('--out');
  const file = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const rest = outIndex >= 0 ? [...args.slice(0, outIndex), ...args.slice(outIndex + 2)] : args;
  const [format, scopeText, ...periodWords] = rest;
  if ((format !== 'xlsx' && format !== 'csv') || scopeText === undefined || file === undefined) {
    deps.out(deps.usage);
    return 2;
  }
  const scope = cliScope(deps.regions, scopeText);
  if (!scope) {
    deps.out(CLI.unknownScope(scopeText));
    return 2;
  }
  const period = parsePeriod(periodWords.join(' '), weekOf(deps.now, 'Asia/Jayapura'));
  if (!period.ok) {
    deps.out(plain(periodErrorMessage(period.error).text));
    return 2;
  }
  if (format === 'csv') {
    const readSide = createReadSide({ store: deps.store, regions: deps.regions, deadline: deps.deadline, unverified: deps.unverified ?? 'count' });
    const { csv, rows } = await reportsCsv(deps.store, readSide.unitsOf(scope), period.value);
    await writeFile(file, csv);
    await deps.store.audit.record({ at: deps.now, actor: OPERATOR, action: 'rekap.export', scope: scope === 'national' ? 'national' : scope.code, details: { format: 'csv', periodFrom: period.value.from, periodTo: period.value.to, via: 'cli' } });
    deps.out(CLI.exported(file, rows));
    return 0;
  }
  const readSide = createReadSide({ store: deps.store, regions: deps.regions, deadline: deps.deadline, unverified: deps.unverified ?? 'count' });
  const made = await exportRekap({ store: deps.store, readSide, regions: deps.regions }, scope, period.value, OPERATOR, deps.now, 'cli');
  await writeFile(file, made.bytes);
  deps.out(CLI.exported(file, rekapLines(made.rekap).rows.length));
  return 0;
}
