// Messages between the server's thread (parse-client.ts) and an upload parse worker (parse-worker.ts).
import type { RowError } from './row-codec.js';
import type { TableLayout, TableRow } from './table-read.js';
import type { SheetRow } from './xlsx-read.js';

export interface ParseWorkerData {
  path: string;
  /** another module's simple table (table-read.ts) instead of the 职权信息表 */
  table?: TableLayout;
}

/** server → worker: room for one more batch */
export type ToParser = 'more';

export type FromParser =
  | { type: 'rows'; rows: SheetRow[] | TableRow[] }
  | { type: 'done' }
  /** the file is not a readable 职权信息表 (422 with the problems) */
  | { type: 'sheetError'; details: RowError[] }
  /** the file is refused as a whole (413 / 415) */
  | { type: 'refused'; code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA'; message: string }
  | { type: 'failed'; message: string };

/** batches waiting for the server at most */
export const IN_FLIGHT = 2;
/** a batch: at most this many rows, or this many characters of cell text */
export const BATCH_ROWS = 500;
export const BATCH_CHARS = 4 * 1024 * 1024;
