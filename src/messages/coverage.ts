import { PARTICIPANT_FIELDS } from '../domain/figures.js';
import type { NonAsnCoverage } from '../domain/coverage.js';
import {
  formatBasisPoints,
  formatCount,
  formatDateTime,
  formatHundredthsPoints,
  formatPercent,
  formatShare,
  formatSignedCount,
  formatTenths,
  formatWeek,
} from '../domain/format.js';
import type { Baseline } from '../domain/baseline.js';
import { shareOf, type Share } from '../domain/exact.js';
import type { Pace } from '../domain/pace.js';
import type { Unit } from '../domain/regions/directory.js';
import { weekNumber, weekYear } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import type { AreaWeek, Standing, TargetRef, UnitWeek } from '../queries/types.js';
import { correctedTimes } from './revisions.js';
import { paceLines } from './rekap.js';
import { VERIFICATION_MARK } from './verification.js';
import { bold, html, italic, lines, type Html, capitalise } from './html.js';
import { PROGRAMME_LABELS, SEGMENT_SHORT } from './labels.js';

const TITLE = 'Capaian UC Jamsosnaker';


const reporterOf = (r: Standing): string => {
  if (r.source === 'demo') return 'data contoh (demo)';
  // The operator's name may carry brackets of its own ("Operator (baris perintah)"): no second pair.
  if (r.source === 'import') return `${r.by}, lewat impor data`;
  return r.by;
};

const pct = (v: number | undefined): string => (v === undefined ? '–' : formatPercent(v));
const share = (s: Share | undefined): string => (s === undefined ? '–' : formatShare(s));

/** "Target 55,0%: kurang 4,6 poin": the gap is the shown coverage minus the target, as a reader would subtract. */
export function targetLine(targetBp: number | undefined, gap: number | undefined, target?: TargetRef): Html | undefined {
  if (targetBp === undefined || gap === undefined) return undefined;
  const verdict = gap >= 0 ? `tercapai, lebih ${formatHundredthsPoints(gap)}` : `kurang ${formatHundredthsPoints(gap)}`;
  // Targets disagree between sources: the one used is named (its series, and whether this year's value is drawn
  // between two stated years).
  const source = target ? ` · sumber: ${target.source} ${target.year}${target.reference ? ` (${target.reference})` : ''}${target.interpolated ? ', nilai antara dua tahun yang ditetapkan (interpolasi)' : ''}` : '';
  return html`Target ${formatBasisPoints(targetBp)}: ${verdict}${source}`;
}

function baselineLine(coverage: Share | undefined, b: Baseline | undefined, year: number): Html {
  if (!b || coverage === undefined) {
    return html`Capaian UC belum dapat dihitung: data penduduk bekerja tahun ${year} belum diisi.`;
  }
  const older = b.year < year ? html` (data tahun ${b.year})` : '';
  return html`${bold(`Capaian UC: ${formatShare(coverage)}`)} dari ${formatCount(b.workforce_total)} penduduk bekerja, sumber: ${b.workforce_source}${older}`;
}

function nonAsnLines(title: string, n: NonAsnCoverage | undefined): Html | undefined {
  if (!n) return undefined;
  return lines(
    bold(`${title}: ${formatCount(n.total)} pegawai`),
    ...(Object.keys(PROGRAMME_LABELS) as Array<keyof typeof PROGRAMME_LABELS>).map((p) => {
      const { count, pct: part } = n.programmes[p];
      return html`• ${PROGRAMME_LABELS[p]}: ${formatCount(count)} (${pct(part)})`;
    }),
  );
}

const RETURNED_NOTE = (u: UnitWeek): string | undefined =>
  u.setAside?.reason === 'returned'
    ? `laporan minggu ke-${weekNumber(u.setAside.week)} dikembalikan untuk dikoreksi${u.standing ? `; angka minggu ke-${weekNumber(u.standing.week)} yang dipakai` : ''}`
    : u.setAside?.reason === 'unverified'
      ? `laporan minggu ke-${weekNumber(u.setAside.week)} belum diverifikasi dan tidak dihitung`
      : undefined;

