import readXlsxFile from 'read-excel-file/node';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/domain/deadline.js';
import { seedDemoFollowups } from '../../src/sandbox/demo-followups.js';
import { createReadSide } from '../../src/queries/read-side.js';
import { formatCount, formatPercent } from '../../src/domain/format.js';
import type { PackInput } from '../../src/domain/pack.js';
import type { Unit } from '../../src/domain/regions/directory.js';
import { narrativeSentences, packNarrative } from '../../src/messages/pack.js';
import { renderChart } from '../../src/rekap/chart.js';
import { buildDeck } from '../../src/rekap/deck.js';
import { buildPackInput } from '../../src/rekap/pack-input.js';
import type { BotMessage } from '../../src/sandbox/bot-api-server.js';
import type { Meeting } from '../../src/store/schema.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { lastCallbackAnswer, person, say } from '../helpers/people.js';
import { seedBabel } from '../helpers/rekap-seed.js';

let h: Harness;
beforeEach(async () => {
  // Friday 27 November 2026, 12.00 WIB: week 48.
  h = await startHarness({ now: new Date('2026-11-27T05:00:00Z') });
  await seedBabel(h.app.store, '2026-W48', 12, { skip: ['19.06'] });
});
afterEach(async () => {
  await h.stop();
});

const deadline = (() => {
  const d = parseDeadline('Jumat 15.00');
  if (!d.ok) throw new Error('deadline');
  return d.value;
})();
const inputOf = (scope: Unit | 'national', now = h.now): Promise<PackInput> => buildPackInput({ store: h.app.store, regions: h.app.regions, readSide: createReadSide({ store: h.app.store, regions: h.app.regions, deadline, unverified: 'count' }) }, scope, '2026-W48', now);
const unit = (code: string): Unit => {
  const u = h.app.regions.get(code);
  if (!u) throw new Error(code);
  return u;
};

async function sent(userId: number, action: () => Promise<unknown>): Promise<BotMessage[]> {
  const before = h.api.messages(userId).length;
  await action();
  return h.api.messages(userId).slice(before);
}

/** The text runs of an XML part, unescaped, in order. */
const runs = (xml: string): string[] =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));

interface SlideRead {
  title: string;
  /** Every table's rows, as cell texts. */
  tables: string[][][];
  texts: string[];
  notes: string;
  images: number;
}

/** The deck opened as the ZIP it is: each slide's title placeholder, tables, texts, pictures and speaker notes. */
async function readDeck(bytes: Buffer): Promise<SlideRead[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  names.sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const slides: SlideRead[] = [];
  for (const name of names) {
    const xml = await zip.file(name)?.async('string') ?? '';
    const shapes = xml.split('<p:sp>').slice(1).map((s) => s.split('</p:sp>')[0] ?? '');
    const title = shapes.find((s) => /<p:ph[^>]*type="title"/.test(s));
    const tables = [...xml.matchAll(/<a:tbl>([\s\S]*?)<\/a:tbl>/g)].map((t) => [...(t[1] ?? '').matchAll(/<a:tr(?:\s[^>]*)?>([\s\S]*?)<\/a:tr>/g)].map((r) => [...(r[1] ?? '').matchAll(/<a:tc(?:\s[^>]*)?>([\s\S]*?)<\/a:tc>/g)].map((c) => runs(c[1] ?? '').join(''))));
    const n = /(\d+)\.xml$/.exec(name)?.[1] ?? '';
    const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)?.async('string') ?? '';
    const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const notesXml = notesTarget ? (await zip.file(`ppt/notesSlides/${notesTarget}`)?.async('string')) ?? '' : '';
    slides.push({ title: title ? runs(title).join('') : '', tables, texts: runs(xml), notes: runs(notesXml).join('\n'), images: (xml.match(/<p:pic>/g) ?? []).length });
  }
  return slides;
}

const inkOf = (png: PNG, fromRow: number): number => {
  let ink = 0;
  for (let y = fromRow; y < png.height; y++) for (let x = 0; x < png.width; x++) if ((png.data[(y * png.width + x) * 4] ?? 255) < 128) ink++;
  return ink;
};

