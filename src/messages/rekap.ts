import { COVERAGE_CATEGORIES, type CoverageCategory } from '../domain/categories.js';
import type { PARTICIPANT_FIELDS } from '../domain/figures.js';
import { formatCount, formatDateTime, formatPercent, formatPoints, formatSignedCount, formatWeekShort } from '../domain/format.js';
import type { Pace } from '../domain/pace.js';
import { MAX_PERIOD_WEEKS, type Period, type PeriodError } from '../domain/periods.js';
import type { Unit } from '../domain/regions/directory.js';
import type { WeekKey } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import { bold, code, html, italic, lines, type Html } from './html.js';
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
  const range = i === 0 ? `< ${formatPercent(next ?? 0)}` : next === undefined ? `≥ ${formatPercent(from)}` : `${formatPercent(from)}–${formatPercent(next)}`;
  return `${CATEGORY_LABELS[key]} (${range})`;
}

export const categorySourceText = (): string => `Kategori capaian: ${COVERAGE_CATEGORIES.source}.`;

const weekNo = (w: WeekKey): number => Number(w.slice(6));

export function periodText(p: Period): string {
  if (p.kind === 'year') return `tahun ${p.from.slice(0, 4)} (sampai ${formatWeekShort(p.to)})`;
  if (p.from === p.to) return formatWeekShort(p.from);
  return p.from.slice(0, 4) === p.to.slice(0, 4)
    ? `minggu ke-${weekNo(p.from)} s.d. ke-${weekNo(p.to)} tahun ${p.from.slice(0, 4)}`
    : `${formatWeekShort(p.from)} s.d. ${formatWeekShort(p.to)}`;
}

export const scopeName = (scope: Unit | 'national'): string => (scope === 'national' ? 'Nasional' : scope.name);

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
  totalRow: (scope: Unit | 'national'): string => (scope === 'national' ? 'Jumlah nasional' : `Jumlah ${scopeName(scope)}`),
  ownRow: (u: Unit): string => `${u.name} (pegawai non-ASN pemerintah provinsi)`,
  areaStatus: (r: { onTime: number; late: number; total: number }): string =>
    `${r.onTime + r.late} dari ${r.total} sudah${r.late > 0 ? ` (${r.late} terlambat)` : ''}`,
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
  areaVerified: (v: { verified: number; withData: number }): string => `${v.verified} dari ${v.withData} terverifikasi`,
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
      html`Periode: ${periodText(p)}. Lembar: Rekap, Tren, Metadata.`,
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
      html`Mohon maaf, rekap nasional ${weeks} minggu terlalu besar untuk dikirim lewat chat; paling lama ${max} minggu sekali ekspor.`,
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
  trend: (scope: Unit | 'national', points: Array<{ week: WeekKey; pct?: number | undefined }>, targetPct: number | undefined, demo: boolean): Html => {
    const known = points.filter((p) => p.pct !== undefined);
    const first = known[0];
    const last = known[known.length - 1];
    return lines(
      html`📈 ${bold(CHART_TEXT.trendTitle(scope))}, ${periodText({ from: points[0]?.week ?? ('' as WeekKey), to: points[points.length - 1]?.week ?? ('' as WeekKey), kind: 'range' })}`,
      first && last && first.pct !== undefined && last.pct !== undefined
        ? html`Dari ${formatPercent(first.pct)} (${formatWeekShort(first.week)}) menjadi ${formatPercent(last.pct)} (${formatWeekShort(last.week)}), ${last.pct >= first.pct ? 'naik' : 'turun'} ${formatPoints(Math.abs(last.pct - first.pct))}.`
        : html`${italic('Capaian belum dapat dihitung: data penduduk bekerja belum diisi.')}`,
      targetPct !== undefined && last?.pct !== undefined
        ? html`Target ${formatPercent(targetPct)}; ${last.pct >= targetPct ? 'lebih' : 'kurang'} ${formatPoints(Math.abs(last.pct - targetPct))}.`
        : undefined,
      demo ? html`⚠️ ${bold('Data contoh (demo).')}` : undefined,
    );
  },
  ranking: (scope: Unit | 'national', week: WeekKey, rows: Array<{ name: string; pct?: number | undefined }>, demo: boolean): Html => {
    const ranked = rows.filter((r) => r.pct !== undefined);
    const top = ranked[0];
    const bottom = ranked[ranked.length - 1];
    return lines(
      html`🏅 ${bold(CHART_TEXT.rankTitle(scope, week))}`,
      top && bottom && top.pct !== undefined && bottom.pct !== undefined
        ? html`Tertinggi: ${top.name} ${formatPercent(top.pct)}; terendah: ${bottom.name} ${formatPercent(bottom.pct)}.`
        : undefined,
      rows.length > ranked.length ? html`${rows.length - ranked.length} wilayah tanpa capaian (data belum lengkap).` : undefined,
      categorySourceText(),
      demo ? html`⚠️ ${bold('Data contoh (demo).')}` : undefined,
    );
  },
  completeness: (scope: Unit | 'national', points: Array<{ week: WeekKey; reported: number; total: number }>, demo: boolean): Html => {
    const last = points[points.length - 1];
    return lines(
      html`🗓️ ${bold(CHART_TEXT.completenessTitle(scope))}`,
      last ? html`${formatWeekShort(last.week)}: ${last.reported} dari ${last.total} unit sudah melapor.` : undefined,
      demo ? html`⚠️ ${bold('Data contoh (demo).')}` : undefined,
    );
  },
};

