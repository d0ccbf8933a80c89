// The daily sweep (issue item 5): reminders before a step falls due, overdue notices after,
// and 漏报 for an application still unfiled past its filing deadline (§12, §16 不按规定时限提出
// 权责清单调整意见). Idempotent: notices carry dedupe keys and 漏报 is recorded once, so running
// it twice on one day (or after a crash) delivers nothing twice.
import type { Kysely } from 'kysely';
import { todayInBeijing, type WorkdayCalendar } from '../../core/calendar/index.js';
import { findStep, getRulebook, levelOfPath, stepRoles } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { clockStarts, currentConsultation, findAdjustment, type AdjustmentRecord } from './adjustments.repo.js';
import { describeDue, stepDue } from './deadlines.js';
import { filingDue, refreshFilingDue } from './filing-due.js';
import { notify, peopleFor, type Notice } from './inbox.repo.js';
import { emitSweepFacts, runSweepAfterCommit, runSweepEnd, type SweepFact } from './sweep-hooks.js';

/**
 * How early the reminder comes. A platform choice, not a regulation deadline: the deadlines
 * themselves all come from the rulebook.
 */
export const REMINDER_WORKDAYS = 3;

export interface SweepResult {
  date: string;
  checked: number;
  /** reminders and overdue notices delivered by this run (0 on a second run the same day) */
  reminders: number;
  overdue: number;
  /** applications newly recorded as 漏报 */
  missing: number;
  refreshedDeadlines: number;
  /** findings newly opened from this run's 迟报/缓报/漏报 facts by the registered listeners (sweep-hooks.ts) */
  findings: number;
  /** what the listeners' own end-of-run pass changed (e.g. rectification orders past their deadline) */
  followUps: number;
  /** what the listeners did after commit (webhook deliveries attempted, issue 14.3) */
  afterCommit: number;
}

async function noticesFor(
  db: Kysely<DB>,
  a: AdjustmentRecord,
  today: string,
  cal: WorkdayCalendar,
): Promise<{ notices: Notice[]; missing: boolean; facts: SweepFact[] }> {
  const rb = getRulebook(a.rulebookId);
  const notices: Notice[] = [];
  const push = async (roles: Parameters<typeof peopleFor>[1], n: Omit<Notice, 'userId'>) => {
    for (const p of await peopleFor(db, roles, a)) notices.push({ ...n, userId: p.userId });
  };
  let missing = false;
  const facts: SweepFact[] = [];
  if (!a.firstSubmittedAt) {
    // The filing clock (§12) runs from the trigger date, whether drafting has started or not.
    const due = filingDue(a.rulebookId, a.kind, a.triggerDate, cal);
    const left = cal.workdaysBetween(today, due.date);
    const text = describeDue({ due, workdaysLeft: left, overdue: today > due.date });
    if (today > due.date) {
      missing = a.missingAt === null;
      // §14 ¶2 漏报: handed to the listeners every run; they open a finding once per application
      facts.push({ kind: 'missing', adjustmentId: a.id, bodyId: a.bodyId, title: a.title, dueOn: due.date });
      await push(['clerk', 'leadUnit', 'coordinator'], {
        kind: 'missing',
        adjustmentId: a.id,
        step: 'submit',
        title: `漏报：${a.bodyName}“${a.title}”未在期限内报送`,
        body: text,
        dueOn: due.date,
        dedupeKey: `missing:${a.id}`,
      });
    } else if (left <= REMINDER_WORKDAYS) {
      await push(['clerk', 'leadUnit'], {
        kind: 'reminder',
        adjustmentId: a.id,
        step: 'submit',
        title: `即将到期：报送“${a.title}”`,
        body: text,
        dueOn: due.date,
        dedupeKey: `reminder:${a.id}:submit`,
      });
    }
  }
  if (a.status !== 'open') return { notices, missing, facts };
  const c = await currentConsultation(db, a.id, a.round);
  const starts = clockStarts(a, c);
  for (const step of a.openSteps) {
    if (step === 'submit' || step === 'draft') continue; // the filing deadline above
    const def = findStep(rb, a.kind, step);
    if (!def) continue;
    const roles = [...stepRoles(rb, def, levelOfPath(a.regionPath))]; // §5: the office of the body's level
    // §12 公示期满后: a consultation whose period has run out waits for the office to close it.
    if (step === 'consultation' && c?.status === 'open' && today > c.closesOn) {
      await push(roles, {
        kind: 'reminder',
        adjustmentId: a.id,
        step,
        title: `公开征求意见已期满，请办理下一步：${a.title}`,
        body: `征求意见期 ${c.opensOn} 至 ${c.closesOn}`,
        dedupeKey: `consultationEnded:${a.id}:${a.round}`,
      });
    }
    const due = stepDue(a.rulebookId, a.kind, step, starts, cal);
    if (!due || due.kind !== 'deadline') continue;
    const left = cal.workdaysBetween(today, due.date);
    const overdue = today > due.date;
    const body = describeDue({ due, workdaysLeft: left, overdue });
    if (overdue) {
      // §14 ¶2 缓报: a step the body itself must take, held past its deadline
      if (roles.some((r) => r === 'clerk' || r === 'leadUnit'))
        facts.push({
          kind: 'delayed',
          adjustmentId: a.id,
          bodyId: a.bodyId,
          title: a.title,
          dueOn: due.date,
          step,
          stepLabel: def.label,
          round: a.round,
        });
      await push(roles, {
        kind: 'overdue',
        adjustmentId: a.id,
        step,
        title: `已逾期：${def.label}——${a.title}`,
        body,
        dueOn: due.date,
        dedupeKey: `overdue:${a.id}:${a.round}:${step}`,
      });
    } else if (left <= REMINDER_WORKDAYS) {
      await push(roles, {
        kind: 'reminder',
        adjustmentId: a.id,
        step,
        title: `即将到期：${def.label}——${a.title}`,
        body,
        dueOn: due.date,
        dedupeKey: `reminder:${a.id}:${a.round}:${step}`,
      });
    }
  }
  return { notices, missing, facts };
}