describe('/paparan: the session pack (issue 19)', () => {
  it('sends a province the narrative, an editable deck whose tables hold the pack’s figures, and a one-page brief', async () => {
    const dewi = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const out = await sent(dewi.id, () => h.api.sendText(dewi, '/paparan Babel'));
    expect(out.map((m) => m.file?.kind ?? 'text')).toEqual(['text', 'document', 'photo']);
    const input = await inputOf(unit('19'));
    const sentences = narrativeSentences(packNarrative(input));
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(6);
    expect(out[0]?.text).toContain('Bahan paparan UC Jamsosnaker Provinsi Kepulauan Bangka Belitung');
    expect(out[0]?.text).toContain(sentences.join(' '));
    expect(out[0]?.text).toContain(`sebesar ${formatPercent(input.coverage.pct ?? 0)} (${formatCount(input.coverage.participants)} peserta aktif dari 729.000 penduduk bekerja`);
    expect(out[0]?.text).toContain('di bawah target 2026 sebesar 45,0% (sumber: Target tahunan pada data dasar)');

    const deckFile = out[1]?.file;
    expect(deckFile?.fileName).toBe('paparan-uc-kepulauan-bangka-belitung-2026-W48.pptx');
    const slides = await readDeck(deckFile?.bytes ?? Buffer.alloc(0));
    expect(slides.map((s) => s.title)).toEqual([
      'Capaian Universal Coverage Jamsosnaker Provinsi Kepulauan Bangka Belitung',
      'Capaian terhadap target',
      'Tren capaian tahun 2026',
      'Peringkat capaian kab/kota di Provinsi Kepulauan Bangka Belitung',
      'Segmen kepesertaan',
      'Perlindungan pegawai non-ASN per program',
      // The map of the province, as /peta draws it (issue 19.4).
      'Peta capaian',
      'Kelengkapan dan verifikasi data',
      'Ringkasan',
    ]);
    const [cover, capaian, trend, ranking, segments, nonAsn, map, completeness, summary] = slides;
    expect(map?.images).toBe(1);
    expect(cover?.texts).toContain('Data minggu ke-48 tahun 2026');
    expect(cover?.texts).not.toContain('DATA CONTOH (DEMO), BUKAN DATA RESMI');
    // The notes carry the narrative: all of it on the cover and the summary, each slide its own sentences.
    for (const s of sentences) expect(cover?.notes).toContain(s);
    for (const s of sentences) expect(summary?.notes).toContain(s);
    // The summary slide: its title, the sentences as editable text, the slide number.
    expect(summary?.texts).toEqual(['Ringkasan', ...sentences, '9']);
    expect(ranking?.notes).toContain(packNarrative(input).ranking ?? '-');

    // Capaian against the target: source, gap, participants missing, pace needed.
    const target = input.targets[0];
    expect(capaian?.tables[0]?.[1]).toEqual([
      '2026 (utama)',
      'Target tahunan pada data dasar; data dasar penduduk bekerja (impor atau /penduduk)',
      '45,0%',
      formatPercent(input.coverage.pct ?? 0),
      `−${(Math.round((45 - (input.coverage.pct ?? 0)) * 10) / 10).toFixed(1).replace('.', ',')} poin`,
      formatCount(target?.pace?.shortfall ?? -1),
      `+${formatCount(Math.ceil(target?.pace?.neededPerWeek ?? 0))}`,
      formatCount(target?.pace?.weeksLeft ?? -1),
    ]);
    expect(trend?.images).toBe(1);

    // The ranking's cells are the pack's figures, best first, Belitung Timur marked as not this week's.
    const rankRows = ranking?.tables[0]?.slice(1) ?? [];
    expect(rankRows.map((r) => [r[1], r[2], r[3]])).toEqual(input.ranking?.rows.map((r) => [r.name, formatPercent(r.pct ?? 0), formatCount(r.participants)]));
    expect(rankRows).toHaveLength(7);
    expect(rankRows.find((r) => r[1] === 'Kabupaten Belitung Timur')?.[5]).toContain('angka minggu ke-47');

    const segmentRows = segments?.tables[0] ?? [];
    expect(segmentRows.map((r) => r[1])).toEqual(['Peserta aktif', ...['active_pu', 'active_bpu', 'active_jakon', 'active_pmi'].map((k) => formatCount(input.segments[k as 'active_pu'])), formatCount(input.coverage.participants)]);

    // Non-ASN per government and programme, with what is missing.
    const nonAsnRows = nonAsn?.tables[0]?.slice(1) ?? [];
    expect(nonAsnRows).toHaveLength(8);
    expect(nonAsnRows.find((r) => r[0] === 'Pemerintah Provinsi Kepulauan Bangka Belitung')).toEqual(['Pemerintah Provinsi Kepulauan Bangka Belitung', '6.800', '6.800 (100,0%)', '6.800 (100,0%)', '2.100 (30,9%)', '450 (6,6%)']);
    expect(nonAsn?.texts.join(' ')).toContain('Belum terlindungi: JHT 8.900 orang; JP 13.350 orang.');

    const counts = Object.fromEntries((completeness?.tables[0] ?? []).slice(1).map((r): [string, string] => [r[0] ?? '', r[1] ?? '']));
    expect(counts).toMatchObject({ 'Unit pelapor': '8', 'Melapor tepat waktu': String(input.completeness.onTime), 'Belum melapor': '1', 'Unit dengan angka dalam total': String(input.completeness.withData) });
    expect(completeness?.texts.join(' ')).toContain('Belum melapor: Kabupaten Belitung Timur.');

    // The brief: one portrait PNG within Telegram's photo limits, with text drawn below the chart.
    const brief = out[2]?.file;
    expect(brief?.fileName).toBe('ringkasan-uc-kepulauan-bangka-belitung-2026-W48.png');
    const png = PNG.sync.read(brief?.bytes ?? Buffer.alloc(0));
    expect(png.width).toBe(1080);
    expect(png.height).toBeGreaterThan(png.width);
    expect(png.width + png.height).toBeLessThanOrEqual(10_000);
    expect((brief?.bytes.length ?? 0)).toBeLessThan(10 * 1024 * 1024);
    expect(inkOf(png, 0)).toBeGreaterThan(20_000);
    // The lower half is the narrative and the completeness: text only, drawn with the shipped font.
    expect(inkOf(png, Math.floor(png.height / 2))).toBeGreaterThan(10_000);
    expect(out[2]?.text).toContain('Lembar ringkasan Provinsi Kepulauan Bangka Belitung');
  });

  it('gives a kab/kota its place among its province’s, the nation its provinces in two tables, and /deck works too', async () => {
    const staff = await person(h, 5002, 'Budi', 'staff', '19.71');
    const own = await sent(staff.id, () => h.api.sendText(staff, '/paparan'));
    expect(own.map((m) => m.file?.fileName ?? 'text')).toEqual(['text', 'paparan-uc-kota-pangkal-pinang-2026-W48.pptx', 'ringkasan-uc-kota-pangkal-pinang-2026-W48.png']);
    expect(own[0]?.text).toMatch(/Kota Pangkal Pinang berada di peringkat \d dari 7 kab\/kota di Provinsi Kepulauan Bangka Belitung/);
    const city = await readDeck(own[1]?.file?.bytes ?? Buffer.alloc(0));
    const cityRanking = city.find((s) => s.title.startsWith('Peringkat'))?.tables[0] ?? [];
    expect(cityRanking.slice(1).map((r) => r[1])).toContain('Kota Pangkal Pinang');
    expect(city.find((s) => s.title.startsWith('Perlindungan'))?.tables[0]?.slice(1).map((r) => r[0])).toEqual(['Pemerintah Kota Pangkal Pinang']);

    const national = await sent(h.admin.id, () => h.api.sendText(h.admin, '/deck nasional'));
    expect(national.map((m) => m.file?.fileName ?? 'text')).toEqual(['text', 'paparan-uc-nasional-2026-W48.pptx', 'ringkasan-uc-nasional-2026-W48.png']);
    expect(national[0]?.text).toContain('belum dapat dibandingkan dengan target 2026 sebesar 35,09% (sumber: RPJMN 2025-2029 (nilai antara, interpolasi)) sebelum data seluruh kab/kota masuk');
    const deck = await readDeck(national[1]?.file?.bytes ?? Buffer.alloc(0));
    const rank = deck.find((s) => s.title === 'Peringkat capaian provinsi');
    expect(rank?.tables).toHaveLength(2);
    expect((rank?.tables[0]?.length ?? 0) - 1 + (rank?.tables[1]?.length ?? 0) - 1).toBe(38);
    const babel = (await inputOf('national')).ranking?.rows[0];
    expect(rank?.tables[0]?.[1]?.slice(1, 3)).toEqual(['Kepulauan Bangka Belitung', formatPercent(babel?.pct ?? 0)]);
    // The nation's shipped series, each with its source: RPJMN (this year's value drawn between its stated years) and RKP.
    const targets = JSON.stringify(deck.find((s) => s.title === 'Capaian terhadap target'));
    expect(targets).toContain('RPJMN 2025-2029 (nilai antara, interpolasi)');
    expect(targets).toContain('RKP 2026');
    expect(targets).toContain('34,99%');
  });

  it('asks which unit for an ambiguous name, and every choice gives that unit’s deck', async () => {
    const dewi = await person(h, 5001, 'Dewi', 'coordinator', '19');
    await say(h, dewi, '/paparan Bangka');
    const question = h.api.lastMessage(dewi.id);
    const choices = question.buttons.flat();
    expect(choices.length).toBeGreaterThan(1);
    for (const b of choices) {
      const out = await sent(dewi.id, () => h.api.press(dewi, question, b.text));
      expect(out.find((m) => m.file?.kind === 'document')?.file?.fileName, b.text).toMatch(/^paparan-uc-.+-2026-W48\.pptx$/);
      expect(out.filter((m) => m.file?.kind === 'photo'), b.text).toHaveLength(1);
    }
  });

  it('refuses a scope outside the person’s reach, a forged or stale press and strangers; a scope without reports is told so', async () => {
    const dewi = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const staff = await person(h, 5002, 'Budi', 'staff', '19.71');
    expect(await say(h, dewi, '/paparan Jabar')).toContain('di luar wilayah akses');
    expect(await say(h, dewi, '/paparan nasional')).toContain('di luar wilayah akses');
    expect(await say(h, staff, '/paparan Babel')).toContain('di luar wilayah akses');
    expect(await say(h, h.stranger, '/paparan Babel')).toContain('belum terdaftar');
    await say(h, dewi, '/paparan Bangka');
    const question = h.api.lastMessage(dewi.id);
    const forged = await sent(dewi.id, () => h.api.forgeCallback(dewi, question, 'pak:u:32~~'));
    expect(forged.filter((m) => m.file)).toHaveLength(0);
    expect(forged.map((m) => m.text).join('\n')).toContain('di luar wilayah akses');
    expect(lastCallbackAnswer(h)?.show_alert).toBe(true);
    const stale = await sent(dewi.id, () => h.api.forgeCallback(dewi, question, 'pak:u:99.99~~'));
    expect(stale.map((m) => m.text).join('\n')).toContain('pilihan tersebut tidak dikenali lagi');
    const strangerPress = await sent(h.stranger.id, () => h.api.forgeCallback(h.stranger, question, 'pak:u:19~~'));
    expect(strangerPress.filter((m) => m.file)).toHaveLength(0);
    expect(await say(h, dewi, '/paparan Babel minggu 60')).toContain('tidak ada dalam kalender');
    expect(await say(h, h.admin, '/paparan Jabar')).toContain('Belum ada laporan untuk Provinsi Jawa Barat');
    expect(h.api.messages(h.admin.id).filter((m) => m.file)).toHaveLength(0);
  });

  it('adds the map and the open follow-up items as slides only when they are given', async () => {
    const input = await inputOf(unit('19'));
    const narrative = packNarrative(input);
    const plain = await readDeck((await buildDeck(input, narrative)).bytes);
    const map = renderChart({ title: { text: 'Peta' }, xAxis: { show: false, type: 'category' as const }, yAxis: { show: false }, series: [] }, 800, 600);
    const full = await buildDeck(input, narrative, { map, followUps: [{ what: 'Anggaran JHT non-ASN 2027', who: 'BPKAD', due: '31 Januari 2027', status: 'Terbuka' }] });
    const slides = await readDeck(full.bytes);
    expect(slides).toHaveLength(plain.length + 2);
    expect(full.titles).toEqual(slides.map((s) => s.title));
    expect(slides.find((s) => s.title === 'Peta capaian')?.images).toBe(1);
    expect(slides[slides.length - 1]?.title).toBe('Tindak lanjut yang masih terbuka');
    expect(slides[slides.length - 1]?.tables[0]?.[1]).toEqual(['Anggaran JHT non-ASN 2027', 'BPKAD', '31 Januari 2027', 'Terbuka']);
  });
});

