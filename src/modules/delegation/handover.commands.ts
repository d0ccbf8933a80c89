// Training (§13.4) and the handover on a set date (§13.5): the delegating body records training
// sessions, plans the handover and hands over each checklist item; the receiving body confirms
// each. No item is handed over or confirmed until the training covers the powers' topics.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import {
  HANDOVER_ITEM_LABELS,
  HANDOVER_ITEMS,
  type HandoverItem,
  type TrainingInput,
} from '../../contract/delegation.js';
import {
  canConfirmHandover,
  countRequired,
  delegationApplicantRole,
  handoverComplete,
  isDelegationApplicant,
  knownTopics,
  trainingNeeds,
  trainingRefusal,
} from '../../core/policies/delegation.js';
import { AppError } from '../../core/errors.js';
import { getRulebook } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { assertOwnAttachments, onDelegation, type Deps } from './delegation.commands.js';
import { delegatedCategories, handoverOf, trainingsOf } from './delegation.repo.js';
import { handingOver, type Scoped } from './delegation.view.js';

const refuse = (code: 'FORBIDDEN' | 'INVALID_STATE' | 'VALIDATION_FAILED' | 'CONFLICT', msg: string, field?: string) =>
  new AppError(code, msg, field ? [{ field, message: msg }] : undefined);

function assertApplicant({ a, roles }: Scoped, what: string) {
  if (!isDelegationApplicant(roles)) throw refuse('FORBIDDEN', `只有放权部门的经办人或牵头机构可以${what}`);
  if (!handingOver(a)) throw refuse('INVALID_STATE', '调整申请已撤回或未获批准，不能办理培训和移交');
}

/** §13.4: no item is handed over or confirmed before the training covers every required topic. */
async function assertTrained(trx: Transaction<DB>, s: Scoped) {
  const trainings = await trainingsOf(trx, s.a.id);
  const needs = trainingNeeds(
    getRulebook(s.a.rulebookId),
    await delegatedCategories(trx, s.a.id),
    trainings.flatMap((t) => t.topics),
  );
  const refusal = trainingRefusal(needs, trainings.length);
  if (refusal) throw refuse('INVALID_STATE', refusal);
}

export function recordTraining(deps: Deps, actor: Actor, meta: RequestMeta, id: number, input: TrainingInput) {
  return onDelegation(deps, actor, id, async (trx, s, at) => {
    assertApplicant(s, '登记业务培训（第十三条第4项）');
    if (input.heldOn > todayInBeijing(at))
      throw refuse('VALIDATION_FAILED', '培训日期不能晚于今天（请在培训举行后登记）', 'heldOn');
    const known = knownTopics(getRulebook(s.a.rulebookId));
    const unknown = input.topics.filter((t) => !known.has(t));
    if (unknown.length)
      throw refuse(
        'VALIDATION_FAILED',
        `培训内容“${unknown.join('、')}”不在规则集所列内容中，请从 ${[...known].join('、')} 中选择`,
        'topics',
      );
    await assertOwnAttachments(trx, s.a.id, input.materialAttachmentIds);
    const row = await trx
      .insertInto('delegation_training')
      .values({
        adjustment_id: s.a.id,
        held_on: input.heldOn,
        organiser: input.organiser,
        attendees: JSON.stringify(input.attendees),
        topics: JSON.stringify([...new Set(input.topics)]),
        material_attachment_ids: JSON.stringify(input.materialAttachmentIds),
        recorded_by: actor.userId,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(s.roles),
      bodyId: s.a.bodyId,
      action: 'delegation.trainingRecorded',
      objectType: 'adjustment',
      objectId: s.a.id,
      after: { trainingId: row.id, ...input },
      meta,
      at,
    });
  });
}

