// Switching the rulebook in force (spec, opening section): a system administrator of the
// top-level region selects one of the shipped rulebooks; applications already created keep the
// one they were created under. One transaction, with its audit row.
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, forbidden } from '../../core/errors.js';
import { canConfigureInstallation, installationGrant } from '../../core/policies/index.js';
import { getRulebook, isRulebookId } from '../../core/rulebook/index.js';
import type { SelectRulebookBody } from '../../contract/rulebook.js';
import type { AppDeps } from '../../platform/deps.js';
import { recordAudit } from '../audit/audit.repo.js';
import { currentRulebookId } from './rulebook.repo.js';

export async function selectRulebook(
  { db, clock }: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  meta: RequestMeta,
  input: SelectRulebookBody,
) {
  if (!canConfigureInstallation(actor)) throw forbidden('只有市级系统管理员可以切换规则集');
  if (!isRulebookId(input.rulebookId))
    throw new AppError('VALIDATION_FAILED', `未知的规则集：${input.rulebookId}`, [
      { field: 'rulebookId', message: '未知的规则集' },
    ]);
  const at = clock();
  await db.transaction().execute(async (trx) => {
    const before = await currentRulebookId(trx);
    await trx
      .insertInto('rulebook_selection')
      .values({ rulebook_id: input.rulebookId, selected_at: at, selected_by: actor.userId, note: input.note ?? null })
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'sysAdmin',
      bodyId: installationGrant(actor)?.bodyId,
      action: 'rulebook.selected',
      objectType: 'rulebook',
      objectId: input.rulebookId,
      before: { rulebookId: before },
      after: { rulebookId: input.rulebookId, note: input.note ?? null },
      meta,
      at,
    });
  });
  return { current: input.rulebookId, label: getRulebook(input.rulebookId).label };
}
