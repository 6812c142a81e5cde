import { COVERAGE_CATEGORIES, type CoverageCategory } from '../domain/categories.js';
import { tenthsOf } from '../domain/exact.js';
import { rankedLines, type RekapLine } from '../queries/lines.js';
import type { AreaWeek, SeriesChange, SeriesPoint, UnitWeek } from '../queries/types.js';
import { areaCoverageLine, basisWords, reportedCountsText } from './coverage.js';
import type { PARTICIPANT_FIELDS } from '../domain/figures.js';
import { formatBasisPoints, formatCount, formatDateTime, formatHundredthsPoints, formatPercent, formatPoints, formatShare, formatSignedCount, formatTenths, formatTenthsChange, formatWeekShort } from '../domain/format.js';
import type { Pace } from '../domain/pace.js';
import { MAX_PERIOD_WEEKS, type Period, type PeriodError } from '../domain/periods.js';
import type { Unit } from '../domain/regions/directory.js';
import { weekNumber, type WeekKey } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import { bold, code, html, italic, lines, type Html, capitalise } from './html.js';
import { SEGMENT_SHORT } from './labels.js';

/** Where a unit's report of a week stands. */
export const STATUS_LABELS = { sudah: 'Sudah', terlambat: 'Terlambat', belum: 'Belum' } as const;

export const CATEGORY_LABELS: Record<CoverageCategory, string> = {
  sangat_rendah: 'Sangat rendah',
  rendah: 'Rendah',
  sedang: 'Sedang',
  tinggi: 'Tinggi',
};

/** Colours of the categories in charts: red to green, distinguishable in greyscale print too. */
export const CATEGORY_COLOURS: Record<CoverageCategory, string> = {
  sangat_rendah: '#b2182b',
  rendah: '#ef8a62',
  sedang: '#67a9cf',
  tinggi: '#1a9850',
};

/** "Sangat rendah (< 20%)", "Rendah (20%–40%)", ..., "Tinggi (≥ 60%)", from the bands' data. */
export function categoryLegend(key: CoverageCategory): string {
  const bands = COVERAGE_CATEGORIES.bands;
  const i = bands.findIndex((b) => b.key === key);
  const from = bands[i]?.fromPct ?? 0;
  const next = bands[i + 1]?.fromPct;
  // Half-open bands: 40,0% is "sedang", not also "rendah".
  const range = i === 0 ? `< ${formatPercent(next ?? 0)}` : next === undefined ? `≥ ${formatPercent(from)}` : `≥ ${formatPercent(from)} dan < ${formatPercent(next)}`;
  return `${CATEGORY_LABELS[key]} (${range})`;
}

/** The bands' footnote, as a reader should understand it (not a developer's note). */
export const categorySourceText = (): string => `Catatan: ${COVERAGE_CATEGORIES.footnote}`;


export function periodText(p: Period): string {
  if (p.kind === 'year') return `tahun ${p.from.slice(0, 4)} (sampai ${formatWeekShort(p.to)})`;
  if (p.from === p.to) return formatWeekShort(p.from);
  return p.from.slice(0, 4) === p.to.slice(0, 4)
    ? `minggu ke-${weekNumber(p.from)} s.d. ke-${weekNumber(p.to)} tahun ${p.from.slice(0, 4)}`
    : `${formatWeekShort(p.from)} s.d. ${formatWeekShort(p.to)}`;
}

/** The nation's name wherever a scope is named (titles, files, boards, status). */
export const NATIONAL_NAME = 'Nasional';

export const scopeName = (scope: Unit | 'national'): string => (scope === 'national' ? NATIONAL_NAME : scope.name);