/** A kab/kota (or a province government's own report): figures, coverage, non-ASN, change since its week before. */
export function unitCoverageMessage(u: UnitWeek, province: Unit | undefined, pace?: Pace): Html {
  const shown = u.standing ?? u.tooOld;
  if (!shown) return noDataMessage(u.unit, RETURNED_NOTE(u));
  const year = weekYear(shown.week);
  const before = u.before;
  const change = (field: (typeof PARTICIPANT_FIELDS)[number]): string => (before ? ` (${formatSignedCount(shown.segments[field] - before.segments[field])})` : '');
  const totalChange = before
    ? html` (${formatSignedCount(shown.participants - before.participants)} dibanding minggu sebelumnya)`
    : html` (${italic('minggu sebelumnya tidak ada laporan')})`;
  const revisionNote = shown.revisions > 1 ? ` (${correctedTimes(shown.revisions)})` : '';
  const check = VERIFICATION_MARK[shown.verification] ?? '';
  const returned = RETURNED_NOTE(u);
  const isGovernment = u.unit.kind === 'provinsi';
  const coverage = u.standing ? u.coverage : undefined;
  return lines(
    bold(TITLE),
    html`${bold(u.unit.name)} · kode ${u.unit.code}${province ? html`, ${province.name}` : ''}`,
    html`Data ${formatWeek(shown.week, u.unit.zone)}${check ? ` · ${check}` : ''}${shown.late ? ' · terlambat' : ''}`,
    shown.source === 'demo'
      ? html`Data contoh (demo), bukan data resmi; dicatat pada ${formatDateTime(shown.at, u.unit.zone)}${revisionNote}`
      : html`Dilaporkan oleh ${reporterOf(shown)} pada ${formatDateTime(shown.at, u.unit.zone)}${revisionNote}`,
    u.own?.noData !== undefined
      ? html`ℹ️ Minggu ini dilaporkan ${bold('belum ada data')} (${u.own.noData}); yang ditampilkan angka terakhir yang ada.`
      : undefined,
    returned ? html`↩️ ${capitalise(returned)}.` : undefined,
    u.tooOld
      ? html`⚠️ ${bold(`Data ini berumur ${u.tooOld.ageWeeks} minggu`)} dan tidak lagi dihitung dalam jumlah provinsi maupun nasional; laporan yang lebih baru belum masuk.`
      : shown.stale
        ? html`⚠️ ${bold(`Data ini berumur ${shown.ageWeeks} minggu`)}; laporan yang lebih baru belum masuk.`
        : undefined,
    '',
    // Figures too old to count anywhere else are still the unit's own: their coverage is shown under the warning above.
    isGovernment ? undefined : baselineLine(u.tooOld ? shareOf(u.tooOld.participants, u.baseline?.workforce_total) : coverage, u.baseline, year),
    isGovernment ? undefined : targetLine(u.targetBp, u.gapHundredths, u.target),
    isGovernment ? undefined : paceLines(pace ?? u.pace),
    !isGovernment && (u.formal !== undefined || u.informal !== undefined) ? html`Formal: ${share(u.formal)} · Informal: ${share(u.informal)}` : undefined,
    '',
    isGovernment ? undefined : html`${bold(`Peserta aktif: ${formatCount(shown.participants)}`)}${totalChange}`,
    ...(isGovernment ? [] : PARTICIPANT_FIELDS.map((f) => html`• ${SEGMENT_SHORT[f]}: ${formatCount(shown.segments[f])}${change(f)}`)),
    u.nonAsn && !isGovernment ? '' : undefined,
    nonAsnLines(isGovernment ? 'Non-ASN Pemerintah Provinsi' : 'Non-ASN pemda', u.nonAsn ?? undefined),
  );
}

export function noDataMessage(unit: Unit, note?: string): Html {
  return lines(
    bold(TITLE),
    html`Belum ada laporan untuk ${bold(unit.name)} (kode ${unit.code}).`,
    note ? html`↩️ ${capitalise(note)}.` : 'Data akan tampil setelah petugas Disnaker setempat mengirim laporan mingguan.',
  );
}

const SHORT_CHECK = { verified: ' ✅', pending: ' ⏳', returned: ' ↩️', not_needed: '' } as const;

