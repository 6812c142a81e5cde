// Prints the session pack's narrative on the demo data and times a scope's deck and brief (issue 19):
// `npx tsx bench/pack-sample.ts [scope...]` (codes or `nasional`; default 19 and nasional).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeadline } from '../src/domain/deadline.js';
import { createReadSide } from '../src/queries/read-side.js';
import { loadOfficialRegions } from '../src/domain/regions/official.js';
import { weekOf } from '../src/domain/weeks.js';
import { narrativeSentences, packNarrative, DECK_TEXT } from '../src/messages/pack.js';
import { buildPackInput } from '../src/rekap/pack-input.js';
import { seedDemoData } from '../src/sandbox/demo-data.js';
import { createStore } from '../src/store/store.js';

const now = new Date('2026-11-27T09:00:00Z');
const dir = await mkdtemp(join(tmpdir(), 'pack-sample-'));
const regions = await loadOfficialRegions();
const store = await createStore(dir, { clock: () => now, fsync: false });
await seedDemoData(store, regions, now);
const deadline = parseDeadline('Jumat 15.00');
if (!deadline.ok) throw new Error('deadline');
const deps = { store, regions, readSide: createReadSide({ store, regions, deadline: deadline.value, unverified: 'count' }) };
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
const codes = process.argv.slice(out ? 4 : 2);
for (const code of codes.length > 0 ? codes : ['19', 'nasional']) {
  const scope = code === 'nasional' ? 'national' : regions.get(code);
  if (!scope) throw new Error(`no scope ${code}`);
  const week = weekOf(now, scope === 'national' ? 'Asia/Jakarta' : scope.zone.iana);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const input = await buildPackInput(deps, scope, week, now);
  const t1 = performance.now();
  const story = packNarrative(input);
  const narrative = narrativeSentences(story);
  const { buildDeck } = await import('../src/rekap/deck.js');
  const { renderBrief } = await import('../src/rekap/brief.js');
  const t2 = performance.now();
  // The deck and the brief are drawn side by side, as /paparan does.
  const [deck, brief] = await Promise.all([buildDeck(input, story), renderBrief(input, story)]);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const t4 = t3;
  console.log(`\n== ${input.scope.name}: ${DECK_TEXT.fileName(input)}`);
  console.log(narrative.join('\n'));
  console.log(`slides: ${deck.titles.join(' | ')}`);
  console.log(`data ${Math.round(t1 - t0)} ms, deck and brief ${Math.round(t3 - t2)} ms (${deck.bytes.length} B), brief (${brief.width}x${brief.height}, ${brief.png.length} B); total ${Math.round(t4 - t0 - (t2 - t1))} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU (all threads; load average ${os.loadavg()[0]?.toFixed(1)})`);
  if (out) {
    await writeFile(join(out, DECK_TEXT.fileName(input)), deck.bytes);
    await writeFile(join(out, DECK_TEXT.briefFileName(input)), brief.png);
  }
}
await store.close();
await rm(dir, { recursive: true, force: true });
