// Which running deadlines a change of the working-day calendar would move (issue 9.2): the filing
// deadline of every application not yet filed (§12: 15 working days from the cause) and the due
// date of every open step (the rulebook's clocks). Done steps are not looked at: their due date
// and on-time finding were fixed when they were done and never move. The calendar module asks
// through the listener registered at assembly (adjustmentDeadlines, src/server/app.ts).
import type { WorkdayCalendar } from '../../core/calendar/index.js';
import { findStep, getRulebook, type Due, type StepId } from '../../core/rulebook/index.js';
import { clockStarts, currentConsultation, findAdjustment } from './adjustments.repo.js';
import type { Db } from '../../platform/db.js';
import type { CalendarListener, MovedDeadline } from '../calendar/calendar-hooks.js';
import { stepDue } from './deadlines.js';
import { filingDue, refreshFilingDue } from './filing-due.js';

type DueDate = Pick<Due, 'date' | 'provisional'>;

const moved = (a: DueDate, b: DueDate) => a.date !== b.date || a.provisional !== b.provisional;

/** Every running deadline whose date, or provisional mark, differs between the two calendars. */
export async function movedDeadlines(
  db: Db,
  before: WorkdayCalendar,
  after: WorkdayCalendar,
): Promise<MovedDeadline[]> {
  const ids = await db
    .selectFrom('adjustment')
    .select('id')
    .where('status', 'in', ['due', 'open'])
    .orderBy('id')
    .execute();
  const out: MovedDeadline[] = [];
  for (const { id } of ids) {
    const a = await findAdjustment(db, id);
    if (!a) continue;
    const rb = getRulebook(a.rulebookId);
    const entry = (step: StepId, from: Due, to: Due): MovedDeadline => ({
      adjustmentId: a.id,
      title: a.title,
      bodyName: a.bodyName,
      step,
      label: findStep(rb, a.kind, step)?.label ?? step,
      citation: to.citation,
      from: { date: from.date, provisional: from.provisional },
      to: { date: to.date, provisional: to.provisional },
    });
    if (!a.firstSubmittedAt) {
      // §12: the filing deadline runs until the first filing
      const [from, to] = [
        filingDue(a.rulebookId, a.kind, a.triggerDate, before),
        filingDue(a.rulebookId, a.kind, a.triggerDate, after),
      ];
      if (moved(from, to)) out.push(entry('submit', from, to));
    }
    if (a.status !== 'open') continue;
    const starts = clockStarts(a, await currentConsultation(db, a.id, a.round));
    for (const step of a.openSteps) {
      if (step === 'submit') continue; // its clock is the filing deadline, above
      const [from, to] = [
        stepDue(a.rulebookId, a.kind, step, starts, before),
        stepDue(a.rulebookId, a.kind, step, starts, after),
      ];
      if (from && to && moved(from, to)) out.push(entry(step, from, to));
    }
  }
  return out;
}

/** The adjustments' deadlines as the calendar sees them: previewed, and recomputed once a change is confirmed. */
export const adjustmentDeadlines: CalendarListener = {
  movedDeadlines,
  // §12: running filing deadlines follow the calendar; done steps keep the due date they had
  calendarChanged: (trx, calendar) => refreshFilingDue(trx, calendar, 'open'),
};
