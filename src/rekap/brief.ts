import { formatPercent, formatCount, formatWeekShort } from '../domain/format.js';
import type { PackInput } from '../domain/pack.js';
import { DECK_TEXT, narrativeSentences, type Narrative } from '../messages/pack.js';
import { CHART_TEXT } from '../messages/rekap.js';
import type { Png } from './chart.js';
import { renderChartAsync, trendSeries } from './pack-charts.js';

const FONT_FAMILY = 'DejaVu Sans';
const WIDTH = 1080;
const MARGIN = 48;
/** DejaVu Sans is wide: an average character takes a little under 0.6 em, so lines are broken at that estimate. */
const EM_PER_CHAR = 0.58;

/** Words broken into lines of at most `width` pixels at `fontSize`, by the font's average character width. */
export function wrapText(text: string, fontSize: number, width: number, bold = false): string[] {
  // Bold glyphs are about a tenth wider.
  const max = Math.max(8, Math.floor(width / (fontSize * EM_PER_CHAR * (bold ? 1.12 : 1))));
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line = `${line} ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line !== '') out.push(line);
  return out;
}

interface Block {
  text: string;
  fontSize: number;
  bold?: boolean;
  color?: string;
  /** Space before the block, in pixels. */
  before: number;
}

/**
 * The one-page brief a leader reads on a phone: the headline figure against the target, a small trend, the narrative
 * and the data's completeness; one portrait PNG, drawn with the charts' own stack and font, within Telegram's photo
 * limits (width + height well under 10.000 pixels).
 */
export function renderBrief(p: PackInput, narrative: Narrative): Promise<Png> {
  const textWidth = WIDTH - 2 * MARGIN;
  const graphics: unknown[] = [];
  let y = 36;
  const place = (b: Block): void => {
    y += b.before;
    const lines = wrapText(b.text, b.fontSize, textWidth, b.bold === true);
    const lineHeight = Math.round(b.fontSize * 1.35);
    graphics.push({
      type: 'text',
      left: MARGIN,
      top: y,
      style: { text: lines.join('\n'), fontSize: b.fontSize, lineHeight, fontWeight: b.bold ? 'bold' : 'normal', fill: b.color ?? '#262626', fontFamily: FONT_FAMILY },
    });
    y += lines.length * lineHeight;
  };

  place({ text: DECK_TEXT.briefTitle.toUpperCase(), fontSize: 22, bold: true, color: '#595959', before: 0 });
  place({ text: DECK_TEXT.title(p), fontSize: 36, bold: true, color: '#1f3864', before: 8 });
  place({ text: `${DECK_TEXT.dataWeek(p)}${p.session ? `; ${DECK_TEXT.session(p.session)}` : ''}`, fontSize: 24, before: 10 });
  if (p.demo) place({ text: CHART_TEXT.demoMark, fontSize: 24, bold: true, color: '#b2182b', before: 10 });
  const headline = p.coverage.pct === undefined ? formatCount(p.coverage.participants) : formatPercent(p.coverage.pct);
  place({ text: headline, fontSize: 110, bold: true, color: '#2166ac', before: 18 });
  place({ text: p.coverage.pct === undefined ? `${DECK_TEXT.participants}; capaian belum dapat dihitung` : `Capaian UC, ${formatCount(p.coverage.basisParticipants)} peserta aktif`, fontSize: 26, before: 0 });
  // Red when short of the main target, green when it is reached, grey when there is none to compare with.
  const main = p.targets[0];
  const targetColour = !main || p.coverage.pct === undefined ? '#595959' : p.coverage.pct < main.pct ? '#b2182b' : '#1a9850';
  place({ text: DECK_TEXT.briefTarget(p), fontSize: 26, bold: true, color: targetColour, before: 8 });

  const chartTop = y + 24;
  const chartHeight = 330;
  y = chartTop + chartHeight;
  place({ text: 'Narasi', fontSize: 26, bold: true, color: '#1f3864', before: 24 });
  for (const sentence of narrativeSentences(narrative)) place({ text: sentence, fontSize: 27, before: 12 });
  place({ text: DECK_TEXT.briefCompleteness(p), fontSize: 24, bold: true, color: '#595959', before: 24 });
  place({ text: `${DECK_TEXT.made(p)} (${formatWeekShort(p.week)}).`, fontSize: 20, color: '#7f7f7f', before: 12 });
  const height = y + 40;

  const t = trendSeries(p, { labels: false });
  return renderChartAsync(
    {
      legend: { top: chartTop, left: MARGIN, itemGap: 24, textStyle: { fontSize: 18 } },
      grid: { left: MARGIN + 70, right: MARGIN, top: chartTop + 50, height: chartHeight - 90 },
      xAxis: { type: 'category', data: t.categories, axisLabel: { fontSize: 16 } },
      yAxis: { type: 'value', scale: !t.withPct, splitNumber: 3, axisLabel: { fontSize: 16, formatter: t.axisFormatter } },
      series: t.series,
      graphic: graphics,
    },
    WIDTH,
    height,
  );
}
