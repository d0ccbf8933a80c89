// Messages between the server and the export worker (export-client.ts ↔ export-worker.ts).
import type { StoredPower } from './row-codec.js';
import type { ListWorkbookOptions } from './list-writer.js';

/** The columns an export reads, in the order of its COPY text (power and draft_power share them). */
export const EXPORT_COLUMNS = [
  'code',
  'parent_code',
  'name',
  'category',
  'responsible_subject',
  'implementing_agency',
  'legal_bases',
  'responsibilities',
  'accountability_cases',
  'accountability_basis',
  'remarks',
  'status',
] as const satisfies readonly (keyof StoredPower)[];

export type ToWorker =
  | { job: number; type: 'start'; options: ListWorkbookOptions }
  /** rows as stored, in list order: COPY text of EXPORT_COLUMNS (copy-text.ts) */
  | { job: number; type: 'rows'; bytes: Uint8Array; bodyName: string | null }
  /** the 导出说明 lines; the worker puts the row count (职权条数) between them */
  | { job: number; type: 'finish'; before: [string, string][]; after: [string, string][] }
  | { job: number; type: 'abort' };

export type FromWorker =
  | { job: number; type: 'data'; bytes: Uint8Array }
  /** the rows message was written: send the next (its bytes come back, moved, to be dropped) */
  | { job: number; type: 'ack'; spent?: Uint8Array }
  | { job: number; type: 'done'; rows: number }
  | { job: number; type: 'error'; message: string };
