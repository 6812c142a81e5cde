import { fieldsFor } from '../domain/figures.js';
import { formatCount, formatDateTime, formatWeek } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import type { WeekKey } from '../domain/weeks.js';
import type { Revision } from '../domain/records.js';
import { bold, html, italic, lines, type Html, capitalise } from './html.js';
import { FIELD_LABELS } from './labels.js';
import { revisionName, revisionsSummary } from './revisions.js';


const SOURCE: Record<Revision['source'], string> = { chat: 'lewat Telegram', import: 'impor data', demo: 'data contoh' };

/** Every revision of one week's report: the first in full, then old -> new for each field that changed. */
export function historyMessage(unit: Unit, week: WeekKey, revisions: readonly Revision[]): Html {
  const fields = fieldsFor(unit.kind);
  return lines(
    bold(`Riwayat laporan ${unit.name}`),
    html`${formatWeek(week, unit.zone)} · ${revisionsSummary(revisions.length)}`,
    ...revisions.flatMap((r, i) => {
      const previous = revisions[i - 1];
      const header = html`${bold(capitalise(revisionName(r.rev)))} · ${formatDateTime(new Date(r.at), unit.zone)} · ${r.by.name}${r.onBehalf ? ' (atas nama unit)' : ''} · ${SOURCE[r.source]}${r.late ? ' · terlambat' : ''}`;
      // "Belum ada data" carries no figures: never listed as zeros.
      if (r.noData) return ['', header, html`• ${bold('Belum ada data')}: ${r.noData.reason}`];
      if (!previous || previous.noData) {
        return ['', header, ...fields.map((f) => html`• ${FIELD_LABELS[f]}: ${formatCount(r.figures[f] ?? 0)}`)];
      }
      const changed = fields.filter((f) => previous.figures[f] !== r.figures[f]);
      return [
        '',
        header,
        ...(changed.length > 0
          ? changed.map((f) => html`• ${FIELD_LABELS[f]}: ${formatCount(previous.figures[f] ?? 0)} → ${formatCount(r.figures[f] ?? 0)}`)
          : [italic('Tidak ada angka yang berubah.')]),
      ];
    }),
  );
}

export const noHistoryMessage = (unit: Unit, week: WeekKey | undefined): Html =>
  week
    ? html`Belum ada laporan ${bold(unit.name)} untuk ${formatWeek(week, unit.zone)}.`
    : html`Belum ada laporan untuk ${bold(unit.name)}.`;

export const historyUsageMessage = (): Html =>
  lines(
    html`Ketik ${bold('/riwayat')} diikuti nama unit dan, bila perlu, minggunya. Contoh:`,
    '• /riwayat Pangkalpinang (minggu terakhir yang dilaporkan)',
    '• /riwayat Pangkalpinang minggu 47',
    '• /riwayat Pangkalpinang minggu ini',
  );

export const oneWeekOnlyMessage = (): Html =>
  html`Riwayat dibuka untuk satu minggu saja. Tulis misalnya ${bold('/riwayat Pangkalpinang minggu 47')} atau ${bold('/riwayat Pangkalpinang minggu ini')}.`;
