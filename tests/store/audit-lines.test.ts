import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditRepo } from '../../src/store/audit-repo.js';
import { backupDataDir, backupLengths, restoreBackup } from '../../src/store/backup.js';
import { checkDataFiles } from '../../src/store/check.js';
import type { AuditEntry } from '../../src/store/schema.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-audit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (i: number): AuditEntry => ({ at: `2026-11-24T03:00:${String(i).padStart(2, '0')}.000Z`, actor: { telegramId: 1, name: 'Rina' }, action: 'holiday.add', details: { date: '2026-12-31', name: `Hari ${i}` } });

describe('the append-only audit trail (issue 11)', () => {
  it('appends one line per entry and never rewrites a line', async () => {
    const audit = await createAuditRepo(dir);
    await audit.append(entry(1));
    const before = await readFile(join(dir, 'audit', '2026-11-24.jsonl'), 'utf8');
    await audit.append(entry(2));
    const after = await readFile(join(dir, 'audit', '2026-11-24.jsonl'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.split('\n').filter(Boolean)).toHaveLength(2);
    expect((await audit.recent(10)).map((e) => e.details?.name)).toEqual(['Hari 2', 'Hari 1']);
  });

  it('sets a torn last line aside at start-up with a log line, keeps every earlier line, and appends after it', async () => {
    await mkdir(join(dir, 'audit'), { recursive: true });
    const path = join(dir, 'audit', '2026-11-24.jsonl');
    await writeFile(path, `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n{"at":"2026-11-24T03:00:03.000Z","act`);
    const logs: string[] = [];
    const audit = await createAuditRepo(dir, { log: (message) => logs.push(message) });
    expect(logs).toEqual(['torn audit line set aside']);
    expect((await audit.recent(10)).map((e) => e.details?.name)).toEqual(['Hari 2', 'Hari 1']);
    const aside = await readdir(join(dir, 'audit', 'torn'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, 'audit', 'torn', aside[0] ?? ''), 'utf8')).toBe('{"at":"2026-11-24T03:00:03.000Z","act');
    await audit.append(entry(4));
    expect((await readFile(path, 'utf8')).split('\n').filter(Boolean).map((l) => (JSON.parse(l) as AuditEntry).details?.name)).toEqual(['Hari 1', 'Hari 2', 'Hari 4']);
    expect((await checkDataFiles(dir)).problems).toEqual([]);
  });

  it('still reads days written by earlier versions as one JSON document, and check names a broken line', async () => {
    await mkdir(join(dir, 'audit'), { recursive: true });
    await writeFile(join(dir, 'audit', '2026-11-23.json'), JSON.stringify({ entries: [{ ...entry(1), at: '2026-11-23T03:00:01.000Z' }] }));
    const audit = await createAuditRepo(dir);
    await audit.append(entry(2));
    expect((await audit.recent(10)).map((e) => e.details?.name)).toEqual(['Hari 2', 'Hari 1']);
    await appendFile(join(dir, 'audit', '2026-11-24.jsonl'), '{"not":"an entry"}\n');
    await audit.append(entry(3));
    const check = await checkDataFiles(dir);
    expect(check.problems.map((p) => p.file)).toEqual([join(dir, 'audit', '2026-11-24.jsonl')]);
  });

  it('keeps in a backup the trail as it was when taken, though the day is appended to afterwards; a restore gives exactly that', async () => {
    const audit = await createAuditRepo(dir);
    await audit.append(entry(1));
    const taken = await backupDataDir(dir, new Date('2026-11-24T03:10:00Z'), 3);
    await audit.append(entry(2));
    await audit.close();
    await restoreBackup(dir, taken.split('/').pop() ?? '', new Date('2026-11-24T03:20:00Z'));
    const restored = await readFile(join(dir, 'audit', '2026-11-24.jsonl'), 'utf8');
    expect(restored.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as AuditEntry).details?.name)).toEqual(['Hari 1']);
    // The backup still holds its first line only, and is not changed by later appends to the restored file.
    const again = await createAuditRepo(dir);
    await again.append(entry(3));
    await again.close();
    expect((await checkDataFiles(taken, await backupLengths(taken))).problems).toEqual([]);
  });
});
