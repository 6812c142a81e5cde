import { weekNumber } from '../domain/weeks.js';
import { STALE_AFTER_WEEKS } from '../domain/coverage.js';
import { NONASN_PROGRAMMES, type ProgrammeField } from '../domain/figures.js';
import { formatCount, formatDateTime, formatPercent, formatPoints, formatSignedCount, formatWeekShort, formatBasisPoints } from '../domain/format.js';
import type { PackInput, PackRankRow, PackTarget } from '../domain/pack.js';
import type { WeekKey } from '../domain/weeks.js';
import { ZONE_IANA } from '../domain/when.js';
import { bold, code, html, italic, lines, type Html } from './html.js';

/** The short names of the non-ASN programmes, as officials say them. */
export const PROGRAMME_SHORT: Record<ProgrammeField, string> = { nonasn_jkk: 'JKK', nonasn_jkm: 'JKM', nonasn_jht: 'JHT', nonasn_jp: 'JP' };

/** "A", "A dan B", "A, B dan C". */
const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1] ?? ''}`;

const weekNo = (w: WeekKey): number => Number(w.slice(6));
const rounded = (n: number): number => Math.round(n * 10) / 10;

/** The sentences of the narrative, by what each is about: the deck's notes put each beside its slide. */
export interface Narrative {
  coverage: string;
  change?: string | undefined;
  pace?: string | undefined;
  ranking?: string | undefined;
  nonAsn: string;
  completeness: string;
}

/** Three to six sentences, in reading order. */
export const narrativeSentences = (n: Narrative): string[] =>
  [n.coverage, n.change, n.pace, n.ranking, n.nonAsn, n.completeness].filter((s): s is string => s !== undefined);

/** A target with the precision it was published with (RKP 2026: 34,99%, not 35,0%). */
/** A province's figure over part of its kab/kota is partial; a kab/kota's carried from an earlier week is named by it. */
const partialNote = (r: PackRankRow): string => (r.code.includes('.') && r.latestWeek ? `angka minggu ke-${weekNumber(r.latestWeek)}` : 'data belum lengkap');

const targetPct = (t: PackTarget): string => formatBasisPoints(Math.round(t.pct * 100));
const targetLabel = (t: PackTarget): string => `target ${t.year} sebesar ${targetPct(t)} (sumber: ${t.source})`;

function coverageSentence(p: PackInput): string {
  const c = p.coverage;
  const subject = `Capaian UC Jamsosnaker ${p.scope.name} pada ${formatWeekShort(p.week)}`;
  if (c.pct === undefined) {
    if (c.participants === 0) return `Hingga ${formatWeekShort(p.week)} belum ada angka kepesertaan yang dilaporkan untuk ${p.scope.name}, sehingga capaian UC Jamsosnaker belum dapat dihitung.`;
    return `${subject} belum dapat dihitung karena data penduduk bekerja belum tersedia; tercatat ${formatCount(c.participants)} peserta aktif.`;
  }
  const figure = `${formatPercent(c.pct)} (${formatCount(c.basisParticipants)} peserta aktif dari ${formatCount(c.workforce ?? 0)} penduduk bekerja${c.workforceSource ? `; sumber penduduk bekerja: ${c.workforceSource}` : ''})`;
  const [main, ...others] = p.targets;
  if (!main) return `${subject} sebesar ${figure}; target capaian untuk wilayah ini belum tercatat.`;
  // A figure over part of the area is not compared with the area's target: the units not yet counted would change it.
  if (c.partial) {
    const part = c.coverageMembers !== undefined && c.members !== undefined ? `atas ${c.coverageMembers} dari ${c.members} kab/kota` : 'atas sebagian kab/kota';
    return `${subject} sementara sebesar ${figure}, ${part}; belum dapat dibandingkan dengan ${targetLabel(main)} sebelum data seluruh kab/kota masuk.`;
  }
  const gap = rounded(c.pct - main.pct);
  const against =
    gap > 0 ? `telah melampaui ${targetLabel(main)} dengan selisih ${formatPoints(gap)}` : gap === 0 ? `telah mencapai ${targetLabel(main)}` : `masih ${formatPoints(-gap)} di bawah ${targetLabel(main)}`;
  const rest = others.map((t) => {
    const g = rounded((c.pct ?? 0) - t.pct);
    return `${g >= 0 ? 'di atas' : 'di bawah'} ${targetPct(t)} menurut ${t.source} (${formatPoints(Math.abs(g))})`;
  });
  return `${subject} sebesar ${figure}, ${against}${rest.length > 0 ? `; capaian ini ${listed(rest)}` : ''}.`;
}

const movement = (points: number): string => {
  const r = rounded(points);
  return r > 0 ? `naik ${formatPoints(r)}` : r < 0 ? `turun ${formatPoints(-r)}` : 'tidak berubah';
};

function changeSentence(p: PackInput): string | undefined {
  const c = p.coverage;
  const parts: string[] = [];
  if (c.pct !== undefined && c.previousPct !== undefined) {
    const people = c.previousParticipants !== undefined ? ` (${formatSignedCount(c.participants - c.previousParticipants)} peserta)` : '';
    const same = c.changeUnits !== undefined ? ` atas ${c.changeUnits} kab/kota yang sama` : '';
    parts.push(`dibanding minggu sebelumnya capaian${same} ${movement(c.pct - c.previousPct)}${people}`);
  } else if (c.previousParticipants !== undefined) {
    parts.push(`dibanding minggu sebelumnya jumlah peserta aktif berubah ${formatSignedCount(c.participants - c.previousParticipants)}`);
  }
  if (c.pct !== undefined && c.startPct !== undefined && c.startWeek !== undefined && c.startWeek !== p.week) {
    const since = weekNo(c.startWeek) === 1 ? 'sejak awal tahun' : `sejak data pertama tahun ini (minggu ke-${weekNo(c.startWeek)})`;
    const same = c.startUnits !== undefined ? ` (atas ${c.startUnits} kab/kota yang datanya ada di kedua minggu)` : '';
    parts.push(`${since}${same} ${movement(c.pct - c.startPct)}`);
  }
  if (parts.length === 0) return undefined;
  const text = parts.join(', dan ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paceSentence(p: PackInput): string | undefined {
  const c = p.coverage;
  const recent =
    c.recentPerWeek !== undefined && c.recentWeeks !== undefined
      ? `rata-rata ${c.recentWeeks} minggu terakhir ${formatSignedCount(Math.round(c.recentPerWeek))} peserta per minggu`
      : undefined;
  const pace = p.targets[0]?.pace;
  if (!pace) return recent ? `Pertambahan peserta ${recent}.` : undefined;
  if (pace.status === 'reached') return undefined;
  if (pace.status === 'year_over') return `Tahun target ${pace.targetYear} sudah berakhir dengan kekurangan ${formatCount(pace.shortfall)} peserta.`;
  const needed = `Untuk mencapai target pada akhir ${pace.targetYear} (${pace.weeksLeft} minggu lagi) diperlukan tambahan sekitar ${formatCount(Math.ceil(pace.neededPerWeek ?? 0))} peserta per minggu`;
  if (pace.status === 'no_history' || !recent) return `${needed}; laju mingguan belum dapat dihitung karena tidak ada laporan dalam empat minggu sebelumnya.`;
  return `${needed}, sedangkan ${recent}, sehingga laju saat ini ${pace.status === 'on_pace' ? 'sudah cukup' : 'belum cukup'} untuk mencapai target.`;
}

const marked = (r: PackRankRow): string => {
  const notes = [r.stale ? 'data lama' : r.partial ? partialNote(r) : undefined, r.unverified ? 'belum diverifikasi' : undefined].filter(Boolean);
  return `${r.name} (${formatPercent(r.pct ?? 0)}${notes.length > 0 ? `, ${notes.join(', ')}` : ''})`;
};

function rankingSentence(p: PackInput): string | undefined {
  const ranking = p.ranking;
  if (!ranking) return undefined;
  const withPct = ranking.rows.filter((r) => r.pct !== undefined);
  const top = withPct[0];
  const bottom = withPct[withPct.length - 1];
  if (!top || !bottom || withPct.length < 2) return undefined;
  const level = ranking.level === 'provinsi' ? 'provinsi' : 'kab/kota';
  const without = ranking.rows.length - withPct.length;
  const tail = without > 0 ? `; ${without} ${level} belum memiliki angka capaian` : '';
  const self = ranking.rows.findIndex((r) => r.self);
  if (self >= 0 && ranking.rows[self]?.pct !== undefined) {
    const position = `${p.scope.name} berada di peringkat ${self + 1} dari ${withPct.length} kab/kota di ${ranking.within}`;
    if (top.self) return `${position}, yaitu tertinggi; terendah ${marked(bottom)}${tail}.`;
    if (bottom.self) return `${position}, yaitu terendah; tertinggi ${marked(top)}${tail}.`;
    return `${position}; tertinggi ${marked(top)} dan terendah ${marked(bottom)}${tail}.`;
  }
  return `Capaian ${level} tertinggi di ${marked(top)} dan terendah di ${marked(bottom)}${tail}.`;
}

function nonAsnSentence(p: PackInput): string {
  const reported = p.nonAsn.filter((r) => r.total !== undefined);
  const absent = p.nonAsn.length - reported.length;
  const absentText = absent > 0 ? `; ${absent} pemerintah daerah belum melaporkan data non-ASN` : '';
  if (reported.length === 0) return 'Data perlindungan pegawai non-ASN belum dilaporkan.';
  const total = reported.reduce((s, r) => s + (r.total ?? 0), 0);
  if (total === 0) return `Belum ada pegawai non-ASN yang tercatat dalam laporan${absentText}.`;
  const share = (prog: ProgrammeField): number => (reported.reduce((s, r) => s + r.programmes[prog].count, 0) / total) * 100;
  const full = NONASN_PROGRAMMES.filter((prog) => share(prog) >= 100);
  const short = NONASN_PROGRAMMES.filter((prog) => share(prog) < 100);
  const who = reported.length === 1 && p.nonAsn.length === 1 ? `Dari ${formatCount(total)} pegawai non-ASN ${reported[0]?.name ?? ''}` : `Dari ${formatCount(total)} pegawai non-ASN yang dilaporkan ${reported.length} pemerintah daerah`;
  if (short.length === 0) return `${who}, seluruhnya telah terlindungi ${listed(full.map((x) => PROGRAMME_SHORT[x]))}${absentText}.`;
  const shortText = listed(short.map((x, i) => `${PROGRAMME_SHORT[x]} ${i === 0 ? 'baru ' : ''}${formatPercent(share(x))}`));
  return full.length > 0
    ? `${who}, ${listed(full.map((x) => PROGRAMME_SHORT[x]))} sudah 100%, sedangkan ${shortText}${absentText}.`
    : `${who}, perlindungan ${shortText}${absentText}.`;
}

function completenessSentence(p: PackInput): string {
  const c = p.completeness;
  const reported = c.onTime + c.late;
  const parts = [`Pada ${formatWeekShort(p.week)}, sebanyak ${reported} dari ${c.total} unit pelapor telah melapor${c.late > 0 ? ` (${c.late} terlambat)` : ''}`];
  if (c.withData > 0) {
    parts.push(
      c.unverified > 0
        ? `${c.verified} dari ${c.withData} angka yang dipakai telah diverifikasi koordinator dan ${c.unverified} belum, sehingga angka ini belum final`
        : `seluruh ${c.withData} angka yang dipakai telah diverifikasi koordinator`,
    );
  }
  if (p.coverage.partial) parts.push(`angka ini sementara karena baru ${p.coverage.coverageMembers ?? c.withData} dari ${c.members} kab/kota yang angkanya dapat dihitung`);
  if (c.stale > 0) parts.push(`angka dari ${c.stale} unit sudah lebih dari ${STALE_AFTER_WEEKS} minggu tidak diperbarui`);
  return `${parts.join('; ')}.`;
}

/**
 * The narrative a leader reads aloud, by rules from the figures alone (nothing invented): coverage against the main
 * target and its source, the change, the pace needed, the highest and lowest, the non-ASN programmes that fall short,
 * and how complete and verified the data are.
 */
export function packNarrative(p: PackInput): Narrative {
  return {
    coverage: coverageSentence(p),
    change: changeSentence(p),
    pace: paceSentence(p),
    ranking: rankingSentence(p),
    nonAsn: nonAsnSentence(p),
    completeness: completenessSentence(p),
  };
}

const zoneOf = (label: 'WIB' | 'WITA' | 'WIT') => ({ label, iana: ZONE_IANA[label] });

/** When a session starts, as its organiser wrote it. */
export const sessionWhen = (s: NonNullable<PackInput['session']>): string => formatDateTime(new Date(s.startsAt), zoneOf(s.zone));

/** Every text of the deck and the brief. */
export const DECK_TEXT = {
  title: (p: PackInput): string => `Capaian Universal Coverage Jamsosnaker ${p.scope.name}`,
  dataWeek: (p: PackInput): string => `Data ${formatWeekShort(p.week)}`,
  session: (s: NonNullable<PackInput['session']>): string => `Untuk: ${s.title}, ${sessionWhen(s)} (${s.place})`,
  made: (p: PackInput): string => `Disusun oleh UC Bot pada ${formatDateTime(new Date(p.generatedAt), zoneOf(p.scope.zone))}`,
  demo: 'DATA CONTOH (DEMO), BUKAN DATA RESMI',
  capaianTitle: 'Capaian terhadap target',
  capaianHeader: ['Target', 'Sumber', 'Nilai target', 'Capaian', 'Selisih', 'Kekurangan peserta', 'Perlu per minggu', 'Sisa minggu'],
  noTarget: 'Target capaian untuk wilayah ini belum tercatat.',
  headline: (p: PackInput): string =>
    p.coverage.pct === undefined
      ? `${formatCount(p.coverage.participants)} peserta aktif; capaian belum dapat dihitung (data penduduk bekerja belum tersedia).`
      : `${formatPercent(p.coverage.pct)}: ${formatCount(p.coverage.basisParticipants)} peserta aktif dari ${formatCount(p.coverage.workforce ?? 0)} penduduk bekerja${p.coverage.workforceSource ? ` (${p.coverage.workforceSource})` : ''}.`,
  recent: (p: PackInput): string | undefined =>
    p.coverage.recentPerWeek !== undefined && p.coverage.recentWeeks !== undefined
      ? `Rata-rata pertambahan ${p.coverage.recentWeeks} minggu terakhir: ${formatSignedCount(Math.round(p.coverage.recentPerWeek))} peserta per minggu.`
      : undefined,
  trendTitle: (p: PackInput): string => `Tren capaian tahun ${p.week.slice(0, 4)}`,
  trendPath: 'Lintasan menuju target',
  coverage: 'Capaian',
  participants: 'Peserta aktif',
  rankingTitle: (p: PackInput): string =>
    p.ranking?.level === 'provinsi' ? 'Peringkat capaian provinsi' : `Peringkat capaian kab/kota di ${p.ranking?.within ?? p.scope.name}`,
  rankingHeader: ['No.', 'Wilayah', 'Capaian', 'Peserta aktif', 'Data terakhir', 'Keterangan'],
  rankMarks: (r: PackRankRow): string =>
    [r.stale ? 'data lama' : undefined, r.partial && !r.stale ? partialNote(r) : undefined, r.unverified ? 'belum diverifikasi' : undefined, r.pct === undefined ? 'belum ada capaian' : undefined]
      .filter(Boolean)
      .join(', '),
  rankLegend: `Keterangan: “data lama” = angka terakhir lebih dari ${STALE_AFTER_WEEKS} minggu lalu; “belum lengkap” = angka minggu ini belum masuk seluruhnya (angka sebelumnya dipakai); “belum diverifikasi” = belum diperiksa koordinator.`,
  segmentsTitle: 'Segmen kepesertaan',
  segmentsHeader: ['Segmen', 'Peserta aktif', 'Porsi'],
  segmentTotal: 'Jumlah',
  nonAsnTitle: 'Perlindungan pegawai non-ASN per program',
  nonAsnHeader: ['Pemerintah daerah', 'Pegawai non-ASN', 'JKK', 'JKM', 'JHT', 'JP'],
  nonAsnNone: 'belum melapor',
  programmeCell: (count: number, pct: number | undefined): string => (pct === undefined ? formatCount(count) : `${formatCount(count)} (${formatPercent(pct)})`),
  nonAsnMissing: (items: readonly string[]): string => (items.length === 0 ? 'Seluruh pegawai non-ASN yang dilaporkan sudah terlindungi keempat program.' : `Belum terlindungi: ${items.join('; ')}.`),
  nonAsnGap: (programme: ProgrammeField, missing: number): string => `${PROGRAMME_SHORT[programme]} ${formatCount(missing)} orang`,
  mapTitle: 'Peta capaian',
  completenessTitle: 'Kelengkapan dan verifikasi data',
  completenessHeader: ['Uraian', 'Jumlah'],
  completenessRows: (p: PackInput): Array<[string, string]> => {
    const c = p.completeness;
    return [
      ['Unit pelapor', formatCount(c.total)],
      ['Melapor tepat waktu', formatCount(c.onTime)],
      ['Melapor terlambat', formatCount(c.late)],
      ['Belum melapor', formatCount(c.total - c.onTime - c.late)],
      ['Unit dengan angka dalam total', formatCount(c.withData)],
      ['Terverifikasi koordinator', formatCount(c.verified)],
      ['Belum diverifikasi', formatCount(c.unverified)],
      [`Angka lebih dari ${STALE_AFTER_WEEKS} minggu tidak diperbarui`, formatCount(c.stale)],
    ];
  },
  missing: (items: readonly string[]): string => (items.length === 0 ? 'Semua unit sudah melapor.' : `Belum melapor: ${items.join(', ')}.`),
  summaryTitle: 'Ringkasan',
  followUpTitle: 'Tindak lanjut yang masih terbuka',
  followUpHeader: ['Tindak lanjut', 'Penanggung jawab', 'Tenggat', 'Status'],
  fileName: (p: PackInput): string => `paparan-uc-${p.scope.slug}-${p.week}.pptx`,
  briefFileName: (p: PackInput): string => `ringkasan-uc-${p.scope.slug}-${p.week}.png`,
  briefTitle: 'Lembar ringkasan',
  briefTarget: (p: PackInput): string => {
    const t = p.targets[0];
    if (!t) return 'Target belum tercatat';
    if (p.coverage.pct === undefined) return `Target ${t.year}: ${targetPct(t)} (${t.source})`;
    const gap = rounded(p.coverage.pct - t.pct);
    return `Target ${t.year}: ${targetPct(t)} (${t.source}); ${gap < 0 ? 'kurang' : 'lebih'} ${formatPoints(Math.abs(gap))}`;
  },
  briefCompleteness: (p: PackInput): string => {
    const c = p.completeness;
    return `Kelengkapan: ${c.onTime + c.late} dari ${c.total} unit melapor; ${c.verified} dari ${c.withData} angka terverifikasi${c.stale > 0 ? `; ${c.stale} unit dengan angka lama` : ''}.`;
  },
};

/** The chat texts of /paparan. */
export const PACK_TEXT = {
  usage: (): Html =>
    lines('Mohon sebutkan wilayahnya, misalnya:', html`${code('/paparan Babel')}, ${code('/paparan Pangkalpinang')} atau ${code('/paparan nasional')}`),
  preparing: 'Sedang menyiapkan bahan paparan…',
  intro: (p: PackInput, narrative: readonly string[]): Html =>
    lines(
      html`🗂️ ${bold(`Bahan paparan UC Jamsosnaker ${p.scope.name}`)}`,
      html`Data ${formatWeekShort(p.week)}${p.session ? html`; untuk ${bold(p.session.title)}, ${sessionWhen(p.session)}` : ''}.`,
      '',
      html`${italic('Narasi (dapat dibacakan):')}`,
      narrative.join(' '),
      '',
      'Berkas paparan (PPTX, dapat diubah) dan lembar ringkasan menyusul.',
      p.demo ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
    ),
  deckCaption: (p: PackInput): Html =>
    lines(html`🗂️ ${bold(`Paparan UC Jamsosnaker ${p.scope.name}`)}`, html`Data ${formatWeekShort(p.week)}. Judul, teks dan tabel dapat diubah di PowerPoint.`, p.demo ? html`⚠️ ${bold('Data contoh (demo).')}` : undefined),
  briefCaption: (p: PackInput): Html =>
    lines(html`📄 ${bold(`Lembar ringkasan ${p.scope.name}`)}, ${formatWeekShort(p.week)}`, p.demo ? html`⚠️ ${bold('Data contoh (demo).')}` : undefined),
  beforeSession: (p: PackInput, session: NonNullable<PackInput['session']>): Html =>
    lines(
      html`🗂️ ${bold(`Bahan paparan untuk ${session.title}`)}`,
      html`Sesi: ${sessionWhen(session)}, ${session.place}.`,
      html`Berikut bahan paparan ${bold(p.scope.name)} dengan data ${formatWeekShort(p.week)}: narasi, berkas paparan (PPTX) dan lembar ringkasan.`,
    ),
  noData: (name: string): Html => html`Belum ada laporan untuk ${bold(name)} hingga minggu ini, jadi bahan paparan belum dapat dibuat.`,
  stale: (): Html => html`Mohon maaf, pilihan tersebut tidak dikenali lagi. Silakan ketik ulang ${bold('/paparan')} dengan nama wilayah.`,
  failed: (): Html => html`Mohon maaf, bahan paparan belum dapat dibuat karena sebagian data tidak dapat dibaca. Masalahnya sudah dicatat untuk petugas teknis; silakan coba lagi nanti.`,
  packTitle: (scopeName: string, sessionTitle: string): string => `Bahan paparan ${scopeName}: ${sessionTitle}`,
};
