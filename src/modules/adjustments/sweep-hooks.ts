// What the daily sweep finds about a body's filing, handed to whoever registered for it at
// assembly (src/server/app.ts: the supervision module opens 迟报/缓报/漏报 findings, §14 ¶2, §16).
// The adjustments module never imports its listeners, so supervision may read adjustments
// without a module cycle.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * One fact of §14 ¶2: 迟报 (filed after the §12 deadline), 缓报 (a step of the body's own held
 * past its deadline), 漏报 (due and still not filed past the deadline).
 */
export interface SweepFact {
  kind: 'late' | 'delayed' | 'missing';
  adjustmentId: number;
  bodyId: number;
  title: string;
  /** the deadline the body missed */
  dueOn: string;
  /** 缓报: which step, in which round */
  step?: string;
  stepLabel?: string;
  round?: number;
}

export interface SweepContext {
  now: Date;
  /** Beijing date of the run */
  today: string;
}

export interface SweepListener {
  /** Facts of one application, inside that application's transaction; returns how many were new. */
  facts(trx: Transaction<DB>, facts: readonly SweepFact[], ctx: SweepContext): Promise<number>;
  /** Once per run after the applications, in its own transaction (e.g. deadlines of the listener's own). */
  after?(trx: Transaction<DB>, ctx: SweepContext): Promise<number>;
  /**
   * Once per run after every transaction above has committed, outside any transaction: work that
   * waits on the network (open data's webhook deliveries, issue 14.3), which must not hold a
   * transaction (PGlite has one connection) while a receiver answers.
   */
  afterCommit?(db: Kysely<DB>, ctx: SweepContext): Promise<number>;
}

const listeners = new Set<SweepListener>();

/** Register at assembly; registering the same listener twice keeps one. */
export function onSweep(listener: SweepListener): void {
  listeners.add(listener);
}

export async function emitSweepFacts(
  trx: Transaction<DB>,
  facts: readonly SweepFact[],
  ctx: SweepContext,
): Promise<number> {
  if (facts.length === 0) return 0;
  let added = 0;
  for (const l of listeners) added += await l.facts(trx, facts, ctx);
  return added;
}

export async function runSweepEnd(trx: Transaction<DB>, ctx: SweepContext): Promise<number> {
  let n = 0;
  for (const l of listeners) if (l.after) n += await l.after(trx, ctx);
  return n;
}

export async function runSweepAfterCommit(db: Kysely<DB>, ctx: SweepContext): Promise<number> {
  let n = 0;
  for (const l of listeners) if (l.afterCommit) n += await l.afterCommit(db, ctx);
  return n;
}