/** The gap and the pace to the target, in words ("perlu +1.250 peserta per minggu; rata-rata 4 minggu terakhir +334"). */
export function paceLines(pace: Pace | undefined): Html | undefined {
  if (!pace) return undefined;
  if (pace.status === 'reached') return html`✅ Target tahun ${pace.targetYear} sudah tercapai (${formatCount(pace.targetParticipants)} peserta).`;
  const recent =
    pace.recentPerWeek === undefined
      ? 'laju mingguan belum dapat dihitung (tidak ada laporan dalam 4 minggu sebelumnya)'
      : `rata-rata ${pace.recentWeeks === 4 ? '4 minggu terakhir' : `${pace.recentWeeks} minggu terakhir`} ${formatSignedCount(Math.round(pace.recentPerWeek))}`;
  if (pace.status === 'year_over') {
    return html`Tahun ${pace.targetYear} sudah berakhir; kurang ${formatCount(pace.shortfall)} peserta dari target (${recent}).`;
  }
  const verdict =
    pace.status === 'on_pace'
      ? bold('Laju saat ini cukup untuk mencapai target.')
      : pace.status === 'behind'
        ? bold('Laju saat ini belum cukup untuk mencapai target.')
        : '';
  return lines(
    html`Untuk mencapai target pada akhir ${pace.targetYear} (${pace.weeksLeft} minggu lagi): kurang ${formatCount(pace.shortfall)} peserta, perlu ${bold(`${formatSignedCount(Math.ceil(pace.neededPerWeek ?? 0))} peserta per minggu`)}; ${recent}.`,
    verdict === '' ? undefined : verdict,
  );
}

