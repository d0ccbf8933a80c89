// Which running deadlines a change of the working-day calendar would move (issue 9.2): the filing
// deadline of every application not yet filed (§12: 15 working days from the cause) and the due
// date of every open step (the rulebook's clocks). Done steps are not looked at: their due date
// and on-time finding were fixed when they were done and never move.
import type { WorkdayCalendar } from '../../core/calendar/index.js';
import { findStep, getRulebook, type Due, type StepId } from '../../core/rulebook/index.js';
import { clockStarts, currentConsultation, findAdjustment } from '../adjustments/adjustments.repo.js';
import type { Db } from '../../platform/db.js';
import { stepDue } from '../adjustments/deadlines.js';
import { filingDue } from '../adjustments/filing-due.js';

type DueDate = Pick<Due, 'date' | 'provisional'>;

export interface MovedDeadline {
  adjustmentId: number;
  title: string;
  bodyName: string;
  /** 'submit' is the filing deadline (§12). */
  step: StepId;
  label: string;
  citation: string;
  from: DueDate;
  to: DueDate;
}

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
