import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { audienceUnits } from '../domain/audience.js';
import type { ReadSide } from '../queries/read-side.js';
import type { Offset } from '../domain/durations.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { weekOf } from '../domain/weeks.js';
import type { Logger } from '../logger.js';
import { PACK_TEXT } from '../messages/pack.js';
import type { Outbox } from '../outbox/outbox.js';
import { makePack, packHasData } from '../rekap/pack.js';
import type { FilePart, Meeting } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { unitChats } from '../queries/recipients.js';

const DAY_MS = 86_400_000;
const FILES_DIR = 'outbox-files';
/** A session's pack files are removed this long after it started (the pack can always be made again with /paparan). */
const KEEP_FILES_MS = 8 * 7 * DAY_MS;

/** The reminder offset the pack goes with: one day, or the configured offset nearest to it. */
export function packOffset(offsets: readonly Offset[]): Offset | undefined {
  return [...offsets].sort((a, b) => Math.abs(a.ms - DAY_MS) - Math.abs(b.ms - DAY_MS) || b.ms - a.ms)[0];
}

/** The provinces whose coordinators a session's pack goes to: every province with a unit in its audience. */
export function packProvinces(m: Meeting, regions: RegionDirectory): Unit[] {
  const codes = new Set(audienceUnits(m.audience, m.scope, regions).map((u) => u.provinceCode));
  return regions.provinces.filter((p) => codes.has(p.code));
}

/**
 * With the organiser's readiness note the day before a monitoring session (the reminder offset nearest one day), each
 * province coordinator of the session's audience gets their province's pack: the narrative, the deck and the brief,
 * through the outbox. The item's id names the session and the province, so it goes once, also after a restart; the
 * files are written under the data folder before the item is queued. A session moved to a later day does not send a
 * second pack: the coordinators already have one, and /paparan makes a fresh one.
 */
export function packJob(o: {
  store: Store;
  regions: RegionDirectory;
  outbox: Outbox;
  offsets: readonly Offset[];
  readSide: ReadSide;
  dataDir: string;
  logger: Logger;
}) {
  const offset = packOffset(o.offsets);
  return async (now: Date): Promise<void> => {
    if (!offset) return;
    for (const m of o.store.meetings.all()) {
      const start = Date.parse(m.startsAt);
      if (m.status !== 'scheduled' || now.getTime() >= start || now.getTime() < start - offset.ms) continue;
      for (const province of packProvinces(m, o.regions)) {
        const id = `pack-${m.id}-${province.code}`;
        if (o.store.outbox.has(id)) continue;
        const recipients = unitChats(o.store, province.code, ['coordinator']);
        if (recipients.length === 0) continue;
        const pack = await makePack({ store: o.store, readSide: o.readSide, regions: o.regions }, province, weekOf(now, province.zone.iana), now, m);
        const session = pack.input.session ?? { title: m.title, startsAt: m.startsAt, zone: m.zone, place: m.place };
        const parts: FilePart[] = [{ kind: 'html', text: PACK_TEXT.beforeSession(pack.input, session).text }];
        if (packHasData(pack.input)) {
          const folder = join(FILES_DIR, `pack-${m.id}`);
          await mkdir(join(o.dataDir, folder), { recursive: true });
          await writeFile(join(o.dataDir, folder, pack.deck.filename), pack.deck.bytes);
          await writeFile(join(o.dataDir, folder, pack.brief.filename), pack.brief.png);
          parts.push(
            { kind: 'html', text: PACK_TEXT.intro(pack.input, pack.sentences).text },
            { kind: 'document', path: `${folder}/${pack.deck.filename}`, filename: pack.deck.filename, caption: PACK_TEXT.deckCaption(pack.input).text },
            { kind: 'photo', path: `${folder}/${pack.brief.filename}`, filename: pack.brief.filename, caption: PACK_TEXT.briefCaption(pack.input).text },
          );
        } else {
          parts.push({ kind: 'html', text: PACK_TEXT.noData(pack.input.scope.name).text });
        }
        await o.outbox.enqueue({
          id,
          kind: 'pack',
          title: PACK_TEXT.packTitle(province.name, m.title),
          bodies: { default: { format: 'files', parts } },
          recipients: recipients.map((chatId) => ({ chatId, variant: 'default' })),
          expiresAt: new Date(start),
        });
        o.logger.info('session pack queued', { meeting: m.id, scope: province.code, recipients: recipients.length });
      }
    }
    await pruneFiles(o.store, o.dataDir, now);
  };
}

/** Removes the pack folders of sessions long past (or deleted). */
async function pruneFiles(store: Store, dataDir: string, now: Date): Promise<void> {
  const names = await readdir(join(dataDir, FILES_DIR)).catch(() => [] as string[]);
  for (const name of names) {
    const id = /^pack-([0-9a-f]{8})$/.exec(name)?.[1];
    if (!id) continue;
    const m = store.meetings.get(id);
    if (!m || now.getTime() - Date.parse(m.startsAt) > KEEP_FILES_MS) await rm(join(dataDir, FILES_DIR, name), { recursive: true, force: true });
  }
}