export const REKAP_TEXT = {
  sheetRekap: 'Rekap',
  sheetTrend: 'Tren',
  sheetMeta: 'Metadata',
  sheetTitle: (scope: string): string => `Rekap Capaian UC Jamsosnaker ${scope}`,
  sheetSubtitle: (period: string, week: WeekKey, demo: boolean): string =>
    `Periode: ${period}; angka per ${formatWeekShort(week)}. Sumber: laporan mingguan Disnaker kab/kota, diolah UC Bot. Definisi dan rumus pada lembar Metadata.${demo ? ' BERISI DATA CONTOH (DEMO), BUKAN DATA RESMI.' : ''}`,
  totalRow: (scope: Unit | 'national'): string => (scope === 'national' ? 'Jumlah nasional' : `Jumlah ${scopeName(scope)}`),
  ownRow: (u: Unit): string => `${u.name} (pegawai non-ASN pemerintah provinsi)`,
  areaStatus: (r: { reported: number; late: number; units: number }): string =>
    `${r.reported} dari ${r.units} unit pelapor sudah${r.late > 0 ? ` (${r.late} terlambat)` : ''}`,
  headers: {
    code: 'Kode wilayah',
    name: 'Nama',
    province: 'Provinsi',
    latestWeek: 'Minggu laporan terakhir',
    week: 'Minggu',
    segment: (f: (typeof PARTICIPANT_FIELDS)[number]): string => `Peserta ${SEGMENT_SHORT[f]}`,
    participants: 'Total peserta aktif',
    workforce: 'Penduduk bekerja',
    workforceSource: 'Sumber penduduk bekerja',
    coverage: 'Capaian UC',
    target: 'Target UC',
    gap: 'Selisih terhadap target (poin)',
    needed: 'Tambahan peserta per minggu yang diperlukan',
    recent: 'Rata-rata pertambahan per minggu (4 minggu terakhir)',
    nonAsnTotal: 'Pegawai non-ASN',
    programme: (p: string): string => `Non-ASN ${p}`,
    programmePct: (p: string): string => `Non-ASN ${p} (%)`,
    status: (week: WeekKey): string => `Status laporan ${formatWeekShort(week)}`,
    weekStatus: 'Status laporan',
    revisions: 'Jumlah revisi',
    verification: 'Verifikasi koordinator',
    note: 'Keterangan',
    demo: 'Data contoh (demo)',
  },
  areaVerified: (v: { verified: number; counted: number }): string => `${v.verified} dari ${v.counted} angka kab/kota terverifikasi`,
  /** Why a totals row may differ from the sum of the rows above it. */
  totalNote: (r: { partial?: { members: number; of: number } | undefined; workforce?: number | undefined }): string =>
    r.partial
      ? `Penduduk bekerja dan capaian hanya atas ${r.partial.members} dari ${r.partial.of} kab/kota yang angkanya dihitung; peserta adalah jumlah baris di atas`
      : 'Jumlah baris di atas',
  noDataNote: (reason: string): string => `Belum ada data: ${reason}`,
  yes: 'Ya',
  meta: {
    title: 'Rekap Capaian Universal Coverage Jaminan Sosial Ketenagakerjaan',
    scope: 'Cakupan wilayah',
    period: 'Periode',
    generatedAt: 'Dibuat pada',
    generatedBy: 'Dibuat oleh',
    regionCodes: 'Standar kode wilayah',
    regionCodesValue: 'Kode wilayah Kemendagri sesuai Kepmendagri Nomor 300.2.2-2138 Tahun 2025 (PP untuk provinsi, PP.KK untuk kabupaten/kota)',
    weeks: 'Minggu',
    weeksValue: 'Minggu ISO (Senin–Minggu) menurut zona waktu masing-masing daerah',
    demo: 'Data contoh',
    demoYes: 'PERHATIAN: sebagian atau seluruh angka dalam berkas ini adalah DATA CONTOH (DEMO), bukan data resmi. Baris yang bersangkutan ditandai pada kolom “Data contoh (demo)”.',
    demoNo: 'Tidak ada data contoh dalam berkas ini.',
    indicators: 'Indikator',
    definition: 'Definisi',
    formula: 'Rumus',
    sources: 'Sumber penduduk bekerja per wilayah',
    noSource: 'belum diisi',
    categories: 'Kategori capaian',
    sdi: 'Disusun mengikuti prinsip Satu Data Indonesia (Perpres Nomor 39 Tahun 2019): standar data, metadata, kode referensi.',
  },
  indicators: [
    ['Peserta aktif', 'Tenaga kerja yang terdaftar dan aktif membayar iuran BPJS Ketenagakerjaan, per segmen (PU, BPU, Jasa Konstruksi, PMI), pada akhir minggu laporan', 'PU + BPU + Jasa Konstruksi + PMI'],
    ['Penduduk bekerja', 'Penduduk usia kerja yang bekerja menurut BPS (Sakernas Agustus), per kabupaten/kota per tahun', 'angka BPS sesuai sumber yang dicantumkan'],
    ['Capaian UC', 'Persentase penduduk bekerja yang terlindungi jaminan sosial ketenagakerjaan', 'total peserta aktif / penduduk bekerja × 100%'],
    ['Target UC', 'Target capaian daerah untuk tahun berjalan (RPJMD/RKPD), diisi koordinator', 'persentase'],
    ['Selisih terhadap target', 'Capaian dikurangi target, dalam poin persentase', 'capaian UC − target UC'],
    ['Tambahan peserta per minggu yang diperlukan', 'Pertambahan peserta aktif tiap minggu agar target tercapai pada minggu terakhir tahun target', '(target × penduduk bekerja − peserta aktif) / sisa minggu'],
    ['Rata-rata pertambahan per minggu', 'Rata-rata perubahan peserta aktif per minggu selama paling lama 4 minggu terakhir yang memiliki laporan', '(peserta minggu ini − peserta 4 minggu sebelumnya) / jumlah minggu'],
    ['Non-ASN terlindungi per program', 'Pegawai non-ASN pemerintah daerah yang terlindungi JKK, JKM, JHT, JP', 'jumlah terlindungi / jumlah pegawai non-ASN × 100%'],
    ['Status laporan', 'Sudah: diterima sebelum batas waktu; Terlambat: diterima setelah batas waktu; Belum: tidak ada laporan minggu itu. Laporan “belum ada data” dihitung sudah melapor, tanpa angka (tidak dianggap 0)', '–'],
    ['Verifikasi koordinator', 'Terverifikasi: diperiksa dan disetujui koordinator provinsi (laporan pemerintah provinsi: koordinator nasional); Menunggu verifikasi; Dikembalikan: dikembalikan kepada petugas untuk dikoreksi. Koreksi atas laporan terverifikasi menunggu verifikasi lagi', '–'],
  ] as const,
};

