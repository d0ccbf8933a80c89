// From a rulebook clock and the date its start event happened, the date it
// falls due, with the article to show beside it (spec: every deadline names
// the article of the rulebook in force that requires it).
import { addCalendarDays, calendarDaysBetween, type IsoDate } from '../calendar/dates.js';
import type { WorkdayCalendar } from '../calendar/calendar.js';
import { getRulebook } from './rulebook.js';
import type { ArticleRef, Clock, ClockEvent, ClockKind, DayUnit, Rulebook } from './types.js';
import { articleWords, chineseNumber } from '../../contract/wire.js';

// The Chinese numerals of article references live in the contract (the workspace writes them too).
export { articleWords, chineseNumber };

export interface Due {
  /**
   * deadline: the last day to act (until the end of that day).
   * minimumDuration: the first day on which the period may end (it runs through that day).
   */
  readonly date: IsoDate;
  /** The date relies on a year with no holiday data (Mon–Fri assumed). */
  readonly provisional: boolean;
  readonly kind: ClockKind;
  readonly amount: number;
  readonly unit: DayUnit;
  readonly from: ClockEvent;
  /** e.g. '《包头市政府工作部门权责清单动态管理办法》第十二条'. */
  readonly citation: string;
  readonly articleText: string;
  /** A calendar-day deadline that ended on a rest day and was moved (periodRules). */
  readonly movedFrom?: IsoDate;
}

/**
 * An article reference in words. '§13.1' → 第十三条第一项 of the rulebook's own
 * regulation, or of the 2023 regulation when the value is inherited from it;
 * any other reference (e.g. '解读二(三)') follows the title as written.
 */
export function citeArticle(rb: Rulebook, ref: ArticleRef, inherited2023 = false): string {
  const title = (inherited2023 ? getRulebook('baotou-2023') : rb).regulation.title;
  return `${title}${articleWords(ref)}`;
}

/** When a clock that started on `start` falls due, under rulebook `rb`. */
export function dueFor(rb: Rulebook, clock: Clock, start: IsoDate, calendar: WorkdayCalendar): Due {
  let date: IsoDate;
  let provisional = false;
  let movedFrom: IsoDate | undefined;
  if (clock.unit === 'workday') {
    // §5 of the spec: the start day is not counted; the Nth working day is the last.
    ({ date, provisional } = calendar.addWorkdays(start, clock.amount));
  } else {
    // 「日」 = calendar days, start day not counted (periodRules: 民法典 §201).
    date = addCalendarDays(start, clock.amount);
    const info = calendar.dayInfo(date);
    if (clock.kind === 'deadline' && rb.periodRules.calendarDeadlineOnRestDay === 'nextWorkday') {
      provisional = !info.known;
      // 民法典 §203: a period ending on a rest day ends on the next working day instead.
      if (!info.workday) {
        movedFrom = date;
        const next = calendar.addWorkdays(date, 1);
        date = next.date;
        provisional ||= next.provisional;
      }
    }
  }
  return {
    date,
    provisional,
    kind: clock.kind,
    amount: clock.amount,
    unit: clock.unit,
    from: clock.from,
    citation: citeArticle(rb, clock.article, clock.inherited2023 === true),
    articleText: clock.articleText,
    ...(movedFrom ? { movedFrom } : {}),
  };
}

/**
 * Whether a period from `start` to `end` (inclusive of `end`) satisfies a
 * minimumDuration clock, e.g. a consultation opened on `start` and closing at
 * the end of `end` (§12: 不少于5日).
 */
export function meetsMinimum(
  rb: Rulebook,
  clock: Clock,
  start: IsoDate,
  end: IsoDate,
  calendar: WorkdayCalendar,
): boolean {
  if (clock.kind !== 'minimumDuration') throw new TypeError('meetsMinimum needs a minimumDuration clock');
  return calendarDaysBetween(dueFor(rb, clock, start, calendar).date, end) >= 0;
}