/** One kab/kota's line in an area's list: its figures with their week and check, or why none counts. */
export function memberLine(m: UnitWeek): Html {
  const noData = m.own?.noData !== undefined ? ` · minggu ini belum ada data (${m.own.noData})` : '';
  const returned = RETURNED_NOTE(m);
  const note = returned ? ` · ${returned}` : '';
  const s = m.standing;
  if (!s) {
    if (m.tooOld) return html`• ${m.unit.name}: ${italic(`data terakhir minggu ke-${weekNumber(m.tooOld.week)} tahun ${weekYear(m.tooOld.week)}, terlalu lama dan tidak dihitung`)}${noData}`;
    return html`• ${m.unit.name}: ${italic('belum ada laporan')}${noData}${note}`;
  }
  const when = s.ageWeeks === 0 ? 'minggu ini' : `minggu ke-${weekNumber(s.week)}${s.stale ? ' ⚠️' : ''}`;
  return html`• ${m.unit.name}: ${formatCount(s.participants)} peserta · ${share(m.coverage)} · ${when}${SHORT_CHECK[s.verification]}${noData}${note}`;
}

/** "atas 5 dari 7 kab/kota (71,0% penduduk bekerja provinsi)": the part of an area a figure stands on. */
export const basisText = (a: AreaWeek): string => basisWords({ coverageMembers: a.coverageMembers, members: a.members.length, workforceShare: a.workforceShare, national: a.scope === 'national' });

/** The same words from plain counts (a series point, a table line). */
export function basisWords(b: { coverageMembers: number; members: number; workforceShare?: Share | undefined; national: boolean }): string {
  if (b.coverageMembers === b.members) return b.members === 1 ? 'atas 1 kab/kota' : `atas seluruh ${b.members} kab/kota`;
  const share = b.workforceShare ? `, ${formatShare(b.workforceShare)} penduduk bekerja ${b.national ? 'nasional' : 'provinsi'}` : '';
  return `sementara: atas ${b.coverageMembers} dari ${b.members} kab/kota${share}`;
}

/** How many of an area's figures a coordinator has verified, and whether the rest are in the totals. */
function verifiedLines(a: AreaWeek, unverified: 'count' | 'exclude'): Html | undefined {
  const excluded = a.setAside.unverified;
  if (a.unverifiedCounted === 0 && excluded === 0) return a.counted > 0 ? html`✅ Semua angka kab/kota yang dihitung telah diverifikasi koordinator.` : undefined;
  return unverified === 'count'
    ? html`⏳ ${a.unverifiedCounted} kab/kota belum diverifikasi koordinator; angkanya ${bold('ikut dihitung')} dan ditandai ⏳ di bawah.`
    : html`⏳ ${excluded} kab/kota belum diverifikasi koordinator; angkanya ${bold('tidak dihitung')} dalam jumlah di atas.`;
}

/** The change since last week over the same kab/kota, in words. */
function changeLine(a: AreaWeek): Html | undefined {
  const c = a.change;
  if (!c) return undefined;
  const who = c.sameSet ? `${c.units} kab/kota` : `${c.units} kab/kota yang dihitung pada kedua minggu`;
  const coverage = c.fromTenths !== undefined && c.toTenths !== undefined ? `; capaiannya ${formatTenths(c.fromTenths)} → ${formatTenths(c.toTenths)}` : '';
  return html`Dibanding minggu sebelumnya, atas ${who}: ${formatSignedCount(c.participants)} peserta${coverage}.`;
}

/** An area's coverage in words: complete, partial (sementara) or not computable, with the denominator's basis. */
export function areaCoverageLine(a: AreaWeek): Html {
  const year = weekYear(a.week);
  if (!a.coverage) {
    return a.counted === 0
      ? html`Capaian UC belum dapat dihitung: belum ada angka kab/kota yang dapat dihitung.`
      : html`Capaian UC belum dapat dihitung: data penduduk bekerja tahun ${year} belum diisi untuk kab/kota yang melapor.`;
  }
  return html`${bold(`Capaian UC: ${formatShare(a.coverage)}`)} dari ${formatCount(a.coverage.den)} penduduk bekerja (${basisText(a)})`;
}

function ownBaselineLine(a: AreaWeek): Html | undefined {
  const own = a.ownBaseline;
  if (!own || a.areaWorkforce?.basis !== 'members' || own.workforce_total === a.areaWorkforce.value) return undefined;
  return html`${italic(`Penduduk bekerja provinsi (sumber: ${own.workforce_source}): ${formatCount(own.workforce_total)}; capaian di atas memakai jumlah penduduk bekerja kab/kota (${formatCount(a.areaWorkforce.value)}) agar pembilang dan penyebut mencakup kab/kota yang sama.`)}`;
}