export const EXPORT_TEXT = {
  fileName: (scopeSlug: string, periodSlug: string): string => `rekap-uc-${scopeSlug}-${periodSlug}.xlsx`,
  caption: (scope: Unit | 'national', p: Period, demo: boolean): Html =>
    lines(
      html`📊 ${bold(`Rekap capaian UC Jamsosnaker ${scopeName(scope)}`)}`,
      html`Periode: ${periodText(p)}. Lembar: Rekap, Tren, Tindak Lanjut (bila ada), Profil, Metadata.`,
      demo ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
    ),
  choose: (scope: Unit | 'national'): Html =>
    lines(
      html`📊 ${bold(`Ekspor rekap ${scopeName(scope)}`)}`,
      'Silakan pilih periode. Bapak/Ibu juga dapat mengetik wilayah dan periode, misalnya:',
      html`${code('/ekspor Babel minggu 47')}, ${code('/ekspor Babel 2026-W40..2026-W48')}, ${code('/ekspor nasional 2026')}`,
    ),
  usage: (): Html =>
    lines(
      'Mohon sebutkan wilayahnya, misalnya:',
      html`${code('/ekspor nasional')}, ${code('/ekspor Babel minggu 47')} atau ${code('/ekspor Pangkalpinang 2026')}`,
    ),
  buttons: { week: 'Minggu ini', last4: '4 minggu terakhir', last12: '12 minggu terakhir', last26: '26 minggu terakhir', year: 'Tahun ini' },
  nationalTooLong: (weeks: number, max: number): Html =>
    lines(
      html`Mohon maaf, rekap nasional ${weeks} minggu terlalu besar untuk dikirim lewat Telegram; paling lama ${max} minggu sekali ekspor.`,
      html`Silakan pilih periode yang lebih pendek, misalnya ${code('/ekspor nasional 2026-W36..2026-W48')}, atau rekap per provinsi. Operator dapat membuat rekap yang lebih panjang dengan ${code('npm run cli -- export')}.`,
    ),
  preparing: 'Sedang menyiapkan berkas…',
  failed: (): Html => html`Mohon maaf, rekap belum dapat dibuat karena sebagian data tidak dapat dibaca. Masalahnya sudah dicatat untuk petugas teknis; silakan coba lagi nanti.`,
};

export const exportNotAllowedMessage = (): Html =>
  lines('Mohon maaf, ekspor rekap disediakan untuk koordinator dan admin.', html`Bapak/Ibu tetap dapat melihat capaian dengan ${code('/cakupan')} dan grafik dengan ${code('/grafik')}.`);

export function periodErrorMessage(e: PeriodError): Html {
  const how = html`Contoh penulisan: ${code('minggu 47')}, ${code('2026-W47')}, ${code('2026-W40..2026-W48')} atau ${code('2026')}.`;
  switch (e.kind) {
    case 'format':
      return lines('Mohon maaf, periode tersebut tidak dapat dibaca.', how);
    case 'no_such_week':
      return lines(html`Mohon maaf, minggu “${e.text}” tidak ada dalam kalender.`, how);
    case 'future':
      return lines(html`Mohon maaf, ${formatWeekShort(e.week)} belum berjalan, jadi belum ada datanya.`, how);
    case 'reversed':
      return lines('Mohon maaf, minggu awal periode harus sebelum minggu akhirnya.', how);
    case 'too_long':
      return lines(html`Mohon maaf, periode ${e.weeks} minggu terlalu panjang; paling lama ${MAX_PERIOD_WEEKS} minggu (dua tahun) sekali ekspor.`, how);
  }
}

export const CHART_TEXT = {
  trendTitle: (scope: Unit | 'national'): string => `Capaian UC ${scopeName(scope)}`,
  rankTitle: (scope: Unit | 'national', week: WeekKey): string =>
    `Peringkat capaian UC ${scope === 'national' ? 'provinsi' : `kab/kota ${scopeName(scope)}`}, ${formatWeekShort(week)}`,
  completenessTitle: (scope: Unit | 'national'): string => `Kelengkapan laporan mingguan ${scopeName(scope)}`,
  target: 'Target',
  coverage: 'Capaian',
  participants: 'Peserta aktif',
  compositionBreak: 'Garis titik-titik tegak: kab/kota yang dihitung berubah; garis capaian tidak disambung melewatinya.',
  source: (week: WeekKey): string => `Sumber: laporan mingguan Disnaker kab/kota, diolah UC Bot; data per ${formatWeekShort(week)}`,
  completenessUnits: (units: number): string => `Persentase dari ${formatCount(units)} unit pelapor (kab/kota dan pemerintah provinsi)`,
  reported: 'Sudah melapor',
  notReported: 'Belum melapor',
  noCoverage: 'belum ada data penduduk bekerja',
  demoMark: 'DATA CONTOH (DEMO), BUKAN DATA RESMI',
  usage: (): Html =>
    lines(
      'Mohon sebutkan wilayahnya, misalnya:',
      html`${code('/grafik Babel')}, ${code('/grafik nasional')}, ${code('/grafik Pangkalpinang 2026')}`,
      html`Jenis grafik dapat dipilih dengan menambahkan ${code('tren')}, ${code('peringkat')} atau ${code('kelengkapan')}, misalnya ${code('/grafik Babel tren')}.`,
    ),
  noData: (scope: Unit | 'national'): Html => html`Belum ada laporan untuk ${bold(scopeName(scope))} pada periode itu, jadi grafik belum dapat dibuat.`,
  rankNeedsArea: (u: Unit): Html => html`Grafik peringkat membandingkan kab/kota dalam satu provinsi; ${u.name} adalah kab/kota. Silakan minta ${code('/grafik ' + u.baseName + ' tren')}.`,
};

