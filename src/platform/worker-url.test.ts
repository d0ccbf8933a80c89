// workerUrl (issue 11 item 6): one way to start a worker thread from the TypeScript sources
// (tests, tsx) and from the build (plain Node, no tsx).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerUrl } from './worker-url.js';

function answer(w: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`worker exited (${code}) without answering`)));
  });
}

describe('workerUrl', () => {
  it('from a .ts caller starts the .ts worker beside it, which loads further .ts modules by their .js names', async () => {
    const caller = new URL('./fixtures/any-caller.ts', import.meta.url).href;
    const url = workerUrl(caller, 'echo-worker');
    expect(url.protocol).toBe('data:');
    expect(decodeURIComponent(url.href)).toContain(new URL('./fixtures/echo-worker.ts', import.meta.url).href);
    const w = new Worker(url, { workerData: { n: 21 } });
    try {
      expect(await answer(w)).toEqual({ doubled: 42 });
    } finally {
      await w.terminate();
    }
  });

  it('from a .js caller (the build) names the .js worker beside it, which plain Node starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qz-worker-url-'));
    try {
      writeFileSync(
        join(dir, 'export-worker.js'),
        "import { parentPort, workerData } from 'node:worker_threads';\nparentPort.postMessage(workerData.n + 1);\n",
      );
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      const url = workerUrl(pathToFileURL(join(dir, 'export-client.js')).href, 'export-worker');
      expect(url.href).toBe(pathToFileURL(join(dir, 'export-worker.js')).href);
      const w = new Worker(url, { workerData: { n: 1 } });
      expect(await answer(w)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a worker that throws while loading is an error event, not a silent exit', async () => {
    const caller = new URL('./fixtures/any-caller.ts', import.meta.url).href;
    const w = new Worker(workerUrl(caller, 'no-such-worker'));
    await expect(answer(w)).rejects.toThrow(/no-such-worker/);
  });
});
