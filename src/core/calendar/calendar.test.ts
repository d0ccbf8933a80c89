// Hand-computed vectors. The 2025/2026 arrangements used below were read from
// node_modules/chinese-days/dist/chinese-days.json (State Council notices):
//   2026 元旦 01-01..03 off, 01-04 (Sun) worked
//   2026 春节 02-15..23 off, 02-14 (Sat) and 02-28 (Sat) worked
//   2026 清明 04-04..06 off
//   2026 中秋 09-25..27 off, 国庆 10-01..07 off, 09-20 (Sun) and 10-10 (Sat) worked
//   2025 国庆+中秋 10-01..08 off, 09-28 (Sun) and 10-11 (Sat) worked
// No 2027 data is shipped; 2027-01-01 is a Friday, and 元旦 by 《全国年节及纪念日放假办法》第二条
// even before the 2027 notice is entered (statutory.ts).
import { describe, expect, it } from 'vitest';
import { createWorkdayCalendar, WorkdayCalendar, type DayKind } from './calendar.js';
import { CalendarDataError, type YearOverride } from './overrides.js';

const cal = createWorkdayCalendar();

describe('isWorkday / dayInfo', () => {
  it.each<[string, boolean, DayKind, string]>([
    ['2026-09-28', true, 'workday', 'Monday'],
    ['2026-10-01', false, 'holiday', 'National Day, a Thursday'],
    ['2026-10-07', false, 'holiday', 'weekday taken off (Wed)'],
    ['2026-10-10', true, 'makeupWorkday', 'Saturday worked'],
    ['2026-09-20', true, 'makeupWorkday', 'Sunday worked'],
    ['2026-09-25', false, 'holiday', 'Mid-Autumn, a Friday'],
    ['2026-02-14', true, 'makeupWorkday', 'Saturday before Spring Festival'],
    ['2026-02-16', false, 'holiday', 'Spring Festival Monday'],
    ['2026-02-23', false, 'holiday', 'last Spring Festival day, a Monday'],
    ['2026-02-28', true, 'makeupWorkday', 'Saturday after Spring Festival'],
    ['2026-03-01', false, 'weekend', 'ordinary Sunday'],
    ['2026-04-06', false, 'holiday', 'Qingming Monday'],
    ['2026-01-04', true, 'makeupWorkday', 'Sunday after New Year'],
    ['2025-09-28', true, 'makeupWorkday', '2025 Sunday worked'],
    ['2025-10-08', false, 'holiday', '2025 eighth day of the Golden Week'],
  ])('%s → %s (%s, %s)', (date, workday, kind) => {
    const info = cal.dayInfo(date);
    expect(info).toMatchObject({ workday, kind, known: true });
    expect(cal.isWorkday(date)).toBe(workday);
  });

  it('treats a year without data as unknown, Mon–Fri minus the statutory holidays assumed', () => {
    expect(cal.hasDataFor(2027)).toBe(false);
    expect(cal.dayInfo('2027-01-01')).toMatchObject({ workday: false, kind: 'holiday', known: false, source: null });
    expect(cal.dayInfo('2027-01-04')).toMatchObject({ workday: true, kind: 'workday', known: false, source: null });
    expect(cal.dayInfo('2027-01-02')).toMatchObject({ workday: false, kind: 'weekend', known: false });
  });

  it('rejects malformed dates', () => {
    expect(() => cal.isWorkday('2026-02-30')).toThrow(/日期格式无效/);
    expect(() => cal.isWorkday('2026/09/28')).toThrow(/日期格式无效/);
  });
});

