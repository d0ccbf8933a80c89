// Writing a list's rows as a 职权信息表 workbook: the part of an export that needs no database
// (cells, XML, deflate). It runs in the export worker (export-worker.ts), so a 100,000-row
// export does not hold the server's event loop: the main thread only reads rows.
import type { Writable } from 'node:stream';
import {
  getRulebook,
  isRulebookId,
  listRulebooks,
  DEFAULT_RULEBOOK_ID,
  type Rulebook,
} from '../../core/rulebook/index.js';
import { SHEET_NAME } from './columns.js';
import { powerToCells, type StoredPower } from './row-codec.js';
import { addListSheet, addTextSheet, openWorkbook, type SheetWriter } from './sheet-writer.js';
import type { XlsxBook } from '../../platform/xlsx-writer.js';

export const EXPORT_INFO_SHEET = '导出说明';

export interface ListWorkbookOptions {
  rulebookId: string;
  /** region exports: a trailing 所属部门 column */
  region: boolean;
  /** ms since the epoch: the file's creation time */
  created: number;
}

function categoryLabeller(primary: Rulebook): (code: string) => string {
  const labels = new Map<string, string>();
  for (const rb of [primary, ...listRulebooks()])
    for (const c of rb.categories) if (!labels.has(c.code)) labels.set(c.code, c.label);
  return (code) => labels.get(code) ?? code;
}

export class ListWorkbook {
  rows = 0;
  private book: XlsxBook;
  private sheet: Promise<SheetWriter>;
  private readonly label: (code: string) => string;

  constructor(
    out: Writable,
    private readonly opts: ListWorkbookOptions,
  ) {
    const rulebook = getRulebook(isRulebookId(opts.rulebookId) ? opts.rulebookId : DEFAULT_RULEBOOK_ID);
    this.label = categoryLabeller(rulebook);
    this.book = openWorkbook(out, [SHEET_NAME, EXPORT_INFO_SHEET], new Date(opts.created));
    this.sheet = addListSheet(this.book, { rulebook, withBodyColumn: opts.region });
    this.sheet.catch(() => {}); // awaited by add()
  }

  /** Rows as stored, in list order; `bodyName` fills the 所属部门 column of a region export. */
  async add(rows: readonly StoredPower[], bodyName: string | null): Promise<void> {
    const ws = await this.sheet;
    for (const p of rows) {
      const cells = powerToCells(p, this.label);
      if (this.opts.region) cells.push(bodyName ?? '');
      const wait = ws.row(cells);
      if (wait) await wait;
      this.rows++;
    }
  }

  /** The 导出说明 sheet — `before`, the row count, `after` — then the end of the file. */
  async finish(before: readonly [string, string][], after: readonly [string, string][]): Promise<number> {
    await this.sheet;
    await addTextSheet(this.book, EXPORT_INFO_SHEET, [...before, ['职权条数', String(this.rows)], ...after]);
    await this.book.finish();
    return this.rows;
  }
}