describe('/paparan with the monitoring cycle (issues 19 and 20)', () => {
  it('closes the deck with the scope’s open follow-up items, overdue first', async () => {
    await seedDemoFollowups(h.app.store, h.now, 5001, { past: 'aa000001', next: 'aa000002', items: (() => { let n = 0; return () => `bb00000${++n}`; })() });
    const dewi = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const out = await sent(dewi.id, () => h.api.sendText(dewi, '/paparan Babel'));
    const slides = await readDeck(out.find((m) => m.file?.kind === 'document')?.file?.bytes ?? Buffer.alloc(0));
    const last = slides[slides.length - 1];
    expect(last?.title).toBe('Tindak lanjut yang masih terbuka');
    expect(last?.tables[0]?.[1]?.[0]).toBe('Surat Edaran Wali Kota tentang kepesertaan pekerja rentan');
    expect(last?.tables[0]?.[1]?.[2]).toContain('(lewat tenggat)');
    expect(last?.tables[0]?.[2]?.[0]).toBe('JHT non-ASN Kota Pangkal Pinang dianggarkan di APBD-P 2026');
    expect(last?.tables[0]?.[2]?.[1]).toBe('Kota Pangkal Pinang');
    // The rekap XLSX carries the same items in its sheet "Tindak Lanjut" (issue 20.3).
    const xlsx = await sent(dewi.id, () => h.api.sendText(dewi, '/ekspor Babel minggu 48'));
    const sheets = await readXlsxFile(xlsx.find((m) => m.file?.kind === 'document')?.file?.bytes ?? Buffer.alloc(0));
    const tl = sheets.find((s) => s.sheet === 'Tindak Lanjut')?.data ?? [];
    expect(tl[0]?.slice(0, 4)).toEqual(['No', 'Kode', 'Unit', 'Tindak lanjut']);
    expect(tl.slice(1).map((r) => r[3])).toEqual(['Surat Edaran Wali Kota tentang kepesertaan pekerja rentan', 'JHT non-ASN Kota Pangkal Pinang dianggarkan di APBD-P 2026']);
    expect(tl[1]?.[8]).toBe('Ya');
  });
});

