// The application-stage records of a 下放 or 委托 (§13.2): the prior assessment and the related
// bodies' answers. Each command: scope and lock, the rule from core, ONE transaction, its audit row.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import type { AssessmentInput } from '../../contract/delegation.js';
import {
  answerNeedsReason,
  canAnswerRelated,
  canWaiveRelated,
  delegationApplicantRole,
  isDelegationApplicant,
} from '../../core/policies/delegation.js';
import { AppError, notFound } from '../../core/errors.js';
import { dueFor, getRulebook } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { notify } from '../adjustments/inbox.repo.js';
import { attachmentsAmong, leadUnitsOf, relatedById } from './delegation.repo.js';
import { beforeGovernment, beforeSubmission, readDelegation, scoped, type Scoped } from './delegation.view.js';

export interface Deps {
  db: Database;
  clock: () => Date;
}

const refuse = (code: 'FORBIDDEN' | 'INVALID_STATE' | 'VALIDATION_FAILED' | 'CONFLICT', msg: string, field?: string) =>
  new AppError(code, msg, field ? [{ field, message: msg }] : undefined);

/** Run `fn` on the locked application in one transaction, then answer with the whole record. */
export async function onDelegation(
  deps: Deps,
  actor: Actor,
  id: number,
  fn: (trx: Transaction<DB>, s: Scoped, at: Date) => Promise<void>,
) {
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => fn(trx, await scoped(trx, actor, id, trx), at));
  return readDelegation(deps.db, await scoped(deps.db, actor, id), at);
}

/** Evidence and materials are the application's own attachments (§13.1 附相关依据). */
export async function assertOwnAttachments(trx: Transaction<DB>, adjustmentId: number, ids: readonly number[]) {
  const found = await attachmentsAmong(trx, adjustmentId, ids);
  if (found.length !== new Set(ids).size)
    throw refuse('VALIDATION_FAILED', '证明材料须为本申请已上传的附件，请先在“附件”中上传', 'attachmentIds');
}

/** §13.2 ¶1: the applicant records (or corrects) the prior assessment until the application is submitted. */
export function saveAssessment(deps: Deps, actor: Actor, meta: RequestMeta, id: number, input: AssessmentInput) {
  return onDelegation(deps, actor, id, async (trx, { a, roles }, at) => {
    if (!isDelegationApplicant(roles))
      throw refuse('FORBIDDEN', '只有申请单位的经办人或牵头机构可以填写事前调研评估（第十三条第2项）');
    if (!beforeSubmission(a))
      throw refuse('INVALID_STATE', '调整申请已报送，事前调研评估不能再修改（退回修改后可以修改）');
    if (input.assessedOn > todayInBeijing(at)) throw refuse('VALIDATION_FAILED', '评估日期不能晚于今天', 'assessedOn');
    await assertOwnAttachments(
      trx,
      a.id,
      Object.values(input.sections).flatMap((x) => x.attachmentIds),
    );
    const before = await trx
      .selectFrom('delegation_assessment')
      .select(['refusals', 'conclusion'])
      .where('adjustment_id', '=', a.id)
      .executeTakeFirst();
    const row = {
      sections: JSON.stringify(input.sections),
      refusals: JSON.stringify(input.refusals),
      assessed_on: input.assessedOn,
      conclusion: input.conclusion,
      recorded_by: actor.userId,
      recorded_at: at,
    };
    await trx
      .insertInto('delegation_assessment')
      .values({ adjustment_id: a.id, ...row })
      .onConflict((oc) => oc.column('adjustment_id').doUpdateSet(row))
      .execute();
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(roles),
      bodyId: a.bodyId,
      action: 'delegation.assessed',
      objectType: 'adjustment',
      objectId: a.id,
      before: before ?? null,
      after: { refusals: input.refusals, conclusion: input.conclusion, assessedOn: input.assessedOn },
      meta,
      at,
    });
  });
}

