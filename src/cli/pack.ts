import { writeFile } from 'node:fs/promises';
import { cliScope } from './scope.js';
import type { Deadline } from '../domain/deadline.js';
import { createReadSide } from '../queries/read-side.js';
import { parsePeriod } from '../domain/periods.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { weekOf } from '../domain/weeks.js';
import { CLI } from '../messages/cli.js';
import { periodErrorMessage } from '../messages/rekap.js';
import { nextSessionFor } from '../rekap/pack-input.js';
import { makePack, packHasData } from '../rekap/pack.js';
import type { Store } from '../store/store.js';

const plain = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * `paparan <scope> [week] --out FILE.pptx`: the session pack of a scope, the deck to FILE and the brief beside it
 * (`FILE-ringkasan.png`); the narrative is printed.
 */
export async function runPack(
  args: string[],
  deps: { store: Store; regions: RegionDirectory; now: Date; out: (s: string) => void; deadline: Deadline; usage: string },
): Promise<number> {
  const outIndex = args.indexOf('--out');
  const file = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const rest = outIndex >= 0 ? [...args.slice(0, outIndex), ...args.slice(outIndex + 2)] : args;
  const [scopeText, ...weekWords] = rest;
  if (scopeText === undefined || file === undefined) {
    deps.out(deps.usage);
    return 2;
  }
  const scope = cliScope(deps.regions, scopeText);
  if (!scope) {
    deps.out(CLI.unknownScope(scopeText));
    return 2;
  }
  const ownWeek = weekOf(deps.now, scope === 'national' ? 'Asia/Jakarta' : scope.zone.iana);
  const period = parsePeriod(weekWords.join(' '), ownWeek);
  if (!period.ok) {
    deps.out(plain(periodErrorMessage(period.error).text));
    return 2;
  }
  const packDeps = { store: deps.store, readSide: createReadSide({ store: deps.store, regions: deps.regions, deadline: deps.deadline, unverified: 'count' }), regions: deps.regions };
  const pack = await makePack(packDeps, scope, period.value.to, deps.now, nextSessionFor(packDeps, scope, deps.now));
  if (!packHasData(pack.input)) {
    deps.out(CLI.packNoData(pack.input.scope.name));
    return 1;
  }
  const briefFile = `${file.replace(/\.pptx$/i, '')}-ringkasan.png`;
  await writeFile(file, pack.deck.bytes);
  await writeFile(briefFile, pack.brief.png);
  deps.out(pack.sentences.join('\n'));
  deps.out(CLI.packSaved(file, pack.deck.titles.length, briefFile));
  return 0;
}