describe('addWorkdays: trigger day not counted, result is the Nth working day', () => {
  it.each<[string, number, string, boolean, string]>([
    // spec §5 vector: 9-29, 9-30 (2), 10-08, 10-09, 10-10 Sat (5), 10-12..16 (10), 10-19..23 (15)
    ['2026-09-28', 15, '2026-10-23', false, 'across National Day 2026'],
    // 2-10..13 (4), 2-14 Sat (5), 2-24..27 (9), 2-28 Sat (10), 3-02..06 (15)
    ['2026-02-09', 15, '2026-03-06', false, 'across Spring Festival 2026'],
    ['2026-02-13', 1, '2026-02-14', false, 'a make-up Saturday counts'],
    ['2026-02-13', 2, '2026-02-24', false, 'holiday weekdays 2-16..20, 2-23 do not count'],
    ['2026-09-18', 1, '2026-09-20', false, 'a make-up Sunday counts'],
    ['2026-09-24', 1, '2026-09-28', false, 'Friday 9-25 is a holiday'],
    ['2026-04-03', 1, '2026-04-07', false, 'Qingming Monday 4-06 does not count'],
    ['2025-12-31', 1, '2026-01-04', false, 'New Year 2026 then the make-up Sunday'],
    ['2025-09-26', 3, '2025-09-30', false, '2025: Sun 9-28 worked, then 9-29, 9-30'],
    ['2026-10-01', 1, '2026-10-08', false, 'trigger on a holiday'],
    ['2026-10-23', 0, '2026-10-23', false, 'zero days is the start itself'],
    ['2026-10-23', -15, '2026-09-28', false, 'counting backwards'],
    ['2026-12-30', 1, '2026-12-31', false, 'still inside 2026'],
    ['2026-12-31', 1, '2027-01-04', true, 'first step into 2027: Fri 1 Jan is 元旦 even without the notice'],
    // 12-22..25 (4), 12-28..31 (8), 2027-01-01 元旦, 1-04..08 (13), 1-11 (14), 1-12 (15)
    ['2026-12-21', 15, '2027-01-12', true, 'reaching into 2027 without data'],
  ])('%s + %i → %s (provisional %s): %s', (start, n, date, provisional) => {
    expect(cal.addWorkdays(start, n)).toEqual({ date, provisional });
  });

  it('rejects non-integer or absurd counts', () => {
    expect(() => cal.addWorkdays('2026-09-28', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2026-09-28', 100_000)).toThrow(RangeError);
  });
});

describe('a year entered by an administrator', () => {
  // Test data only: a made-up 2027 arrangement, not the State Council's notice.
  const newYear2027: YearOverride = {
    year: 2027,
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
    makeupWorkdays: [],
    source: '测试数据（假设的2027年安排）',
  };
  it.each([
    ['no 2027 data (元旦 by statute)', [], '2027-01-12', true],
    // 2027-01-01 off: 12-22..31 (8), 1-04..08 (13), 1-11 (14), 1-12 (15)
    ['New Year 1-01..03 off', [newYear2027], '2027-01-12', false],
    // as above, plus Sat 1-09 worked: 1-04..08 (13), 1-09 (14), 1-11 (15)
    ['…and Sat 1-09 worked', [{ ...newYear2027, makeupWorkdays: ['2027-01-09'] }], '2027-01-11', false],
    // data entered but no rest day in range: the entered notice wins over the statute, now exact
    ['only a February holiday', [{ ...newYear2027, holidays: ['2027-02-08'] }], '2027-01-11', false],
  ] as const)('2026-12-21 + 15 with %s → %s (provisional %s)', (_label, overrides, date, provisional) => {
    const c = createWorkdayCalendar(overrides);
    expect(c.addWorkdays('2026-12-21', 15)).toEqual({ date, provisional });
  });

  it('replaces the shipped data for a year it covers', () => {
    const c = createWorkdayCalendar([{ year: 2026, holidays: [], makeupWorkdays: [], source: '测试' }]);
    expect(c.isWorkday('2026-10-01')).toBe(true);
    expect(c.isWorkday('2026-10-10')).toBe(false);
    expect(c.dayInfo('2026-10-01').source).toBe('测试');
  });

  it('withOverrides returns a new calendar and leaves the old one alone', () => {
    const c = cal.withOverrides([newYear2027]);
    expect(c.hasDataFor(2027)).toBe(true);
    expect(cal.hasDataFor(2027)).toBe(false);
    expect(c.knownYears().at(-1)).toBe(2027);
  });

  it('refuses invalid data', () => {
    expect(() => createWorkdayCalendar([{ ...newYear2027, makeupWorkdays: ['2027-01-04'] }])).toThrow(
      CalendarDataError,
    );
    expect(() => createWorkdayCalendar([newYear2027, newYear2027])).toThrow(/不止一次/);
  });

  it('can run with no shipped data at all (statutory holidays only)', () => {
    const bare = new WorkdayCalendar({ builtin: new Map() });
    // 9-29, 9-30 (2); 10-01, 10-02 国庆 (10-03 a Saturday); 10-05..09 (7), 10-12..16 (12), 10-19..21 (15)
    expect(bare.addWorkdays('2026-09-28', 15)).toEqual({ date: '2026-10-21', provisional: true });
  });
});

describe('workdaysBetween: working days left, negative when overdue', () => {
  it.each<[string, string, number, string]>([
    ['2026-09-28', '2026-10-23', 15, 'the whole spec vector'],
    ['2026-10-23', '2026-10-23', 0, 'due today'],
    ['2026-09-30', '2026-10-09', 2, 'only 10-08 and 10-09 are working days'],
    ['2026-10-01', '2026-10-08', 1, 'from inside the holiday'],
    ['2026-10-24', '2026-10-26', 1, 'from a Saturday'],
    ['2026-10-26', '2026-10-23', -1, 'one working day overdue (Mon after a Friday due date)'],
    ['2026-10-24', '2026-10-23', -1, 'a Saturday after the due date is already overdue'],
    ['2026-10-28', '2026-10-23', -3, '10-26, 10-27, 10-28'],
    ['2026-12-21', '2027-01-12', 15, 'into 2027, Mon–Fri minus 元旦 assumed'],
  ])('from %s to %s → %i (%s)', (from, to, expected) => {
    expect(cal.workdaysBetween(from, to)).toBe(expected);
  });

  it('inverts addWorkdays', () => {
    for (const [start, n] of [
      ['2026-02-09', 15],
      ['2026-09-18', 7],
      ['2026-04-03', 30],
    ] as const) {
      expect(cal.workdaysBetween(start, cal.addWorkdays(start, n).date)).toBe(n);
    }
  });

  it('coversRange tells whether a range is exact', () => {
    expect(cal.coversRange('2026-09-28', '2026-10-23')).toBe(true);
    expect(cal.coversRange('2026-12-21', '2027-01-12')).toBe(false);
  });
});
