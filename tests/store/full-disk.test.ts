import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { StoreDiskFullError } from '../../src/store/errors.js';
import { storeErrorText } from '../../src/messages/store.js';
import { backupLengths } from '../../src/store/backup.js';
import { createStore } from '../../src/store/store.js';
import { officialRegions } from '../helpers/regions.js';

/** A small file system of its own (tmpfs), so a test can fill it: needs root, as CI and the dev machines have. */
let mountPoint = '';
let mounted = false;
beforeAll(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), 'ucbot-fulldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});
afterAll(async () => {
  if (mounted) execFileSync('umount', [mountPoint]);
  await rm(mountPoint, { recursive: true, force: true });
});

/** Fills the file system, leaving about `leave` bytes: none at all, or room for a lock but not for copies. */
const fill = async (leave = 0): Promise<void> => {
  const { bavail, bsize } = await statfs(mountPoint);
  await writeFile(join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - leave))).catch(() => undefined);
  if (leave > 0) return;
  for (let i = 0; i < 10_000; i++) {
    try {
      await writeFile(join(mountPoint, `f${i}`), Buffer.alloc(4096));
    } catch {
      break;
    }
  }
};
const unfill = async (): Promise<void> => {
  for (const name of await readdir(mountPoint)) if (name === 'filler' || /^f\d+$/.test(name)) await rm(join(mountPoint, name));
};

const configFor = (dataDir: string) => {
  const parsed = parseConfig({ BOT_TOKEN: '424242:TEST-token-for-the-stand-in-only', TELEGRAM_API_ROOT: 'http://127.0.0.1:9', DATA_DIR: dataDir, BACKUP_KEEP: '3' });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('a full disk at start-up', () => {
  it('says in one Indonesian line which folder is full and what to do (issue 14.4)', async (t) => {
    if (!mounted) return t.skip('cannot mount a tmpfs here (not root)');
    const dataDir = join(mountPoint, 'data-a');
    await mkdir(dataDir);
    await fill();
    try {
      const error = await startApp(configFor(dataDir), { logger: createLogger('error', { write: () => undefined }), regions: await officialRegions() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreDiskFullError);
      const message = storeErrorText((error as StoreDiskFullError).problem);
      expect(message).toContain(`Ruang disk untuk folder data ${dataDir} sudah penuh`);
      expect(message).toContain('Kosongkan ruang');
      expect(message).not.toContain('ENOSPC');
    } finally {
      await unfill();
    }
  });

  it('failed starts leave no partial backup, and the good backups survive (issue 14.3)', async (t) => {
    if (!mounted) return t.skip('cannot mount a tmpfs here (not root)');
    const dataDir = join(mountPoint, 'data-b');
    let at = new Date('2026-11-20T00:00:00Z');
    const clock = () => at;
    const store = await createStore(dataDir, { clock, backupKeep: 3 });
    await store.reports.save({ unitCode: '19.71', week: '2026-W47', figures: { active_pu: 5 }, by: { telegramId: 1, name: 'Uji' }, source: 'chat', at });
    for (let i = 0; i < 3; i++) {
      at = new Date(at.getTime() + 3600_000);
      await store.backup();
    }
    await store.close();
    const good = (await readdir(join(dataDir, 'backups'))).sort();
    expect(good).toHaveLength(3);
    // Room for the lock, not for a copy of the data: each start gets as far as its backup and fails there.
    await fill(8192);
    for (let i = 0; i < 8; i++) {
      at = new Date(at.getTime() + 60_000);
      await createStore(dataDir, { clock, backupKeep: 3 }).then(
        async (s) => {
          try {
            await s.backup();
          } finally {
            await s.close();
          }
        },
      ).catch(() => undefined);
    }
    await unfill();
    at = new Date(at.getTime() + 60_000);
    const last = await createStore(dataDir, { clock, backupKeep: 3 });
    await last.backup();
    await last.close();
    const after = (await readdir(join(dataDir, 'backups'))).sort();
    expect(after.filter((n) => n.startsWith('.'))).toEqual([]);
    expect(after).toHaveLength(3);
    expect(after[2]).toBe('2026-11-20T03-09-00Z');
    // Every backup kept is whole: rotation never counted a partial one against a good one.
    for (const name of after) {
      const lengths = await backupLengths(join(dataDir, 'backups', name));
      const report = (await readFile(join(dataDir, 'backups', name, 'reports', '2026', '19.71.jsonl'))).subarray(0, lengths['reports/2026/19.71.jsonl']);
      expect(report.toString('utf8').split('\n').filter(Boolean)).toHaveLength(1);
      expect(await readdir(join(dataDir, 'backups', name))).toEqual(expect.arrayContaining(['meta.json', 'reports', 'audit']));
    }
  });
});
