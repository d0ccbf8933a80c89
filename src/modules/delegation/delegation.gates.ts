// What the adjustments workflow asks of a delegation before a step (one call in workflow.command.ts):
// §13.2 ¶1 — a 下放 or 委托 is submitted only with a prior assessment that answers every refusal "no"
// (and a 委托 only with its §13.3 basis, in writing for a 行政处罚);
// §13.2 ¶2 — it goes to the government only when every related body has answered or been waived.
// On every submission (any kind) the §13.5 明放暗不放 watch looks at what the body proposes.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import {
  assessmentRefusal,
  entrustmentRefusal,
  isDelegationKind,
  relatedRefusal,
} from '../../core/policies/delegation.js';
import { AppError } from '../../core/errors.js';
import type { StepId } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import type { AdjustmentRecord } from '../adjustments/adjustments.repo.js';
import { assessmentOf, delegatedCategories, entrustmentOf, relatedOf } from './delegation.repo.js';
import { watchDisguisedRetention } from './delegation.watch.js';

export async function delegationGate(
  trx: Transaction<DB>,
  a: AdjustmentRecord,
  step: StepId,
  ctx: { actor: Actor; meta: RequestMeta; at: Date },
): Promise<void> {
  if (step === 'submit' && isDelegationKind(a.kind)) {
    const refusal = assessmentRefusal((await assessmentOf(trx, a.id))?.refusals ?? null);
    if (refusal) throw new AppError('INVALID_STATE', refusal);
  }
  // §13.3: a 委托 rests on a 法律/法规/规章, and a 行政处罚 is entrusted in writing
  if (step === 'submit' && a.kind === 'entrust') {
    const e = await entrustmentOf(trx, a.id);
    const refusal = entrustmentRefusal(
      e && { basisLevel: e.basisLevel, instrument: !!e.instrument },
      await delegatedCategories(trx, a.id),
    );
    if (refusal) throw new AppError('INVALID_STATE', refusal);
  }
  // after the refusals, so a refused submission leaves no finding behind either
  if (step === 'submit') await watchDisguisedRetention(trx, a, ctx);
  if (step === 'reportToGovernment' && isDelegationKind(a.kind)) {
    const refusal = relatedRefusal(await relatedOf(trx, a.id));
    if (refusal) throw new AppError('INVALID_STATE', refusal);
  }
}
