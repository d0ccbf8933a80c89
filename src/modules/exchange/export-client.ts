// The server's side of the export worker: one worker thread, started on the first export and
// kept (unref'd) for the next, writes the workbooks; the main thread reads rows as COPY text
// bytes and moves them across (a transfer: no copy, nothing decoded on the server's thread).
// At most IN_FLIGHT rows messages per job wait in the worker, and none while the download has
// not drained, so memory stays flat however long the list; two let the database read the next
// chunk while the worker writes the last.
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './export-protocol.js';
import type { ListWorkbookOptions } from './list-writer.js';
import { workerUrl } from '../../platform/worker-url.js';

const IN_FLIGHT = 2;

let worker: Worker | null = null;
let nextJob = 1;
const listeners = new Map<number, (m: FromWorker) => void>();

function failAll(message: string) {
  for (const [job, l] of listeners) l({ job, type: 'error', message });
}

function exportWorker(): Worker {
  if (worker) return worker;
  // a small heap: the worker holds one chunk of rows at a time, and a tight limit makes V8
  // collect its garbage early instead of growing the server's memory (the 512 MB budget)
  const w = new Worker(workerUrl(import.meta.url, 'export-worker'), {
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
  });
  w.unref(); // never keeps the server (or a test run) alive by itself
  w.on('message', (m: FromWorker) => listeners.get(m.job)?.(m));
  w.on('error', (e) => failAll(`导出进程出错：${e.message}`));
  w.on('exit', () => {
    if (worker === w) worker = null;
    failAll('导出进程已停止');
  });
  worker = w;
  return w;
}

export class ExportJob {
  private readonly job = nextJob++;
  private readonly w = exportWorker();
  private error: Error | null = null;
  /** whoever waits for the next message, drain or failure */
  private waiters: (() => void)[] = [];
  /** rows messages sent and not yet written by the worker */
  private inFlight = 0;
  private done: number | null = null;

  constructor(
    private readonly out: Writable,
    options: ListWorkbookOptions,
  ) {
    listeners.set(this.job, (m) => this.on(m));
    out.once('close', () => this.fail(new Error('download closed')));
    out.once('error', (e) => this.fail(e));
    this.post({ job: this.job, type: 'start', options });
  }

  private post(m: ToWorker, transfer: ArrayBuffer[] = []) {
    this.w.postMessage(m, transfer);
  }

  private notify() {
    const w = this.waiters;
    this.waiters = [];
    for (const wake of w) wake();
  }

  private on(m: FromWorker) {
    if (m.type === 'data') this.out.write(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    else if (m.type === 'ack') this.inFlight--;
    else if (m.type === 'done') this.done = m.rows;
    else return this.fail(new Error(m.message));
    this.notify();
  }

  private fail(e: Error) {
    if (this.error || this.done !== null) return;
    this.error = e;
    listeners.delete(this.job);
    this.post({ job: this.job, type: 'abort' });
    this.notify();
  }

  /** Resolves when `ready()` holds, rejects when the job failed. */
  private async until(ready: () => boolean): Promise<void> {
    while (!this.error && !ready()) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.error) throw this.error;
  }

  /** Send rows (COPY text of EXPORT_COLUMNS, in list order); resolves when the next may be sent. */
  async rows(bytes: Uint8Array, bodyName: string | null): Promise<void> {
    if (this.error) throw this.error;
    this.inFlight++;
    // moved, not copied, when the bytes have their memory to themselves (a small Buffer may
    // share Node's pool, which must not be taken away from this thread)
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    this.post({ job: this.job, type: 'rows', bytes: own, bodyName }, [own.buffer as ArrayBuffer]);
    await this.until(() => this.inFlight < IN_FLIGHT);
    if (!this.out.writableNeedDrain) return;
    // a slow download: wait until it has taken what it was given
    let drained = false;
    const onDrain = () => {
      drained = true;
      this.notify();
    };
    this.out.once('drain', onDrain);
    try {
      await this.until(() => drained);
    } finally {
      this.out.off('drain', onDrain);
    }
  }

  /** Add the 导出说明 sheet (`before`, 职权条数, `after`) and close the file; resolves with the row count once `out` has ended. */
  async finish(before: [string, string][], after: [string, string][]): Promise<number> {
    this.post({ job: this.job, type: 'finish', before, after });
    await this.until(() => this.done !== null);
    listeners.delete(this.job);
    await new Promise<void>((resolve) => this.out.end(resolve));
    return this.done!;
  }
}
