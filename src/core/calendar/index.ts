export {
  addCalendarDays,
  calendarDaysBetween,
  dayOfWeek,
  InvalidDateError,
  isIsoDate,
  todayInBeijing,
  yearOf,
  type IsoDate,
} from './dates.js';
export { BUILTIN_SOURCE, builtinYears, type YearData } from './builtin.js';
export {
  CalendarDataError,
  validateYearOverride,
  validateYearOverrides,
  type OverrideIssue,
  type OverrideIssueCode,
  type YearOverride,
} from './overrides.js';
export {
  computeStatutoryHolidays,
  exactNoticeFor,
  STATUTORY_BASIS,
  STATUTORY_FROM_YEAR,
  STATUTORY_TO_YEAR,
  statutoryHolidays,
} from './statutory.js';
export {
  createWorkdayCalendar,
  WorkdayCalendar,
  type DayInfo,
  type DayKind,
  type WorkdayCalendarOptions,
  type WorkdayResult,
} from './calendar.js';
