// The 职权信息表 layout, shared by the template and every export — column names in row 1, the
// note row in row 2, data from row 3, frozen header, widths, category and status drop-downs —
// so that whatever we write, the importer reads back. Written with our streaming writer
// (xlsx-writer.ts): each row leaves memory as soon as it is added.
import type { Writable } from 'node:stream';
import { POWER_STATUS_LABELS } from '../../core/register/index.js';
import type { Rulebook } from '../../core/rulebook/index.js';
import { BODY_COLUMN_HEADER, COLUMNS, FIRST_DATA_ROW, MAX_DATA_ROWS, NOTE_PREFIX, SHEET_NAME } from './columns.js';
import {
  columnName,
  STYLE,
  XlsxBook,
  type ListValidation,
  type SheetWriter,
  type StyleId,
} from '../../platform/xlsx-writer.js';

export type { SheetWriter } from '../../platform/xlsx-writer.js';

export const WORKBOOK_CREATOR = '包头市权责清单管理平台';

/** A workbook with the given sheets, in order. */
export function openWorkbook(out: Writable, sheets: readonly string[], created = new Date()): XlsxBook {
  return new XlsxBook(out, { sheets, creator: WORKBOOK_CREATOR, created });
}

/** The columns that hold lines: only these wrap. */
export const MULTILINE = new Set([
  'legalBases',
  'legalLevels',
  'responsibilities',
  'accountabilityCases',
  'accountabilityBasis',
]);

export interface ListSheetOptions {
  rulebook: Rulebook;
  name?: string;
  /** region exports: a trailing 所属部门 column */
  withBodyColumn?: boolean;
  /** how many rows the drop-downs cover (default: up to the importer's row limit) */
  validationRows?: number;
}

/** The category and status drop-downs, from the first data row to `lastRow`. */
export function dropDowns(rulebook: Rulebook, lastRow: number): ListValidation[] {
  const col = (key: string) => columnName(COLUMNS.findIndex((c) => c.key === key) + 1);
  const range = (key: string) => `${col(key)}${FIRST_DATA_ROW}:${col(key)}${lastRow}`;
  const categories = rulebook.categories.map((c) => c.label);
  const statuses = Object.values(POWER_STATUS_LABELS);
  return [
    {
      sqref: range('category'),
      list: categories,
      errorTitle: '权力类别',
      error: `请从下拉列表选择：${categories.join('、')}`,
      promptTitle: '权力类别',
      prompt: `${rulebook.label}：${categories.join('、')}`,
    },
    { sqref: range('status'), list: statuses, errorTitle: '状态', error: `请从下拉列表选择：${statuses.join('、')}` },
  ];
}

/** Row 1 (column names) and row 2 (the 【说明】 notes); region exports add 所属部门. */
export function headerRows(withBodyColumn: boolean): { headers: string[]; notes: string[] } {
  const headers = COLUMNS.map((c) => c.header);
  const notes = COLUMNS.map((c) => `${NOTE_PREFIX}${c.note}`);
  if (withBodyColumn) {
    headers.push(BODY_COLUMN_HEADER);
    notes.push(`${NOTE_PREFIX}导出时附加的列，导入时忽略。`);
  }
  return { headers, notes };
}

/** Start a 职权信息表 sheet and write its header and note rows. */
export async function addListSheet(book: XlsxBook, opts: ListSheetOptions): Promise<SheetWriter> {
  const cols: { width: number; style?: StyleId }[] = COLUMNS.map((c) => ({
    width: c.width,
    style: MULTILINE.has(c.key) ? STYLE.wrap : undefined,
  }));
  if (opts.withBodyColumn) cols.push({ width: 28 });
  const ws = await book.sheet(opts.name ?? SHEET_NAME, {
    cols,
    frozen: { columns: 1, rows: 2 },
    validations: dropDowns(opts.rulebook, FIRST_DATA_ROW + (opts.validationRows ?? MAX_DATA_ROWS) - 1),
  });
  const { headers, notes } = headerRows(opts.withBodyColumn ?? false);
  const headerStyles: StyleId[] = headers.map((_, i) => (COLUMNS[i]?.required ? STYLE.headerRequired : STYLE.header));
  await ws.row(headers, { style: headerStyles, height: 30 });
  await ws.row(notes, { style: STYLE.note, height: 120 });
  return ws;
}

/** A sheet of plain text lines (instructions, export details): label in bold, then the text. */
export async function addTextSheet(
  book: XlsxBook,
  name: string,
  lines: readonly [string, string][],
  widths: [number, number] = [18, 100],
): Promise<void> {
  const ws = await book.sheet(name, {
    cols: [
      { width: widths[0], style: STYLE.bold },
      { width: widths[1], style: STYLE.wrap },
    ],
  });
  for (const line of lines) await ws.row(line);
}
