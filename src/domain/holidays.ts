import { localDateOf } from './when.js';
import { shiftWeek, weekOf, type WeekKey } from './weeks.js';

/**
 * Indonesian national holidays (libur nasional) and joint leave (cuti bersama), which move the weekly deadline of
 * Disnaker offices (they bind ASN). Curated from the joint decrees of three ministers (SKB 3 Menteri); see
 * docs/holidays.md of the product. 2027 is left out until its dates are confirmed: an operator adds them (/libur).
 * Islamic dates are fixed by the government's sidang isbat and can move by a day: marked tentative unless the
 * decree's date is known to have held.
 */
export interface Holiday {
  /** Local calendar day, `YYYY-MM-DD`. */
  date: string;
  name: string;
  kind: 'libur' | 'cuti_bersama' | 'daerah';
  reference: string;
  tentative?: boolean;
  /** A regional day: only this province's units (added by an operator). */
  province?: string;
}

const SKB_2025 = 'SKB Menag, Menaker, MenPANRB No. 1017/2/2 Tahun 2024';
const SKB_2026 = 'SKB Menag, Menaker, MenPANRB No. 1497/2/5 Tahun 2025';

const libur = (date: string, name: string, reference: string, tentative = false): Holiday => ({ date, name, kind: 'libur', reference, ...(tentative ? { tentative } : {}) });
const cuti = (date: string, name: string, reference: string, tentative = false): Holiday => ({ date, name, kind: 'cuti_bersama', reference, ...(tentative ? { tentative } : {}) });

export const NATIONAL_HOLIDAYS: readonly Holiday[] = [
  // 2025
  libur('2025-01-01', 'Tahun Baru Masehi', SKB_2025),
  libur('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW', SKB_2025, true),
  libur('2025-01-29', 'Tahun Baru Imlek', SKB_2025),
  libur('2025-03-29', 'Hari Suci Nyepi', SKB_2025),
  libur('2025-03-31', 'Hari Raya Idul Fitri', SKB_2025),
  libur('2025-04-01', 'Hari Raya Idul Fitri', SKB_2025),
  libur('2025-04-18', 'Wafat Yesus Kristus', SKB_2025),
  libur('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)', `${SKB_2025}; Keppres 8/2024`),
  libur('2025-05-01', 'Hari Buruh Internasional', SKB_2025),
  libur('2025-05-12', 'Hari Raya Waisak', SKB_2025),
  libur('2025-05-29', 'Kenaikan Yesus Kristus', SKB_2025),
  libur('2025-06-01', 'Hari Lahir Pancasila', SKB_2025),
  libur('2025-06-06', 'Hari Raya Idul Adha', SKB_2025, true),
  libur('2025-06-27', 'Tahun Baru Islam', SKB_2025, true),
  libur('2025-08-17', 'Hari Kemerdekaan Republik Indonesia', SKB_2025),
  libur('2025-08-18', 'Libur tambahan Hari Kemerdekaan', 'Keputusan pemerintah, Agustus 2025'),
  libur('2025-09-05', 'Maulid Nabi Muhammad SAW', SKB_2025, true),
  libur('2025-12-25', 'Hari Raya Natal', SKB_2025),
  cuti('2025-01-28', 'Cuti bersama Tahun Baru Imlek', SKB_2025),
  cuti('2025-03-28', 'Cuti bersama Hari Suci Nyepi', SKB_2025),
  cuti('2025-04-02', 'Cuti bersama Idul Fitri', SKB_2025),
  cuti('2025-04-03', 'Cuti bersama Idul Fitri', SKB_2025),
  cuti('2025-04-04', 'Cuti bersama Idul Fitri', SKB_2025),
  cuti('2025-04-07', 'Cuti bersama Idul Fitri', SKB_2025),
  cuti('2025-05-13', 'Cuti bersama Hari Raya Waisak', SKB_2025),
  cuti('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus', SKB_2025),
  cuti('2025-06-09', 'Cuti bersama Idul Adha', SKB_2025, true),
  cuti('2025-12-26', 'Cuti bersama Hari Raya Natal', SKB_2025),
  // 2026
  libur('2026-01-01', 'Tahun Baru Masehi', SKB_2026),
  libur('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', SKB_2026, true),
  libur('2026-02-17', 'Tahun Baru Imlek', SKB_2026),
  libur('2026-03-19', 'Hari Suci Nyepi', SKB_2026),
  libur('2026-03-21', 'Hari Raya Idul Fitri', SKB_2026),
  libur('2026-03-22', 'Hari Raya Idul Fitri', SKB_2026),
  libur('2026-04-03', 'Wafat Yesus Kristus', SKB_2026),
  libur('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', `${SKB_2026}; Keppres 8/2024`),
  libur('2026-05-01', 'Hari Buruh Internasional', SKB_2026),
  libur('2026-05-14', 'Kenaikan Yesus Kristus', SKB_2026),
  libur('2026-05-27', 'Hari Raya Idul Adha', SKB_2026, true),
  libur('2026-05-31', 'Hari Raya Waisak', SKB_2026),
  libur('2026-06-01', 'Hari Lahir Pancasila', SKB_2026),
  libur('2026-06-16', 'Tahun Baru Islam', SKB_2026, true),
  libur('2026-08-17', 'Hari Kemerdekaan Republik Indonesia', SKB_2026),
  libur('2026-08-25', 'Maulid Nabi Muhammad SAW', SKB_2026, true),
  libur('2026-12-25', 'Hari Raya Natal', SKB_2026),
  cuti('2026-02-16', 'Cuti bersama Tahun Baru Imlek', SKB_2026),
  cuti('2026-03-18', 'Cuti bersama Hari Suci Nyepi', SKB_2026),
  cuti('2026-03-20', 'Cuti bersama Idul Fitri', SKB_2026),
  cuti('2026-03-23', 'Cuti bersama Idul Fitri', SKB_2026),
  cuti('2026-03-24', 'Cuti bersama Idul Fitri', SKB_2026),
  cuti('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', SKB_2026),
  cuti('2026-05-28', 'Cuti bersama Idul Adha', SKB_2026, true),
  cuti('2026-12-24', 'Cuti bersama Hari Raya Natal', SKB_2026),
];

