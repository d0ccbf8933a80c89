// Admin-entered year data (spec §5): when the State Council publishes next
// year's holiday notice, an administrator enters it; the DB layer stores it and
// hands it to the calendar as plain data. Checked here so that the admin page
// and the calendar agree on what a valid entry is.
import { dayOfWeek, isIsoDate, type IsoDate } from './dates.js';

/** One year's State Council notice, as entered by an administrator. */
export interface YearOverride {
  readonly year: number;
  /** Every day off: the holidays and the weekdays taken off in exchange (调休). */
  readonly holidays: readonly IsoDate[];
  /** Weekend days that are worked (调休上班). */
  readonly makeupWorkdays: readonly IsoDate[];
  /** The notice it comes from, e.g. '国办发明电〔2026〕X号'. */
  readonly source: string;
}

export type OverrideIssueCode =
  | 'year.invalid'
  | 'source.missing'
  | 'date.invalid'
  | 'date.wrongYear'
  | 'date.duplicate'
  | 'date.bothHolidayAndWorkday'
  | 'makeupWorkday.notWeekend'
  | 'year.duplicate';

export interface OverrideIssue {
  readonly code: OverrideIssueCode;
  readonly message: string;
  readonly date?: string;
}

export class CalendarDataError extends Error {
  readonly code = 'calendar.invalidOverride';
  constructor(readonly issues: readonly OverrideIssue[]) {
    super(issues.map((i) => i.message).join('；'));
    this.name = 'CalendarDataError';
  }
}

/** Problems with one year's entry; empty when it can be used. */
export function validateYearOverride(o: YearOverride): OverrideIssue[] {
  const issues: OverrideIssue[] = [];
  if (!Number.isInteger(o.year) || o.year < 1900 || o.year > 9999) {
    return [{ code: 'year.invalid', message: `年份无效：${o.year}` }];
  }
  if (typeof o.source !== 'string' || o.source.trim() === '') {
    issues.push({ code: 'source.missing', message: '请填写依据（国务院办公厅通知文号或标题）' });
  }
  const seen = new Set<string>();
  const check = (date: string, list: string) => {
    if (!isIsoDate(date)) {
      issues.push({ code: 'date.invalid', date, message: `${list}中的日期无效：${date}` });
      return false;
    }
    if (Number(date.slice(0, 4)) !== o.year) {
      issues.push({ code: 'date.wrongYear', date, message: `${list}中的日期 ${date} 不属于 ${o.year} 年` });
      return false;
    }
    return true;
  };
  for (const date of o.holidays) {
    if (!check(date, '放假日期')) continue;
    if (seen.has(date)) issues.push({ code: 'date.duplicate', date, message: `放假日期重复：${date}` });
    seen.add(date);
  }
  const workdays = new Set<string>();
  for (const date of o.makeupWorkdays) {
    if (!check(date, '调休上班日期')) continue;
    if (workdays.has(date)) {
      issues.push({ code: 'date.duplicate', date, message: `调休上班日期重复：${date}` });
    }
    workdays.add(date);
    if (seen.has(date)) {
      issues.push({ code: 'date.bothHolidayAndWorkday', date, message: `${date} 不能既放假又上班` });
    }
    const dow = dayOfWeek(date);
    // A make-up workday only means something on a Saturday or Sunday.
    if (dow !== 0 && dow !== 6) {
      issues.push({ code: 'makeupWorkday.notWeekend', date, message: `调休上班日 ${date} 不是周末` });
    }
  }
  return issues;
}

/** Problems with a set of entries, including two entries for the same year. */
export function validateYearOverrides(list: readonly YearOverride[]): OverrideIssue[] {
  const issues: OverrideIssue[] = [];
  const years = new Set<number>();
  for (const o of list) {
    if (years.has(o.year)) {
      issues.push({ code: 'year.duplicate', message: `${o.year} 年的节假日安排录入了不止一次` });
    }
    years.add(o.year);
    issues.push(...validateYearOverride(o));
  }
  return issues;
}
