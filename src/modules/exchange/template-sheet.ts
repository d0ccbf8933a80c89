// The import template, written with the exceljs streaming writer. Exports and error reports
// use our own writer (sheet-writer.ts, xlsx-writer.ts) with the same layout (header rows,
// drop-downs and wrapped columns come from sheet-writer.ts). The template went back to exceljs
// when a template from our writer, filled in and saved by exceljs, was now and then refused on
// import; the cause was later found in exceljs's streaming reader, not in our writer, and
// uploads are now read by random access to the file (zip-read.ts), whatever the part order,
// so this file could go back to our writer.
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Rulebook } from '../../core/rulebook/index.js';
import { COLUMNS, FIRST_DATA_ROW, MAX_DATA_ROWS, SHEET_NAME } from './columns.js';
import { dropDowns, headerRows, MULTILINE } from './sheet-writer.js';

type Sheet = ExcelJS.Worksheet & { commit(): void };
type Book = ExcelJS.stream.xlsx.WorkbookWriter;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const NOTE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8E1' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const WRAP: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };

export function openWorkbook(out: Writable): Book {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

/** Quote a list for a data-validation formula (Excel limits it to 255 characters). */
const listFormula = (items: readonly string[]) => `"${items.join(',')}"`;

export interface ListSheetOptions {
  rulebook: Rulebook;
  name?: string;
  /** region exports: a trailing 所属部门 column */
  withBodyColumn?: boolean;
  /** how many rows the drop-downs cover (default: up to the importer's row limit) */
  validationRows?: number;
}

/** A sheet with the 职权信息表 header and note rows written and committed. */
export function addListSheet(book: Book, opts: ListSheetOptions): Sheet {
  const ws = book.addWorksheet(opts.name ?? SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3', activeCell: 'A3' }],
  }) as Sheet;
  // wrap only the columns that hold lines: a style on every cell costs exceljs a lookup per cell
  const cols = COLUMNS.map((c) => ({ key: c.key, width: c.width, style: MULTILINE.has(c.key) ? WRAP : {} }));
  if (opts.withBodyColumn) cols.push({ key: 'body' as never, width: 28, style: {} });
  ws.columns = cols;

  const { headers, notes } = headerRows(opts.withBodyColumn ?? false);
  const h = ws.addRow(headers);
  h.height = 30;
  h.eachCell((cell, i) => {
    const required = COLUMNS[i - 1]?.required;
    cell.font = { bold: true, color: { argb: required ? 'FFC00000' : 'FF1F3864' } };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  h.commit();

  const n = ws.addRow(notes);
  n.height = 120;
  n.eachCell((cell) => {
    cell.font = { size: 9, color: { argb: 'FF595959' } };
    cell.fill = NOTE_FILL;
    cell.border = BOX;
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  n.commit();

  addDropDowns(ws, opts.rulebook, FIRST_DATA_ROW + (opts.validationRows ?? MAX_DATA_ROWS) - 1);
  return ws;
}

/** The same drop-downs as our writer's (sheet-writer.ts), in exceljs's terms. */
function addDropDowns(ws: Sheet, rulebook: Rulebook, lastRow: number) {
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const d of dropDowns(rulebook, lastRow)) {
    dv.add(d.sqref, {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(d.list)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: d.errorTitle,
      error: d.error,
      ...(d.prompt ? { showInputMessage: true, promptTitle: d.promptTitle, prompt: d.prompt } : {}),
    });
  }
}

/** A sheet of plain text lines (instructions, export details). */
export function addTextSheet(
  book: Book,
  name: string,
  lines: [string, string][],
  widths: [number, number] = [18, 100],
): void {
  const ws = book.addWorksheet(name) as Sheet;
  ws.columns = [
    { width: widths[0], style: { alignment: { vertical: 'top', wrapText: true } } },
    { width: widths[1], style: { alignment: { vertical: 'top', wrapText: true } } },
  ];
  for (const [k, v] of lines) {
    const r = ws.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.commit();
  }
  ws.commit();
}