/** A chart's caption: the essentials in text, for whoever cannot see the picture. */
export const chartCaptions = {
  trend: (scope: Unit | 'national', series: readonly SeriesPoint[], change: SeriesChange | undefined, demo: boolean): Html => {
    const first = series[0];
    const last = series[series.length - 1];
    const lastKnown = [...series].reverse().find((p) => p.coverage !== undefined);
    const breaks = series.filter((p) => p.compositionChanged).map((p) => `ke-${weekNumber(p.week)}`);
    const isArea = scope === 'national' || scope.kind === 'provinsi';
    const target = lastKnown?.targetBp;
    const gap = lastKnown?.coverage && target !== undefined ? tenthsOf(lastKnown.coverage) * 10 - target : undefined;
    return lines(
      html`📈 ${bold(CHART_TEXT.trendTitle(scope))}, ${periodText({ from: first?.week ?? ('' as WeekKey), to: last?.week ?? ('' as WeekKey), kind: 'range' })}`,
      lastKnown?.coverage
        ? html`Capaian ${formatWeekShort(lastKnown.week)}: ${bold(formatShare(lastKnown.coverage))}${isArea ? ` (${basisWords({ ...lastKnown, national: scope === 'national' })})` : ''}.`
        : html`${italic('Capaian belum dapat dihitung: data penduduk bekerja belum diisi.')}`,
      change
        ? html`${change.sameSet ? 'Perubahan' : `Perubahan atas ${change.units} kab/kota yang dihitung pada kedua minggu`}: dari ${formatTenths(change.fromTenths)} (${formatWeekShort(change.fromWeek)}) menjadi ${formatTenths(change.toTenths)} (${formatWeekShort(change.toWeek)}), ${change.toTenths >= change.fromTenths ? 'naik' : 'turun'} ${formatPoints(Math.abs(change.toTenths - change.fromTenths) / 10)}.`
        : undefined,
      breaks.length > 0 ? html`Garis terputus pada minggu ${breaks.join(', ')}: kab/kota yang dihitung berubah, sehingga capaian sebelum dan sesudahnya tidak dibandingkan langsung.` : undefined,
      target !== undefined && gap !== undefined
        ? lastKnown && lastKnown.coverageMembers < lastKnown.members
          ? html`Target ${formatBasisPoints(target)}: capaian sementara belum dibandingkan dengan target karena data kab/kota belum lengkap.`
          : html`Target ${formatBasisPoints(target)}; ${gap >= 0 ? 'lebih' : 'kurang'} ${formatHundredthsPoints(gap)}.`
        : undefined,
      demo ? html`⚠️ ${bold('Data contoh (demo).')}` : undefined,
    );
  },
  ranking: (scope: Unit | 'national', week: WeekKey, rows: readonly RekapLine[], demo: boolean): Html => {
    const { ranked, partial, unranked } = rankedLines(rows);
    const top = ranked[0];
    const bottom = ranked[ranked.length - 1];
    const name = (r: RekapLine): string => (r.unit ? (r.kind === 'area' ? r.unit.baseName : r.unit.name) : '');
    const stale = ranked.filter((r) => r.kind === 'unit' && r.latestWeek !== undefined && r.latestWeek !== week);
    return lines(
      html`🏅 ${bold(CHART_TEXT.rankTitle(scope, week))}`,
      top?.coverage && bottom?.coverage && top !== bottom ? html`Tertinggi: ${name(top)} ${formatShare(top.coverage)}; terendah: ${name(bottom)} ${formatShare(bottom.coverage)}.` : undefined,
      partial.length > 0 ? html`Data belum lengkap, tidak diperingkat bersama (batang pucat): ${partial.map((r) => `${name(r)} (${r.partial?.members}/${r.partial?.of} kab/kota)`).join(', ')}.` : undefined,
      stale.length > 0 ? html`Angka minggu sebelumnya (ditandai “mg”): ${stale.map((r) => `${name(r)} minggu ke-${weekNumber(r.latestWeek as WeekKey)}`).join(', ')}.` : undefined,
      unranked.length > 0 ? html`${unranked.length} wilayah tanpa capaian (data belum ada).` : undefined,
      categorySourceText(),
      demo ? html`⚠️ ${bold('Data contoh (demo).')}` : undefined,
    );
  },
  completeness: (scope: Unit | 'national', points: readonly SeriesPoint[], demo: boolean): Html => {
    const last = points[points.length - 1];
    return lines(
      html`🗓️ ${bold(CHART_TEXT.completenessTitle(scope))}`,
      last ? html`${capitalise(formatWeekShort(last.week))}: ${last.reporting.reported} dari ${last.reporting.units} unit pelapor (kab/kota dan pemerintah provinsi) sudah melapor.` : undefined,
      demo ? html`⚠️ ${bold('Data contoh (demo).')}` : undefined,
    );
  },
};