/** `between` for someone who sees every province (admins, national roles): national days and every province's own. */
export const EVERY_PROVINCE = '*';

/** The days off that apply to a place, the curated list and the days operators added or removed. */
export interface HolidayCalendar {
  /** The days off on a local calendar day, for a province (national days, and that province's own). */
  on(date: string, province?: string): Holiday[];
  /**
   * Days off from `from` to `to` (inclusive, `YYYY-MM-DD`), for a province, for every province (EVERY_PROVINCE) or,
   * without one, national days only.
   */
  between(from: string, to: string, province?: string): Holiday[];
  /**
   * Whether the calendar knows a year's national days: curated here, or at least one national day (not a province's)
   * entered by an operator. A deadline in a year it does not know is never moved, so people must be told.
   */
  covers(year: number): boolean;
}

/** Operators' changes: days added (regional or national), and curated days removed (`date` + optional province). */
export interface HolidayChanges {
  added: readonly Holiday[];
  removed: ReadonlyArray<{ date: string; province?: string | undefined }>;
}

/** A calendar over the curated days and the operators' changes, read afresh on every question. */
export function createHolidayCalendar(changes: () => HolidayChanges, curated: readonly Holiday[] = NATIONAL_HOLIDAYS): HolidayCalendar {
  const all = (): Holiday[] => {
    const { added, removed } = changes();
    const gone = (h: Holiday) => removed.some((r) => r.date === h.date && (r.province ?? undefined) === (h.province ?? undefined));
    return [...curated, ...added].filter((h) => !gone(h));
  };
  const applies = (h: Holiday, province?: string) => h.province === undefined || province === EVERY_PROVINCE || h.province === province;
  const curatedYears = new Set(curated.map((h) => Number(h.date.slice(0, 4))));
  return {
    covers: (year) => curatedYears.has(year) || changes().added.some((h) => h.province === undefined && Number(h.date.slice(0, 4)) === year),
    on: (date, province) => all().filter((h) => h.date === date && applies(h, province)),
    between: (from, to, province) =>
      all()
        .filter((h) => h.date >= from && h.date <= to && applies(h, province))
        .sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/**
 * The first weekly deadline within `days` from `now` whose calendar year the calendar does not cover (week 53 of 2026
 * has its Friday deadline on 1 January 2027): undefined when every deadline in reach is in a covered year.
 */
export function firstUncoveredDeadline(
  calendar: HolidayCalendar,
  now: Date,
  days: number,
  deadlineOfWeek: (week: WeekKey) => Date,
  iana: string,
): { week: WeekKey; at: Date; year: number } | undefined {
  const first = weekOf(now, iana);
  for (let i = 0; i <= Math.ceil(days / 7) + 1; i++) {
    const week = shiftWeek(first, i);
    const at = deadlineOfWeek(week);
    if (at.getTime() < now.getTime()) continue;
    if (at.getTime() > now.getTime() + days * 86_400_000) return undefined;
    const year = Number(localDateOf(at, iana).year);
    if (!calendar.covers(year)) return { week, at, year };
  }
  return undefined;
}
