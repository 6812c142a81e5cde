import pptxgenjs from 'pptxgenjs';

// pptxgenjs ships CommonJS-style types for an ES module: at run time the default export is the class, while the
// types see a namespace holding it as `default`.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
import { PARTICIPANT_FIELDS, NONASN_PROGRAMMES, type ProgrammeField } from '../domain/figures.js';
import { formatCount, formatPercent, formatPoints, formatSignedCount, formatBasisPoints } from '../domain/format.js';
import type { PackInput, PackNonAsnRow, PackRankRow } from '../domain/pack.js';
import { SEGMENT_SHORT } from '../messages/labels.js';
import { DECK_TEXT, narrativeSentences, type Narrative } from '../messages/pack.js';
import type { Png } from './chart.js';
import { packTrendChart } from './pack-charts.js';

/** An open follow-up item for the closing slide (the monitoring cycle provides them). */
export interface FollowUpRow {
  what: string;
  who: string;
  due: string;
  status: string;
}

export interface DeckExtras {
  /** The map of the scope: a slide of its own when given. */
  map?: Png | undefined;
  /** Open follow-up items: a closing slide when given. */
  followUps?: readonly FollowUpRow[] | undefined;
}

export interface Deck {
  bytes: Buffer;
  /** The slides' titles, in order. */
  titles: string[];
}

const FONT = 'Arial';
const NAVY = '1F3864';
const RED = 'B2182B';
const GREY = '595959';
const HEAD_FILL = 'DCE6F2';
const SELF_FILL = 'FFF2CC';
const W = 13.333;
/** Rows of the ranking per table: more are set in two tables side by side. */
const RANK_ROWS_PER_TABLE = 20;
/** Rows of the non-ASN table (its cells are longer): more are set in two tables side by side. */
const NON_ASN_ROWS_PER_TABLE = 14;

type Cell = pptxgenjs.default.TableCell;
const head = (texts: readonly string[]): Cell[] => texts.map((text) => ({ text, options: { bold: true, fill: { color: HEAD_FILL }, color: NAVY } }));
const cell = (text: string, options: pptxgenjs.default.TableCellProps = {}): Cell => ({ text, options });
const pct = (v: number | undefined): string => (v === undefined ? '–' : formatPercent(v));
const border = { type: 'solid' as const, pt: 0.5, color: 'BFBFBF' };
const imageData = (png: Png): string => `image/png;base64,${png.png.toString('base64')}`;

/**
 * The session deck: real PowerPoint titles, text and tables (coordinators adjust them), charts as pictures, and the
 * narrative in the speaker notes. Built from PackInput alone.
 */
