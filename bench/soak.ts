import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { TgChat, TgUser } from '../src/sandbox/bot-api-server.js';
import { BABEL, seedBabel } from '../tests/helpers/rekap-seed.js';
import { startHarness, type Harness } from '../tests/helpers/harness.js';
import { seededRandom } from '../tests/helpers/random.js';

/**
 * npm run soak: the real bot over HTTP against the strict Bot API stand-in for SOAK_MINUTES of wall time (default 30),
 * on a virtual clock that moves one hour per round. Each simulated hour: staff of the seven Babel kab/kota report
 * and correct (quick entry, through the summary's buttons), people query (/cakupan, /status, /riwayat, a region
 * chosen by button), the coordinator verifies what arrived, sends a notice to every office, the scheduler ticks
 * (late reminders, the weekly rekap pushed after the deadline) and the outbox delivers it all; every six simulated
 * hours the bot restarts on the same data. Prints RSS, event-loop delay p99, outbox backlog and errors each minute.
 * Fails when RSS grows by more than 10% after the first five minutes, when an error reaches bot.catch (or any error
 * is logged), or when the outbox stalls (does not drain within a minute).
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? '30');
const WARMUP_MS = Math.min(5, MINUTES / 3) * 60_000;
const STALL_MS = 60_000;
const RSS_GROWTH_LIMIT = 0.1;

const random = seededRandom;

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

interface Sample {
  minute: number;
  rss: number;
  p99: number;
  backlog: number;
  errors: number;
  hours: number;
  updates: number;
}

async function main(): Promise<number> {
  const h: Harness = await startHarness({ now: new Date('2026-11-23T01:00:00Z'), env: { REKAP_AFTER_DEADLINE: '2h', FSYNC: 'on' } });
  await seedBabel(h.app.store, '2026-W47', 8);
  const grant = async (id: number, name: string, role: 'staff' | 'coordinator' | 'viewer', scope: string): Promise<TgUser> => {
    await h.app.store.users.grant({ telegramId: id, name, role, scope }, { telegramId: null, name: 'Soak' }, h.now);
    return h.api.user(id, name);
  };
  const staff: Array<{ user: TgUser; code: string }> = [];
  for (const [i, u] of BABEL.entries()) staff.push({ user: await grant(60_000 + i, `Petugas ${u.code}`, 'staff', u.code), code: u.code });
  const coord = await grant(61_000, 'Koordinator Babel', 'coordinator', '19');
  const viewers = [await grant(62_000, 'Pemantau Babel', 'viewer', '19'), await grant(62_001, 'Pemantau Nasional', 'viewer', 'national')];
  // Each office's group, linked to its unit: notices, reminders and the rekap reach them.
  const groups: TgChat[] = [];
  for (const [i, s] of staff.entries()) {
    const group = h.api.group(-60_000 - i, `Grup ${s.code}`);
    await h.app.store.chats.link({ chatId: group.id, title: group.title ?? '', unitCode: s.code, by: { telegramId: null, name: 'Soak' }, at: h.now });
    groups.push(group);
  }
  const coordGroup = h.api.group(-61_000, 'Koordinator UC Babel');
  await h.app.store.chats.link({ chatId: coordGroup.id, title: 'Koordinator UC Babel', unitCode: '19', by: { telegramId: null, name: 'Soak' }, at: h.now });

  // What reached people, by kind: proof the traffic is what it says.
  const seen = { received: 0, notices: 0, reminders: 0, rekapFiles: 0, verified: 0 };
  h.api.on('edit', (m: { text: string }) => {
    if (m.text.includes('telah diverifikasi') || m.text.includes('terverifikasi')) seen.verified++;
  });
  h.api.on('message', (m: { text: string; file?: { fileName?: string } }) => {
    if (m.text.includes('telah diterima')) seen.received++;
    if (m.text.startsWith('📢 Pengumuman dari')) seen.notices++;
    if (m.text.includes('Pengingat laporan mingguan')) seen.reminders++;
    if (m.file?.fileName?.startsWith('rekap-uc-')) seen.rekapFiles++;
    if (m.text.includes('telah diverifikasi')) seen.verified++;
  });
  const rnd = random(20261202);
  let updates = 0;
  const step = async (who: TgUser, text: string): Promise<void> => {
    h.now = new Date(h.now.getTime() + 5_000);
    updates++;
    await h.api.sendText(who, text);
  };
  const press = async (who: TgUser, label: RegExp): Promise<boolean> => {
    const last = h.api.messages(who.id).at(-1);
    const button = last?.buttons.flat().find((b) => label.test(b.text));
    if (!last || !button) return false;
    h.now = new Date(h.now.getTime() + 5_000);
    updates++;
    await h.api.press(who, last, button.text);
    return true;
  };

  const report = async (who: TgUser, pu: number): Promise<void> => {
    await step(who, `/lapor pu=${pu} bpu=2.000 jakon=300 pmi=10 nonasn=1.000 jkk=1.000 jkm=1.000 jht=400 jp=0`);
    for (let i = 0; i < 4; i++) {
      if (!(await press(who, /^Minggu ini|^Kirim laporan|^Ya, /))) break;
    }
  };

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = Date.now();
  const samples: Sample[] = [];
  let hours = 0;
  let errorsSeen = 0;
  let stalled = '';
  let nextSample = started + 60_000;
  const backlog = (): number => h.app.store.outbox.open().reduce((n, item) => n + item.deliveries.filter((d) => d.state === 'pending' || d.state === 'sending').length, 0);
  const sample = (): void => {
    const s: Sample = { minute: Math.round((Date.now() - started) / 60_000), rss: process.memoryUsage().rss, p99: loop.percentile(99) / 1e6, backlog: backlog(), errors: errorsSeen, hours, updates };
    samples.push(s);
    loop.reset();
    console.log(`minute ${s.minute}: RSS ${mb(s.rss)} MB, event-loop delay p99 ${s.p99.toFixed(1)} ms, outbox backlog ${s.backlog}, errors ${s.errors}, ${s.hours} simulated hours, ${s.updates} updates`);
  };

  while (Date.now() - started < MINUTES * 60_000 && !stalled) {
    hours++;
    h.now = new Date(h.now.getTime() + 60 * 60_000);
    // Reports and corrections: each office reports about once in three hours, with figures that grow; the last one
    // seldom, so late reminders have someone to remind.
    for (const [i, s] of staff.entries()) {
      if (rnd() < (i === staff.length - 1 ? 0.005 : 0.35)) await report(s.user, 10_000 * (i + 1) + 1_000 + hours * 10 + Math.floor(rnd() * 5));
    }
    // Queries, and a region chosen by button.
    for (const who of [...viewers, coord, ...staff.slice(0, 3).map((s) => s.user)]) {
      const q = ['/cakupan Babel', '/cakupan Pangkalpinang', '/status Babel', '/riwayat Pangkalpinang', '/peringkat Babel', '/cakupan Bangka'][Math.floor(rnd() * 6)] ?? '/cakupan';
      await step(who, q);
      if (q === '/cakupan Bangka') await press(who, /./);
    }
    // The coordinator verifies what arrived.
    await step(coord, '/verifikasi');
    await press(coord, /✅/);
    // A notice to every office in scope.
    await step(coord, '/umumkan');
    await step(coord, `Pengingat jam ke-${hours}: mohon laporan mingguan dikirim sebelum tenggat.`);
    await press(coord, /^Semua unit di wilayah saya/);
    await press(coord, /^Kirim sekarang/);
    // Reminders and the weekly rekap, then every delivery.
    await h.app.scheduler.tick();
    const drained = await Promise.race([h.app.outbox.idle().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), STALL_MS).unref())]);
    if (!drained || backlog() > 0) stalled = `the outbox did not drain within ${STALL_MS / 1000} s in simulated hour ${hours} (backlog ${backlog()})`;
    if (hours % 6 === 0) await h.restart();
    // Errors: whatever reached bot.catch ("update failed") or any other error line; then the logs and the stand-in's
    // history are let go, so that only the bot's own memory is measured.
    errorsSeen += h.logs.filter((l) => l.includes('"level":"error"')).length;
    for (const l of h.logs.filter((x) => x.includes('"level":"error"'))) console.log(`ERROR ${l.slice(0, 400)}`);
    h.logs.length = 0;
    h.api.forget();
    if (Date.now() >= nextSample) {
      sample();
      nextSample += 60_000;
    }
  }
  if (samples.at(-1)?.updates !== updates) sample();
  loop.disable();
  await h.stop();

  const problems: string[] = [];
  const base = samples.filter((s) => s.minute * 60_000 >= WARMUP_MS)[0] ?? samples[0];
  const peak = Math.max(...samples.filter((s) => s.minute >= (base?.minute ?? 0)).map((s) => s.rss));
  const growth = base ? peak / base.rss - 1 : 0;
  console.log(
    `soak: ${MINUTES} min, ${hours} simulated hours, ${updates} updates; RSS ${base ? mb(base.rss) : '?'} MB at minute ${base?.minute} -> peak ${mb(peak)} MB (${(growth * 100).toFixed(1)}%); event-loop delay p99 max ${Math.max(...samples.map((s) => s.p99)).toFixed(1)} ms; errors ${errorsSeen}`,
  );
  console.log(`reached people: ${seen.received} reports received, ${seen.verified} verifications, ${seen.notices} notices, ${seen.reminders} late reminders, ${seen.rekapFiles} rekap XLSX pushed; restarts ${Math.floor(hours / 6)}`);
  if (growth > RSS_GROWTH_LIMIT) problems.push(`RSS grew by ${(growth * 100).toFixed(1)}% after the first minutes (limit ${RSS_GROWTH_LIMIT * 100}%)`);
  if (errorsSeen > 0) problems.push(`${errorsSeen} errors logged (bot.catch or elsewhere)`);
  if (stalled) problems.push(stalled);
  for (const p of problems) console.log(`FAILED: ${p}`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
