// §13.3 依法委托行政权力 (in part): the applicant of a 委托 records its 法律/法规/规章 basis and, where
// a 行政处罚 is entrusted, the written instrument (书面委托) among the application's attachments.
import type { Actor, RequestMeta } from '../../core/actor.js';
import type { EntrustmentInput } from '../../contract/delegation.js';
import { AppError } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.repo.js';
import { assertOwnAttachments, onDelegation, type Deps } from './delegation.commands.js';
import { delegationApplicantRole, isDelegationApplicant } from '../../core/policies/delegation.js';
import { beforeSubmission } from './delegation.view.js';

export function saveEntrustment(deps: Deps, actor: Actor, meta: RequestMeta, id: number, input: EntrustmentInput) {
  return onDelegation(deps, actor, id, async (trx, { a, roles }, at) => {
    if (a.kind !== 'entrust')
      throw new AppError('INVALID_STATE', '只有委托申请需要填写委托依据和委托书（第十三条第3项）');
    if (!isDelegationApplicant(roles))
      throw new AppError('FORBIDDEN', '只有委托机关的经办人或牵头机构可以填写委托依据（第十三条第3项）');
    if (!beforeSubmission(a))
      throw new AppError('INVALID_STATE', '调整申请已报送，委托依据不能再修改（退回修改后可以修改）');
    if (input.instrumentAttachmentId) await assertOwnAttachments(trx, a.id, [input.instrumentAttachmentId]);
    const row = {
      basis_level: input.basisLevel,
      basis_document: input.basisDocument,
      basis_article: input.basisArticle,
      instrument_attachment_id: input.instrumentAttachmentId,
      recorded_by: actor.userId,
      recorded_at: at,
    };
    await trx
      .insertInto('delegation_entrustment')
      .values({ adjustment_id: a.id, ...row })
      .onConflict((oc) => oc.column('adjustment_id').doUpdateSet(row))
      .execute();
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(roles),
      bodyId: a.bodyId,
      action: 'delegation.entrustmentRecorded',
      objectType: 'adjustment',
      objectId: a.id,
      after: input,
      meta,
      at,
    });
  });
}
