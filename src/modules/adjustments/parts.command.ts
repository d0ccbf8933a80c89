// Two parts of an application besides its powers: the duties it changes (§6 ¶2), written by the
// clerk while drafting, and the coordination office's decision on a §8 screening flag (保留并
// 说明理由, as at first compilation). Each in one transaction with its audit row.
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { adjustmentRolesOf, canViewAdjustment } from '../../core/policies/index.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadCurrentList } from '../register/publish.js';
import { loadItems, lockAdjustment } from './adjustments.repo.js';
import { guarded } from './content.command.js';
import type { ExclusionOverride } from './content-rules.js';
import { buildDutyItems, type DutyItemInput } from './duties.js';
import type { CommandDeps } from './workflow.command.js';
import { bumped } from './versions.js';

/** §6 ¶2: the duties the application adds, changes or removes, against the current published list. */
export async function setDuties(
  deps: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  inputs: DutyItemInput[],
  version: number,
) {
  return deps.db.transaction().execute(async (trx) => {
    const { a, role } = await guarded(trx, actor, id, 'edit', version);
    const list = await loadCurrentList(trx, a.bodyId);
    const items = buildDutyItems(inputs, list.duties);
    const at = deps.clock();
    await trx
      .updateTable('adjustment')
      .set({ duty_items: JSON.stringify(items), updated_at: at, ...bumped(actor.userId) })
      .where('id', '=', a.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role,
      bodyId: a.bodyId,
      action: 'adjustment.dutiesSet',
      objectType: 'adjustment',
      objectId: a.id,
      before: { dutyItems: a.dutyItems },
      after: { dutyItems: items },
      meta,
      at,
    });
    return items;
  });
}

/** §8: the coordination office of the application's level keeps a flagged item, with a note. */
export async function overrideItemExclusion(
  deps: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  itemId: number,
  note: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const a = await lockAdjustment(trx, id);
    if (!a || !canViewAdjustment(actor, a)) throw notFound('调整申请');
    if (!adjustmentRolesOf(actor, a).includes('coordinator'))
      throw new AppError('FORBIDDEN', '排除筛查提示由本级协调小组办公室复核说明');
    if (a.status !== 'open' || a.publishedAt) throw new AppError('INVALID_STATE', '调整申请已结束或已公布，不能复核');
    const item = (await loadItems(trx, a.id)).find((x) => x.id === itemId);
    if (!item) throw notFound('拟调整的行政职权');
    if (item.exclusionFlags.length === 0) throw new AppError('INVALID_STATE', '该事项没有排除筛查提示，无需复核');
    const at = deps.clock();
    const override: ExclusionOverride = { note, by: actor.userId, byName: actor.displayName, at: at.toISOString() };
    await trx
      .updateTable('adjustment_item')
      .set({ exclusion_override: JSON.stringify(override) })
      .where('id', '=', item.id)
      .execute();
    await trx
      .updateTable('adjustment')
      .set({ updated_at: at, ...bumped(actor.userId) })
      .where('id', '=', a.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: a.bodyId,
      action: 'adjustment.exclusionOverridden',
      objectType: 'adjustment',
      objectId: a.id,
      before: { itemId, override: item.exclusionOverride },
      after: { itemId, name: item.proposed?.name, flags: item.exclusionFlags, note },
      meta,
      at,
    });
    return override;
  });
}