/** Run the sweep as of `now`. Each application in its own transaction: one failure stops nothing else. */
export async function runSweep(db: Kysely<DB>, now: Date): Promise<SweepResult> {
  const today = todayInBeijing(now);
  const refreshed = await db.transaction().execute(async (trx) => refreshFilingDue(trx, await loadCalendar(trx)));
  const cal = await loadCalendar(db);
  const ids = await db
    .selectFrom('adjustment')
    .select('id')
    .where('status', 'in', ['due', 'open'])
    .orderBy('id')
    .execute();
  const result: SweepResult = {
    date: today,
    checked: 0,
    reminders: 0,
    overdue: 0,
    missing: 0,
    refreshedDeadlines: refreshed,
    findings: 0,
    followUps: 0,
    afterCommit: 0,
  };
  const ctx = { now, today };
  for (const { id } of ids) {
    await db.transaction().execute(async (trx) => {
      const a = await findAdjustment(trx, id);
      if (!a || (a.status !== 'due' && a.status !== 'open')) return;
      result.checked++;
      const { notices, missing, facts } = await noticesFor(trx as unknown as Kysely<DB>, a, today, cal);
      if (missing) {
        // 漏报 is recorded once, by the platform itself (no actor).
        const marked = await trx
          .updateTable('adjustment')
          .set({ missing_at: now })
          .where('id', '=', a.id)
          .where('missing_at', 'is', null)
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) > 0) {
          result.missing++;
          await recordAudit(trx, {
            actor: null,
            bodyId: a.bodyId,
            action: 'adjustment.missing',
            objectType: 'adjustment',
            objectId: a.id,
            after: { filingDue: a.filingDue, today },
            at: now,
          });
        }
      }
      result.findings += await emitSweepFacts(trx, facts, ctx);
      // counts are of notices delivered now: the inbox's unique key drops repeats
      result.reminders += await notify(
        trx,
        notices.filter((n) => n.kind === 'reminder'),
        now,
      );
      result.overdue += await notify(
        trx,
        notices.filter((n) => n.kind === 'overdue'),
        now,
      );
      await notify(
        trx,
        notices.filter((n) => n.kind !== 'reminder' && n.kind !== 'overdue'),
        now,
      );
    });
  }
  // §14 ¶2 迟报: filed after the §12 deadline (flagged at filing, workflow.command.ts), whatever
  // the application's state now; the listeners open each once.
  result.findings += await db.transaction().execute(async (trx) => {
    const late = await trx
      .selectFrom('adjustment')
      .select(['id', 'body_id', 'title', 'filing_due'])
      .where('late', '=', true)
      .orderBy('id')
      .execute();
    const facts: SweepFact[] = late.map((r) => ({
      kind: 'late',
      adjustmentId: r.id,
      bodyId: r.body_id,
      title: r.title,
      dueOn: r.filing_due,
    }));
    return emitSweepFacts(trx, facts, ctx);
  });
  result.followUps = await db.transaction().execute((trx) => runSweepEnd(trx, ctx));
  result.afterCommit = await runSweepAfterCommit(db, ctx);
  return result;
}
