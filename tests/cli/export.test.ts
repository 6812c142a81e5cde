import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export.js';
import { importReports } from '../../src/cli/import-reports.js';
import { parseDeadline } from '../../src/domain/deadline.js';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { weeksOf } from '../../src/domain/periods.js';
import { createStore, type Store } from '../../src/store/store.js';
import { seedBabel } from '../helpers/rekap-seed.js';
import { officialRegions } from '../helpers/regions.js';

const NOW = new Date('2026-11-27T05:00:00Z');
const deadline = (() => {
  const d = parseDeadline('Jumat 17:00');
  if (!d.ok) throw new Error('deadline');
  return d.value;
})();

let regions: RegionDirectory;
let dir: string;
const opened: Store[] = [];
beforeAll(async () => {
  regions = await officialRegions();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-export-'));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

const open = async (name: string): Promise<Store> => {
  const s = await createStore(join(dir, name), { clock: () => NOW });
  opened.push(s);
  return s;
};

describe('npm run cli -- export (issue 10)', () => {
  it('exports the reports as the import CSV, and importing it into an empty data folder gives the same reports', async () => {
    const source = await open('a');
    await seedBabel(source, '2026-W48', 6, { skip: ['19.06'] });
    const lines: string[] = [];
    const file = join(dir, 'babel.csv');
    const code = await runExport(['csv', '19', '2026-W43..2026-W48', '--out', file], { store: source, regions, now: NOW, out: (s) => lines.push(s), deadline, usage: 'usage' });
    expect(code).toBe(0);
    // 7 kab/kota x 6 weeks, one left out of the last week, and the province's own report.
    expect(lines.join('\n')).toContain('(42 baris data)');

    const target = await open('b');
    const imported = await importReports(await readFile(file, 'utf8'), { store: target, regions, now: NOW, actor: { telegramId: null, name: 'Operator' }, fileName: 'babel.csv', acceptWarnings: true });
    expect(imported.ok && imported.lines.every((l) => l.outcome === 'saved')).toBe(true);
    for (const unit of [regions.get('19'), ...regions.regenciesOf('19')]) {
      for (const week of weeksOf({ from: '2026-W43', to: '2026-W48', kind: 'range' })) {
        const a = await source.reports.get(unit?.code ?? '', week);
        const b = await target.reports.get(unit?.code ?? '', week);
        expect(b?.latest.figures, `${unit?.code} ${week}`).toEqual(a?.latest.figures);
      }
    }
  });

  it('exports the XLSX rekap, and refuses an unknown scope or period with a clear line', async () => {
    const store = await open('a');
    await seedBabel(store, '2026-W48', 2);
    const lines: string[] = [];
    const out = (s: string): void => {
      lines.push(s);
    };
    const file = join(dir, 'nasional.xlsx');
    expect(await runExport(['xlsx', 'nasional', '2026-W48', '--out', file], { store, regions, now: NOW, out, deadline, usage: 'usage' })).toBe(0);
    const sheets = await readXlsxFile(await readFile(file));
    // One row per province, and the national total.
    expect(sheets[0]?.data).toHaveLength(2 + 1 + 38 + 1);
    expect(await runExport(['xlsx', 'Atlantis', '--out', file], { store, regions, now: NOW, out, deadline, usage: 'usage' })).toBe(2);
    expect(await runExport(['xlsx', '19', 'minggu 60', '--out', file], { store, regions, now: NOW, out, deadline, usage: 'usage' })).toBe(2);
    expect(lines.join('\n')).toContain('Wilayah “Atlantis” tidak dikenal');
    expect(lines.join('\n')).toContain('minggu “minggu 60” tidak ada dalam kalender');
  });
});
