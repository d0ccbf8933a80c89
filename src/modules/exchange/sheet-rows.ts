// One worksheet's rows as its XML inflates: each <row> becomes its cells' values, shaped as
// a spreadsheet library gives them (text, number, boolean, Date, { formula }, { error }), one row at a time.
// Bounded as Excel is: at most 1,048,576 rows and 16,384 columns, at most 16,384 cells in a
// row, a cell's text kept to one character past Excel's 32,767; the text of columns past
// `maxColumn` is not kept at all (issue 10 item 1).
import { RichText, TEXT_KEEP } from './xlsx-parts.js';
import { scanXml } from './xml-scan.js';
import { WorkbookRefused, type ZipBook } from './zip-read.js';

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export interface RawRow {
  /** the Excel row number (1 = first) */
  number: number;
  /** values[column], column 1 = A; absent = empty */
  values: unknown[];
}

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
  /** cells past this column are read over, not kept */
  maxColumn: number;
}

const refused = (why: string) =>
  new WorkbookRefused('PAYLOAD_TOO_LARGE', `${why}，超出 Excel 工作表的上限，请用 Excel 或 WPS 另存为 .xlsx 后导入`);

/** "BC12" → 55 */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > EXCEL_MAX_COLUMNS) break;
  }
  return n;
}

/** Excel's serial day number (1900 system) → Date */
const excelDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000));

export async function* sheetRows(zip: ZipBook, path: string, ctx: SheetContext): AsyncGenerator<RawRow> {
  const ready: RawRow[] = [];
  let rows = 0;
  let row: RawRow | null = null;
  let lastRow = 0;
  let col = 0;
  let cells = 0;
  // the cell being read
  let type = 'n';
  let style = 0;
  let keep = false;
  let v = '';
  let formula: string | null = null;
  let inV = false,
    inF = false,
    inIs = false;
  const rich = new RichText();

  const value = (): unknown => {
    if (formula !== null) return { formula };
    switch (type) {
      case 's':
        return ctx.sharedStrings[Number(v)] ?? null;
      case 'str':
        return v.slice(0, TEXT_KEEP);
      case 'inlineStr':
        return rich.take();
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return { error: v };
      case 'd':
        return new Date(v);
      default: {
        if (v.trim() === '') return null;
        const n = Number(v);
        return ctx.dateStyles.has(style) && Number.isFinite(n) ? excelDate(n) : n;
      }
    }
  };

  const parse = scanXml(path, zip.text(path), {
    open(name, a) {
      if (name === 'row') {
        if (++rows > EXCEL_MAX_ROWS) throw refused(`工作表超过${EXCEL_MAX_ROWS}行`);
        const n = a.r ? Number(a.r) : lastRow + 1;
        if (!Number.isInteger(n) || n < 1 || n > EXCEL_MAX_ROWS)
          throw refused(`行号“${String(a.r).slice(0, 20)}”不在1至${EXCEL_MAX_ROWS}之间`);
        row = { number: n, values: [] };
        lastRow = n;
        col = 0;
        cells = 0;
      } else if (name === 'c' && row) {
        if (++cells > EXCEL_MAX_COLUMNS) throw refused(`第${row.number}行的单元格超过${EXCEL_MAX_COLUMNS}个`);
        col = a.r ? columnOf(a.r) : col + 1;
        if (col < 1 || col > EXCEL_MAX_COLUMNS)
          throw refused(`单元格“${String(a.r).slice(0, 20)}”超出${EXCEL_MAX_COLUMNS}列`);
        type = a.t ?? 'n';
        style = a.s ? Number(a.s) : 0;
        keep = col <= ctx.maxColumn;
        v = '';
        formula = null;
        rich.take();
      } else if (name === 'v') inV = true;
      else if (name === 'f') {
        inF = true;
        formula = '';
      } else if (name === 'is') inIs = true;
      else if (inIs) rich.open(name);
    },
    close(name) {
      if (name === 'row' && row) {
        ready.push(row);
        row = null;
      } else if (name === 'c' && row) {
        if (keep) {
          const x = value();
          if (x !== null && x !== undefined) row.values[col] = x;
        }
        inV = inF = inIs = false;
      } else if (name === 'v') inV = false;
      else if (name === 'f') inF = false;
      else if (name === 'is') inIs = false;
      else if (inIs) rich.close(name);
    },
    text(t) {
      if (!keep) return;
      if (inV) {
        if (v.length < TEXT_KEEP) v += t;
      } else if (inF) {
        if (formula!.length < 1000) formula += t.slice(0, 1000);
      } else if (inIs) rich.add(t);
    },
  });
  for await (const _ of parse) {
    for (const r of ready) yield r;
    ready.length = 0;
  }
}
