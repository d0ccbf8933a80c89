// The import template, written with the exceljs streaming writer. Exports and error reports
// use our own writer (sheet-writer.ts, xlsx-writer.ts) with the same layout. The template
// stays on exceljs because clerks' files start from it; a template from our writer, filled in
// and saved again by exceljs, was refused now and then by exceljs's streaming reader under
// load. Its file lists the worksheets before workbook.xml; cause not yet found. Issue 3's
// note has the details.
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { POWER_STATUS_LABELS } from '../../core/register/index.js';
import type { Rulebook } from '../../core/rulebook/index.js';
import { BODY_COLUMN_HEADER, COLUMNS, columnLetter, FIRST_DATA_ROW, MAX_DATA_ROWS, NOTE_PREFIX, SHEET_NAME } from './columns.js';

type Sheet = ExcelJS.Worksheet & { commit(): void };
type Book = ExcelJS.stream.xlsx.WorkbookWriter;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const NOTE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8E1' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const WRAP: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
const MULTILINE = new Set(['legalBases', 'legalLevels', 'responsibilities', 'accountabilityCases', 'accountabilityBasis']);

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

  const headers = COLUMNS.map((c) => c.header);
  if (opts.withBodyColumn) headers.push(BODY_COLUMN_HEADER);
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

  const notes = COLUMNS.map((c) => `${NOTE_PREFIX}${c.note}`);
  if (opts.withBodyColumn) notes.push(`${NOTE_PREFIX}导出时附加的列，导入时忽略。`);
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

function addDropDowns(ws: Sheet, rulebook: Rulebook, lastRow: number) {
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const col = (key: string) => columnLetter(COLUMNS.findIndex((c) => c.key === key) + 1);
  const categories = rulebook.categories.map((c) => c.label);
  dv.add(`${col('category')}${FIRST_DATA_ROW}:${col('category')}${lastRow}`, {
    type: 'list', allowBlank: true, formulae: [listFormula(categories)],
    showErrorMessage: true, errorStyle: 'stop', errorTitle: '权力类别', error: `请从下拉列表选择：${categories.join('、')}`,
    showInputMessage: true, promptTitle: '权力类别', prompt: `${rulebook.label}：${categories.join('、')}`,
  });
  const statuses = Object.values(POWER_STATUS_LABELS);
  dv.add(`${col('status')}${FIRST_DATA_ROW}:${col('status')}${lastRow}`, {
    type: 'list', allowBlank: true, formulae: [listFormula(statuses)],
    showErrorMessage: true, errorStyle: 'stop', errorTitle: '状态', error: `请从下拉列表选择：${statuses.join('、')}`,
  });
}

// exceljs pipes into a readable-stream v2 PassThrough (archiver-utils), which has no
// writableNeedDrain/writableLength: read its state directly.
type AnyWritable = Writable & { _writableState?: { length: number; needDrain: boolean } };
const buffered = (w: AnyWritable) => w.writableLength ?? w._writableState?.length ?? 0;
const needsDrain = (w: AnyWritable) => w.writableNeedDrain ?? w._writableState?.needDrain ?? false;

/** Resolves once `w` has drained, when more than `limit` bytes wait in it (or it is gone). */
function drained(w: AnyWritable, limit: number): Promise<void> {
  if (w.destroyed || buffered(w) <= limit || !needsDrain(w)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      w.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    w.on('drain', done).on('close', done).on('error', done);
  });
}

/**
 * Adds data rows, committing each, with back-pressure. exceljs 4.4 hands a sheet's XML to the
 * zip through StreamBuf.pipe, which ignores write()'s return value: if the zip (deflate, or a
 * slow download behind it) is slower than we produce rows, the whole sheet piles up in memory.
 * So every `every` rows we wait until that pipe, and `out`, have drained.
 */
export class RowSink {
  private n = 0;
  constructor(private readonly ws: Sheet, private readonly out: Writable, private readonly every = 100) {}
  async add(cells: string[]): Promise<void> {
    this.ws.addRow(cells).commit();
    if (++this.n % this.every !== 0) return;
    const pipes = (this.ws as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
    for (const p of pipes) await drained(p, 1 << 20);
    await drained(this.out, 0);
  }
}

/** A sheet of plain text lines (instructions, export details). */
export function addTextSheet(book: Book, name: string, lines: [string, string][], widths: [number, number] = [18, 100]): void {
  const ws = book.addWorksheet(name) as Sheet;
  ws.columns = [{ width: widths[0], style: { alignment: { vertical: 'top', wrapText: true } } }, { width: widths[1], style: { alignment: { vertical: 'top', wrapText: true } } }];
  for (const [k, v] of lines) {
    const r = ws.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.commit();
  }
  ws.commit();
}
