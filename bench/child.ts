// Starting the server under test (server.ts) as a child process and talking to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchDbTarget } from './db.js';
import type { Command } from './protocol.js';

export interface ServerChild {
  pid: number;
  base: string;
  call<T>(c: Command): Promise<T>;
  stop(): Promise<void>;
}

/** The server is started as `npm start` starts it (flags and environment). */
const runtime = JSON.parse(readFileSync(new URL('../scripts/server-runtime.json', import.meta.url), 'utf8')) as {
  nodeArgs: string[];
  env: Record<string, string>;
};

export async function startServer(target: BenchDbTarget): Promise<ServerChild> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    // BENCH_CPU_PROF=dir: a V8 CPU profile of the server, for finding where a figure's time goes
    execArgv: [
      ...runtime.nodeArgs,
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, ...runtime.env, QZ_BENCH_TARGET: JSON.stringify(target), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let exited = false;
  const ready = new Promise<{ port: number; pid: number }>((resolve, reject) => {
    child.on(
      'message',
      (m: { ready?: boolean; port: number; pid: number; id: number; result?: unknown; error?: string }) => {
        if (m.ready) return resolve({ port: m.port, pid: m.pid });
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.error !== undefined) p?.reject(new Error(`server: ${m.error}`));
        else p?.resolve(m.result);
      },
    );
    child.on('exit', (code) => {
      exited = true;
      const e = new Error(`the server process ended (exit ${code})`);
      reject(e);
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  });
  const { port, pid } = await ready;
  return {
    pid,
    base: `http://127.0.0.1:${port}`,
    call<T>(c: Command) {
      if (exited) return Promise.reject(new Error('the server process has ended'));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, ...c });
      });
    },
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.send({ id: 0, cmd: 'stop' });
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(t);
    },
  };
}
