// Working-day calendar (spec §5). 工作日 = Monday to Friday, minus statutory
// holidays and the days taken off in exchange, plus the weekend days worked
// instead (调休上班), as the State Council's yearly notice arranges them.
// A year nobody has entered data for is *unknown*: we assume Mon–Fri there minus the fixed
// statutory holidays of 《全国年节及纪念日放假办法》 (statutory.ts), but flag every result that
// relied on it as provisional, never silently exact.
import { builtinYears, type YearData } from './builtin.js';
import { dayOfWeek, fromDayNumber, toDayNumber, type IsoDate } from './dates.js';
import { CalendarDataError, validateYearOverrides, type YearOverride } from './overrides.js';
import { exactNoticeFor, statutoryHolidays } from './statutory.js';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly workday: boolean;
  readonly kind: DayKind;
  /** False when the year has no holiday data and Mon–Fri was assumed. */
  readonly known: boolean;
  /** Where the year's data comes from; null for an unknown year. */
  readonly source: string | null;
  /** Unknown year only: the statutory festival that makes this day a rest day (e.g. '元旦'). */
  readonly festival?: string;
  /** Unknown year only: the notice that, once entered, makes this day exact. */
  readonly exactAfter?: string;
}

export interface WorkdayResult {
  readonly date: IsoDate;
  /** True when the count passed through a year with no holiday data (Mon–Fri assumed). */
  readonly provisional: boolean;
}

export interface WorkdayCalendarOptions {
  /** Admin-entered notices; an override replaces the shipped data for its year. */
  readonly overrides?: readonly YearOverride[];
  /** Shipped data by year; defaults to chinese-days. Pass an empty map to test without it. */
  readonly builtin?: ReadonlyMap<number, YearData>;
}

/** Longest count accepted, about ten years of working days; guards against runaway input. */
const MAX_WORKDAYS = 2_500;

export class WorkdayCalendar {
  private readonly years: ReadonlyMap<number, YearData>;
  private readonly overrides: readonly YearOverride[];
  private readonly builtin: ReadonlyMap<number, YearData>;

  constructor(options: WorkdayCalendarOptions = {}) {
    this.builtin = options.builtin ?? builtinYears();
    this.overrides = options.overrides ?? [];
    const issues = validateYearOverrides(this.overrides);
    if (issues.length > 0) throw new CalendarDataError(issues);
    const years = new Map(this.builtin);
    for (const o of this.overrides) {
      years.set(o.year, {
        year: o.year,
        holidays: new Set(o.holidays),
        makeupWorkdays: new Set(o.makeupWorkdays),
        source: o.source,
      });
    }
    this.years = years;
  }

  /** A new calendar with these overrides in place of the current ones. */
  withOverrides(overrides: readonly YearOverride[]): WorkdayCalendar {
    return new WorkdayCalendar({ builtin: this.builtin, overrides });
  }

  /** Years with holiday data (shipped or entered), ascending. */
  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  hasDataFor(year: number): boolean {
    return this.years.has(year);
  }

  dayInfo(date: IsoDate): DayInfo {
    const dow = dayOfWeek(date); // validates the date
    const year = Number(date.slice(0, 4));
    const data = this.years.get(year);
    const weekend = dow === 0 || dow === 6;
    if (!data) {
      const base = { date, known: false, source: null, exactAfter: exactNoticeFor(year) };
      // 《全国年节及纪念日放假办法》第二条: the fixed rest days hold even before the notice.
      const festival = statutoryHolidays(year).get(date);
      if (festival) return { ...base, workday: false, kind: 'holiday', festival };
      return { ...base, workday: !weekend, kind: weekend ? 'weekend' : 'workday' };
    }
    const base = { date, known: true, source: data.source };
    if (data.makeupWorkdays.has(date)) return { ...base, workday: true, kind: 'makeupWorkday' };
    if (data.holidays.has(date)) return { ...base, workday: false, kind: 'holiday' };
    return { ...base, workday: !weekend, kind: weekend ? 'weekend' : 'workday' };
  }

  isWorkday(date: IsoDate): boolean {
    return this.dayInfo(date).workday;
  }

  /**
   * The Nth working day after `start` (spec §5: the day of the trigger is not
   * counted; the deadline is the end of the Nth working day). n = 0 gives
   * `start` itself; a negative n counts backwards (the Nth working day before).
   */
  addWorkdays(start: IsoDate, n: number): WorkdayResult {
    if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKDAYS) {
      throw new RangeError(`工作日数必须是绝对值不超过 ${MAX_WORKDAYS} 的整数：${n}`);
    }
    const step = n < 0 ? -1 : 1;
    let day = toDayNumber(start);
    let counted = 0;
    let provisional = false;
    while (counted < Math.abs(n)) {
      day += step;
      const info = this.dayInfo(fromDayNumber(day));
      if (!info.known) provisional = true;
      if (info.workday) counted += 1;
    }
    return { date: fromDayNumber(day), provisional };
  }

  /**
   * Working days left from `from` (e.g. today) until `to` (a due date), for
   * 「剩余N个工作日」: the working days in (from, to]. So
   * workdaysBetween(d, addWorkdays(d, n).date) === n. When `to` is before
   * `from` (overdue) the result is negative: minus the working days in
   * (to, from], and at least 1 in size, so it is negative exactly when overdue.
   */
  workdaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (a === b) return 0;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    let count = 0;
    for (let d = lo + 1; d <= hi; d += 1) if (this.dayInfo(fromDayNumber(d)).workday) count += 1;
    return a < b ? count : -Math.max(1, count);
  }

  /** The notices still to be entered for the years from `from` to `to` (either order) without data. */
  pendingNotices(from: IsoDate, to: IsoDate): string[] {
    const [y1, y2] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((a, b) => a - b);
    toDayNumber(from);
    toDayNumber(to);
    const out: string[] = [];
    for (let y = y1; y <= y2; y += 1) if (!this.years.has(y)) out.push(exactNoticeFor(y));
    return out;
  }

  /** True when every year from `from` to `to` (inclusive, either order) has holiday data. */
  coversRange(from: IsoDate, to: IsoDate): boolean {
    const [y1, y2] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((a, b) => a - b);
    toDayNumber(from);
    toDayNumber(to);
    for (let y = y1; y <= y2; y += 1) if (!this.years.has(y)) return false;
    return true;
  }
}

/** The calendar with the shipped data and the given admin-entered years. */
export function createWorkdayCalendar(overrides: readonly YearOverride[] = []): WorkdayCalendar {
  return new WorkdayCalendar({ overrides });
}
