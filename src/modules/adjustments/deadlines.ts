// Every step's due date, working days left and overdue flag, each with its article (spec:
// every deadline shown names the article of the rulebook in force that requires it). Pure:
// the dates the clocks start from and today come in as arguments.
import { exactNoticeFor, type IsoDate, type WorkdayCalendar } from '../../core/calendar/index.js';
import {
  citeArticle,
  dueFor,
  findStep,
  getRulebook,
  stepsFor,
  type AdjustmentKind,
  type ClockEvent,
  type Due,
  type Role,
  type StepId,
} from '../../core/rulebook/index.js';

/** The Beijing dates the rulebook's clocks start from, as far as they have happened. */
export type ClockStarts = Partial<Record<ClockEvent, IsoDate>>;

export type StepState = 'done' | 'open' | 'pending';

export interface StepDeadline {
  step: StepId;
  label: string;
  roles: Role[];
  /** The article that sets the step (with its text when the rulebook quotes it). */
  citation: string;
  articleText: string | null;
  state: StepState;
  /** Known once the event the clock counts from has happened; `exactNotice` names the notice that
   *  makes a provisional date exact (issue 9.3). */
  due: (Due & { exactNotice?: string }) | null;
  /** deadline clocks only: working days from today to the due date (negative when overdue). */
  workdaysLeft: number | null;
  overdue: boolean;
  completedOn: IsoDate | null;
  /** For a completed step with a deadline: done by the due date. */
  onTime: boolean | null;
}

export interface DeadlineInput {
  rulebookId: string;
  kind: AdjustmentKind;
  completed: readonly StepId[];
  open: readonly StepId[];
  starts: ClockStarts;
  /** When each completed step of the current round was done (Beijing date). */
  completedOn: Partial<Record<StepId, IsoDate>>;
  /** The due date recorded when each step of the current round was done (issue 9.2: a done step's
   *  due date is never recomputed, e.g. after a calendar correction). */
  dueOn?: Partial<Record<StepId, IsoDate>>;
  today: IsoDate;
}

/** The due date of one step, or null when it has no clock or its start has not happened. */
export function stepDue(
  rulebookId: string,
  kind: AdjustmentKind,
  step: StepId,
  starts: ClockStarts,
  calendar: WorkdayCalendar,
): Due | null {
  const rb = getRulebook(rulebookId);
  const def = findStep(rb, kind, step);
  const start = def?.clock && starts[def.clock.from];
  return def?.clock && start ? dueFor(rb, def.clock, start, calendar) : null;
}

export function stepDeadlines(input: DeadlineInput, calendar: WorkdayCalendar): StepDeadline[] {
  const rb = getRulebook(input.rulebookId);
  return stepsFor(rb, input.kind).map((def) => {
    const state: StepState = input.completed.includes(def.id)
      ? 'done'
      : input.open.includes(def.id)
        ? 'open'
        : 'pending';
    const fresh = stepDue(input.rulebookId, input.kind, def.id, input.starts, calendar);
    const recorded = state === 'done' ? input.dueOn?.[def.id] : undefined;
    const due =
      fresh && recorded
        ? { ...fresh, date: recorded, provisional: false }
        : fresh && fresh.provisional
          ? { ...fresh, exactNotice: noticeFor(fresh.date) }
          : fresh;
    const completedOn = input.completedOn[def.id] ?? null;
    const isDeadline = due?.kind === 'deadline';
    const workdaysLeft = isDeadline && state !== 'done' ? calendar.workdaysBetween(input.today, due.date) : null;
    return {
      step: def.id,
      label: def.label,
      roles: [...def.roles],
      citation: citeArticle(rb, def.article, def.inherited2023 === true),
      articleText: def.articleText ?? def.clock?.articleText ?? null,
      state,
      due,
      workdaysLeft,
      overdue: isDeadline && state !== 'done' && input.today > due.date,
      completedOn,
      onTime: isDeadline && state === 'done' && completedOn ? completedOn <= due.date : null,
    };
  });
}

/** The State Council notice that would make a provisional date exact. */
const noticeFor = (date: IsoDate) => exactNoticeFor(Number(date.slice(0, 4)));

/** 「剩余N个工作日」/「已逾期N个工作日」 with the article, for inbox texts and the UI. */
export function describeDue(d: Pick<StepDeadline, 'due' | 'workdaysLeft' | 'overdue'>): string {
  if (!d.due) return '';
  const when = `${d.due.date}${d.due.provisional ? `（暂定：以${noticeFor(d.due.date)}为准）` : ''}`;
  if (d.due.kind === 'minimumDuration') return `最早可于 ${when} 结束（${d.due.citation}）`;
  const left =
    d.workdaysLeft === null ? '' : d.overdue ? `，已逾期${-d.workdaysLeft}个工作日` : `，剩余${d.workdaysLeft}个工作日`;
  return `办理期限 ${when}${left}（${d.due.citation}）`;
}
