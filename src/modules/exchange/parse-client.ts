// The server's side of upload parsing (issue 10 item 1): each upload is read in its own worker
// thread with a bounded heap (resourceLimits), at most MAX_PARSERS at a time, so that no
// workbook — a zip bomb, a shared-string flood, a huge honest file — can block the server's
// event loop or take the process down: a file over a bound is a 413/415 with a Chinese message,
// a worker out of memory is a 413, and every other request goes on meanwhile. Rows come back
// in batches, at most IN_FLIGHT ahead of the import (parse-protocol.ts).
import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors.js';
import type { FromParser, ParseWorkerData } from './parse-protocol.js';
import type { TableLayout, TableRow } from './table-read.js';
import { SheetError, type SheetRow } from './xlsx-read.js';
import { workerUrl } from '../../platform/worker-url.js';

/** uploads parsed at once (the machine's cores are few); others wait their turn */
export const MAX_PARSERS = 2;
/**
 * The worker's heap: the shared-string table at its bound (xlsx-parts.ts) fits, a bomb does not.
 * A small young generation: a worker with 32 MB grew the process by ~100 MB reading the bench's
 * 100,000-row file, with 8 MB by ~80 MB (the worker's own floor), no slower.
 */
export const PARSER_HEAP_MB = 288;

let running = 0;
const waiting: (() => void)[] = [];

async function acquire() {
  if (running < MAX_PARSERS) {
    running++;
    return;
  }
  await new Promise<void>((r) => waiting.push(r));
}

function release() {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

type Event = FromParser | { type: 'crashed'; error: Error & { code?: string } } | { type: 'exit' };

export class ParseJob {
  private worker: Worker | null = null;
  private readonly queue: Event[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private readonly started: Promise<void>;

  /** `table`: read another module's simple table sheet (table-read.ts); rows come from tableRows() */
  constructor(
    private readonly path: string,
    private readonly table?: TableLayout,
    /** issue 14.2: a body's own layout read by a mapping, or only inspected */
    private readonly foreign: Pick<ParseWorkerData, 'mapping' | 'inspect'> = {},
  ) {
    this.started = acquire().then(() => this.start());
  }

  private start() {
    if (this.closed) return release();
    let w: Worker;
    try {
      w = new Worker(workerUrl(import.meta.url, 'parse-worker'), {
        workerData: { path: this.path, table: this.table, ...this.foreign } satisfies ParseWorkerData,
        resourceLimits: { maxOldGenerationSizeMb: PARSER_HEAP_MB, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 },
      });
    } catch (e) {
      release();
      throw e;
    }
    w.unref();
    const push = (e: Event) => {
      this.queue.push(e);
      this.wake?.();
    };
    w.on('message', (m: FromParser) => push(m));
    w.on('error', (error) => push({ type: 'crashed', error }));
    w.on('exit', () => {
      push({ type: 'exit' });
      if (this.worker === w) this.worker = null;
      release();
    });
    this.worker = w;
  }

  private async next(): Promise<Event> {
    await this.started;
    while (this.queue.length === 0) await new Promise<void>((r) => (this.wake = r));
    this.wake = null;
    return this.queue[0]!;
  }

  /**
   * Wait for the first answer: a file refused as a whole (413/415) is refused before the import
   * opens its transaction; a sheet's problems (422) come with the rows, after the draft's checks.
   */
  async ready(): Promise<void> {
    const e = await this.next();
    if (e.type !== 'rows' && e.type !== 'done' && e.type !== 'sheetError') this.fail(e);
  }

  async *rows(): AsyncGenerator<SheetRow> {
    for (;;) {
      const e = await this.next();
      this.queue.shift();
      if (e.type === 'done') return;
      if (e.type !== 'rows') this.fail(e);
      yield* e.rows as SheetRow[];
      this.worker?.postMessage('more');
    }
  }

  /** The rows of a table layout (constructed with `table`). */
  tableRows(): AsyncGenerator<TableRow> {
    return this.rows() as unknown as AsyncGenerator<TableRow>;
  }

  /** The answer of a job started with `inspect`. */
  async inspected(): Promise<Extract<FromParser, { type: 'inspected' }>['result']> {
    const e = await this.next();
    if (e.type !== 'inspected') this.fail(e);
    return e.result;
  }

  private fail(e: Event): never {
    if (e.type === 'sheetError') throw new SheetError(e.details);
    if (e.type === 'refused') throw new AppError(e.code, e.message);
    if (e.type === 'crashed' && e.error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `文件过大或过于复杂，读取时超出内存上限（${PARSER_HEAP_MB} MB），请拆分为多个文件导入`,
      );
    }
    if (e.type === 'crashed') throw e.error;
    throw new Error(e.type === 'failed' ? `读取上传文件失败：${e.message}` : '读取上传文件的进程意外退出');
  }

  /** Stop the worker (if still reading) and free its slot. */
  async close(): Promise<void> {
    this.closed = true;
    await this.started;
    await this.worker?.terminate();
  }
}