/** A line's marks in a table: partial, stale, returned, unverified. */
export function lineMarks(r: RekapLine, week: WeekKey): string {
  const marks: string[] = [];
  if (r.partial) marks.push(`sementara: ${r.partial.members} dari ${r.partial.of} kab/kota${r.partial.workforceShare ? `, ${formatShare(r.partial.workforceShare)} penduduk bekerja` : ''}`);
  if (r.kind === 'unit' && r.latestWeek && r.latestWeek !== week) marks.push(`angka minggu ke-${weekNumber(r.latestWeek)}${r.stale ? ' ⚠️' : ''}`);
  if (r.kind === 'area' && r.staleMembers) marks.push(`${r.staleMembers} kab/kota dengan angka lebih dari 2 minggu ⚠️`);
  if (r.setAside?.reason === 'returned') marks.push(`laporan minggu ke-${weekNumber(r.setAside.week)} dikembalikan ↩️`);
  if (r.kind === 'unit' && r.verification === 'pending') marks.push('belum diverifikasi ⏳');
  return marks.join('; ');
}

/** /peringkat: the league table: complete figures ranked, partial areas apart, units without coverage at the end. */
export function rankingMessage(scope: Unit | 'national', week: WeekKey, rows: readonly RekapLine[], demo: boolean): Html {
  const { ranked, partial, unranked } = rankedLines(rows);
  const name = (r: RekapLine): string => (r.unit ? (r.kind === 'area' ? r.unit.baseName : r.unit.name) : '');
  const paceText = (p: Pace | undefined): string => {
    if (!p) return '';
    if (p.status === 'reached') return ' · target tercapai';
    if (p.neededPerWeek === undefined) return ` · kurang ${formatCount(p.shortfall)} peserta`;
    const recent = p.recentPerWeek === undefined ? '' : `, laju ${formatSignedCount(p.recentPerWeek)}`;
    return ` · perlu ${formatSignedCount(p.neededPerWeek)}/minggu${recent}${p.status === 'on_pace' ? ' ✅' : p.status === 'behind' ? ' ⚠️' : ''}`;
  };
  const line = (r: RekapLine, prefix: string): Html => {
    const marks = lineMarks(r, week);
    const target = r.targetBp !== undefined && r.gapHundredths !== undefined ? ` (target ${formatBasisPoints(r.targetBp)}; ${r.gapHundredths >= 0 ? 'lebih' : 'kurang'} ${formatHundredthsPoints(r.gapHundredths)})` : '';
    return html`${prefix}${name(r)}: ${bold(r.coverage ? formatShare(r.coverage) : '–')}${target}${paceText(r.pace)}${marks ? ` · ${marks}` : ''}`;
  };
  return lines(
    html`🏅 ${bold(CHART_TEXT.rankTitle(scope, week))}`,
    demo ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
    '',
    ...ranked.map((r, i) => line(r, `${i + 1}. `)),
    partial.length > 0 ? '' : undefined,
    partial.length > 0 ? html`${bold('Data belum lengkap (sementara; tidak diperingkat bersama yang lengkap):')}` : undefined,
    ...partial.map((r) => line(r, '• ')),
    unranked.length > 0 ? '' : undefined,
    unranked.length > 0 ? html`${italic('Belum dapat dihitung (data peserta atau penduduk bekerja belum ada):')} ${unranked.map(name).join(', ')}` : undefined,
    '',
    html`Perlu/minggu: tambahan peserta aktif per minggu agar target tercapai pada akhir tahun (hanya untuk data lengkap); laju: rata-rata 4 minggu terakhir.`,
  );
}

