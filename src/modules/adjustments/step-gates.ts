// Checks another module adds before a step of an application is completed, registered at
// assembly (src/server/app.ts: the delegation module's §13.2 gates — the prior assessment before
// 报送, the related bodies' answers before 报请审定). The adjustments module never imports them,
// so they may read adjustments without a module loop (issue 11.3).
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import type { StepId } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import type { AdjustmentRecord } from './adjustments.repo.js';

/** Throws an AppError to refuse the step; runs inside the step's transaction, so what it writes commits with it. */
export type StepGate = (
  trx: Transaction<DB>,
  a: AdjustmentRecord,
  step: StepId,
  ctx: { actor: Actor; meta: RequestMeta; at: Date },
) => Promise<void>;

const gates = new Set<StepGate>();

/** Register at assembly; registering the same gate twice keeps one. */
export function onStepCompleting(gate: StepGate): void {
  gates.add(gate);
}

export async function runStepGates(
  trx: Transaction<DB>,
  a: AdjustmentRecord,
  step: StepId,
  ctx: { actor: Actor; meta: RequestMeta; at: Date },
): Promise<void> {
  for (const gate of gates) await gate(trx, a, step, ctx);
}