export interface RankingLine {
  name: string;
  pct?: number | undefined;
  targetPct?: number | undefined;
  gapPoints?: number | undefined;
  pace?: Pace | undefined;
  latestWeek?: WeekKey | undefined;
}

/** /peringkat: the league table, one line per unit or province, best first; units without coverage at the end. */
export function rankingMessage(scope: Unit | 'national', week: WeekKey, rows: RankingLine[], demo: boolean): Html {
  const ranked = rows.filter((r) => r.pct !== undefined).sort((a, b) => (b.pct ?? 0) - (a.pct ?? 0));
  const unranked = rows.filter((r) => r.pct === undefined);
  const paceText = (p: Pace | undefined): string => {
    if (!p) return '';
    if (p.status === 'reached') return ' · target tercapai';
    if (p.neededPerWeek === undefined) return ` · kurang ${formatCount(p.shortfall)} peserta`;
    const recent = p.recentPerWeek === undefined ? '' : `, laju ${formatSignedCount(Math.round(p.recentPerWeek))}`;
    return ` · perlu ${formatSignedCount(Math.ceil(p.neededPerWeek))}/minggu${recent}${p.status === 'on_pace' ? ' ✅' : p.status === 'behind' ? ' ⚠️' : ''}`;
  };
  return lines(
    html`🏅 ${bold(CHART_TEXT.rankTitle(scope, week))}`,
    demo ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
    '',
    ...ranked.map(
      (r, i) =>
        html`${i + 1}. ${r.name}: ${bold(formatPercent(r.pct ?? 0))}${r.targetPct !== undefined && r.gapPoints !== undefined ? ` (target ${formatPercent(r.targetPct)}; ${r.gapPoints >= 0 ? 'lebih' : 'kurang'} ${formatPoints(Math.abs(r.gapPoints))})` : ''}${paceText(r.pace)}`,
    ),
    unranked.length > 0 ? '' : undefined,
    unranked.length > 0 ? html`${italic('Belum dapat dihitung (data peserta atau penduduk bekerja belum ada):')} ${unranked.map((r) => r.name).join(', ')}` : undefined,
    '',
    html`Perlu/minggu: tambahan peserta aktif per minggu agar target tercapai pada akhir tahun; laju: rata-rata 4 minggu terakhir.`,
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
  reported: number;
  late: number;
  total: number;
  pct?: number | undefined;
  previousPct?: number | undefined;
  participants: number;
  previousParticipants?: number | undefined;
  movers: Array<{ name: string; change: number }>;
  missing: string[];
  /** Reports of the week still awaiting a coordinator's verification. */
  awaiting: number;
  demo: boolean;
  generatedAt: Date;
}): Html {
  const change =
    input.previousParticipants !== undefined ? ` (${formatSignedCount(input.participants - input.previousParticipants)} dibanding minggu sebelumnya)` : '';
  const pctChange =
    input.pct !== undefined && input.previousPct !== undefined ? `, ${input.pct >= input.previousPct ? '+' : ''}${formatPoints(input.pct - input.previousPct)} dibanding minggu sebelumnya` : '';
  const MAX_NAMES = 30;
  return lines(
    html`📋 ${bold(`Rekap mingguan UC Jamsosnaker ${scopeName(input.scope)}`)}`,
    html`${formatWeekShort(input.week)} · dibuat ${formatDateTime(input.generatedAt, WIB)}`,
    input.demo ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
    '',
    html`Laporan masuk: ${bold(`${input.reported} dari ${input.total} unit`)}${input.late > 0 ? ` (${input.late} terlambat)` : ''}.`,
    input.awaiting > 0 ? html`⏳ ${input.awaiting} laporan menunggu verifikasi (/verifikasi).` : undefined,
    input.pct !== undefined ? html`Capaian UC: ${bold(formatPercent(input.pct))}${pctChange}.` : html`Capaian UC belum dapat dihitung: data penduduk bekerja belum lengkap.`,
    html`Peserta aktif: ${formatCount(input.participants)}${change}.`,
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
