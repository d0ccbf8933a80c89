// The fixed statutory holidays of 《全国年节及纪念日放假办法》 as amended by 国务院令第795号
// (2024-11-10, in force 2025-01-01), 第二条: 元旦 1 day (1 January); 春节 4 days (农历除夕,
// 正月初一至初三); 清明 1 day (the day of the solar term); 劳动节 2 days (1–2 May); 端午 1 day
// (农历五月初五); 中秋 1 day (农历八月十五); 国庆 3 days (1–3 October).
// A year with no State Council notice entered still knows these rest days: the provisional
// calculation takes them off, but cannot know the yearly 调休 (days moved or worked instead),
// so a result that relies on them stays provisional until the notice is entered.
import chineseDays from 'chinese-days';
import { addCalendarDays, type IsoDate } from './dates.js';

export const STATUTORY_BASIS = '《全国年节及纪念日放假办法》（2024年修订）';
/** The amended 办法 applies from 2025; earlier years are shipped (2004–2024) or left as Mon–Fri. */
export const STATUTORY_FROM_YEAR = 2025;
/** chinese-days' lunar tables and solar-term formula end with 2100. */
export const STATUTORY_TO_YEAR = 2100;

/** The notice that makes a provisional year exact, as the workspace names it. */
export function exactNoticeFor(year: number): string {
  return `《国务院办公厅关于${year}年部分节假日安排的通知》`;
}

const BEIJING_TZ = 'Asia/Shanghai';

/**
 * chinese-days parses 'YYYY-MM-DD' as UTC midnight but reads and formats it in the process's
 * local time zone, so west of Greenwich its lunar and solar-term answers are a day early. Its
 * functions are synchronous: run them with the process in Beijing time and put the zone back.
 */
function inBeijingTime<T>(fn: () => T): T {
  const previous = process.env.TZ;
  if (previous === BEIJING_TZ) return fn();
  process.env.TZ = BEIJING_TZ;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const lunar = (year: number, month: number, day: number): IsoDate =>
  chineseDays.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;

/** 第二条's rest days of one year, date → festival; uncached (see statutoryHolidays). */
export function computeStatutoryHolidays(year: number): Map<IsoDate, string> {
  const days = new Map<IsoDate, string>();
  if (!Number.isInteger(year) || year < STATUTORY_FROM_YEAR || year > STATUTORY_TO_YEAR) return days;
  const y = String(year);
  inBeijingTime(() => {
    days.set(`${y}-01-01`, '元旦');
    // 春节: 农历除夕 is the day before 正月初一 (腊月廿九 or 三十, whichever ends the year).
    const newYear = lunar(year, 1, 1);
    for (let i = -1; i <= 2; i += 1) days.set(addCalendarDays(newYear, i), '春节');
    days.set(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), '清明节');
    days.set(`${y}-05-01`, '劳动节');
    days.set(`${y}-05-02`, '劳动节');
    // the ordinary fifth and eighth months, never a leap month of the same number
    days.set(lunar(year, 5, 5), '端午节');
    days.set(lunar(year, 8, 15), '中秋节');
    for (const d of ['10-01', '10-02', '10-03']) days.set(`${y}-${d}`, '国庆节');
  });
  return days;
}

const cache = new Map<number, ReadonlyMap<IsoDate, string>>();

/** 第二条's rest days of a year (empty outside 2025–2100), date → festival name. */
export function statutoryHolidays(year: number): ReadonlyMap<IsoDate, string> {
  let days = cache.get(year);
  if (!days) {
    days = computeStatutoryHolidays(year);
    cache.set(year, days);
  }
  return days;
}
