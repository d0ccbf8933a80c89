// Who hears about a transition: the people of each step that has just opened get a task with
// its due date and article; the applicant hears of a return, a rejection or a publication.
// Dedupe keys make each notice idempotent (the same round's task is never delivered twice).
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/actor.js';
import { todayInBeijing, type WorkdayCalendar } from '../../core/calendar/index.js';
import { findStep, getRulebook, levelOfPath, stepRoles, type Role, type StepId } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import { clockStarts, currentConsultation, type AdjustmentRecord } from './adjustments.repo.js';
import { describeDue, stepDue } from './deadlines.js';
import { notify, peopleFor, type Notice } from './inbox.repo.js';

export interface AfterTransition {
  before: AdjustmentRecord;
  after: AdjustmentRecord;
  actor: Actor | null;
  input: { action: string; step?: StepId; reason?: string };
  at: Date;
  cal: WorkdayCalendar;
}

const APPLICANT: Role[] = ['clerk', 'leadUnit'];

/** Tasks for the steps open now that were not open before. */
export async function taskNotices(
  trx: Transaction<DB>,
  a: AdjustmentRecord,
  steps: readonly StepId[],
  cal: WorkdayCalendar,
  today: string,
  exclude: number | null,
): Promise<Notice[]> {
  const rb = getRulebook(a.rulebookId);
  const c = await currentConsultation(trx, a.id, a.round);
  const out: Notice[] = [];
  for (const step of steps) {
    const def = findStep(rb, a.kind, step);
    if (!def) continue;
    const due = stepDue(a.rulebookId, a.kind, step, clockStarts(a, c), cal);
    const left = due?.kind === 'deadline' ? cal.workdaysBetween(today, due.date) : null;
    const body = due
      ? describeDue({ due, workdaysLeft: left, overdue: due.kind === 'deadline' && today > due.date })
      : '';
    for (const p of await peopleFor(trx, stepRoles(rb, def, levelOfPath(a.regionPath)), a)) {
      if (p.userId === exclude) continue;
      out.push({
        userId: p.userId,
        kind: 'task',
        adjustmentId: a.id,
        step,
        title: `待办：${def.label}——${a.title}`,
        body,
        dueOn: due?.kind === 'deadline' ? due.date : null,
        dedupeKey: `task:${a.id}:${a.round}:${step}`,
      });
    }
  }
  return out;
}

export async function notifyAfter(trx: Transaction<DB>, t: AfterTransition): Promise<number> {
  const { before, after, input, at } = t;
  const today = todayInBeijing(at);
  const exclude = t.actor?.userId ?? null;
  const fresh =
    after.round !== before.round || before.status !== after.status
      ? after.openSteps
      : after.openSteps.filter((s) => !before.openSteps.includes(s));
  const notices = await taskNotices(trx, after, fresh, t.cal, today, exclude);
  const tell = async (roles: Role[], title: string, body: string, key: string, who = after) => {
    for (const p of await peopleFor(trx, roles, who)) {
      if (p.userId !== exclude)
        notices.push({ userId: p.userId, kind: 'notice', adjustmentId: after.id, title, body, dedupeKey: key });
    }
  };
  if (input.action === 'return')
    await tell(
      APPLICANT,
      `调整申请被退回修改：${after.title}`,
      `退回理由：${input.reason ?? ''}`,
      `returned:${after.id}:${before.round}`,
    );
  if (input.action === 'reject')
    await tell(APPLICANT, `调整申请未予批准：${after.title}`, `理由：${input.reason ?? ''}`, `rejected:${after.id}`);
  if (input.action === 'revoke') {
    const body = `撤销理由：${input.reason ?? ''}（原文号 ${before.normativeDocumentNumber ?? '—'}）`;
    await tell(
      ['coordinator', ...APPLICANT],
      `本级人民政府撤销了审定决定：${after.title}`,
      body,
      `revoked:${after.id}:${at.getTime()}`,
    );
  }
  if (input.action === 'withdraw' && before.firstSubmittedAt)
    await tell(
      ['coordinator'],
      `调整申请已撤回：${after.title}`,
      `撤回理由：${input.reason ?? ''}`,
      `withdrawn:${after.id}`,
    );
  if (input.action === 'complete' && input.step === 'publish') {
    await tell(
      APPLICANT,
      `调整结果已公布：${after.title}`,
      `清单第${after.publishedVersion}版`,
      `published:${after.id}`,
    );
    if (after.receivingBodyId && after.receivingPublishedVersion) {
      const receiving = { ...after, bodyId: after.receivingBodyId };
      await tell(
        APPLICANT,
        `承接下放的行政职权已列入本单位清单：${after.title}`,
        `本单位清单第${after.receivingPublishedVersion}版`,
        `received:${after.id}`,
        receiving,
      );
    }
  }
  return notify(trx, notices, at);
}
