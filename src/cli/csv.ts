import { IMPORT_TEXT } from '../messages/cli.js';
import { parse } from 'csv-parse/sync';
import { err, ok, type Result } from '../domain/result.js';

export interface CsvRow {
  /** 1-based line number in the file, header = line 1. */
  line: number;
  cells: Record<string, string>;
}

/**
 * Reads a CSV with an exact header. Spreadsheets in Indonesian settings save with `;` (the comma is the decimal
 * mark), so the delimiter is taken from the header line.
 */
export function readCsv(content: string, header: readonly string[]): Result<CsvRow[], string> {
  const text = content.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    return err(IMPORT_TEXT.csvUnreadable((e as Error).message));
  }
  const [head, ...body] = records;
  const got = (head ?? []).map((h) => h.trim().toLowerCase());
  if (got.join(',') !== header.join(',')) {
    return err(IMPORT_TEXT.header(header, got));
  }
  const rows: CsvRow[] = [];
  // csv-parse skips empty lines; its info would give exact lines, but a quoted newline is not expected here.
  const lineNumbers = lineNumbersOf(text);
  body.forEach((record, i) => {
    const cells: Record<string, string> = {};
    header.forEach((h, j) => {
      cells[h] = record[j] ?? '';
    });
    if (record.length > header.length && record.slice(header.length).some((c) => c !== '')) {
      cells.__extra = record.slice(header.length).join(delimiter);
    }
    rows.push({ line: lineNumbers[i + 1] ?? i + 2, cells });
  });
  return ok(rows);
}

/** The file line of each non-empty record. */
function lineNumbersOf(text: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() !== '') out.push(i + 1);
  });
  return out;
}

/** `19.71`, `1971`, and `19.1` as a spreadsheet shows 19.10 once it has taken the code for a number. */
export function normaliseCode(cell: string): string {
  const c = cell.trim();
  const four = /^(\d{2})(\d{2})$/.exec(c);
  if (four) return `${four[1]}.${four[2]}`;
  const short = /^(\d{2})\.(\d)$/.exec(c);
  if (short) return `${short[1]}.${short[2]}0`;
  return c;
}
