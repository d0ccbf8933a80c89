// 集中调整 (2025 rulebook, 解读二(二)): the managing office of a level opens a batch that many
// applications join while being drafted. Only under a rulebook that has batches.
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, forbidden } from '../../core/errors.js';
import { canOpenBatch, coordinatorGrants } from '../../core/policies/index.js';
import { getRulebook } from '../../core/rulebook/index.js';
import { recordAudit } from '../audit/audit.repo.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import type { CommandDeps } from './workflow.command.js';

export async function createBatch(
  { db, clock }: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  input: { title: string; regionCode?: string },
) {
  // 解读二(二): the managing office (协调小组办公室) of exactly one level opens it
  if (!canOpenBatch(actor, input.regionCode)) throw forbidden('只有本级管理机构可以创建集中调整批次');
  const grants = coordinatorGrants(actor, input.regionCode);
  const rulebookId = await currentRulebookId(db);
  const rb = getRulebook(rulebookId);
  if (!rb.batchKinds.some((b) => b.id === 'batch'))
    throw new AppError('INVALID_STATE', `现行规则集（${rb.label}）不区分集中调整与个别调整`);
  const at = clock();
  return db.transaction().execute(async (trx) => {
    const b = await trx
      .insertInto('adjustment_batch')
      .values({
        region_code: grants[0].regionCode,
        title: input.title,
        rulebook_id: rulebookId,
        created_by: actor.userId,
        created_at: at,
      })
      .returning(['id', 'title', 'region_code', 'rulebook_id'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: grants[0].bodyId,
      action: 'adjustment.batchCreated',
      objectType: 'adjustment_batch',
      objectId: b.id,
      after: b,
      meta,
      at,
    });
    return b;
  });
}
