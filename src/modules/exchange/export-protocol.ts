// Messages between the server and the export worker (export-client.ts ↔ export-worker.ts).
import type { ListWorkbookOptions } from './list-writer.js';

export type ToWorker =
  | { job: number; type: 'start'; options: ListWorkbookOptions }
  /** rows as stored, a JSON array in list order */
  | { job: number; type: 'rows'; json: string; bodyName: string | null }
  /** the 导出说明 lines; the worker puts the row count (职权条数) between them */
  | { job: number; type: 'finish'; before: [string, string][]; after: [string, string][] }
  | { job: number; type: 'abort' };

export type FromWorker =
  | { job: number; type: 'data'; bytes: Uint8Array }
  /** the rows message was written: send the next */
  | { job: number; type: 'ack' }
  | { job: number; type: 'done'; rows: number }
  | { job: number; type: 'error'; message: string };