/** §13.5 确定时间结点: the date, and the checklist to hand over by it; the date may move until done. */
export function planHandover(deps: Deps, actor: Actor, meta: RequestMeta, id: number, handoverOn: string) {
  return onDelegation(deps, actor, id, async (trx, s, at) => {
    assertApplicant(s, '确定权力移交时间结点（第十三条第5项）');
    const before = await handoverOf(trx, s.a.id);
    if (before && handoverComplete(before.items)) throw refuse('INVALID_STATE', '权力移交已完成，不能再修改时间结点');
    if (handoverOn < todayInBeijing(at)) throw refuse('VALIDATION_FAILED', '移交时间结点不能早于今天', 'handoverOn');
    const plan = { handover_on: handoverOn, planned_by: actor.userId, planned_at: at };
    await trx
      .insertInto('delegation_handover')
      .values({ adjustment_id: s.a.id, ...plan })
      .onConflict((oc) => oc.column('adjustment_id').doUpdateSet(plan))
      .execute();
    await trx
      .insertInto('delegation_handover_item')
      .values(HANDOVER_ITEMS.map((item) => ({ adjustment_id: s.a.id, item, count: null })))
      .onConflict((oc) => oc.columns(['adjustment_id', 'item']).doNothing())
      .execute();
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(s.roles),
      bodyId: s.a.bodyId,
      action: 'delegation.handoverPlanned',
      objectType: 'adjustment',
      objectId: s.a.id,
      before: before ? { handoverOn: before.handoverOn } : null,
      after: { handoverOn },
      meta,
      at,
    });
  });
}

async function itemOf(trx: Transaction<DB>, s: Scoped, item: HandoverItem) {
  const h = await handoverOf(trx, s.a.id);
  if (!h) throw refuse('INVALID_STATE', '请先确定权力移交时间结点（第十三条第5项）');
  return h.items.find((i) => i.item === item)!;
}

export function handItem(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  item: HandoverItem,
  input: { count: number | null; note: string },
) {
  return onDelegation(deps, actor, id, async (trx, s, at) => {
    assertApplicant(s, '移交办理权限、信息数据、政策依据和办理卷宗（第十三条第5项）');
    const x = await itemOf(trx, s, item);
    if (x.confirmedAt) throw refuse('CONFLICT', `承接部门已确认接收“${HANDOVER_ITEM_LABELS[item]}”，不能再修改`);
    await assertTrained(trx, s);
    if (countRequired(item) && input.count === null)
      throw refuse('VALIDATION_FAILED', `请填写移交的${HANDOVER_ITEM_LABELS[item]}数量`, 'count');
    await trx
      .updateTable('delegation_handover_item')
      .set({ count: input.count, note: input.note, handed_by: actor.userId, handed_at: at })
      .where('adjustment_id', '=', s.a.id)
      .where('item', '=', item)
      .execute();
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(s.roles),
      bodyId: s.a.bodyId,
      action: 'delegation.itemHanded',
      objectType: 'adjustment',
      objectId: s.a.id,
      before: x.handedAt ? { count: x.count, note: x.note } : null,
      after: { item, ...input },
      meta,
      at,
    });
  });
}

/** §13.5: the receiving body (its lead unit, role receiver) confirms what it has received. */
export function confirmItem(deps: Deps, actor: Actor, meta: RequestMeta, id: number, item: HandoverItem) {
  return onDelegation(deps, actor, id, async (trx, s, at) => {
    if (!canConfirmHandover(s.roles))
      throw refuse('FORBIDDEN', '只有承接部门的牵头机构可以确认接收移交事项（第十三条第5项）');
    if (!handingOver(s.a)) throw refuse('INVALID_STATE', '调整申请已撤回或未获批准，不能确认移交');
    const x = await itemOf(trx, s, item);
    if (!x.handedAt) throw refuse('INVALID_STATE', `放权部门尚未移交“${HANDOVER_ITEM_LABELS[item]}”`);
    if (x.confirmedAt) throw refuse('CONFLICT', `已确认接收“${HANDOVER_ITEM_LABELS[item]}”`);
    await assertTrained(trx, s);
    await trx
      .updateTable('delegation_handover_item')
      .set({ confirmed_by: actor.userId, confirmed_at: at })
      .where('adjustment_id', '=', s.a.id)
      .where('item', '=', item)
      .execute();
    const complete = handoverComplete((await handoverOf(trx, s.a.id))!.items);
    await recordAudit(trx, {
      actor,
      role: 'leadUnit',
      bodyId: s.a.receivingBodyId,
      action: 'delegation.itemConfirmed',
      objectType: 'adjustment',
      objectId: s.a.id,
      after: { item, count: x.count, handoverComplete: complete },
      meta,
      at,
    });
  });
}
