// The working-day calendar as the application uses it: the shipped data (chinese-days) plus
// the years an administrator entered from the State Council's notices (spec §5).
import { createWorkdayCalendar, type WorkdayCalendar, type YearOverride } from '../../core/calendar/index.js';
import { readJsonbArray, type Db } from '../../platform/db.js';

const strings = readJsonbArray<string>;

export interface EnteredYear extends YearOverride {
  enteredBy: number;
  enteredByName: string;
  enteredAt: Date;
  /** Why it was added or corrected (0011; empty for rows entered before reasons were kept). */
  reason: string;
}

export async function listEnteredYears(db: Db): Promise<EnteredYear[]> {
  const rows = await db
    .selectFrom('calendar_year as y')
    .innerJoin('app_user as u', 'u.id', 'y.entered_by')
    .select([
      'y.year',
      'y.holidays',
      'y.makeup_workdays',
      'y.source',
      'y.reason',
      'y.entered_by',
      'u.display_name',
      'y.entered_at',
    ])
    .orderBy('y.year')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    holidays: strings(r.holidays),
    makeupWorkdays: strings(r.makeup_workdays),
    source: r.source,
    enteredBy: r.entered_by,
    enteredByName: r.display_name,
    enteredAt: r.entered_at,
    reason: r.reason,
  }));
}

/** The calendar in force: every deadline is computed on this, never on Mon–Fri alone. */
export async function loadCalendar(db: Db): Promise<WorkdayCalendar> {
  const years = await listEnteredYears(db);
  return createWorkdayCalendar(
    years.map(({ year, holidays, makeupWorkdays, source }) => ({ year, holidays, makeupWorkdays, source })),
  );
}
