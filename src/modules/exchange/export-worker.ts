// The export worker thread (started by export-client.ts): turns rows, sent as COPY text a
// chunk at a time, into .xlsx bytes sent back. Several exports may be in progress; each
// message names its job, and a job's messages are handled in order.
import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { ListWorkbook } from './list-writer.js';
import { parseCopyText } from './copy-text.js';
import { EXPORT_COLUMNS, type ToWorker, type FromWorker } from './export-protocol.js';
import type { StoredPower } from './row-codec.js';

const port = parentPort!;
const post = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer ?? []);

interface Job {
  book: ListWorkbook;
  /** the job's messages, one after another */
  chain: Promise<void>;
  failed: boolean;
}
const jobs = new Map<number, Job>();

/** COPY text of EXPORT_COLUMNS → rows as stored (the jsonb columns stay JSON text: powerToCells parses them). */
function storedPowers(bytes: Uint8Array): StoredPower[] {
  return parseCopyText(bytes).map((f) => {
    if (f.length !== EXPORT_COLUMNS.length) throw new Error(`导出数据列数不符：${f.length}`);
    const p = {} as Record<string, string | null>;
    EXPORT_COLUMNS.forEach((c, i) => (p[c] = f[i]!));
    return p as unknown as StoredPower;
  });
}

function start(job: number, m: Extract<ToWorker, { type: 'start' }>): Job {
  // bytes go back as they are made; the main thread paces us with acks (export-client.ts)
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      const copy = new Uint8Array(chunk); // its own memory, so it can be transferred
      post({ job, type: 'data', bytes: copy }, [copy.buffer as ArrayBuffer]);
      cb();
    },
  });
  return { book: new ListWorkbook(out, m.options), chain: Promise.resolve(), failed: false };
}

async function handle(job: number, j: Job, m: ToWorker): Promise<void> {
  if (j.failed) return;
  try {
    if (m.type === 'rows') {
      await j.book.add(storedPowers(m.bytes), m.bodyName);
      // the chunk's memory goes back with the ack: here it had outlived the young generation and
      // waited for a full collection (tens of MB of spent chunks); there it dies at once
      post({ job, type: 'ack', spent: m.bytes }, [m.bytes.buffer as ArrayBuffer]);
    } else if (m.type === 'finish') {
      const rows = await j.book.finish(m.before, m.after);
      jobs.delete(job);
      post({ job, type: 'done', rows });
    }
  } catch (e) {
    j.failed = true;
    jobs.delete(job);
    post({ job, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'start') {
    jobs.set(m.job, start(m.job, m));
    return;
  }
  const j = jobs.get(m.job);
  if (!j) return;
  if (m.type === 'abort') {
    j.failed = true;
    jobs.delete(m.job);
    return;
  }
  j.chain = j.chain.then(() => handle(m.job, j, m));
});
