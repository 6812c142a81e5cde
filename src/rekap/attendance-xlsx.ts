import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { ATTENDANCE_SHEET } from '../messages/followups.js';

/** One line of the attendance sheet: a person's answer for a unit, or a unit nobody answered for. */
export interface AttendanceRow {
  code: string;
  unit: string;
  /** Hadir, Diwakilkan, Berhalangan, or "Tidak menjawab". */
  answer: string;
  name?: string;
  /** When they answered, as a wall-clock time in WIB (the sheet names its zone in the header). */
  at?: Date;
}

const text = (v: string | undefined): Cell => (v === undefined ? null : { value: v, type: String });
const header = (v: string): Cell => ({ value: v, type: String, fontWeight: 'bold' });

/** A session's attendance as an XLSX workbook: one sheet, a header row, codes as text, times as dates. */
export async function attendanceXlsx(rows: readonly AttendanceRow[]): Promise<Buffer> {
  const data: Cell[][] = [
    ATTENDANCE_SHEET.header.map(header),
    ...rows.map((r): Cell[] => [
      { value: r.code, type: String, format: '@' },
      text(r.unit),
      text(r.answer),
      text(r.name),
      r.at ? { value: r.at, type: Date, format: 'dd/mm/yyyy hh:mm' } : null,
    ]),
  ];
  return writeXlsxFile([{ data, sheet: ATTENDANCE_SHEET.sheet, stickyRowsCount: 1, columns: [{ width: 10 }, { width: 40 }, { width: 16 }, { width: 30 }, { width: 20 }] }], {
    fontFamily: 'Calibri',
    fontSize: 11,
  }).toBuffer();
}
