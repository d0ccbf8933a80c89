// 督促整改 (§16 ¶2) / 责令整改 (§17): the office orders a body to rectify within the rulebook's
// period (working days), the body reports with evidence, the office accepts or rejects. A
// rejected order, or one whose period runs out unreported, escalates the finding to 通报批评.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { AppError, notFound } from '../../core/errors.js';
import { citeArticle, getRulebook } from '../../core/rulebook/index.js';
import {
  canReportRectification,
  canSuperviseBody,
  canViewSupervision,
  mayAddEvidence,
  mayDecide,
  mayIssueOrder,
  mayReport,
  rectificationDue,
} from '../../core/policies/supervision.js';
import { bodyRoleOf } from '../../core/policies/scope.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { checkAttachment, MAX_ATTACHMENTS } from '../adjustments/attachments.js';
import { notify, peopleFor } from '../adjustments/inbox.repo.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import type { SweepContext } from '../adjustments/sweep-hooks.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { lockedFinding } from './supervision.commands.js';
import { findOrder, type OrderRecord } from './supervision.repo.js';

const taskKey = (orderId: number) => `rectification:${orderId}`;
const reviewKey = (orderId: number) => `rectificationReview:${orderId}`;

/** §16: issue an order on an open finding; its deadline comes from the rulebook in force. */
export async function issueOrder(
  db: Database,
  actor: Actor,
  findingId: number,
  requirement: string,
  meta: RequestMeta,
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const f = await lockedFinding(trx, actor, findingId);
    const v = mayIssueOrder(f.status);
    if (!v.ok) throw new AppError(v.code, v.message);
    const rulebookId = await currentRulebookId(trx);
    const due = rectificationDue(rulebookId, todayInBeijing(at), await loadCalendar(trx));
    const rb = getRulebook(rulebookId);
    const clock = rb.supervision.rectification;
    const o = await trx
      .insertInto('rectification_order')
      .values({
        finding_id: f.id,
        body_id: f.bodyId,
        requirement,
        due_on: due.date,
        due_provisional: due.provisional,
        due_citation: citeArticle(rb, clock.article, !!rb.supervision.inherited2023),
        issued_at: at,
        issued_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('finding').set({ status: 'rectifying' }).where('id', '=', f.id).execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: f.bodyId,
      action: 'supervision.orderIssued',
      objectType: 'rectificationOrder',
      objectId: o.id,
      after: { findingId: f.id, requirement, dueOn: due.date, provisional: due.provisional },
      meta,
      at,
    });
    // the body's task in its inbox, with the due date
    const people = await peopleFor(trx, ['clerk', 'leadUnit'], { bodyId: f.bodyId, regionPath: f.regionPath });
    await notify(
      trx,
      people.map((p) => ({
        userId: p.userId,
        kind: 'task' as const,
        title: `督促整改：${f.description.slice(0, 40)}`,
        body: `整改要求：${requirement}（期限 ${due.date}，${clock.amount}个工作日）`,
        dueOn: due.date,
        dedupeKey: taskKey(o.id),
      })),
      at,
    );
    return o.id;
  });
}

/** The order locked, seen by the actor (404 otherwise). */
async function lockedOrder(trx: Transaction<DB>, actor: Actor, id: number): Promise<OrderRecord> {
  await trx.selectFrom('rectification_order').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const o = await findOrder(trx, id);
  if (!o || !canViewSupervision(actor, { id: o.bodyId, regionPath: o.regionPath })) throw notFound('整改通知');
  return o;
}

function bodyActor(actor: Actor, o: OrderRecord) {
  if (!canReportRectification(actor, { id: o.bodyId, regionPath: o.regionPath }))
    throw new AppError('FORBIDDEN', '只有被督促整改的机构可以报送整改情况');
  return bodyRoleOf(actor, o.bodyId) ?? 'clerk';
}

/** Evidence (整改佐证材料), checked by content like an application's attachments. */
export async function addEvidence(
  db: Database,
  actor: Actor,
  orderId: number,
  rawName: string,
  bytes: Buffer,
  meta: RequestMeta,
  at: Date,
) {
  const checked = checkAttachment(rawName, bytes);
  if (!checked.ok) throw new AppError(checked.code, checked.message, [{ field: 'file', message: checked.message }]);
  const sm3 = createHash('sm3').update(bytes).digest('hex');
  return db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, actor, orderId);
    const role = bodyActor(actor, o);
    const v = mayAddEvidence(o.status);
    if (!v.ok) throw new AppError(v.code, v.message);
    if (o.evidence.length >= MAX_ATTACHMENTS)
      throw new AppError('VALIDATION_FAILED', `每份整改通知最多${MAX_ATTACHMENTS}个佐证材料`);
    const f = await trx
      .insertInto('rectification_evidence')
      .values({
        order_id: o.id,
        filename: checked.filename,
        media_type: checked.mediaType,
        size_bytes: bytes.length,
        sm3,
        content: bytes,
        uploaded_by: actor.userId,
        uploaded_at: at,
      })
      .returning(['id', 'filename', 'media_type as mediaType', 'size_bytes as sizeBytes', 'sm3'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role,
      bodyId: o.bodyId,
      action: 'supervision.evidenceAdded',
      objectType: 'rectificationOrder',
      objectId: o.id,
      after: { evidenceId: f.id, filename: f.filename, size: f.sizeBytes, sm3 },
      meta,
      at,
    });
    return f;
  });
}