function areaLines(a: AreaWeek, unverified: 'count' | 'exclude'): Html {
  return lines(
    areaCoverageLine(a),
    ownBaselineLine(a),
    targetLine(a.targetBp, a.gapHundredths, a.target),
    a.complete
      ? paceLines(a.pace)
      : a.targetBp !== undefined && a.coverage
        ? html`${italic(`Target ${formatBasisPoints(a.targetBp)}${a.target ? ` (${a.target.source} ${a.target.year})` : ''}: capaian sementara belum dibandingkan dengan target, dan laju yang diperlukan belum dihitung, karena data kab/kota belum lengkap.`)}`
        : undefined,
    changeLine(a),
    '',
    html`${bold(`Peserta aktif: ${formatCount(a.participants)}`)} (menurut laporan terakhir ${a.counted} dari ${a.members.length} kab/kota)`,
    ...PARTICIPANT_FIELDS.map((f) => html`• ${SEGMENT_SHORT[f]}: ${formatCount(a.segments[f])}`),
    verifiedLines(a, unverified),
    a.stale > 0 ? html`⚠️ Data ${a.stale} kab/kota berumur lebih dari 2 minggu (ditandai ⚠️).` : undefined,
    a.setAside.returned > 0 ? html`↩️ Laporan terbaru ${a.setAside.returned} kab/kota dikembalikan untuk dikoreksi; angka sebelumnya yang diterima yang dihitung.` : undefined,
    a.setAside.too_old > 0 ? html`⚠️ ${a.setAside.too_old} kab/kota tidak dihitung karena laporannya lebih dari 4 minggu yang lalu.` : undefined,
  );
}

/** "5 dari 7 kab/kota; 6 dari 8 unit pelapor (termasuk pemerintah provinsi)": completeness, in the one counting language. */
export function reportedCountsText(a: AreaWeek): string {
  const kabkota = a.members.filter((m) => m.status !== 'belum').length;
  const whom = a.scope === 'national' ? 'termasuk 38 pemerintah provinsi' : 'termasuk pemerintah provinsi';
  return `${kabkota} dari ${a.members.length} kab/kota; ${a.reporting.reported} dari ${a.reporting.units} unit pelapor (${whom})`;
}

/** A province: its kab/kota added up, the provincial government's own non-ASN, and who has reported. */
export function provinceCoverageMessage(a: AreaWeek, unverified: 'count' | 'exclude'): Html {
  const province = a.scope as Unit;
  const own = a.governments[0];
  const ownShown = own?.standing;
  return lines(
    bold(TITLE),
    html`${bold(province.name)} · kode ${province.code} · gabungan ${a.members.length} kab/kota`,
    html`${capitalise(formatWeek(a.week, province.zone))}: ${bold(reportedCountsText(a))} telah melapor.`,
    a.demo ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
    '',
    areaLines(a, unverified),
    '',
    ownShown
      ? nonAsnLines(`Non-ASN Pemerintah Provinsi (laporan minggu ke-${weekNumber(ownShown.week)})`, own?.nonAsn)
      : html`${bold('Non-ASN Pemerintah Provinsi')}: belum ada laporan.`,
    '',
    bold('Per kab/kota'),
    ...a.members.map(memberLine),
  );
}

/** A province's line in a national list: its coverage with its basis, and how many of its kab/kota reported. */
export function provinceLine(p: AreaWeek): Html {
  const province = p.scope as Unit;
  const reported = p.members.filter((m) => m.status !== 'belum').length;
  const basis = p.coverage && !p.complete ? ` (${basisText(p)})` : '';
  return html`• ${province.baseName}: ${share(p.coverage)}${basis} · ${reported}/${p.members.length} kab/kota melapor`;
}

export function nationalCoverageMessage(a: AreaWeek, unverified: 'count' | 'exclude'): Html {
  const provinces = a.provinces ?? [];
  return lines(
    bold(`${TITLE} · Nasional`),
    html`${capitalise(formatWeek(a.week, WIB))}: ${bold(reportedCountsText(a))} telah melapor (menurut waktu setempat tiap daerah).`,
    a.demo ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
    '',
    areaLines(a, unverified),
    '',
    bold('Per provinsi (capaian · kab/kota melapor minggu ini)'),
    html`${italic('Provinsi yang datanya belum lengkap ditandai “sementara”; capaiannya tidak sebanding dengan provinsi yang lengkap.')}`,
    ...provinces.map(provinceLine),
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
