import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { deadlineFor, type Deadline } from '../domain/deadline.js';
import type { RegionDirectory, Unit } from '../domain/regions/directory.js';
import { compareWeeks, shiftWeek, weekOf, type WeekKey } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import type { Logger } from '../logger.js';
import { chartCaptions, pushedRekapMessage, PUSH_TITLE, EXPORT_TEXT } from '../messages/rekap.js';
import type { Outbox } from '../outbox/outbox.js';
import { rekapLines } from '../queries/lines.js';
import type { ReadSide } from '../queries/read-side.js';
import type { ScopeReport } from '../queries/types.js';
import { exportRekap, scopeSlug } from '../rekap/service.js';
import type { FilePart } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { unitChats } from '../queries/recipients.js';
import { filePool } from '../workers/pool.js';

/** Files of pushed rekaps are kept this many weeks, then removed (the XLSX can always be made again with /ekspor). */
const KEEP_FILES_WEEKS = 8;
const FILES_DIR = 'outbox-files';
const PUSHER = { telegramId: null, name: 'UC Bot (rekap mingguan otomatis)' };
const MOVERS = 3;

type Scope = Unit | 'national';

/**
 * Who receives a scope's weekly rekap: its coordinators (a province's, or the national ones) and every group linked to
 * it (`/hubungkan Babel` in a province coordinators' group, `/hubungkan nasional` in the national one).
 */
export const rekapRecipients = (store: Store, scope: Scope): number[] => unitChats(store, scope === 'national' ? 'national' : scope.code, ['coordinator']);

/** The latest week whose rekap is due by `now`: its deadline (holidays counted) plus the delay has passed. */
export function dueRekapWeek(scope: Scope, now: Date, deadline: Deadline, afterMs: number): WeekKey | undefined {
  const zone = scope === 'national' ? WIB : scope.zone;
  const province = scope === 'national' ? undefined : scope.code;
  const current = weekOf(now, zone.iana);
  for (const week of [current, shiftWeek(current, -1)]) {
    const due = deadlineFor(week, zone.iana, deadline, province).at.getTime() + afterMs;
    if (now.getTime() >= due) return week;
  }
  return undefined;
}

function summaryOf(rekap: ScopeReport, now: Date) {
  const { rows } = rekapLines(rekap);
  // Movers compare a unit (or province) with itself the week before, over the same kab/kota.
  const movers = rows
    .filter((r) => r.kind !== 'own' && r.change !== undefined && r.change !== 0)
    .map((r) => ({ name: r.unit ? (r.kind === 'area' ? r.unit.baseName : r.unit.name) : '', change: r.change ?? 0 }))
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, MOVERS);
  const area = rekap.area;
  const units = area ? [...area.governments, ...area.members] : rekap.unit ? [rekap.unit] : [];
  const missing =
    rekap.scope === 'national'
      ? (area?.provinces ?? []).filter((p) => p.reporting.missing > 0).map((p) => `${(p.scope as Unit).baseName} (${p.reporting.missing})`)
      : units.filter((u) => u.status === 'belum').map((u) => (u.unit.kind === 'provinsi' ? `Pemerintah ${u.unit.name}` : u.unit.name));
  return pushedRekapMessage({
    scope: rekap.scope,
    week: rekap.week,
    area,
    unit: rekap.unit,
    movers,
    missing,
    awaiting: area ? area.reporting.awaiting : rekap.unit?.own?.verification === 'pending' ? 1 : 0,
    demo: rekap.demo,
    generatedAt: now,
  });
}

/**
 * After each week's deadline (plus `afterMs`), every scope with someone to receive it gets its rekap through the
 * outbox: a short text, the ranked chart and the XLSX, one item per week and scope (its id says which), so it goes
 * once, also after a restart; after downtime only the latest due week is sent. Files are written under the data folder
 * before the item is queued, and old ones are removed.
 */
export function rekapJob(o: { store: Store; readSide: ReadSide; regions: RegionDirectory; outbox: Outbox; deadline: Deadline; afterMs: number; dataDir: string; logger: Logger }) {
  return async (now: Date): Promise<void> => {
    const scopes: Scope[] = ['national', ...o.regions.provinces];
    // How long the push takes to build and how long the bot's event loop waited meanwhile (other chats' answers).
    const watch = watchPush();
    let built = 0;
    for (const scope of scopes) {
      // Other chats' updates are answered between two scopes' rekaps (reading cached files never yields by itself).
      await new Promise((resolve) => setImmediate(resolve));
      const week = dueRekapWeek(scope, now, o.deadline, o.afterMs);
      if (!week) continue;
      const code = scope === 'national' ? 'nasional' : scope.code;
      const id = `rekap-${week}-${code}`;
      if (o.store.outbox.has(id)) continue;
      const recipients = rekapRecipients(o.store, scope);
      if (recipients.length === 0) continue;
      const made = await exportRekap({ store: o.store, readSide: o.readSide, regions: o.regions }, scope, { from: week, to: week, kind: 'week' }, PUSHER, now, 'push');
      const folder = join(FILES_DIR, `rekap-${week}`);
      await mkdir(join(o.dataDir, folder), { recursive: true, mode: 0o700 });
      const parts: FilePart[] = [{ kind: 'html', text: summaryOf(made.rekap, now).text }];
      if (scope === 'national' || scope.kind === 'provinsi') {
        const { rows } = rekapLines(made.rekap);
        const png = await filePool().build('rankingChart', scope, week, rows, made.rekap.demo);
        const pngName = `peringkat-${scopeSlug(scope)}-${week}.png`;
        await writeFile(join(o.dataDir, folder, pngName), png.png, { mode: 0o600 });
        const caption = chartCaptions.ranking(scope, week, rows, made.rekap.demo);
        parts.push({ kind: 'photo', path: `${folder}/${pngName}`, filename: pngName, caption: caption.text });
      }
      await writeFile(join(o.dataDir, folder, made.filename), made.bytes, { mode: 0o600 });
      parts.push({ kind: 'document', path: `${folder}/${made.filename}`, filename: made.filename, caption: EXPORT_TEXT.caption(scope, { from: week, to: week, kind: 'week' }, made.rekap.demo).text });
      await o.outbox.enqueue({
        id,
        kind: 'rekap',
        title: PUSH_TITLE(scope, week),
        bodies: { default: { format: 'files', parts } },
        recipients: recipients.map((chatId) => ({ chatId, variant: 'default' })),
      });
      o.logger.info('weekly rekap queued', { scope: code, week, recipients: recipients.length });
      built++;
    }
    const watched = watch.end();
    if (built > 0) o.logger.info('weekly rekap push built', { scopes: built, ...watched });
    await pruneFiles(o.dataDir, weekOf(now, WIB.iana));
  };
}

/** Elapsed time and the event loop's delay (p99, max) from now until end(). */
function watchPush() {
  const start = performance.now();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return {
    end: () => {
      delay.disable();
      const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
      return { ms: Math.round(performance.now() - start), eventLoopDelayP99Ms: ms(delay.percentile(99)), eventLoopDelayMaxMs: ms(delay.max) };
    },
  };
}

async function pruneFiles(dataDir: string, current: WeekKey): Promise<void> {
  const oldest = shiftWeek(current, -KEEP_FILES_WEEKS);
  const names = await readdir(join(dataDir, FILES_DIR)).catch(() => [] as string[]);
  for (const name of names) {
    const m = /^rekap-(\d{4}-W\d{2})$/.exec(name);
    if (m?.[1] && compareWeeks(m[1] as WeekKey, oldest) < 0) await rm(join(dataDir, FILES_DIR, name), { recursive: true, force: true });
  }
}