/** The body reports once, within the period; the office gets the acceptance task. */
export async function reportRectification(
  db: Database,
  actor: Actor,
  orderId: number,
  text: string,
  meta: RequestMeta,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, actor, orderId);
    const role = bodyActor(actor, o);
    const v = mayReport(o.status, o.dueOn, todayInBeijing(at));
    if (!v.ok) throw new AppError(v.code, v.message);
    await trx
      .updateTable('rectification_order')
      .set({ status: 'reported', report_text: text, reported_at: at, reported_by: actor.userId })
      .where('id', '=', o.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role,
      bodyId: o.bodyId,
      action: 'supervision.rectificationReported',
      objectType: 'rectificationOrder',
      objectId: o.id,
      after: { status: 'reported', evidence: o.evidence.map((e) => e.sm3) },
      meta,
      at,
    });
    await closeTasks(trx, taskKey(o.id), at);
    const office = await peopleFor(trx, ['coordinator'], { bodyId: o.bodyId, regionPath: o.regionPath });
    await notify(
      trx,
      office.map((p) => ({
        userId: p.userId,
        kind: 'task' as const,
        title: `整改验收：${o.bodyName}已报送整改情况`,
        body: o.requirement,
        dueOn: null,
        dedupeKey: reviewKey(o.id),
      })),
      at,
    );
  });
}

/** The office accepts (finding rectified) or rejects (finding escalated to 通报批评, §16). */
export async function decideRectification(
  db: Database,
  actor: Actor,
  orderId: number,
  decision: 'accept' | 'reject',
  note: string,
  meta: RequestMeta,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, actor, orderId);
    if (!canSuperviseBody(actor, { id: o.bodyId, regionPath: o.regionPath }))
      throw new AppError('FORBIDDEN', '只有该机构所在层级的协调小组办公室可以验收整改');
    const v = mayDecide(o.status);
    if (!v.ok) throw new AppError(v.code, v.message);
    const status = decision === 'accept' ? 'accepted' : 'rejected';
    await trx
      .updateTable('rectification_order')
      .set({ status, decided_at: at, decided_by: actor.userId, decision_note: note || null })
      .where('id', '=', o.id)
      .execute();
    const findingStatus = decision === 'accept' ? 'rectified' : 'escalated';
    await trx
      .updateTable('finding')
      .set(
        decision === 'accept'
          ? { status: findingStatus, closed_at: at, closed_by: actor.userId, close_reason: '整改验收通过' }
          : { status: findingStatus },
      )
      .where('id', '=', o.findingId)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: o.bodyId,
      action: decision === 'accept' ? 'supervision.rectificationAccepted' : 'supervision.rectificationRejected',
      objectType: 'rectificationOrder',
      objectId: o.id,
      before: { status: o.status },
      after: { status, note, findingStatus },
      meta,
      at,
    });
    await closeTasks(trx, reviewKey(o.id), at);
  });
}

/** The sweep's end-of-run pass: an order unreported past its period is 逾期未整改 (§16 不按要求整改). */
export async function markMissedOrders(trx: Transaction<DB>, ctx: SweepContext): Promise<number> {
  const late = await trx
    .selectFrom('rectification_order')
    .select(['id', 'finding_id', 'body_id', 'due_on'])
    .where('status', '=', 'issued')
    .where('due_on', '<', ctx.today)
    .forUpdate()
    .execute();
  for (const o of late) {
    await trx.updateTable('rectification_order').set({ status: 'missed' }).where('id', '=', o.id).execute();
    await trx.updateTable('finding').set({ status: 'escalated' }).where('id', '=', o.finding_id).execute();
    await recordAudit(trx, {
      actor: null,
      bodyId: o.body_id,
      action: 'supervision.orderMissed',
      objectType: 'rectificationOrder',
      objectId: o.id,
      after: { status: 'missed', dueOn: o.due_on, today: ctx.today },
      at: ctx.now,
    });
    await closeTasks(trx, taskKey(o.id), ctx.now);
  }
  return late.length;
}

/** A task done is marked read in everyone's inbox. */
async function closeTasks(trx: Transaction<DB>, key: string, at: Date) {
  await trx
    .updateTable('inbox_item')
    .set({ read_at: at })
    .where('dedupe_key', '=', key)
    .where('read_at', 'is', null)
    .execute();
}
