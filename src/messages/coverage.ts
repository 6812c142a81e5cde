import {
  isStale,
  type NonAsnCoverage,
  unitCoverage,
  type AggregateCoverage,
  type ReportSnapshot,
  type UnitSnapshot,
} from '../domain/coverage.js';
import { PARTICIPANT_FIELDS, participantsOf } from '../domain/figures.js';
import {
  formatCount,
  formatDateTime,
  formatPercent,
  formatPoints,
  formatSignedCount,
  formatWeek,
} from '../domain/format.js';
import type { Baseline } from '../domain/baseline.js';
import type { Unit } from '../domain/regions/directory.js';
import { weeksBetween, weekYear } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import { correctedTimes } from './revisions.js';
import { paceLines } from './rekap.js';
import { VERIFICATION_MARK } from './verification.js';
import type { Pace } from '../domain/pace.js';
import { bold, html, italic, lines, type Html } from './html.js';
import { PROGRAMME_LABELS, SEGMENT_SHORT } from './labels.js';

const TITLE = 'Capaian UC Jamsosnaker';

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const reporterOf = (r: ReportSnapshot): string => {
  if (r.source === 'demo') return 'data contoh (demo)';
  // The operator's name may carry brackets of its own ("Operator (baris perintah)"): no second pair.
  if (r.source === 'import') return `${r.by}, lewat impor data`;
  return r.by;
};

const pct = (v: number | undefined): string => (v === undefined ? '–' : formatPercent(v));

function targetLine(coveragePct: number | undefined, targetPct: number | undefined): Html | undefined {
  if (targetPct === undefined || coveragePct === undefined) return undefined;
  const gap = coveragePct - targetPct;
  const verdict = gap >= 0 ? `tercapai, lebih ${formatPoints(gap)}` : `kurang ${formatPoints(-gap)}`;
  return html`Target ${formatPercent(targetPct)}: ${verdict}`;
}

function baselineLine(coveragePct: number | undefined, b: Baseline | undefined, year: number): Html {
  if (!b || coveragePct === undefined) {
    return html`Capaian UC belum dapat dihitung: data penduduk bekerja tahun ${year} belum diisi.`;
  }
  const older = b.year < year ? html` (data tahun ${b.year})` : '';
  return html`${bold(`Capaian UC: ${formatPercent(coveragePct)}`)} dari ${formatCount(b.workforce_total)} penduduk bekerja, sumber: ${b.workforce_source}${older}`;
}

function nonAsnLines(title: string, n: NonAsnCoverage | undefined): Html | undefined {
  if (!n) return undefined;
  return lines(
    bold(`${title}: ${formatCount(n.total)} pegawai`),
    ...(Object.keys(PROGRAMME_LABELS) as Array<keyof typeof PROGRAMME_LABELS>).map((p) => {
      const { count, pct: share } = n.programmes[p];
      return html`• ${PROGRAMME_LABELS[p]}: ${formatCount(count)} (${pct(share)})`;
    }),
  );
}

/** A kab/kota (or a province government's own report): figures, coverage, non-ASN, change since last week. */
export function unitCoverageMessage(s: UnitSnapshot, province: Unit | undefined, pace?: Pace): Html {
  const latest = s.latest;
  if (!latest) return noDataMessage(s.unit);
  const year = weekYear(latest.week);
  const c = unitCoverage(latest.figures, s.baseline);
  const prev = s.previous;
  const change = (field: (typeof PARTICIPANT_FIELDS)[number]): string =>
    prev ? ` (${formatSignedCount((latest.figures[field] ?? 0) - (prev.figures[field] ?? 0))})` : '';
  const totalChange = prev
    ? html` (${formatSignedCount(c.participants - participantsOf(prev.figures))} dibanding minggu sebelumnya)`
    : html` (${italic('minggu sebelumnya tidak ada laporan')})`;
  const age = weeksBetween(latest.week, s.currentWeek);
  const revisionNote = latest.revisions > 1 ? ` (${correctedTimes(latest.revisions)})` : '';
  const check = latest.verification ? VERIFICATION_MARK[latest.verification] : '';
  return lines(
    bold(TITLE),
    html`${bold(s.unit.name)} · kode ${s.unit.code}${province ? html`, ${province.name}` : ''}`,
    html`Data ${formatWeek(latest.week, s.unit.zone)}${check ? ` · ${check}` : ''}${latest.late ? ' · terlambat' : ''}`,
    html`Dilaporkan oleh ${reporterOf(latest)} pada ${formatDateTime(latest.at, s.unit.zone)}${revisionNote}`,
    s.noDataThisWeek
      ? html`ℹ️ Minggu ini dilaporkan ${bold('belum ada data')} (${s.noDataThisWeek.reason}); yang ditampilkan angka terakhir yang ada.`
      : undefined,
    isStale(s)
      ? html`⚠️ ${bold(`Data ini berumur ${age} minggu`)}; laporan yang lebih baru belum masuk.`
      : undefined,
    '',
    baselineLine(c.pct, s.baseline, year),
    targetLine(c.pct, c.targetPct),
    paceLines(pace),
    c.formalPct !== undefined || c.informalPct !== undefined
      ? html`Formal: ${pct(c.formalPct)} · Informal: ${pct(c.informalPct)}`
      : undefined,
    '',
    html`${bold(`Peserta aktif: ${formatCount(c.participants)}`)}${totalChange}`,
    ...PARTICIPANT_FIELDS.map((f) => html`• ${SEGMENT_SHORT[f]}: ${formatCount(c.segments[f])}${change(f)}`),
    c.nonAsn ? '' : undefined,
    nonAsnLines('Non-ASN pemda', c.nonAsn),
  );
}

