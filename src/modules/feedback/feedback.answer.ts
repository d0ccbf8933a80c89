// Handling an opinion, complaint or report to its end (§15 ¶2 进行研究论证，吸收采纳合理内容):
// the handler's written answer with its reasoning and outcome, merging a duplicate, reading the
// contact in full (the handler only, audited), and turning an adopted opinion into an adjustment.
import { FEEDBACK_OUTCOME_LABELS, OUTCOMES_BY_KIND, type FeedbackOutcome } from '../../contract/feedback.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { AppError, notFound } from '../../core/errors.js';
import {
  canAnswer,
  canMerge,
  canOpenAdjustment,
  canReadContact,
  canSeeFeedback,
  isSubstantiated,
  outcomeFits,
} from '../../core/policies/index.js';
import { FINDING_KIND_LABELS, type FindingKind } from '../../contract/supervision.js';
import { openFinding } from '../supervision/supervision.commands.js';
import type { AdjustmentKind } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { createAdjustment, setItems } from '../adjustments/content.command.js';
import { openContact, type Contact } from './contact-crypto.js';
import { guarded, type Act } from './feedback.commands.js';
import { closeTasks } from './feedback.notices.js';
import { findFeedback, lockFeedback, refOf } from './feedback.repo.js';

/** The written answer: outcome, 研究论证 and the text the citizen reads by the receipt code. */
export async function answerFeedback(
  db: Database,
  a: Act & { outcome: FeedbackOutcome; reasoning: string; answer: string; findingKind?: string },
) {
  return db.transaction().execute(async (trx) => {
    const f = await guarded(trx, a, {
      state: (r) => r.status === 'assigned',
      stateMessage: '只有办理中的事项可以答复（请先指定承办人；已答复的不能再次答复）',
      allowed: (r) => canAnswer(a.actor, r),
      forbidden: '只有承办人可以答复',
    });
    if (!outcomeFits(f.kind, a.outcome))
      throw new AppError(
        'VALIDATION_FAILED',
        `办理结果须为：${OUTCOMES_BY_KIND[f.kind].map((o) => FEEDBACK_OUTCOME_LABELS[o]).join('、')}`,
        [{ field: 'outcome', message: '办理结果不适用于此类事项' }],
      );
    const found = isSubstantiated({ kind: f.kind, outcome: a.outcome });
    const findingKind = a.findingKind as FindingKind | undefined;
    if (found && !(findingKind && findingKind in FINDING_KIND_LABELS))
      throw new AppError('VALIDATION_FAILED', '查实（或部分属实）的投诉举报须选择问题类型，据以督促整改（第十六条）', [
        { field: 'findingKind', message: '请选择查实的问题类型' },
      ]);
    await trx
      .updateTable('feedback')
      .set({
        status: 'answered',
        outcome: a.outcome,
        reasoning: a.reasoning,
        answer: a.answer,
        answered_at: a.at,
        answered_by: a.actor.userId,
      })
      .where('id', '=', f.id)
      .execute();
    await closeTasks(trx, f.id, a.at);
    // §16 ¶2: a violation found true is the office's to have rectified — a supervision finding,
    // opened once per complaint (openFinding is idempotent on feedback:<id>)
    let findingId: number | null = null;
    if (found && findingKind) {
      ({ id: findingId } = await openFinding(trx, {
        bodyId: f.bodyId,
        kind: findingKind,
        source: 'feedback',
        feedbackId: f.id,
        powerCode: f.powerCode,
        description:
          `${f.kind === 'report' ? '举报' : '投诉'}（编号 ${f.id}）经核查${FEEDBACK_OUTCOME_LABELS[a.outcome]}：${a.reasoning}`.slice(
            0,
            2000,
          ),
        factDate: todayInBeijing(f.receivedAt),
        actor: a.actor,
        role: 'coordinator',
        meta: a.meta,
        at: a.at,
      }));
      await trx.updateTable('feedback').set({ finding_id: findingId }).where('id', '=', f.id).execute();
    }
    await recordAudit(trx, {
      actor: a.actor,
      bodyId: f.routedTo === 'office' ? f.officeBodyId : f.bodyId,
      action: 'feedback.answered',
      objectType: 'feedback',
      objectId: f.id,
      before: { status: f.status },
      after: {
        status: 'answered',
        outcome: a.outcome,
        label: FEEDBACK_OUTCOME_LABELS[a.outcome],
        late: todayInBeijing(a.at) > f.dueOn,
        findingId,
      },
      meta: a.meta,
      at: a.at,
    });
  });
}