describe('the pack before a session (issue 19)', () => {
  const START = '2026-11-28T02:00:00.000Z';
  const meeting = (): Meeting => ({
    id: 'c0ffee01',
    title: 'Asistensi UC Jamsosnaker',
    startsAt: START,
    zone: 'WIB',
    durationMinutes: 120,
    place: 'https://zoom.us/j/2',
    agenda: 'Paparan capaian',
    audience: { kind: 'provinces', codes: ['19', '32'] },
    scope: 'national',
    createdBy: { telegramId: 5003, name: 'Agus' },
    organiserChatId: 5003,
    createdAt: '2026-11-20T00:00:00.000Z',
    version: 1,
    status: 'scheduled',
    attendance: [],
  });
  const tickAt = async (iso: string): Promise<void> => {
    h.now = new Date(iso);
    await h.app.scheduler.tick();
    await h.app.outbox.idle();
  };

  it('reaches each province coordinator of the audience with their province’s pack, with the readiness note, once, also after a restart', async () => {
    const organiser = await person(h, 5003, 'Agus', 'coordinator', 'national');
    const dewi = await person(h, 5001, 'Dewi', 'coordinator', '19');
    const rina = await person(h, 5004, 'Rina', 'coordinator', '32');
    const kepri = await person(h, 5005, 'Tono', 'coordinator', '21');
    await h.app.store.meetings.add(meeting());
    const packs = (chatId: number) => h.api.messages(chatId).filter((m) => m.file || /bahan paparan/i.test(m.text));

    // Two days before: the 3-day reminder has gone, the pack waits for the day before.
    await tickAt('2026-11-26T02:00:00Z');
    expect(packs(dewi.id)).toHaveLength(0);
    await tickAt('2026-11-27T02:00:00Z');
    expect(h.api.messages(organiser.id).some((m) => m.text.includes('Asistensi UC Jamsosnaker'))).toBe(true);
    const got = packs(dewi.id);
    expect(got.map((m) => m.file?.fileName ?? 'text')).toEqual(['text', 'text', 'paparan-uc-kepulauan-bangka-belitung-2026-W48.pptx', 'ringkasan-uc-kepulauan-bangka-belitung-2026-W48.png']);
    expect(got[0]?.text).toContain('Bahan paparan untuk Asistensi UC Jamsosnaker');
    expect(got[0]?.text).toContain('Sabtu, 28 November 2026 pukul 09.00 WIB');
    const slides = await readDeck(got[2]?.file?.bytes ?? Buffer.alloc(0));
    expect(slides[0]?.texts.join(' ')).toContain('Untuk: Asistensi UC Jamsosnaker, Sabtu, 28 November 2026 pukul 09.00 WIB (https://zoom.us/j/2)');
    // Jawa Barat has no reports: its coordinator is told so, without files; Kepri is not in the audience.
    expect(packs(rina.id).map((m) => m.file?.fileName ?? m.text)).toEqual([expect.stringContaining('Bahan paparan untuk Asistensi'), expect.stringContaining('Belum ada laporan untuk Provinsi Jawa Barat')]);
    expect(packs(kepri.id)).toHaveLength(0);
    expect(packs(organiser.id)).toHaveLength(0);

    const count = (): number => [dewi.id, rina.id].reduce((n, id) => n + h.api.messages(id).length, 0);
    const before = count();
    await tickAt('2026-11-27T03:00:00Z');
    await h.restart();
    await tickAt('2026-11-27T04:00:00Z');
    expect(packs(dewi.id)).toHaveLength(4);
    expect(count()).toBe(before);
  });
});