export function noDataMessage(unit: Unit): Html {
  return lines(
    bold(TITLE),
    html`Belum ada laporan untuk ${bold(unit.name)} (kode ${unit.code}).`,
    'Data akan tampil setelah petugas Disnaker setempat mengirim laporan mingguan.',
  );
}

const SHORT_CHECK = { verified: ' ✅', pending: ' ⏳', returned: ' ↩️', not_needed: '' } as const;

const unitStatus = (m: UnitSnapshot): Html => {
  const noData = m.noDataThisWeek ? ` · minggu ini belum ada data (${m.noDataThisWeek.reason})` : '';
  if (!m.latest) return html`• ${m.unit.name}: ${italic('belum ada laporan')}${noData}`;
  const c = unitCoverage(m.latest.figures, m.baseline);
  const when = m.latest.week === m.currentWeek ? 'minggu ini' : `minggu ke-${Number(m.latest.week.slice(6))}${isStale(m) ? ' ⚠️' : ''}`;
  return html`• ${m.unit.name}: ${formatCount(c.participants)} peserta · ${pct(c.pct)} · ${when}${m.latest.verification ? SHORT_CHECK[m.latest.verification] : ''}${noData}`;
};

/** How many of an area's figures a coordinator has verified, and whether the rest are in the totals. */
function verifiedLine(a: AggregateCoverage): Html | undefined {
  if (a.membersUnverified === 0) return a.membersWithData > 0 ? html`✅ Semua angka kab/kota yang dihitung telah diverifikasi koordinator.` : undefined;
  return a.unverified === 'count'
    ? html`⏳ ${a.membersUnverified} kab/kota belum diverifikasi koordinator; angkanya ${bold('ikut dihitung')} dan ditandai ⏳ di bawah.`
    : html`⏳ ${a.membersUnverified} kab/kota belum diverifikasi koordinator; angkanya ${bold('tidak dihitung')} dalam jumlah di atas.`;
}

function aggregateLines(a: AggregateCoverage, year: number, ownBaseline: Baseline | undefined): Html {
  let coverage: Html;
  if (a.pct === undefined) {
    coverage = html`Capaian UC belum dapat dihitung: data penduduk bekerja tahun ${year} belum diisi.`;
  } else if (a.basis === 'own' && ownBaseline) {
    coverage = baselineLine(a.pct, ownBaseline, year);
  } else {
    coverage = html`${bold(`Capaian UC: ${formatPercent(a.pct)}`)} dari ${formatCount(a.workforce ?? 0)} penduduk bekerja, dihitung atas ${a.basisMembers} kab/kota yang memiliki data peserta dan penduduk bekerja`;
  }
  return lines(
    coverage,
    targetLine(a.pct, a.targetPct),
    '',
    html`${bold(`Peserta aktif: ${formatCount(a.participants)}`)} (menurut laporan terakhir ${a.membersWithData} dari ${a.members} kab/kota)`,
    ...PARTICIPANT_FIELDS.map((f) => html`• ${SEGMENT_SHORT[f]}: ${formatCount(a.segments[f])}`),
    verifiedLine(a),
    a.membersStale > 0
      ? html`⚠️ Data ${a.membersStale} kab/kota berumur lebih dari 2 minggu.`
      : undefined,
  );
}

