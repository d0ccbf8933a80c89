// Reading the 职权信息表 sheet of an uploaded workbook row by row, from the file on disk: the
// zip's parts in any order (zip-read.ts, yauzl), each part's XML as it inflates (saxes). One
// row in memory at a time, plus the workbook's shared-string table (which the xlsx format
// requires a reader to keep), all within the bounds of zip-read.ts, xml-scan.ts,
// xlsx-parts.ts and sheet-rows.ts. Cells become trimmed text; what cannot be text (formulas,
// dates, error values) becomes a problem for the report instead. Runs in the parse worker
// (parse-worker.ts), never on the server's thread.
import {
  BODY_COLUMN_HEADER,
  COLUMNS,
  HEADER_ROW,
  MAX_DATA_ROWS,
  NOTE_PREFIX,
  NOTE_ROW,
  SHEET_NAME,
  type ColumnKey,
} from './columns.js';
import { unneutralise } from '../../core/formula-text.js';
import type { RowError } from './row-codec.js';
import { sheetRows, type RawRow, type SheetContext } from './sheet-rows.js';
import { readDateStyles, readSharedStrings, workbookParts, type SheetRef } from './xlsx-parts.js';
import { columnName } from '../../platform/xlsx-writer.js';
import { openZip, WorkbookRefused, type ZipBook } from './zip-read.js';

export interface SheetRow {
  row: number;
  cells: Record<ColumnKey, string>;
  /** cells that could not be read as text */
  problems: RowError[];
}

/** The file cannot be read as a 职权信息表 at all (wrong sheet, headers, not a workbook). */
export class SheetError extends Error {
  constructor(readonly details: RowError[]) {
    super(details[0]?.message ?? '文件无法读取');
  }
}

// Control characters other than tab and line feed cannot be stored in xlsx; drop them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function clean(s: string): string {
  return unneutralise(s.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim());
}

type CellText = { text: string } | { problem: string };

/** A cell value as sheet-rows.ts reads it → text, or why it is not text. */
export function cellText(v: unknown): CellText {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: clean(v) };
  if (typeof v === 'number') return { text: Number.isFinite(v) ? String(v) : '' };
  if (typeof v === 'boolean') return { problem: '单元格为逻辑值（TRUE/FALSE），请改为文本' };
  if (v instanceof Date) return { problem: '单元格为日期格式，请将单元格设为“文本”后重新填写' };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { problem: '单元格含公式，请改为纯文本（公式不会被导入）' };
    if ('error' in o) return { problem: `单元格为错误值${String(o.error)}，请改为文本` };
    if (Array.isArray(o.richText))
      return { text: clean((o.richText as { text?: string }[]).map((r) => r.text ?? '').join('')) };
    if (typeof o.text === 'string') return { text: clean(o.text) };
  }
  return { problem: '单元格内容无法识别，请改为纯文本' };
}

const headerProblem = (col: number, message: string): RowError => ({
  row: HEADER_ROW,
  column: `${columnName(col)}列`,
  message,
});

function checkHeaders(values: unknown[]): RowError[] {
  const problems: RowError[] = [];
  COLUMNS.forEach((c, i) => {
    const got = cellText(values[i + 1]);
    const text = 'text' in got ? got.text : '';
    if (text !== c.header) {
      problems.push(
        headerProblem(
          i + 1,
          `第1行${columnName(i + 1)}列应为“${c.header}”，实际为“${text || '（空）'}”。请使用本平台下载的导入模板，不要增删、移动列`,
        ),
      );
    }
  });
  for (let i = COLUMNS.length + 1; i < values.length; i++) {
    const got = cellText(values[i]);
    const text = 'text' in got ? got.text : '';
    if (text === '' || (i === COLUMNS.length + 1 && text === BODY_COLUMN_HEADER)) continue;
    problems.push(headerProblem(i, `第1行${columnName(i)}列“${text}”不是模板中的列，请删除该列`));
  }
  return problems;
}

/** Columns kept of each row: the template's, 所属部门, and enough past them to name stray header cells. */
const KEPT_COLUMNS = 256;

