// Messages between the server's thread (parse-client.ts) and an upload parse worker (parse-worker.ts).
import type { RowError } from './row-codec.js';
import type { TableLayout, TableRow } from './table-read.js';
import type { SheetRow } from './xlsx-read.js';
import type { ForeignMapping, InspectResult } from '../../contract/exchange-mapping.js';

export interface ParseWorkerData {
  path: string;
  /** another module's simple table (table-read.ts) instead of the 职权信息表 */
  table?: TableLayout;
  /** a body's own layout (issue 14.2): read the sheet by this mapping instead of the 职权信息表 */
  mapping?: ForeignMapping;
  /** only look at the sheet and propose a mapping */
  inspect?: { sheet?: string; defaults: ForeignMapping['defaults'] };
}

/** server → worker: room for one more batch */
export type ToParser = 'more';

export type FromParser =
  | { type: 'rows'; rows: SheetRow[] | TableRow[] }
  | { type: 'done' }
  /** the answer to `inspect` */
  | { type: 'inspected'; result: Omit<InspectResult, 'saved'> }
  /** the file is not a readable 职权信息表 (422 with the problems) */
  | { type: 'sheetError'; details: RowError[] }
  /** the file is refused as a whole (413 / 415) */
  | { type: 'refused'; code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA'; message: string }
  | { type: 'failed'; message: string };

/** batches waiting for the server at most */
export const IN_FLIGHT = 2;
/**
 * A batch: at most this many rows, or this many characters of cell text. Small, so that a
 * batch dies young in both threads: with 500 rows (~4 MB of text) each batch outlived the
 * young generation and the worker's old space grew to hold them — reading the bench's
 * 100,000-row file grew the process by 107 MB, with 100 rows by 67 MB, at the same speed
 * (docs/BENCHMARKS.md, peak RSS).
 */
export const BATCH_ROWS = 100;
export const BATCH_CHARS = 1024 * 1024;
