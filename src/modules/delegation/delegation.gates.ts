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
  reEntrustmentRefusal,
  relatedRefusal,
} from '../../core/policies/delegation.js';
import { AppError } from '../../core/errors.js';
import type { StepId } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import { loadItems, type AdjustmentRecord } from '../adjustments/adjustments.repo.js';
import { entrustedToBody } from './entrustment.repo.js';
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
  // §13.3 受委托行政机关、组织不得再委托: not a 行政许可 or 行政处罚 the body holds by entrustment
  // (first: no instrument or basis can make such an entrustment lawful)
  if (step === 'submit' && a.kind === 'entrust') {
    const proposed = (await loadItems(trx, a.id)).flatMap((i) => {
      const p = i.proposed ?? i.base;
      return p ? [{ name: p.name, category: p.category }] : [];
    });
    const refusal = reEntrustmentRefusal(await entrustedToBody(trx, a.bodyId), proposed);
    if (refusal) throw new AppError('INVALID_STATE', refusal);
  }
  // §13.3: a 委托 rests on a 法律/法规/规章, names its party, and a 行政处罚 is entrusted in writing;
  // checked again when the party confirms (the record may not change after submission, but a
  // return reopens it)
  if ((step === 'submit' || step === 'receivingConfirm') && a.kind === 'entrust') {
    const e = await entrustmentOf(trx, a.id);
    const party = a.receivingBodyId !== null ? 'body' : e?.organisation ? 'organisation' : null;
    const refusal = entrustmentRefusal(
      e && { basisLevel: e.basisLevel, instrument: !!e.instrument },
      await delegatedCategories(trx, a.id),
      party,
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
