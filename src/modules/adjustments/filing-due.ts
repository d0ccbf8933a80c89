// The filing deadline (§12, §13.1: 15 working days from the day the cause arose), stored on the
// application for lists, the sweep and the yearly report, and recomputed when it was
// provisional and the year it reaches gets its holiday data, or when the calendar is corrected.
import { sql, type Transaction } from 'kysely';
import type { IsoDate, WorkdayCalendar } from '../../core/calendar/index.js';
import { dueFor, findStep, getRulebook, type AdjustmentKind, type Due } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';

/** The due date of the submit step, counted from the trigger date on the rulebook's clock. */
export function filingDue(
  rulebookId: string,
  kind: AdjustmentKind,
  triggerDate: IsoDate,
  calendar: WorkdayCalendar,
): Due {
  const rb = getRulebook(rulebookId);
  const clock = findStep(rb, kind, 'submit')?.clock;
  if (!clock) throw new Error(`规则集 ${rulebookId} 的“${kind}”没有报送期限`);
  return dueFor(rb, clock, triggerDate, calendar);
}

/**
 * Recompute open filing deadlines on the given calendar; returns how many changed. Only a filing
 * still running (application due or open, never submitted) moves: once filed, the step is done and
 * its deadline and 迟报 finding stay as they were. 'provisional' (the daily sweep) touches only
 * deadlines that relied on a year without its notice; 'open' (after the calendar itself changed)
 * every running one.
 */
export async function refreshFilingDue(
  trx: Transaction<DB>,
  calendar: WorkdayCalendar,
  scope: 'provisional' | 'open' = 'provisional',
): Promise<number> {
  let q = trx
    .selectFrom('adjustment')
    .select([
      'id',
      'rulebook_id',
      'kind',
      sql<string>`trigger_date::text`.as('trigger_date'),
      sql<string>`filing_due::text`.as('filing_due'),
      'filing_due_provisional',
    ])
    .where('status', 'in', ['due', 'open'])
    .where('first_submitted_at', 'is', null);
  if (scope === 'provisional') q = q.where('filing_due_provisional', '=', true);
  const rows = await q.orderBy('id').execute();
  let changed = 0;
  for (const r of rows) {
    const due = filingDue(r.rulebook_id, r.kind, r.trigger_date, calendar);
    if (due.date === r.filing_due && due.provisional === r.filing_due_provisional) continue;
    await trx
      .updateTable('adjustment')
      .set({ filing_due: due.date, filing_due_provisional: due.provisional })
      .where('id', '=', r.id)
      .execute();
    changed++;
  }
  return changed;
}
