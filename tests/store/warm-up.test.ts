import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportsRepo } from '../../src/store/reports-repo.js';
import { warmUpReports } from '../../src/store/warm-up.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-warm-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BY = { telegramId: 1, name: 'Rina' };
const AT = new Date('2026-11-24T03:00:00Z');
let tick = 0;
const counter = (): number => tick++;

async function seeded() {
  const reports = await createReportsRepo(dir, { maxOpenFiles: 100 });
  for (const [unitCode, week] of [['19.71', '2026-W47'], ['19.71', '2025-W52'], ['19.01', '2026-W47'], ['19', '2024-W10']] as const) {
    await reports.save({ unitCode, week, figures: { active_pu: 100 }, by: BY, source: 'chat', at: AT });
  }
  await reports.close();
}

describe('the warm-up after the first poll (issue 21)', () => {
  it('reads this and last year’s file of every unit that has one, one at a time, and reads them right', async () => {
    await seeded();
    const reports = await createReportsRepo(dir, { maxOpenFiles: 100 });
    const warmed: string[] = [];
    const result = await warmUpReports(
      { warm: async (code, year) => { const ok = await reports.warm(code, year); if (ok) warmed.push(`${year}/${code}`); return ok; } },
      ['19', '19.01', '19.71'],
      [2026, 2025],
      counter,
    ).done;
    expect(result.files).toBe(3);
    expect(result.stopped).toBe(false);
    expect(warmed).toEqual(['2026/19.01', '2026/19.71', '2025/19.71']);
    expect((await reports.get('19.71', '2026-W47'))?.latest.figures).toEqual({ active_pu: 100 });
    expect((await reports.latest('19.71', '2026-W01'))?.week).toBe('2025-W52');
    await reports.close();
  });

  it('passes over a file that does not read (it fails only the answers that need it) and stops when asked', async () => {
    await seeded();
    await writeFile(join(dir, 'reports', '2026', '19.01.jsonl'), 'not json\n{"week":"2026-W47"}\n');
    const reports = await createReportsRepo(dir, { maxOpenFiles: 100 });
    const result = await warmUpReports(reports, ['19.01', '19.71'], [2026, 2025], counter).done;
    expect(result.files).toBe(2);
    await expect(reports.get('19.01', '2026-W47')).rejects.toThrow();

    const stopped = warmUpReports(reports, ['19.01', '19.71'], [2026, 2025], counter);
    const end = await stopped.stop();
    expect(end.stopped).toBe(true);
    expect(end.files).toBe(0);
    await reports.close();
  });
});
