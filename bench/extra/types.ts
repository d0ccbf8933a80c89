// The extension point of `npm run bench` for figures beyond the register's own (portal, search,
// import, export): each capability adds one phase file here and one line to phases.ts (the run)
// and, when it needs the database handle of the server child, one line to server-ops.ts.
// `BENCH_ONLY=name[,name]` runs only the named phases (the register's own are named `register`).
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../../src/db/connect.js';
import type { ServerChild } from '../child.js';
import type { BenchDbTarget } from '../db.js';
import type { LoadResult } from '../load.js';
import type { Row } from '../report.js';

/** What a phase of the run is given: the running server child, the loaded data set, a temp folder. */
export interface PhaseContext {
  server: ServerChild;
  target: BenchDbTarget;
  data: LoadResult;
  /** a temp folder of this run, removed at the end */
  work: string;
  postgres: boolean;
  sizes: { powers: number; bodies: number; rows: number };
  log: (s: string) => void;
}

/** What a phase gives back: its rows of the table, lines for the context, details for the JSON. */
export interface PhaseResult {
  rows: Row[];
  context: string[];
  details?: unknown;
}

export interface ExtraPhase {
  /** the key of BENCH_ONLY and of the JSON details */
  name: string;
  /** what the progress line says */
  title: string;
  run(ctx: PhaseContext): Promise<PhaseResult>;
}

/** Operations a phase runs in the server child (where the database handle is open) over IPC. */
export type ServerOps = Record<
  string,
  (env: { handle: DbHandle; app: FastifyInstance; target: BenchDbTarget }, args: unknown) => Promise<unknown>
>;
