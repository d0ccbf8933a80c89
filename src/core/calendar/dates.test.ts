import { describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDaysBetween, dayOfWeek, isIsoDate, todayInBeijing, yearOf } from './dates.js';

describe('isIsoDate', () => {
  it.each([
    ['2026-09-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-9-28', false],
    ['0099-01-01', true],
    [' 2026-09-28', false],
    [20260928, false],
  ] as const)('%s → %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-09-28', 1],
    ['2026-10-10', 6],
    ['2026-02-15', 0],
    ['2027-01-01', 5],
  ] as const)('%s → %i', (date, dow) => expect(dayOfWeek(date)).toBe(dow));
});

describe('addCalendarDays (「日」 = calendar days)', () => {
  it.each([
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-09-28', 0, '2026-09-28'],
    ['2026-10-08', 30, '2026-11-07'],
  ] as const)('%s + %i → %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
    expect(calendarDaysBetween(date, expected)).toBe(n);
  });

  it('rejects bad input', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(/日期格式无效/);
    expect(() => addCalendarDays('2026-02-01', 0.5)).toThrow(RangeError);
  });
});

describe('todayInBeijing (UTC+8, whatever the process TZ)', () => {
  it.each([
    ['2026-09-27T15:59:59.999Z', '2026-09-27'],
    ['2026-09-27T16:00:00.000Z', '2026-09-28'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01'],
    ['2026-09-28T23:59:00+08:00', '2026-09-28'],
    ['2026-09-28T00:00:00+08:00', '2026-09-28'],
  ] as const)('%s → %s', (instant, expected) => {
    expect(todayInBeijing(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInBeijing(new Date('nope'))).toThrow(/日期格式无效/);
  });

  it('yearOf', () => expect(yearOf('2027-01-11')).toBe(2027));
});
