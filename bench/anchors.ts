// The two Excel anchors: what the same work costs with nothing but exceljs and the database.
//  - import: exceljs's streaming reader over the same file, each data row's 13 cells as text,
//    COPY'd into a scratch table of 13 text columns (no parsing, checking or code issuing);
//  - export: exceljs's streaming writer, the same 100,000 rows of cells, no styles, no
//    drop-downs, no second sheet, into a sink that discards the bytes (as the HTTP client does).
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { sql } from 'kysely';
import type { DbHandle } from '../src/db/connect.js';
import { COLUMNS, FIRST_DATA_ROW, SHEET_NAME } from '../src/modules/exchange/columns.js';
import { copyLine, openCopy, type BenchDbTarget } from './db.js';

const ANCHOR_TABLE = 'bench_import_anchor';

export async function importAnchor(
  h: DbHandle,
  target: BenchDbTarget,
  path: string,
): Promise<{ ms: number; rows: number }> {
  const cols = COLUMNS.map((_, i) => `c${i + 1}`);
  await sql
    .raw(
      `drop table if exists ${ANCHOR_TABLE}; create table ${ANCHOR_TABLE} (${cols.map((c) => `${c} text`).join(', ')})`,
    )
    .execute(h.db);
  const t0 = performance.now();
  const copy = await openCopy(h, target, ANCHOR_TABLE, cols);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const ws of reader) {
    const mine = (ws as unknown as { name: string }).name === SHEET_NAME;
    for await (const row of ws) {
      if (!mine || row.number < FIRST_DATA_ROW) continue;
      const v = row.values as unknown[];
      await copy.write(copyLine(cols.map((_, i) => (v[i + 1] == null ? '' : String(v[i + 1])))));
    }
  }
  const rows = await copy.end();
  const ms = performance.now() - t0;
  await sql.raw(`drop table ${ANCHOR_TABLE}`).execute(h.db);
  return { ms, rows };
}

/** A writable that counts and drops what it is given. */
export function nullSink(): Writable & { bytes: number } {
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      w.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

export async function exportAnchor(rows: readonly string[][]): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const out = nullSink();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = book.addWorksheet(SHEET_NAME) as ExcelJS.Worksheet & { commit(): void };
  ws.addRow(COLUMNS.map((c) => c.header)).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await book.commit();
  await finished(out);
  return { ms: performance.now() - t0, bytes: out.bytes };
}
