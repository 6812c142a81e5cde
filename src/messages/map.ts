import { COVERAGE_CATEGORIES } from '../domain/categories.js';
import { formatCount, formatDateTime, formatPercent, formatWeekShort } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import type { WeekKey } from '../domain/weeks.js';
import { WIB } from '../domain/zones.js';
import type { MapInput } from '../rekap/map.js';
import { bold, code, html, italic, lines, type Html } from './html.js';
import { CATEGORY_LABELS, categoryLegend, categorySourceText, CHART_TEXT, scopeName } from './rekap.js';

/** Every sentence of /peta and of the map it draws. */
export const MAP_TEXT = {
  title: (scope: Unit | 'national'): string => `Peta capaian UC ${scope === 'national' ? 'kab/kota seluruh Indonesia' : scopeName(scope)}`,
  subtitle: (week: WeekKey, withData: number, total: number): string =>
    withData === total
      ? `${formatWeekShort(week)} · ${formatCount(total)} kab/kota`
      : `${formatWeekShort(week)} · sementara: capaian ${formatCount(withData)} dari ${formatCount(total)} kab/kota (selebihnya belum dapat dihitung)`,
  legend: {
    categories: (): MapInput['legend']['categories'] => COVERAGE_CATEGORIES.bands.map((b) => ({ category: b.key, label: categoryLegend(b.key) })),
    noData: 'Capaian belum dapat dihitung',
    stale: 'Data minggu lama (M = minggu)',
    size: (sizeBy: MapInput['sizeBy']): string =>
      sizeBy === 'workforce' ? 'Ukuran titik: jumlah penduduk bekerja (luas lingkaran sebanding).' : 'Ukuran titik seragam (data penduduk bekerja belum ada).',
  },
  footer: (week: WeekKey, now: Date, locations: { package: string; version: string; licence: string }): string[] => [
    categorySourceText(),
    `Sumber: laporan mingguan UC Bot, data per ${formatWeekShort(week)}; penduduk bekerja dari baseline tiap kab/kota.`,
    `Lokasi titik: titik tengah desa-desa tiap kab/kota (paket ${locations.package} ${locations.version}, lisensi ${locations.licence}); bukan batas wilayah. Dibuat ${formatDateTime(now, WIB)}.`,
  ],
  demoMark: CHART_TEXT.demoMark,
  fileName: (slug: string, week: WeekKey): string => `peta-${slug}-${week}.png`,
  usage: (): Html =>
    lines('Mohon sebutkan provinsinya, atau nasional, misalnya:', html`${code('/peta Babel')} atau ${code('/peta nasional')}`),
  unitScope: (u: Unit): Html =>
    html`Peta menampilkan kab/kota sebuah provinsi atau seluruh Indonesia; ${u.name} adalah kab/kota. Silakan coba ${code('/peta')} dengan nama provinsinya.`,
  preparing: 'Peta sedang disiapkan...',
  noData: (scope: Unit | 'national', week: WeekKey): Html =>
    html`Belum ada capaian kab/kota yang dapat dihitung untuk ${scopeName(scope)} pada ${formatWeekShort(week)} (laporan atau data penduduk bekerja belum ada), sehingga peta belum dapat dibuat. Lihat ${code('/status')} untuk siapa yang belum melapor.`,
};

/** The caption under a map: what it shows, counted by category, and which figures are old. */
export function mapCaption(input: MapInput): Html {
  const count = (pred: (p: MapInput['points'][number]) => boolean): number => input.points.filter(pred).length;
  const byCategory = COVERAGE_CATEGORIES.bands
    .map((b) => ({ label: CATEGORY_LABELS[b.key].toLowerCase(), n: count((p) => p.category === b.key) }))
    .filter((c) => c.n > 0)
    .map((c) => `${formatCount(c.n)} ${c.label}`);
  const noData = count((p) => p.category === undefined);
  const stale = input.points.filter((p) => p.staleWeekNo !== undefined);
  const staleText = stale.length === 0 ? undefined : stale.length <= 8 ? stale.map((p) => `${p.name} (minggu ke-${p.staleWeekNo})`).join(', ') : `${formatCount(stale.length)} kab/kota`;
  const ranked = input.points.filter((p) => p.pct !== undefined).sort((a, b) => (b.pct ?? 0) - (a.pct ?? 0));
  const top = ranked[0];
  const bottom = ranked[ranked.length - 1];
  return lines(
    html`🗺️ ${bold(input.title)}`,
    input.subtitle,
    html`Kategori: ${byCategory.length > 0 ? byCategory.join(', ') : 'belum ada capaian yang dapat dihitung'}${noData > 0 ? `; capaian belum dapat dihitung: ${formatCount(noData)}` : ''}.`,
    top && bottom && ranked.length > 1 ? html`Tertinggi: ${top.name} ${formatPercent(top.pct ?? 0)}; terendah: ${bottom.name} ${formatPercent(bottom.pct ?? 0)}.` : undefined,
    staleText ? html`${italic('Data minggu lama (cincin putus-putus):')} ${staleText}.` : undefined,
    input.demoMark ? html`⚠️ ${bold('Berisi data contoh (demo), bukan data resmi.')}` : undefined,
  );
}
