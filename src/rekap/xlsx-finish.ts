import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** How one sheet is finished for filtering and printing (the writer has no options for these). */
export interface SheetFinish {
  /** 1-based index of the sheet in the workbook, and its name (for the workbook's defined names). */
  index: number;
  name: string;
  /** 1-based row of the table's header: the autofilter starts there and the header repeats on every printed page. */
  headerRow: number;
  lastRow: number;
  lastColumn: number;
  /** 1-based columns folded into an outline group (detail a reader can hide with one click). */
  grouped?: readonly number[] | undefined;
}

/** `1 -> A`, `28 -> AB`. */
export const columnName = (n: number): string => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

/**
 * Adds what write-excel-file cannot write: an autofilter over the table, printing fitted to the page width with the
 * header row repeated on every page, and outline groups over detail columns. Each is standard SpreadsheetML (ECMA-376)
 * that Excel and LibreOffice read; elements are placed in the order the schema requires.
 */
export function finishWorkbook(bytes: Uint8Array, sheets: readonly SheetFinish[]): Buffer {
  const files = unzipSync(bytes);
  const names: string[] = [];
  for (const s of sheets) {
    const path = `xl/worksheets/sheet${s.index}.xml`;
    const file = files[path];
    if (!file) throw new Error(`${path} missing from the workbook`);
    let xml = strFromU8(file);
    const range = `A${s.headerRow}:${columnName(s.lastColumn)}${Math.max(s.lastRow, s.headerRow)}`;
    // sheetPr is the worksheet's first child; fitToPage makes pageSetup's fitToWidth apply.
    xml = xml.replace(/(<worksheet[^>]*>)/, '$1<sheetPr><outlinePr summaryRight="0"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    xml = xml.replace('</sheetData>', `</sheetData><autoFilter ref="${range}"/>`);
    xml = xml.replace(/<pageSetup ([^>]*)\/>/, (_m, attrs: string) => `<pageSetup ${attrs} fitToWidth="1" fitToHeight="0"/>`);
    for (const c of s.grouped ?? []) {
      xml = xml.replace(new RegExp(`<col min="${c}" max="${c}" ([^>]*)/>`), `<col min="${c}" max="${c}" $1 outlineLevel="1"/>`);
    }
    files[path] = strToU8(xml);
    const quoted = `'${s.name.replace(/'/g, "''")}'`;
    names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${s.index - 1}" hidden="1">${quoted}!$A$${s.headerRow}:$${columnName(s.lastColumn)}$${Math.max(s.lastRow, s.headerRow)}</definedName>`);
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${s.index - 1}">${quoted}!$${s.headerRow}:$${s.headerRow}</definedName>`);
  }
  const book = files['xl/workbook.xml'];
  if (!book) throw new Error('xl/workbook.xml missing from the workbook');
  files['xl/workbook.xml'] = strToU8(strFromU8(book).replace(/<definedNames\/>|<definedNames>(.*?)<\/definedNames>/, (_m, inner: string | undefined) => `<definedNames>${inner ?? ''}${names.join('')}</definedNames>`));
  return Buffer.from(zipSync(files, { level: 6 }));
}
