// Who is told when the working-day calendar changes (issue 11.3). The calendar does not know
// which modules keep deadlines counted on it: they register a listener at assembly
// (src/server/app.ts: the adjustments module's running deadlines), so the calendar imports none
// of them and no module loop forms.
import type { Transaction } from 'kysely';
import type { WorkdayCalendar } from '../../core/calendar/index.js';
import type { Due, StepId } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/db.js';

type DueDate = Pick<Due, 'date' | 'provisional'>;

/** One running deadline a change of the calendar moves (shown in the preview before it is confirmed). */
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

export interface CalendarListener {
  /** The running deadlines whose date or provisional mark differs between the two calendars. */
  movedDeadlines(db: Db, before: WorkdayCalendar, after: WorkdayCalendar): Promise<MovedDeadline[]>;
  /** The change is confirmed: recompute what was stored on the old calendar, in the change's transaction; how many rows changed. */
  calendarChanged(trx: Transaction<DB>, calendar: WorkdayCalendar): Promise<number>;
}

const listeners = new Set<CalendarListener>();

/** Register at assembly; registering the same listener twice keeps one. */
export function onCalendarChange(listener: CalendarListener): void {
  listeners.add(listener);
}

export async function deadlinesMovedBy(
  db: Db,
  before: WorkdayCalendar,
  after: WorkdayCalendar,
): Promise<MovedDeadline[]> {
  const out: MovedDeadline[] = [];
  for (const l of listeners) out.push(...(await l.movedDeadlines(db, before, after)));
  return out;
}

export async function calendarChanged(trx: Transaction<DB>, calendar: WorkdayCalendar): Promise<number> {
  let n = 0;
  for (const l of listeners) n += await l.calendarChanged(trx, calendar);
  return n;
}
