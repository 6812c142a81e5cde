import { formatDateTime, formatWeek, formatWeekShort } from '../domain/format.js';
import type { Unit } from '../domain/regions/directory.js';
import type { Holiday } from '../domain/holidays.js';
import { movedBecause } from './holidays.js';
import type { WeekKey } from '../domain/weeks.js';
import { bold, html, lines, type Html } from './html.js';

export function lateReminderMessage(unit: Unit, week: WeekKey, deadlineAt: Date, because: readonly Holiday[] = []): Html {
  return lines(
    bold('Pengingat laporan mingguan'),
    html`Yth. Bapak/Ibu petugas ${unit.name}, laporan UC Jamsosnaker untuk ${formatWeek(week, unit.zone)} belum kami terima.`,
    html`Batas waktu: ${bold(formatDateTime(deadlineAt, unit.zone))}${movedBecause(because)}.`,
    html`Mohon kirim melalui percakapan pribadi dengan bot: ketik ${bold('/lapor')}. Terima kasih.`,
  );
}

/** The late-report reminder's outbox title: the week in words and the zone it was computed in. */
export const lateReminderTitle = (week: WeekKey, iana: string): string => `Pengingat laporan ${formatWeekShort(week)} (${iana})`;