/** A duplicate is handled with another: it follows that one's answer on the status page. */
export async function mergeFeedback(db: Database, a: Act & { intoId: number; reason: string }) {
  if (a.intoId === a.id)
    throw new AppError('VALIDATION_FAILED', '不能与自身合并', [{ field: 'intoId', message: '请选择另一件' }]);
  return db.transaction().execute(async (trx) => {
    const into = await lockFeedback(trx, a.intoId);
    const f = await guarded(trx, a, {
      state: (r) => r.status === 'moderation' || r.status === 'open' || r.status === 'assigned',
      stateMessage: '已答复、已合并或不予受理的事项不能再合并',
      allowed: (r) => canMerge(a.actor, r),
      forbidden: '只有能分办该事项的人可以合并',
    });
    if (!into || !canSeeFeedback(a.actor, refOf(into))) throw notFound('合并到的事项');
    if (into.status === 'merged' || into.status === 'rejected')
      throw new AppError('INVALID_STATE', '不能合并到已合并或不予受理的事项');
    if (into.bodyId !== f.bodyId || into.routedTo !== f.routedTo)
      throw new AppError('VALIDATION_FAILED', '只能合并反映同一机构、由同一单位办理的事项', [
        { field: 'intoId', message: '不是同一机构的事项' },
      ]);
    await trx
      .updateTable('feedback')
      .set({
        status: 'merged',
        merged_into: into.id,
        decision_reason: a.reason,
        decided_by: a.actor.userId,
        decided_at: a.at,
      })
      .where('id', '=', f.id)
      .execute();
    await closeTasks(trx, f.id, a.at);
    await recordAudit(trx, {
      actor: a.actor,
      bodyId: f.routedTo === 'office' ? f.officeBodyId : f.bodyId,
      action: 'feedback.merged',
      objectType: 'feedback',
      objectId: f.id,
      before: { status: f.status },
      after: { status: 'merged', into: into.id, reason: a.reason },
      meta: a.meta,
      at: a.at,
    });
  });
}

/** The full contact: the handler only, and each read leaves an audit row (in the same transaction). */
export async function readContact(db: Database, a: Act): Promise<Contact> {
  return db.transaction().execute(async (trx) => {
    const f = await findFeedback(trx, a.id);
    if (!f || !canSeeFeedback(a.actor, refOf(f))) throw notFound('反映事项');
    if (!canReadContact(a.actor, refOf(f))) throw new AppError('FORBIDDEN', '只有承办人可以查看反映人的完整联系方式');
    await recordAudit(trx, {
      actor: a.actor,
      bodyId: f.routedTo === 'office' ? f.officeBodyId : f.bodyId,
      action: 'feedback.contactRead',
      objectType: 'feedback',
      objectId: f.id,
      after: { contactGiven: f.contactEnc !== null },
      meta: a.meta,
      at: a.at,
    });
    return openContact(f.contactEnc);
  });
}

/**
 * §15 ¶2 吸收采纳合理内容 → §10/§11 adjustment: the body's clerk opens an application on the
 * power, through the adjustments module's own commands (its rules and audit rows apply).
 */
export async function openAdjustmentFrom(db: Database, a: Act & { kind: AdjustmentKind }) {
  const f = await findFeedback(db, a.id);
  if (!f || !canSeeFeedback(a.actor, refOf(f))) throw notFound('反映事项');
  if (!canOpenAdjustment(a.actor, refOf(f)))
    throw new AppError(
      f.adjustmentId ? 'INVALID_STATE' : 'FORBIDDEN',
      f.adjustmentId
        ? '该意见已发起调整申请'
        : '只有已采纳（或部分采纳）、针对某项职权的意见，才能由该机构的部门经办人发起调整申请',
    );
  const deps = { db, clock: () => a.at };
  const adj = await createAdjustment(deps, a.actor, a.meta, f.bodyId, {
    title: `根据公众意见调整：${f.powerName}`,
    kind: a.kind,
    triggerKind: 'other',
    triggerDate: todayInBeijing(f.answeredAt ?? a.at),
    reason: `依据第十五条，采纳公众意见（编号 ${f.id}）：${f.reasoning ?? ''}`.slice(0, 2000),
  });
  // the power as the target; a modification's new values are the clerk's to write
  if (a.kind !== 'modify') await setItems(deps, a.actor, a.meta, adj.id, [{ targetCode: f.powerCode! }], adj.version);
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('feedback')
      .set({ adjustment_id: adj.id })
      .where('id', '=', f.id)
      .where('adjustment_id', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该意见已发起调整申请');
    await recordAudit(trx, {
      actor: a.actor,
      role: 'clerk',
      bodyId: f.bodyId,
      action: 'feedback.adjustmentOpened',
      objectType: 'feedback',
      objectId: f.id,
      after: { adjustmentId: adj.id, kind: a.kind, powerCode: f.powerCode },
      meta: a.meta,
      at: a.at,
    });
  });
  return { adjustmentId: adj.id };
}