export const RANKING_TEXT = {
  usage: (): Html => lines('Mohon sebutkan provinsinya, misalnya:', html`${code('/peringkat Babel')} atau ${code('/peringkat nasional')}`),
  unitScope: (u: Unit): Html => html`Peringkat membandingkan kab/kota dalam satu provinsi atau provinsi secara nasional; ${u.name} adalah kab/kota. Silakan coba ${code('/peringkat')} dengan nama provinsinya.`,
};

/** The weekly rekap pushed after the deadline: counts, coverage and its change, biggest movers, who is late. */
export function pushedRekapMessage(input: {
  scope: Unit | 'national';
  week: WeekKey;
  /** The scope as an area (a province, the nation) or one unit. */
  area?: AreaWeek | undefined;
  unit?: UnitWeek | undefined;
  movers: Array<{ name: string; change: number }>;
  missing: string[];
  /** Reports of the week still awaiting a coordinator's verification. */
  awaiting: number;
  demo: boolean;
  generatedAt: Date;
}): Html {
  const MAX_NAMES = 30;
  const a = input.area;
  const u = input.unit;
  const reportedLine = a
    ? html`Laporan masuk: ${bold(reportedCountsText(a))}${a.reporting.late > 0 ? ` (${a.reporting.late} terlambat)` : ''}.`
    : u
      ? html`Laporan masuk: ${u.status === 'belum' ? 'belum' : u.status === 'terlambat' ? 'sudah (terlambat)' : 'sudah'}.`
      : undefined;
  const coverage = a
    ? areaCoverageLine(a)
    : u?.coverage
      ? html`Capaian UC: ${bold(formatShare(u.coverage))}.`
      : html`Capaian UC belum dapat dihitung: data penduduk bekerja belum lengkap.`;
  const change = a?.change;
  return lines(
    html`📋 ${bold(`Rekap mingguan UC Jamsosnaker ${scopeName(input.scope)}`)}`,
    html`${formatWeekShort(input.week)} · dibuat ${formatDateTime(input.generatedAt, WIB)}`,
    input.demo ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
    '',
    reportedLine,
    input.awaiting > 0 ? html`⏳ ${input.awaiting} laporan menunggu verifikasi (/verifikasi).` : undefined,
    coverage,
    a ? html`Peserta aktif: ${formatCount(a.participants)} (menurut laporan terakhir ${a.counted} dari ${a.members.length} kab/kota).` : u?.standing ? html`Peserta aktif: ${formatCount(u.standing.participants)}.` : undefined,
    change
      ? html`Dibanding minggu sebelumnya, atas ${change.sameSet ? `${change.units} kab/kota` : `${change.units} kab/kota yang dihitung pada kedua minggu`}: ${formatSignedCount(change.participants)} peserta${change.fromTenths !== undefined && change.toTenths !== undefined ? `, capaian ${formatTenthsChange(change.toTenths - change.fromTenths)}` : ''}.`
      : undefined,
    input.movers.length > 0 ? '' : undefined,
    input.movers.length > 0 ? bold('Perubahan terbesar:') : undefined,
    ...input.movers.map((m) => html`• ${m.name}: ${formatSignedCount(m.change)} peserta`),
    '',
    input.missing.length === 0
      ? html`✅ Semua unit sudah melapor.`
      : html`${bold(`Belum melapor (${input.missing.length}):`)} ${input.missing.slice(0, MAX_NAMES).join(', ')}${input.missing.length > MAX_NAMES ? `, dan ${input.missing.length - MAX_NAMES} lainnya` : ''}.`,
    '',
    'Grafik peringkat dan berkas XLSX menyusul di bawah ini.',
  );
}

export const PUSH_TITLE = (scope: Unit | 'national', week: WeekKey): string => `Rekap mingguan ${scopeName(scope)} ${week}`;
