// One command per transition (house habit 5): lock the application, ask the pure table whether
// the actor may do this now (transitions.ts), do the step's own work, record the step and the
// audit event, and put the next steps in the right people's inboxes — all in ONE transaction.
import type { Transaction, Updateable } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing, type IsoDate, type WorkdayCalendar } from '../../core/calendar/index.js';
import { AppError, notFound } from '../../core/errors.js';
import { canViewAdjustment } from '../../core/policies/index.js';
import { citeArticle, findStep, getRulebook, meetsMinimum, dueFor, type StepId } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import type { AdjustmentTable, DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import type { AuditAction } from '../audit/events.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { undisposedCount } from '../consultations/consultations.repo.js';
import {
  clockStarts,
  currentConsultation,
  findAdjustment,
  involvementOf,
  loadItems,
  lockAdjustment,
  stepRecords,
  workflowState,
  type AdjustmentRecord,
  type ConsultationRecord,
} from './adjustments.repo.js';
import { stepDue } from './deadlines.js';
import { filingDue } from './filing-due.js';
import { notifyAfter } from './notices.js';
import { readinessProblems } from './items.js';
import { powerProblems, unresolvedExclusions } from './content-rules.js';
import { staleDutyItems } from './duties.js';
import { loadCurrentList } from '../register/publish.js';
import { assertNotStale, publishAdjustment, type PublicationHooks } from './publication.js';
import { apply, decide, grantRole, openSteps, type StepAction } from './transitions.js';
import { applicationRoles } from './receiving.js';
import { assertDuplicatesResolved } from './duplicates.command.js';
import { runStepGates } from './step-gates.js';
import { bumped } from './versions.js';

export interface CommandDeps {
  db: Database;
  clock: () => Date;
}

export interface ActInput {
  action: StepAction | 'withdraw' | 'start' | 'revoke';
  step?: StepId;
  /** Required to return, reject, withdraw or revoke. */
  reason?: string;
  /** An opinion recorded with a completed step (审核意见, 备案说明 …). */
  note?: string;
  normativeDocumentNumber?: string;
  opensOn?: IsoDate;
  closesOn?: IsoDate;
}

export const COMPLETE_ACTIONS: Record<StepId, AuditAction> = {
  draft: 'adjustment.drafted',
  submit: 'adjustment.submitted',
  preliminaryReview: 'adjustment.preliminaryReviewPassed',
  legalityReview: 'adjustment.legalityReviewPassed',
  consultation: 'adjustment.consultationClosed',
  reportToGovernment: 'adjustment.reportedToGovernment',
  approval: 'adjustment.approved',
  receivingConfirm: 'adjustment.receivingConfirmed',
  publish: 'adjustment.published',
  platformSync: 'adjustment.platformSynced',
  itemClaim: 'adjustment.itemsClaimed',
  guideConfig: 'adjustment.guideConfigured',
  filing: 'adjustment.filed',
};

const OTHER_ACTIONS: Record<Exclude<ActInput['action'], 'complete'>, AuditAction> = {
  return: 'adjustment.returned',
  reject: 'adjustment.rejected',
  withdraw: 'adjustment.withdrawn',
  start: 'adjustment.started',
  openConsultation: 'adjustment.consultationOpened',
  revoke: 'adjustment.approvalRevoked',
};

type Patch = Updateable<AdjustmentTable>;

interface Ctx {
  trx: Transaction<DB>;
  a: AdjustmentRecord;
  c: ConsultationRecord | undefined;
  input: ActInput;
  actor: Actor;
  meta: RequestMeta;
  at: Date;
  today: IsoDate;
  cal: WorkdayCalendar;
  hooks: PublicationHooks;
}

/** The step's own work; returns the row changes and data for the step record. */
async function doStep(x: Ctx): Promise<{ patch: Patch; data: Record<string, unknown> | null }> {
  const { trx, a, c, input, at, today, cal } = x;
  const rb = getRulebook(a.rulebookId);
  const end = (status: 'withdrawn' | 'rejected') => ({ status, closed_reason: input.reason!, closed_at: at });
  const cancelConsultation = async () => {
    if (c?.status === 'open')
      await trx
        .updateTable('consultation')
        .set({ status: 'cancelled', closed_at: at, closed_by: x.actor.userId })
        .where('id', '=', c.id)
        .execute();
  };
  switch (input.action) {
    case 'start':
      return { patch: {}, data: null };
    case 'withdraw':
      await cancelConsultation();
      return { patch: end('withdrawn'), data: null };
    case 'reject':
      return { patch: end('rejected'), data: null };
    case 'return':
      await cancelConsultation();
      // A new round: the clocks that count from this round's events start again.
      return {
        patch: { round: a.round + 1, submitted_at: null, approved_at: null, normative_document_number: null },
        data: { fromStep: input.step },
      };
    case 'openConsultation':
      return { patch: {}, data: await openConsultation(x) };
    case 'revoke':
      // §12, §13.1: the government undoes its own decision; the revoked number stays in the history.
      return {
        patch: { approved_at: null, normative_document_number: null },
        data: { revokedNumber: a.normativeDocumentNumber, approvedAt: a.approvedAt },
      };
  }
  // §13.2: a 下放/委托 is submitted only after its prior assessment (no refusal answered yes) and
  // goes to the government only when every related body has answered or been waived.
  // (the delegation module's gates, registered at assembly: step-gates.ts)
  if (input.step) await runStepGates(trx, a, input.step, x);
  switch (input.step) {
    case 'draft': {
      const items = await loadItems(trx, a.id);
      const draft = findStep(rb, a.kind, 'draft')!;
      const problems = [
        ...readinessProblems(a, items, citeArticle(rb, draft.article, draft.inherited2023 === true)),
        ...powerProblems(a.kind, items),
      ];
      if (problems.length)
        throw new AppError(
          'VALIDATION_FAILED',
          `申请内容不完整：${problems.map((p) => p.message).join('；')}`,
          problems,
        );
      // §13(五): a power the receiving body already lists is resolved before the application is filed.
      await assertDuplicatesResolved(trx, a, items, '提交');
      return { patch: {}, data: null };
    }
    case 'receivingConfirm': {
      // §13(五): the receiving body confirms against its list as it is now (requires duplicatesResolved).
      await assertDuplicatesResolved(trx, a, await loadItems(trx, a.id), '确认承接');
      return { patch: {}, data: { receivingBodyId: a.receivingBodyId } };
    }
    case 'preliminaryReview': {
      // §8: the office decides on every screening flag before the proposal goes further.
      const open = unresolvedExclusions(await loadItems(trx, a.id));
      if (open.length)
        throw new AppError(
          'INVALID_STATE',
          `有${open.length}项疑似不应列入清单的事项（第八条）尚未复核：请退回修改或由协调小组办公室复核说明。${open[0].message}`,
          open,
        );
      return { patch: {}, data: null };
    }
    case 'submit': {
      // §12: filed within 15 working days of the cause; the first filing after that is 迟报.
      const due = filingDue(a.rulebookId, a.kind, a.triggerDate, cal);
      const first = a.firstSubmittedAt === null;
      const late = first ? today > due.date : a.late;
      return {
        patch: {
          submitted_at: at,
          first_submitted_at: a.firstSubmittedAt ?? at,
          late,
          filing_due: due.date,
          filing_due_provisional: due.provisional,
        },
        data: first ? { filingDue: due.date, late } : null,
      };
    }
    case 'consultation': {
      // §12 公示期满后: the announced period must have run out before the step is over.
      if (!c || today <= c.closesOn) {
        const clock = findStep(rb, a.kind, 'consultation')!.clock!;
        throw new AppError(
          'INVALID_STATE',
          `公开征求意见期限至 ${c?.closesOn ?? '—'}，期满后方可结束（${citeArticle(rb, clock.article, clock.inherited2023 === true)}）`,
        );
      }
      // §15 吸收采纳合理内容: every visible comment gets its disposition before the outcome is settled.
      const undisposed = await undisposedCount(trx, c.id);
      if (undisposed > 0)
        throw new AppError(
          'INVALID_STATE',
          `尚有${undisposed}条公众意见未作处理（采纳、部分采纳或不予采纳并说明理由），请处理后再结束征求意见`,
        );
      await trx
        .updateTable('consultation')
        .set({ status: 'closed', closed_at: at, closed_by: x.actor.userId })
        .where('id', '=', c.id)
        .execute();
      return { patch: {}, data: { consultationId: c.id, opensOn: c.opensOn, closesOn: c.closesOn } };
    }
    case 'approval': {
      const number = input.normativeDocumentNumber?.trim();
      if (!number) {
        const step = findStep(rb, a.kind, 'approval')!;
        const msg = `请填写政府审定制发的规范性文件文号（${citeArticle(rb, step.article, step.inherited2023 === true)}）`;
        throw new AppError('VALIDATION_FAILED', msg, [{ field: 'normativeDocumentNumber', message: msg }]);
      }
      // the body's list read once for both checks (issue 11.5)
      const list = await loadCurrentList(trx, a.bodyId);
      assertNotStale(await loadItems(trx, a.id), list.powers, '报请审定批准');
      const stale = staleDutyItems(a.dutyItems, list.duties);
      if (stale.length)
        throw new AppError(
          'INVALID_STATE',
          `职责（${stale.join('、')}）已由其他调整公布了新内容，请申请单位重新填写职责调整`,
        );
      return {
        patch: { approved_at: at, normative_document_number: number },
        data: { normativeDocumentNumber: number },
      };
    }
    case 'publish': {
      const items = await loadItems(trx, a.id);
      // §6 ¶3, §7, §8: what is published must still be complete and screened (a rebase may have changed it).
      const problems = [...powerProblems(a.kind, items), ...unresolvedExclusions(items)];
      if (problems.length)
        throw new AppError('INVALID_STATE', `不能公布：${problems.map((p) => p.message).join('；')}`, problems);
      const p = await publishAdjustment(trx, a, items, x.actor, x.meta, at, x.hooks);
      return {
        patch: { published_at: at, published_version: p.version, receiving_published_version: p.receivingVersion },
        data: { version: p.version, receivingVersion: p.receivingVersion, resultCodes: p.resultCodes },
      };
    }
    default:
      return { patch: {}, data: null };
  }
}

async function openConsultation(x: Ctx): Promise<Record<string, unknown>> {
  const { a, input, today, cal } = x;
  const rb = getRulebook(a.rulebookId);
  const clock = findStep(rb, a.kind, 'consultation')!.clock!;
  const opensOn = input.opensOn ?? today;
  const closesOn = input.closesOn;
  if (opensOn < today)
    throw new AppError('VALIDATION_FAILED', `征求意见开始日期不能早于今天（${today}）`, [
      { field: 'opensOn', message: '开始日期不能早于今天' },
    ]);
  const earliest = dueFor(rb, clock, opensOn, cal).date;
  // §12: 公开征求意见的期限不少于5日 — a shorter period is refused, naming the article.
  if (!closesOn || !meetsMinimum(rb, clock, opensOn, closesOn, cal)) {
    const msg = `公开征求意见的期限不少于${clock.amount}日（${citeArticle(rb, clock.article, clock.inherited2023 === true)}：${clock.articleText}）；自 ${opensOn} 开始，截止日期不得早于 ${earliest}`;
    throw new AppError('VALIDATION_FAILED', msg, [{ field: 'closesOn', message: msg }]);
  }
  const row = await x.trx
    .insertInto('consultation')
    .values({
      adjustment_id: a.id,
      round: a.round,
      opens_on: opensOn,
      closes_on: closesOn,
      status: 'open',
      opened_at: x.at,
      opened_by: x.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { consultationId: row.id, opensOn, closesOn, minimumUntil: earliest };
}

/** Perform one transition; the error codes are the table's (INVALID_STATE, FORBIDDEN, SELF_REVIEW). */
export async function act(
  deps: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  input: ActInput,
  hooks: PublicationHooks = {},
) {
  if (['return', 'reject', 'withdraw', 'revoke'].includes(input.action) && !input.reason?.trim()) {
    throw new AppError('VALIDATION_FAILED', '请填写理由', [{ field: 'reason', message: '请填写理由' }]);
  }
  return deps.db.transaction().execute(async (trx) => {
    const a = await lockAdjustment(trx, id);
    if (!a || !canViewAdjustment(actor, a)) throw notFound('调整申请');
    const c = await currentConsultation(trx, a.id, a.round);
    const records = await stepRecords(trx, a.id);
    const state = workflowState(a, c);
    const d = decide(state, {
      action: input.action,
      step: input.step,
      roles: applicationRoles(actor, a),
      ...involvementOf(a, records, actor.userId),
    });
    if (!d.ok) throw new AppError(d.code, d.message);

    const at = deps.clock();
    const today = todayInBeijing(at);
    const cal = await loadCalendar(trx);
    const { patch, data } = await doStep({ trx, a, c, input, actor, meta, at, today, cal, hooks });
    const next = apply(state, input.action, input.step);
    const open = openSteps(next).map((s) => s.id);
    await trx
      .updateTable('adjustment')
      .set({
        // issue 10.8: a step changes the application too, so a save prepared before it is refused
        ...patch,
        status: next.status,
        completed_steps: JSON.stringify(next.completed),
        open_steps: JSON.stringify(open),
        updated_at: at,
        ...bumped(actor.userId),
      })
      .where('id', '=', a.id)
      .execute();

    const due =
      input.step && input.action === 'complete'
        ? stepDue(a.rulebookId, a.kind, input.step, clockStarts(a, c), cal)
        : null;
    const deadline = due?.kind === 'deadline' ? due : null;
    await trx
      .insertInto('adjustment_step_record')
      .values({
        adjustment_id: a.id,
        round: a.round,
        step: input.step ?? null,
        action: input.action,
        reason: input.reason?.trim() || input.note?.trim() || null,
        data: data ? JSON.stringify(data) : null,
        actor_id: actor.userId,
        actor_role: d.role,
        at,
        due_on: deadline?.date ?? null,
        on_time: deadline ? today <= deadline.date : null,
      })
      .execute();

    const action = input.action === 'complete' ? COMPLETE_ACTIONS[input.step!] : OTHER_ACTIONS[input.action];
    await recordAudit(trx, {
      actor,
      role: grantRole(d.role),
      bodyId: a.bodyId,
      action,
      objectType: 'adjustment',
      objectId: a.id,
      before: { status: a.status, round: a.round, openSteps: a.openSteps },
      after: {
        status: next.status,
        openSteps: open,
        step: input.step ?? null,
        reason: input.reason ?? null,
        note: input.note ?? null,
        ...(data ?? {}),
        ...(deadline ? { dueOn: deadline.date, onTime: today <= deadline.date } : {}),
      },
      meta,
      at,
    });

    const after = (await findAdjustment(trx, a.id))!;
    await notifyAfter(trx, { before: a, after, actor, input, at, cal });
    return after;
  });
}
