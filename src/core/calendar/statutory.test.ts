// 《全国年节及纪念日放假办法》（2024年修订）第二条 in years without a notice. Lunar dates checked
// against published almanacs: 2027 春节 (正月初一) is Sat 6 Feb, 端午 Wed 9 Jun, 中秋 Wed 15 Sep,
// 清明 Mon 5 Apr; 2028 正月初一 is Wed 26 Jan, 清明 Tue 4 Apr, 端午 Sun 28 May (2028 has a leap
// fifth month: 闰五月初五 is 27 Jun and is no holiday), 中秋 Tue 3 Oct (inside 国庆).
import { describe, expect, it } from 'vitest';
import { builtinYears } from './builtin.js';
import { createWorkdayCalendar, WorkdayCalendar } from './calendar.js';
import { computeStatutoryHolidays, exactNoticeFor, statutoryHolidays } from './statutory.js';

const cal = createWorkdayCalendar();
const sorted = (m: ReadonlyMap<string, string>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('第二条 rest days of a year with no notice', () => {
  it('2027: 元旦, 春节 from 除夕, 清明, 劳动节, 端午, 中秋, 国庆', () => {
    expect(sorted(statutoryHolidays(2027))).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节'],
      ['2027-02-06', '春节'],
      ['2027-02-07', '春节'],
      ['2027-02-08', '春节'],
      ['2027-04-05', '清明节'],
      ['2027-05-01', '劳动节'],
      ['2027-05-02', '劳动节'],
      ['2027-06-09', '端午节'],
      ['2027-09-15', '中秋节'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'],
      ['2027-10-03', '国庆节'],
    ]);
  });

  it('2028: a leap fifth month does not add a second 端午; 中秋 on 3 October is one day, not two', () => {
    const days = statutoryHolidays(2028);
    expect(days.get('2028-01-25')).toBe('春节'); // 除夕
    expect(days.get('2028-05-28')).toBe('端午节');
    expect(days.has('2028-06-27')).toBe(false);
    expect(days.has('2028-04-04')).toBe(true);
    expect(days.size).toBe(12);
  });

  it('does not depend on the process time zone (chinese-days reads dates in local time)', () => {
    const previous = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'UTC', 'Pacific/Auckland']) {
        process.env.TZ = tz;
        expect(sorted(computeStatutoryHolidays(2027)), tz).toEqual(sorted(statutoryHolidays(2027)));
        expect(process.env.TZ).toBe(tz);
      }
    } finally {
      process.env.TZ = previous;
    }
  });

  it('agrees with the State Council notices of 2025 and 2026 (the amended 办法 in force)', () => {
    for (const year of [2025, 2026]) {
      const shipped = builtinYears().get(year)!;
      const missing = [...statutoryHolidays(year).keys()].filter((d) => !shipped.holidays.has(d));
      expect(missing, String(year)).toEqual([]);
    }
  });

  it('applies only from 2025 to 2100 (the amended 办法; the lunar tables end in 2100)', () => {
    expect(statutoryHolidays(2024).size).toBe(0);
    expect(statutoryHolidays(2101).size).toBe(0);
    expect(statutoryHolidays(2100).size).toBeGreaterThan(10);
  });
});

describe('a provisional calculation knows them and still says it is provisional', () => {
  it('1 January of a year without its notice is a rest day, and names the notice that would make it exact', () => {
    expect(cal.dayInfo('2027-01-01')).toMatchObject({
      workday: false,
      kind: 'holiday',
      known: false,
      festival: '元旦',
      exactAfter: '《国务院办公厅关于2027年部分节假日安排的通知》',
    });
    expect(exactNoticeFor(2028)).toBe('《国务院办公厅关于2028年部分节假日安排的通知》');
  });

  it('a provisional deadline never falls on 1 January', () => {
    // every start in late December, every count that could reach the new year
    for (const start of [
      '2026-12-24',
      '2026-12-28',
      '2026-12-30',
      '2026-12-31',
      '2027-12-27',
      '2027-12-30',
      '2027-12-31',
    ]) {
      for (let n = 1; n <= 6; n += 1) {
        const r = cal.addWorkdays(start, n);
        expect(r.date.endsWith('-01-01'), `${start} + ${n} → ${r.date}`).toBe(false);
      }
    }
    // Thu 31 Dec 2026 + 1: Fri 1 Jan 2027 is 元旦, so Mon 4 Jan, provisional
    expect(cal.addWorkdays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
  });

  it('春节 and 国庆 are skipped in a year without data', () => {
    // Wed 3 Feb 2027 + 2: Thu 4 Feb (1); 5–8 Feb 春节 (Fri, Sat, Sun, Mon); Tue 9 Feb (2)
    expect(cal.addWorkdays('2027-02-03', 2)).toEqual({ date: '2027-02-09', provisional: true });
    // Thu 30 Sep 2027 + 1: 1 Oct Fri 国庆, 2–3 weekend + 国庆, Mon 4 Oct (no 调休 known) → 4 Oct
    expect(cal.addWorkdays('2027-09-30', 1)).toEqual({ date: '2027-10-04', provisional: true });
  });

  it('entered or shipped data wins over the statutory days (the notice may move them)', () => {
    const c = createWorkdayCalendar([{ year: 2027, holidays: ['2027-02-08'], makeupWorkdays: [], source: '测试' }]);
    expect(c.dayInfo('2027-01-01')).toMatchObject({ workday: true, known: true });
    expect(cal.pendingNotices('2026-12-01', '2028-01-05')).toEqual([exactNoticeFor(2027), exactNoticeFor(2028)]);
    expect(c.pendingNotices('2026-12-01', '2027-01-05')).toEqual([]);
    expect(new WorkdayCalendar({ builtin: new Map() }).dayInfo('2026-10-01').festival).toBe('国庆节');
  });
});