/** A province: its kab/kota added up, the provincial government's own non-ASN, and who has reported. */
export function provinceCoverageMessage(
  own: UnitSnapshot,
  members: UnitSnapshot[],
  aggregate: AggregateCoverage,
  pace?: Pace,
): Html {
  const year = weekYear(own.currentWeek);
  const ownNonAsn = own.latest ? unitCoverage(own.latest.figures, undefined).nonAsn : undefined;
  return lines(
    bold(TITLE),
    html`${bold(own.unit.name)} · kode ${own.unit.code} · gabungan ${aggregate.members} kab/kota`,
    html`${capitalise(formatWeek(own.currentWeek, own.unit.zone))}: ${bold(`${aggregate.membersReportedThisWeek} dari ${aggregate.members}`)} kab/kota telah melapor.`,
    '',
    aggregateLines(aggregate, year, own.baseline),
    pace ? paceLines(pace) : undefined,
    '',
    ownNonAsn
      ? lines(
          nonAsnLines('Non-ASN Pemerintah Provinsi', ownNonAsn),
          html`${italic(`Laporan ${formatWeek(own.latest?.week ?? own.currentWeek, own.unit.zone)}`)}`,
        )
      : html`${bold('Non-ASN Pemerintah Provinsi')}: belum ada laporan.`,
    '',
    bold('Per kab/kota'),
    ...members.map(unitStatus),
  );
}

export interface ProvinceRow {
  province: Unit;
  aggregate: AggregateCoverage;
}

export function nationalCoverageMessage(
  rows: ProvinceRow[],
  national: AggregateCoverage,
  currentWeek: UnitSnapshot['currentWeek'],
): Html {
  const year = weekYear(currentWeek);
  return lines(
    bold(`${TITLE} · Nasional`),
    html`${capitalise(formatWeek(currentWeek, WIB))}: ${bold(`${national.membersReportedThisWeek} dari ${national.members}`)} kab/kota telah melapor (menurut waktu setempat tiap daerah).`,
    '',
    national.pct === undefined
      ? html`Capaian UC nasional belum dapat dihitung: data penduduk bekerja tahun ${year} belum diisi.`
      : html`${bold(`Capaian UC: ${formatPercent(national.pct)}`)} dari ${formatCount(national.workforce ?? 0)} penduduk bekerja, dihitung atas ${national.basisMembers} dari ${rows.length} provinsi yang memiliki data`,
    '',
    html`${bold(`Peserta aktif: ${formatCount(national.participants)}`)} (menurut laporan terakhir ${national.membersWithData} dari ${national.members} kab/kota)`,
    ...PARTICIPANT_FIELDS.map((f) => html`• ${SEGMENT_SHORT[f]}: ${formatCount(national.segments[f])}`),
    '',
    bold('Per provinsi (capaian · kab/kota melapor minggu ini)'),
    ...rows.map(
      ({ province, aggregate: a }) =>
        html`• ${province.baseName}: ${pct(a.pct)}${a.basis === 'members' && a.basisMembers < a.members ? ` (atas ${a.basisMembers} dari ${a.members} kab/kota)` : ''} · ${a.membersReportedThisWeek}/${a.members}`,
    ),
  );
}

export const coverageUsageMessage = (): Html =>
  lines(
    bold('Cara melihat capaian UC Jamsosnaker'),
    html`Ketik ${bold('/cakupan')} diikuti nama atau kode wilayah, misalnya:`,
    '• /cakupan Pangkalpinang',
    '• /cakupan Kab. Bangka Tengah',
    '• /cakupan Babel (seluruh provinsi)',
    '• /cakupan 19.71',
    '• /cakupan nasional',
  );

export function ambiguousMessage(query: string, more: number): Html {
  return lines(
    html`Ada beberapa wilayah yang cocok dengan “${query}”. Mohon pilih salah satu:`,
    more > 0 ? html`${italic(`(${more} wilayah lain tidak ditampilkan; ketik nama yang lebih lengkap.)`)}` : undefined,
  );
}

export function notFoundMessage(query: string, hasSuggestions: boolean): Html {
  return lines(
    html`Mohon maaf, wilayah “${query}” tidak ditemukan.`,
    hasSuggestions
      ? 'Apakah yang Bapak/Ibu maksud salah satu dari wilayah berikut?'
      : html`Mohon periksa ejaannya, atau gunakan kode wilayah Kemendagri (contoh: ${bold('/cakupan 19.71')}).`,
  );
}

export const staleChoiceMessage = (): Html =>
  html`Mohon maaf, pilihan tersebut tidak dikenali. Silakan ketik ulang perintah ${bold('/cakupan')} dengan nama wilayah.`;

export const storeUnreadableMessage = (): Html =>
  html`Mohon maaf, data wilayah ini sedang tidak dapat dibaca. Operator telah dicatatkan; silakan coba lagi nanti.`;