/** §13.2 ¶2: the applicant names related bodies; each gets a task with the rulebook's clock. */
export function nameRelated(deps: Deps, actor: Actor, meta: RequestMeta, id: number, bodyIds: number[]) {
  return onDelegation(deps, actor, id, async (trx, { a, roles }, at) => {
    if (!isDelegationApplicant(roles)) throw refuse('FORBIDDEN', '只有申请单位的经办人或牵头机构可以征求关联部门意见');
    if (!beforeGovernment(a)) throw refuse('INVALID_STATE', '调整申请已报请政府审定，不能再增加关联部门');
    const wanted = [...new Set(bodyIds)];
    if (wanted.includes(a.bodyId) || (a.receivingBodyId && wanted.includes(a.receivingBodyId)))
      throw refuse('VALIDATION_FAILED', '关联部门不能是放权部门或承接部门本身', 'bodyIds');
    const bodies = await trx.selectFrom('body').select(['id', 'name']).where('id', 'in', wanted).execute();
    if (bodies.length !== wanted.length) throw refuse('VALIDATION_FAILED', '所选关联部门不存在', 'bodyIds');
    const asked = new Set(
      (await trx.selectFrom('delegation_related').select('body_id').where('adjustment_id', '=', a.id).execute()).map(
        (r) => r.body_id,
      ),
    );
    const fresh = bodies.filter((b) => !asked.has(b.id));
    if (!fresh.length) throw refuse('CONFLICT', '所选关联部门均已在征求意见中');
    const rb = getRulebook(a.rulebookId);
    const today = todayInBeijing(at);
    const due = dueFor(rb, rb.delegation.relatedBodyClock, today, await loadCalendar(trx));
    for (const b of fresh) {
      const row = await trx
        .insertInto('delegation_related')
        .values({
          adjustment_id: a.id,
          body_id: b.id,
          asked_on: today,
          due_on: due.date,
          due_citation: due.citation,
          asked_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const people = await leadUnitsOf(trx, b.id);
      await notify(
        trx,
        people.map((p) => ({
          userId: p.id,
          kind: 'task' as const,
          adjustmentId: a.id,
          title: `待办：回复关联部门意见——${a.title}`,
          body: `${a.bodyName}拟${a.kind === 'delegate' ? '下放' : '委托'}行政权力，请于 ${due.date} 前在“关联部门意见”中回复（${due.citation}：同步征求关联部门意见）`,
          dueOn: due.date,
          dedupeKey: `related:${row.id}`,
        })),
        at,
      );
    }
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(roles),
      bodyId: a.bodyId,
      action: 'delegation.relatedNamed',
      objectType: 'adjustment',
      objectId: a.id,
      after: { bodies: fresh.map((b) => b.name), dueOn: due.date, citation: due.citation },
      meta,
      at,
    });
  });
}

export interface AnswerInput {
  answer: 'agree' | 'conditional' | 'disagree';
  reason: string;
  ownApprovalMovesDown: boolean;
}

/** §13.2 ¶2: the related body's lead unit answers once, with reasons for anything but 同意. */
export async function answerRelated(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  relatedId: number,
  input: AnswerInput,
) {
  const at = deps.clock();
  const adjustmentId = await deps.db.transaction().execute(async (trx) => {
    const seen = await relatedById(trx, relatedId);
    if (!seen || !canAnswerRelated(actor, seen.body_id)) throw notFound('征求意见');
    // every writer locks the application first, so the request read after the lock is current
    const { a } = await scoped(trx, actor, seen.adjustment_id, trx);
    const r = (await relatedById(trx, relatedId))!;
    if (r.answer) throw refuse('CONFLICT', '本部门已回复意见，不能重复回复');
    if (r.waived_reason) throw refuse('INVALID_STATE', '协调小组办公室已说明不再等待本部门意见，无需回复');
    if (!beforeGovernment(a)) throw refuse('INVALID_STATE', '调整申请已报请政府审定或已办结，不能再回复意见');
    if (answerNeedsReason(input.answer) && !input.reason)
      throw refuse('VALIDATION_FAILED', '有条件同意或不同意的，请说明理由（第十三条第2项）', 'reason');
    await trx
      .updateTable('delegation_related')
      .set({
        answer: input.answer,
        reason: input.reason || null,
        own_approval_moves_down: input.ownApprovalMovesDown,
        answered_by: actor.userId,
        answered_at: at,
      })
      .where('id', '=', r.id)
      .execute();
    await trx
      .updateTable('inbox_item')
      .set({ read_at: at })
      .where('dedupe_key', '=', `related:${r.id}`)
      .where('read_at', 'is', null)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'leadUnit',
      bodyId: r.body_id,
      action: 'delegation.relatedAnswered',
      objectType: 'adjustment',
      objectId: a.id,
      after: { relatedId: r.id, ...input },
      meta,
      at,
    });
    return a.id;
  });
  return readDelegation(deps.db, await scoped(deps.db, actor, adjustmentId), at);
}

/** §13.2 ¶2: the coordination office records why the application need not wait for one body. */
export async function waiveRelated(deps: Deps, actor: Actor, meta: RequestMeta, relatedId: number, reason: string) {
  const r = await relatedById(deps.db, relatedId);
  if (!r) throw notFound('征求意见');
  return onDelegation(deps, actor, r.adjustment_id, async (trx, { a, roles }, at) => {
    if (!canWaiveRelated(roles)) throw refuse('FORBIDDEN', '只有本级协调小组办公室可以说明不再等待关联部门意见');
    const now = await relatedById(trx, relatedId);
    if (now?.answer) throw refuse('CONFLICT', '该关联部门已回复意见');
    if (now?.waived_reason) throw refuse('CONFLICT', '已说明不再等待该关联部门意见');
    if (!beforeGovernment(a)) throw refuse('INVALID_STATE', '调整申请已报请政府审定或已办结');
    await trx
      .updateTable('delegation_related')
      .set({ waived_reason: reason, waived_by: actor.userId, waived_at: at })
      .where('id', '=', relatedId)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: a.bodyId,
      action: 'delegation.relatedWaived',
      objectType: 'adjustment',
      objectId: a.id,
      after: { relatedId, bodyId: r.body_id, reason },
      meta,
      at,
    });
  });
}