export interface OpenWorkbook {
  zip: ZipBook;
  sheets: SheetRef[];
  /** the rows of one sheet, values shaped as cellText takes them */
  rows(sheet: SheetRef, maxColumn?: number): AsyncGenerator<RawRow>;
}

/** Open a workbook on disk: its sheets, shared strings and date styles (close `zip` when done). */
export async function openWorkbook(path: string): Promise<OpenWorkbook> {
  const zip = await openZip(path);
  try {
    const parts = await workbookParts(zip);
    const ctx: SheetContext = {
      sharedStrings: parts.sharedStrings ? await readSharedStrings(zip, parts.sharedStrings) : [],
      dateStyles: parts.styles ? await readDateStyles(zip, parts.styles) : new Set(),
      maxColumn: KEPT_COLUMNS,
    };
    return {
      zip,
      sheets: parts.sheets,
      rows: (sheet, maxColumn = KEPT_COLUMNS) => sheetRows(zip, sheet.path, { ...ctx, maxColumn }),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

const unreadable = (e: unknown) =>
  new SheetError([
    {
      row: 0,
      column: '文件',
      message: `文件无法作为 Excel 工作簿读取（${(e as Error).message.slice(0, 80)}），请用 Excel 或 WPS 另存为 .xlsx 后重试`,
    },
  ]);

/**
 * The data rows of the 职权信息表 sheet, in order. Throws SheetError when the workbook has
 * no such sheet or its header row is not the template's, WorkbookRefused when it is over a bound.
 */
export async function* readPowerRows(path: string): AsyncGenerator<SheetRow> {
  let book: OpenWorkbook;
  try {
    book = await openWorkbook(path);
  } catch (e) {
    throw e instanceof WorkbookRefused ? e : unreadable(e);
  }
  try {
    const sheet = book.sheets.find((s) => s.name === SHEET_NAME);
    if (!sheet) {
      const names = book.sheets.map((s) => s.name).join('、');
      throw new SheetError([
        {
          row: 0,
          column: '工作表',
          message: `未找到名为“${SHEET_NAME}”的工作表（文件中的工作表：${names || '无'}）。请使用本平台下载的导入模板`,
        },
      ]);
    }
    let sawHeader = false;
    let dataRows = 0;
    for await (const row of book.rows(sheet)) {
      const values = row.values;
      if (!sawHeader) {
        if (row.number !== HEADER_ROW)
          throw new SheetError([
            {
              row: HEADER_ROW,
              column: 'A列',
              message: '第1行应为列名行（行政职权名称、主项/子项……），请使用本平台下载的导入模板',
            },
          ]);
        const problems = checkHeaders(values);
        if (problems.length) throw new SheetError(problems);
        sawHeader = true;
        continue;
      }
      if (row.number === NOTE_ROW) {
        const first = cellText(values[1]);
        if ('text' in first && first.text.startsWith(NOTE_PREFIX)) continue;
      }
      const cells = {} as Record<ColumnKey, string>;
      const problems: RowError[] = [];
      let blank = true;
      COLUMNS.forEach((c, i) => {
        const t = cellText(values[i + 1]);
        if ('problem' in t) {
          problems.push({ row: row.number, column: c.header, message: t.problem });
          cells[c.key] = '';
          blank = false;
        } else {
          cells[c.key] = t.text;
          if (t.text !== '') blank = false;
        }
      });
      if (blank) continue;
      if (++dataRows > MAX_DATA_ROWS) {
        throw new SheetError([
          { row: row.number, column: 'A列', message: `数据行超过${MAX_DATA_ROWS}行，请分多个文件导入` },
        ]);
      }
      yield { row: row.number, cells, problems };
    }
    if (!sawHeader)
      throw new SheetError([
        { row: HEADER_ROW, column: 'A列', message: '工作表“职权信息表”是空的，请使用本平台下载的导入模板填写' },
      ]);
  } catch (e) {
    if (e instanceof SheetError || e instanceof WorkbookRefused) throw e;
    throw unreadable(e);
  } finally {
    book.zip.close();
  }
}