export async function buildDeck(p: PackInput, narrative: Narrative, extras: DeckExtras = {}): Promise<Deck> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = DECK_TEXT.title(p);
  pptx.company = 'UC Bot';
  const footer = `${p.scope.name} · ${DECK_TEXT.dataWeek(p)}${p.demo ? ` · ${DECK_TEXT.demo}` : ''}`;
  pptx.defineSlideMaster({
    title: 'UC',
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: NAVY } } },
      { placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.25, w: W - 1, h: 0.8, fontFace: FONT, fontSize: 28, bold: true, color: NAVY, valign: 'middle' }, text: '' } },
      { text: { text: footer, options: { x: 0.5, y: 7.05, w: W - 1, h: 0.3, fontFace: FONT, fontSize: 10, color: p.demo ? RED : GREY, bold: p.demo } } },
    ],
    slideNumber: { x: W - 1, y: 7.05, w: 0.5, h: 0.3, fontFace: FONT, fontSize: 10, color: GREY },
  });
  const titles: string[] = [];
  const slide = (title: string, notes: ReadonlyArray<string | undefined>): pptxgenjs.default.Slide => {
    const s = pptx.addSlide({ masterName: 'UC' });
    s.addText(title, { placeholder: 'title' });
    const text = notes.filter((n): n is string => n !== undefined).join('\n\n');
    if (text !== '') s.addNotes(text);
    titles.push(title);
    return s;
  };
  const text = (s: pptxgenjs.default.Slide, value: string, y: number, h: number, options: pptxgenjs.default.TextPropsOptions = {}): void => {
    s.addText(value, { x: 0.5, y, w: W - 1, h, fontFace: FONT, fontSize: 16, color: '262626', valign: 'top', ...options });
  };
  const sentences = narrativeSentences(narrative);

  // Cover.
  {
    const s = pptx.addSlide({ masterName: 'UC' });
    s.addText(DECK_TEXT.title(p), { placeholder: 'title' });
    titles.push(DECK_TEXT.title(p));
    text(s, DECK_TEXT.dataWeek(p), 2.2, 0.6, { fontSize: 24, bold: true, color: NAVY });
    if (p.session) text(s, DECK_TEXT.session(p.session), 3.0, 0.9, { fontSize: 20 });
    text(s, DECK_TEXT.made(p), 4.2, 0.5, { fontSize: 14, color: GREY });
    if (p.demo) text(s, DECK_TEXT.demo, 5.0, 0.7, { fontSize: 24, bold: true, color: RED });
    s.addNotes(sentences.join('\n\n'));
  }

  // Coverage against every target, with its source, the gap and the pace needed.
  {
    const s = slide(DECK_TEXT.capaianTitle, [narrative.coverage, narrative.pace]);
    text(s, DECK_TEXT.headline(p), 1.25, 0.8, { fontSize: 22, bold: true, color: NAVY });
    if (p.targets.length === 0) {
      text(s, DECK_TEXT.noTarget, 2.2, 0.5, { fontSize: 18 });
    } else {
      const rows: Cell[][] = [head(DECK_TEXT.capaianHeader)];
      for (const t of p.targets) {
        const gap = p.coverage.pct === undefined ? undefined : p.coverage.pct - t.pct;
        rows.push([
          cell(`${t.year}${t.main ? ' (utama)' : ''}`, { bold: t.main }),
          cell(t.reference ? `${t.source}; ${t.reference}` : t.source),
          cell(formatBasisPoints(Math.round(t.pct * 100)), { align: 'right' }),
          cell(pct(p.coverage.pct), { align: 'right' }),
          cell(gap === undefined ? '–' : `${gap >= 0 ? '+' : '−'}${formatPoints(Math.abs(gap))}`, { align: 'right', color: gap !== undefined && gap < 0 ? RED : '1A9850' }),
          cell(t.pace ? formatCount(t.pace.shortfall) : '–', { align: 'right' }),
          cell(t.pace?.neededPerWeek !== undefined && t.pace.shortfall > 0 ? formatSignedCount(Math.ceil(t.pace.neededPerWeek)) : '–', { align: 'right' }),
          cell(t.pace ? formatCount(t.pace.weeksLeft) : '–', { align: 'right' }),
        ]);
      }
      s.addTable(rows, { x: 0.5, y: 2.2, w: W - 1, colW: [1.3, 3.6, 1.2, 1.2, 1.3, 1.5, 1.4, 0.83], fontFace: FONT, fontSize: 13, border, valign: 'middle' });
    }
    // Below the table (a header of two lines and a row per target), then the pace in words, within the slide.
    let y = p.targets.length === 0 ? 2.9 : 2.2 + 0.55 * (p.targets.length + 1) + 0.25;
    const recent = DECK_TEXT.recent(p);
    if (recent) {
      text(s, recent, y, 0.5, { fontSize: 16 });
      y += 0.6;
    }
    if (narrative.pace) text(s, narrative.pace, y, Math.max(0.6, Math.min(1.4, 6.95 - y)), { fontSize: p.targets.length > 3 ? 13 : 16, italic: true });
  }

  // The year's trend with the path to the target.
  {
    const s = slide(DECK_TEXT.trendTitle(p), [narrative.change, narrative.pace]);
    const chart = await packTrendChart(p);
    const w = 11.5;
    s.addImage({ data: imageData(chart), x: (W - w) / 2, y: 1.2, w, h: (w * chart.height) / chart.width });
    if (narrative.change) text(s, narrative.change, 6.35, 0.6, { fontSize: 14 });
  }

  // The ranking with partial and stale marks.
  if (p.ranking) {
    const s = slide(DECK_TEXT.rankingTitle(p), [narrative.ranking]);
    const rows = p.ranking.rows;
    const split = rows.length > RANK_ROWS_PER_TABLE ? Math.ceil(rows.length / 2) : rows.length;
    const parts = split < rows.length ? [rows.slice(0, split), rows.slice(split)] : [rows];
    const width = parts.length === 1 ? W - 1 : (W - 1.3) / 2;
    const fontSize = rows.length > RANK_ROWS_PER_TABLE ? 9 : 12;
    parts.forEach((part, i) => {
      const offset = i === 0 ? 0 : split;
      const table: Cell[][] = [head(DECK_TEXT.rankingHeader)];
      part.forEach((r, k) => table.push(rankCells(r, offset + k + 1)));
      const colW = [0.06, 0.34, 0.12, 0.16, 0.12, 0.2].map((f) => f * width);
      s.addTable(table, { x: 0.5 + i * (width + 0.3), y: 1.2, w: width, colW, fontFace: FONT, fontSize, border, valign: 'middle', rowH: rows.length > RANK_ROWS_PER_TABLE ? 0.24 : 0.34 });
    });
    text(s, DECK_TEXT.rankLegend, 6.45, 0.55, { fontSize: 10, color: GREY });
  }

  // Segments.
  {
    const s = slide(DECK_TEXT.segmentsTitle, [narrative.coverage]);
    const total = PARTICIPANT_FIELDS.reduce((sum, k) => sum + p.segments[k], 0);
    const rows: Cell[][] = [head(DECK_TEXT.segmentsHeader)];
    for (const k of PARTICIPANT_FIELDS) {
      rows.push([cell(SEGMENT_SHORT[k]), cell(formatCount(p.segments[k]), { align: 'right' }), cell(total > 0 ? formatPercent((p.segments[k] / total) * 100) : '–', { align: 'right' })]);
    }
    rows.push([cell(DECK_TEXT.segmentTotal, { bold: true }), cell(formatCount(total), { align: 'right', bold: true }), cell(total > 0 ? formatPercent(100) : '–', { align: 'right', bold: true })]);
    s.addTable(rows, { x: 0.5, y: 1.3, w: 8, colW: [4.4, 2, 1.6], fontFace: FONT, fontSize: 16, border, valign: 'middle', rowH: 0.5 });
  }

  // Non-ASN per programme, with what is missing.
  {
    const s = slide(DECK_TEXT.nonAsnTitle, [narrative.nonAsn]);
    const shown = p.nonAsn.filter((r) => r.total !== undefined || p.nonAsn.length <= RANK_ROWS_PER_TABLE);
    // Many governments (the provinces nationally) are set in two tables side by side, shares only.
    const compact = shown.length > NON_ASN_ROWS_PER_TABLE;
    const programmeCell = (r: PackNonAsnRow, prog: ProgrammeField): Cell => {
      const { count, pct: share } = r.programmes[prog];
      return cell(compact ? pct(share) : DECK_TEXT.programmeCell(count, share), { align: 'right', color: (share ?? 100) < 100 ? RED : '262626' });
    };
    const half = compact ? Math.ceil(shown.length / 2) : shown.length;
    const parts = compact ? [shown.slice(0, half), shown.slice(half)] : [shown];
    const width = compact ? (W - 1.3) / 2 : W - 1;
    parts.forEach((part, i) => {
      const rows: Cell[][] = [head(DECK_TEXT.nonAsnHeader)];
      for (const r of part) {
        rows.push(
          r.total === undefined
            ? [cell(r.name), cell(DECK_TEXT.nonAsnNone, { italic: true, color: GREY }), cell(''), cell(''), cell(''), cell('')]
            : [cell(r.name), cell(formatCount(r.total), { align: 'right' }), ...NONASN_PROGRAMMES.map((prog) => programmeCell(r, prog))],
        );
      }
      const colW = (compact ? [0.36, 0.16, 0.12, 0.12, 0.12, 0.12] : [0.316, 0.13, 0.1385, 0.1385, 0.1385, 0.1385]).map((f) => f * width);
      s.addTable(rows, { x: 0.5 + i * (width + 0.3), y: 1.2, w: width, colW, fontFace: FONT, fontSize: compact ? 8 : shown.length > 9 ? 11 : 13, border, valign: 'middle', rowH: compact ? 0.2 : 0.34 });
    });
    const reported = p.nonAsn.filter((r) => r.total !== undefined);
    const gaps = NONASN_PROGRAMMES.map((prog) => ({ prog, missing: reported.reduce((sum, r) => sum + ((r.total ?? 0) - r.programmes[prog].count), 0) })).filter((g) => g.missing > 0);
    text(s, DECK_TEXT.nonAsnMissing(gaps.map((g) => DECK_TEXT.nonAsnGap(g.prog, g.missing))), 6.35, 0.6, { fontSize: 14, bold: true, color: gaps.length > 0 ? RED : '1A9850' });
  }

  if (extras.map) {
    const s = slide(DECK_TEXT.mapTitle, [narrative.ranking]);
    const h = 5.7;
    const w = Math.min(W - 1, (h * extras.map.width) / extras.map.height);
    s.addImage({ data: imageData(extras.map), x: (W - w) / 2, y: 1.2, w, h: (w * extras.map.height) / extras.map.width });
  }

  // Completeness and verification.
  {
    const s = slide(DECK_TEXT.completenessTitle, [narrative.completeness]);
    const rows: Cell[][] = [head(DECK_TEXT.completenessHeader), ...DECK_TEXT.completenessRows(p).map(([label, value]) => [cell(label), cell(value, { align: 'right' })])];
    s.addTable(rows, { x: 0.5, y: 1.2, w: 7, colW: [5.2, 1.8], fontFace: FONT, fontSize: 15, border, valign: 'middle', rowH: 0.42 });
    text(s, DECK_TEXT.missing(p.completeness.missing), 1.2, 3.9, { x: 7.9, w: W - 8.4, fontSize: 13 });
    text(s, narrative.completeness, 5.2, 1.4, { fontSize: 15, italic: true });
  }

  // The narrative, as text the presenter may keep or shorten.
  {
    const s = slide(DECK_TEXT.summaryTitle, sentences);
    s.addText(
      sentences.map((t) => ({ text: t, options: { bullet: true, breakLine: true } })),
      { x: 0.5, y: 1.2, w: W - 1, h: 5.7, fontFace: FONT, fontSize: sentences.join(' ').length > 900 ? 15 : 17, color: '262626', valign: 'top', paraSpaceAfter: 8 },
    );
  }

  if (extras.followUps && extras.followUps.length > 0) {
    const s = slide(DECK_TEXT.followUpTitle, []);
    const rows: Cell[][] = [head(DECK_TEXT.followUpHeader), ...extras.followUps.map((f) => [cell(f.what), cell(f.who), cell(f.due), cell(f.status)])];
    s.addTable(rows, { x: 0.5, y: 1.2, w: W - 1, colW: [6.3, 2.6, 1.8, 1.633], fontFace: FONT, fontSize: 13, border, valign: 'middle' });
  }

  const out = await pptx.write({ outputType: 'nodebuffer', compression: true });
  return { bytes: Buffer.from(out as Uint8Array), titles };
}

function rankCells(r: PackRankRow, rank: number): Cell[] {
  const base: pptxgenjs.default.TableCellProps = r.self ? { bold: true, fill: { color: SELF_FILL } } : {};
  const marks = DECK_TEXT.rankMarks(r);
  return [
    cell(r.pct === undefined ? '–' : String(rank), { ...base, align: 'right' }),
    cell(r.name, base),
    cell(pct(r.pct), { ...base, align: 'right' }),
    cell(formatCount(r.participants), { ...base, align: 'right' }),
    cell(r.latestWeek ? `M${Number(r.latestWeek.slice(6))}` : '–', { ...base, align: 'right' }),
    cell(marks, { ...base, color: marks === '' ? '262626' : RED }),
  ];
}
