import { writeFile } from 'node:fs/promises';
import { PERSON_TEXT, CLI } from '../messages/cli.js';
import { createNodeFileLayer } from '../store/file-layer.js';
import { exportPerson, removePerson } from '../store/person-data.js';
import type { Store } from '../store/store.js';

interface Deps {
  dataDir: string;
  fsync: boolean;
  now: Date;
  out: (s: string) => void;
  withLock: (dataDir: string, out: (s: string) => void, body: () => Promise<number>) => Promise<number>;
  withStore: (where: { dataDir: string; fsync: boolean }, now: Date, out: (s: string) => void, body: (store: Store) => Promise<number>) => Promise<number>;
}

/**
 * person-export / person-remove: an admin answers a request about one person's data (UU 27/2022). Export writes
 * every record about the person to a file readable by its owner only; removal pseudonymises them (see
 * store/person-data.ts) with the bot stopped, then says so in the audit trail.
 */
export async function runPersonCommand(command: 'person-export' | 'person-remove', args: string[], d: Deps): Promise<number> {
  const [idText, ...flags] = args;
  if (!/^\d+$/.test(idText ?? '')) {
    d.out(PERSON_TEXT.usage);
    return 2;
  }
  const id = Number(idText);
  if (command === 'person-export') {
    const at = flags.indexOf('--out');
    const file = at >= 0 ? flags[at + 1] : undefined;
    if (file === undefined || flags.length !== 2) {
      d.out(PERSON_TEXT.usage);
      return 2;
    }
    return d.withLock(d.dataDir, d.out, async () => {
      const data = await exportPerson(d.dataDir, id, d.now);
      await writeFile(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      const records = Object.values(data.records).reduce((n, list) => n + list.length, 0);
      d.out(PERSON_TEXT.exported(id, file, records, Object.keys(data.records).length));
      return 0;
    });
  }
  if (flags.length !== 1 || flags[0] !== '--yakin') {
    d.out(flags.length === 0 ? PERSON_TEXT.confirm(id) : CLI.unknownOptions(flags, PERSON_TEXT.usage));
    return 2;
  }
  let outcome: Awaited<ReturnType<typeof removePerson>> | undefined;
  const locked = await d.withLock(d.dataDir, d.out, async () => {
    outcome = await removePerson(d.dataDir, id, d.now, createNodeFileLayer({ fsync: d.fsync }));
    return 0;
  });
  if (locked !== 0 || !outcome) return locked;
  const done = outcome;
  if (done.files.length === 0) {
    d.out(PERSON_TEXT.nothing(id));
    return 0;
  }
  // Recorded after the rewrite, with the store open again: the trail says what was done and under which name.
  return d.withStore({ dataDir: d.dataDir, fsync: d.fsync }, d.now, d.out, async (store) => {
    await store.audit.record({ at: d.now, actor: { telegramId: null, name: CLI.operatorName }, action: 'person.pseudonymise', details: { target: done.pseudonym, files: done.files.length } });
    d.out(PERSON_TEXT.removed(id, done.pseudonym, done.files.length, done.sessions));
    return 0;
  });
}
