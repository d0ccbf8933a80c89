// Reading any simple table sheet of an uploaded workbook (one header row, data below), with the
// same bounded reader as the 职权信息表 (openWorkbook, cellText): for other modules' uploads, such
// as exercise records (src/modules/exercise). Runs in the parse worker, never on the server's thread.
import { columnName } from '../../platform/xlsx-writer.js';
import type { RowError } from './row-codec.js';
import { cellText, openWorkbook, SheetError, type OpenWorkbook } from './xlsx-read.js';
import { WorkbookRefused } from './zip-read.js';

export interface TableLayout {
  /** the sheet's name; the workbook's first sheet when it has only one */
  sheet: string;
  /** the header row's cells, in order */
  headers: string[];
  /** data rows at most */
  maxRows: number;
}

export interface TableRow {
  row: number;
  /** the cells' text in the headers' order */
  cells: string[];
  problems: RowError[];
}

const refuse = (row: number, column: string, message: string) => new SheetError([{ row, column, message }]);

/** The data rows of the layout's sheet, in order; SheetError when the sheet or its header is not the layout's. */
export async function* readTableRows(path: string, layout: TableLayout): AsyncGenerator<TableRow> {
  let book: OpenWorkbook;
  try {
    book = await openWorkbook(path);
  } catch (e) {
    if (e instanceof WorkbookRefused) throw e;
    throw refuse(0, '文件', '文件无法作为 Excel 工作簿读取，请用 Excel 或 WPS 另存为 .xlsx 后重试');
  }
  try {
    const sheet =
      book.sheets.find((s) => s.name === layout.sheet) ?? (book.sheets.length === 1 ? book.sheets[0] : undefined);
    if (!sheet) throw refuse(0, '工作表', `未找到名为“${layout.sheet}”的工作表`);
    const width = layout.headers.length;
    let sawHeader = false;
    let count = 0;
    for await (const raw of book.rows(sheet, width + 1)) {
      const texts = layout.headers.map((h, i) => {
        const t = cellText(raw.values[i + 1]);
        return 'text' in t ? t : { text: '', problem: t.problem, column: h };
      });
      if (!sawHeader) {
        layout.headers.forEach((h, i) => {
          if (texts[i]!.text !== h)
            throw refuse(
              raw.number,
              `${columnName(i + 1)}列`,
              `第${raw.number}行${columnName(i + 1)}列应为“${h}”，实际为“${texts[i]!.text || '（空）'}”（列名依次为：${layout.headers.join('、')}）`,
            );
        });
        sawHeader = true;
        continue;
      }
      const problems: RowError[] = [];
      for (const t of texts)
        if ('problem' in t && t.problem) problems.push({ row: raw.number, column: t.column, message: t.problem });
      const cells = texts.map((t) => t.text);
      if (!problems.length && cells.every((c) => c === '')) continue;
      if (++count > layout.maxRows) throw refuse(raw.number, 'A列', `数据行超过${layout.maxRows}行，请分多个文件导入`);
      yield { row: raw.number, cells, problems };
    }
    if (!sawHeader) throw refuse(1, 'A列', `工作表“${sheet.name}”是空的，第1行应为列名：${layout.headers.join('、')}`);
  } catch (e) {
    if (e instanceof SheetError || e instanceof WorkbookRefused) throw e;
    throw refuse(0, '文件', `文件无法读取（${(e as Error).message.slice(0, 80)}）`);
  } finally {
    book.zip.close();
  }
}
