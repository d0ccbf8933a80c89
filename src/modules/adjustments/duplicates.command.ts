// §13(五): a delegated power that the receiving body already lists (same name and category) is
// resolved in the application — merged into the existing one, replacing its content, or kept
// beside it with a reason — by the applicant while drafting, or by the receiving body while it
// confirms. Filing (the draft step) and the confirmation are refused while one is open.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { canViewAdjustment } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadCurrentList } from '../register/publish.js';
import {
  currentConsultation,
  involvementOf,
  loadItems,
  lockAdjustment,
  stepRecords,
  workflowState,
  type AdjustmentRecord,
  type StoredItem,
} from './adjustments.repo.js';
import type { Db } from '../../platform/db.js';
import type { DuplicateChoice, DuplicateResolution } from './apply.js';
import {
  applicationRoles,
  duplicateMessage,
  duplicatesOf,
  unresolvedDuplicates,
  DUPLICATE_CHOICE_LABELS,
  type Duplicate,
} from './receiving.js';
import { decide, grantRole, type Decision } from './transitions.js';
import { bumped } from './versions.js';

/** The duplicates of an application's items in the receiving body's list as it is now. */
export async function duplicatesFor(
  db: Db,
  a: Pick<AdjustmentRecord, 'kind' | 'receivingBodyId'>,
  items: readonly StoredItem[],
): Promise<Duplicate[]> {
  if (a.kind !== 'delegate' || !a.receivingBodyId) return [];
  return duplicatesOf(a.kind, items, (await loadCurrentList(db, a.receivingBodyId)).powers);
}

const resolutionsOf = (items: readonly StoredItem[]) => new Map(items.map((it) => [it.ord, it.duplicate]));

/** DUPLICATE_UNRESOLVED naming each open duplicate; nothing changes. */
export async function assertDuplicatesResolved(
  db: Db,
  a: AdjustmentRecord,
  items: readonly StoredItem[],
  doing: string,
): Promise<void> {
  const open = unresolvedDuplicates(await duplicatesFor(db, a, items), resolutionsOf(items));
  if (!open.length) return;
  throw new AppError(
    'DUPLICATE_UNRESOLVED',
    `不能${doing}（第十三条第五项）：${open.map(duplicateMessage).join('；')}`,
    open.map((d) => ({ field: `items.${d.ord}.duplicate`, message: duplicateMessage(d) })),
  );
}

/** The workspace's view: each duplicate with the decision it has (null when open). */
export async function duplicatesView(db: Db, a: AdjustmentRecord, items: readonly StoredItem[]) {
  const dups = await duplicatesFor(db, a, items);
  const open = new Set(unresolvedDuplicates(dups, resolutionsOf(items)).map((d) => d.ord));
  return dups.map((d) => {
    const r = open.has(d.ord) ? null : items.find((it) => it.ord === d.ord)!.duplicate;
    return { ...d, resolution: r ? { ...r, choiceLabel: DUPLICATE_CHOICE_LABELS[r.choice] } : null };
  });
}

/** Who may decide now: the applicant's clerk while drafting ('edit'), or the receiving body while it confirms. */
function mayResolve(
  a: AdjustmentRecord,
  actor: Actor,
  records: Awaited<ReturnType<typeof stepRecords>>,
  c: Awaited<ReturnType<typeof currentConsultation>>,
): Decision {
  const state = workflowState(a, c);
  const attempt = { roles: applicationRoles(actor, a), ...involvementOf(a, records, actor.userId) };
  const edit = decide(state, { ...attempt, action: 'edit' });
  if (edit.ok) return edit;
  const confirm = decide(state, { ...attempt, action: 'complete', step: 'receivingConfirm' });
  if (confirm.ok) return confirm;
  const forbidden = edit.code !== 'INVALID_STATE' ? edit : confirm.code !== 'INVALID_STATE' ? confirm : null;
  return (
    forbidden ?? {
      ok: false,
      code: 'INVALID_STATE',
      message: '只有起草中（申请单位经办人）或承接确认时（承接部门）可以处理重复事项',
    }
  );
}

export async function resolveDuplicate(
  deps: { db: Database; clock: () => Date },
  actor: Actor,
  meta: RequestMeta,
  id: number,
  ord: number,
  input: { choice: DuplicateChoice; reason?: string },
) {
  const reason = input.reason?.trim() ?? '';
  // §13(五): keeping two powers of the same name and category in one list needs a reason.
  if (input.choice === 'keepBoth' && reason.length < 2) {
    throw new AppError('VALIDATION_FAILED', '选择两项并存的，请说明理由', [
      { field: 'reason', message: '请说明两项并存的理由（至少2个字）' },
    ]);
  }
  return deps.db.transaction().execute(async (trx: Transaction<DB>) => {
    const a = await lockAdjustment(trx, id);
    if (!a || !canViewAdjustment(actor, a)) throw notFound('调整申请');
    const d = mayResolve(a, actor, await stepRecords(trx, a.id), await currentConsultation(trx, a.id, a.round));
    if (!d.ok) throw new AppError(d.code, d.message);
    const items = await loadItems(trx, a.id);
    const dup = (await duplicatesFor(trx, a, items)).find((x) => x.ord === ord);
    if (!dup)
      throw new AppError('VALIDATION_FAILED', `第${ord + 1}项与承接部门清单中的事项不重复，无需处理`, [
        { field: 'ord', message: '该项无重复' },
      ]);
    const item = items.find((it) => it.ord === ord)!;
    const at = deps.clock();
    const resolution: DuplicateResolution = {
      choice: input.choice,
      existingCode: dup.existingCode,
      reason,
      byName: actor.displayName,
      at: at.toISOString(),
    };
    await trx
      .updateTable('adjustment_item')
      .set({ duplicate_resolution: JSON.stringify(resolution) })
      .where('id', '=', item.id)
      .execute();
    // issue 10.8: a decision on an item changes the application: a save prepared before it is stale
    await trx
      .updateTable('adjustment')
      .set({ updated_at: at, ...bumped(actor.userId) })
      .where('id', '=', a.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role: grantRole(d.role),
      bodyId: a.bodyId,
      action: 'adjustment.duplicateResolved',
      objectType: 'adjustment',
      objectId: a.id,
      before: { ord, duplicate: item.duplicate },
      after: { ord, targetCode: dup.targetCode, ...resolution },
      meta,
      at,
    });
    return resolution;
  });
}
