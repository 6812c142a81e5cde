import { beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/domain/figures.js';
import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import type { WeekKey } from '../../src/domain/weeks.js';
import { reportStep, startReport, type ReportFacts, type ReportResult } from '../../src/flows/report.js';
import { buttonsOf, pressOf, text, words } from '../helpers/flows.js';
import { officialRegions } from '../helpers/regions.js';

// The report flow's rules without a bot: a staff member of Kota Pangkal Pinang on Tuesday 24 November 2026,
// 10.00 WIB, with last week's report stored and a workforce for the year.
let regions: RegionDirectory;
beforeAll(async () => {
  regions = await officialRegions();
});
const W47: Figures = { active_pu: 38_700, active_bpu: 11_000, active_jakon: 2_100, active_pmi: 58, nonasn_total: 4_120, nonasn_jkk: 4_120, nonasn_jkm: 4_120, nonasn_jht: 1_000, nonasn_jp: 0 };
const ANSWERS = ['38.905', '11,2rb', '2 205', '58', '4.120', '4.120', '=', '1.030', '0'];
const facts = (stored: Partial<Record<WeekKey, Figures>> = { '2026-W47': W47 }, now = new Date('2026-11-24T03:00:00Z')): ReportFacts => ({
  access: { role: 'staff', scope: '19.71' },
  regions,
  now,
  deadline: { weekday: 5, hour: 15, minute: 0 },
  reportOf: (_unit, week) => Promise.resolve(stored[week] ? { figures: stored[week], revisions: 1 } : undefined),
  latestBefore: (_unit, week) => {
    const earlier = (Object.keys(stored) as WeekKey[]).filter((w) => w < week).sort().pop();
    return Promise.resolve(earlier ? { week: earlier, figures: stored[earlier] as Figures } : undefined);
  },
  workforceFor: (_unit, year) => ({ year, total: 104_000, source: 'Sakernas Agustus 2025' }),
  newId: () => 'a1b2c3d4',
});

/** /lapor, this week, then each answer: ends at the summary (or wherever the answers lead). */
async function fill(answers: string[], f = facts()): Promise<ReportResult> {
  let r = await startReport(f, '');
  // The week question appears only while last week may still be sent (its deadline plus the grace period).
  if (r.state?.step === 'week') r = await reportStep(r.state, pressOf(buttonsOf(r)[0]), f);
  for (const a of answers) r = await reportStep(r.state, text(a), f);
  return r;
}

describe('the weekly report flow, without a bot', () => {
  it('asks every field, echoes each number, and sends the figures with the confirmed warnings', async () => {
    const summary = await fill(ANSWERS);
    expect(summary.state?.step).toBe('summary');
    expect(summary.asks).toBe(true);
    expect(words(summary)).toContain('1. Peserta aktif Penerima Upah (pekerja formal): <b>38.905</b> (+205)');
    const sent = await reportStep(summary.state, pressOf(buttonsOf(summary).find((b) => b.text === 'Kirim laporan')), facts());
    expect(sent.state).toBeUndefined();
    expect(sent.effects).toEqual([
      {
        kind: 'save',
        unitCode: '19.71',
        week: '2026-W48',
        figures: { active_pu: 38_905, active_bpu: 11_200, active_jakon: 2_205, active_pmi: 58, nonasn_total: 4_120, nonasn_jkk: 4_120, nonasn_jkm: 4_120, nonasn_jht: 1_030, nonasn_jp: 0 },
        onBehalf: false,
        late: false,
        warnings: [],
        workforce: undefined,
      },
    ]);
  });

  it('asks a confirmed warning again only when the figures behind it change', async () => {
    let r = await fill(['30.000', ...ANSWERS.slice(1)]);
    expect(words(r)).toContain('turun 22,5%');
    r = await reportStep(r.state, pressOf(buttonsOf(r).find((b) => b.text === 'Ya, angka sudah benar')), facts());
    expect(r.state?.step).toBe('summary');
    r = await reportStep(r.state, text('3'), facts());
    r = await reportStep(r.state, text('2.300'), facts());
    expect(words(r)).not.toContain('⚠️');
    r = await reportStep(r.state, text('1'), facts());
    r = await reportStep(r.state, text('31.000'), facts());
    expect(words(r)).toContain('turun 19,9%');
  });

  it('takes a double-sent answer once, and answers any other message sent before the question', async () => {
    const asked = await fill([]);
    const first = await reportStep(asked.state && { ...asked.state, askedMessageId: 48 }, { kind: 'text', text: '38.905', messageId: 49 }, facts());
    expect(first.state?.step).toBe('active_bpu');
    // The bot's next question is message 51; message 50, sent before it arrived, is the same answer again.
    const state = first.state && { ...first.state, askedMessageId: 51 };
    const twice = await reportStep(state, { kind: 'text', text: ' 38.905 ', messageId: 50 }, facts());
    expect(twice).toMatchObject({ untouched: true, replies: [], effects: [] });
    expect(twice.state?.step).toBe('active_bpu');
    // A different answer typed ahead is the answer to the question in front of it.
    const ahead = await reportStep(state, { kind: 'text', text: '11,2rb', messageId: 50 }, facts());
    expect(ahead.state?.step).toBe('active_jakon');
    expect(words(ahead)).toContain('11.200');
    // A photo between them: the same text after it is answered too.
    const photo = await reportStep(state, { kind: 'other', what: 'photo' }, facts());
    const again = await reportStep(photo.state && { ...photo.state, askedMessageId: 53 }, { kind: 'text', text: '-5', messageId: 52 }, facts());
    expect(again.untouched).toBeUndefined();
    expect(words(again)).toContain('Mohon maaf');
  });

  it('names only the empty key of a quick entry, and refuses a week whose deadline passed while the summary waited', async () => {
    const quick = await startReport(facts(), 'pu= bpu=12rb jakon=2.205 pmi=58 nonasn=4.120 jkk=4.120 jkm=4.120 jht=1.030 jp=0');
    expect(words(quick).match(/^• /gm)).toHaveLength(1);
    expect(words(quick)).toContain('• pu (Peserta aktif Penerima Upah (pekerja formal)): belum diisi.');
    const summary = await fill(ANSWERS);
    const late = facts(undefined, new Date('2026-12-05T03:00:00Z'));
    const sent = await reportStep(summary.state, pressOf(buttonsOf(summary).find((b) => b.text === 'Kirim laporan')), late);
    expect(sent.effects).toEqual([]);
    expect(words(sent)).toContain('batas waktu laporan');
  });

  it('asks the question again, with why, for a sticker where a number is awaited', async () => {
    const asked = await fill([]);
    const r = await reportStep(asked.state, { kind: 'other', what: 'sticker' }, facts());
    expect(words(r)).toContain('stiker tidak dapat dibaca sebagai jawaban');
    expect(words(r)).toContain('(1/9) Peserta aktif Penerima Upah');
  });

  it('every field button of the summary’s change list is taken, the workforce included', async () => {
    const summary = await fill(ANSWERS);
    const pick = await reportStep(summary.state, pressOf(buttonsOf(summary).find((b) => b.text === 'Ubah angka')), facts());
    const buttons = buttonsOf(pick);
    expect(buttons).toHaveLength(10);
    for (const b of buttons) {
      const r = await reportStep(pick.state, pressOf(b), facts());
      expect(r.notice).toBeUndefined();
      expect(r.state?.step).not.toBe('pick');
    }
  });
});
