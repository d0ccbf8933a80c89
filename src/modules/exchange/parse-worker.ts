// The upload parse worker (started by parse-client.ts, one per upload): reads the 职权信息表
// rows of the workbook at workerData.path and posts them in batches, at most IN_FLIGHT
// batches ahead of the server. Whatever the file holds, its parsing costs this thread's time
// and this thread's bounded heap, never the server's (issue 10 item 1).
import { parentPort, workerData } from 'node:worker_threads';
import { BATCH_CHARS, BATCH_ROWS, IN_FLIGHT, type FromParser, type ParseWorkerData } from './parse-protocol.js';
import { readTableRows, type TableRow } from './table-read.js';
import { readPowerRows, SheetError, type SheetRow } from './xlsx-read.js';
import { WorkbookRefused } from './zip-read.js';
import { inspectSheet, readMappedRows } from './foreign-read.js';

const port = parentPort!;
const { path, table, mapping, inspect } = workerData as ParseWorkerData;
const post = (m: FromParser) => port.postMessage(m);

let credit = IN_FLIGHT;
let wake: (() => void) | null = null;
const onMore = () => {
  credit++;
  wake?.();
};
port.on('message', onMore);

async function send(rows: SheetRow[] | TableRow[]) {
  while (credit === 0) await new Promise<void>((r) => (wake = r));
  credit--;
  post({ type: 'rows', rows });
}

try {
  // issue 14.2: only look at the sheet (no rows follow)
  if (inspect) post({ type: 'inspected', result: await inspectSheet(path, inspect.sheet, inspect.defaults) });
  let batch: (SheetRow | TableRow)[] = [];
  let chars = 0;
  for await (const row of inspect
    ? []
    : table
      ? readTableRows(path, table)
      : mapping
        ? readMappedRows(path, mapping)
        : readPowerRows(path)) {
    batch.push(row);
    for (const c of Object.values(row.cells)) chars += c.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      await send(batch as SheetRow[] | TableRow[]);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length) await send(batch as SheetRow[] | TableRow[]);
  post({ type: 'done' });
} catch (e) {
  if (e instanceof SheetError) post({ type: 'sheetError', details: e.details });
  else if (e instanceof WorkbookRefused) post({ type: 'refused', code: e.code, message: e.message });
  else post({ type: 'failed', message: (e as Error).message });
}
port.off('message', onMore); // nothing keeps the thread: it ends
