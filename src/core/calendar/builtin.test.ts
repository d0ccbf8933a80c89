import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { builtinYears, coveredYears, yearDataFrom } from './builtin.js';
import { createWorkdayCalendar } from './calendar.js';
import { addCalendarDays } from './dates.js';

describe('shipped holiday data (chinese-days 1.5.7)', () => {
  it('covers exactly 2004–2026', () => {
    const years = [...builtinYears().keys()];
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
  });

  it('holds the 2026 Spring Festival as the State Council arranged it', () => {
    const y2026 = builtinYears().get(2026)!;
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) expect(y2026.holidays.has(d)).toBe(true);
    expect([...y2026.makeupWorkdays].sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('does not count a year with only a stray entry as covered', () => {
    const raw = {
      holidays: { '2026-02-17': 'Spring Festival,春节,4', '2027-01-01': "New Year's Day,元旦,1" },
      workdays: {},
    };
    expect(coveredYears(raw)).toEqual([2026]);
    expect([...yearDataFrom(raw, 'x').keys()]).toEqual([2026]);
  });

  it('agrees with the library on every day it covers', () => {
    const cal = createWorkdayCalendar();
    const mismatches: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      const [y, m, day] = d.split('-').map(Number);
      // A local-midnight Date, so the library reads the intended day in any TZ.
      if (chineseDays.isWorkday(new Date(y, m - 1, day)) !== cal.isWorkday(d)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });
});
