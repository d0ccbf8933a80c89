import { describe, expect, it } from 'vitest';
import { validateYearOverride, validateYearOverrides, type YearOverride } from './overrides.js';

const ok: YearOverride = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  makeupWorkdays: ['2027-01-09'],
  source: '测试数据',
};

describe('validateYearOverride', () => {
  it.each<[string, Partial<YearOverride>, string[]]>([
    ['a valid entry', {}, []],
    ['holidays on a weekend are fine', { holidays: ['2027-01-02'] }, []],
    ['an empty year is fine (explicitly Mon–Fri)', { holidays: [], makeupWorkdays: [] }, []],
    ['bad year', { year: 27 }, ['year.invalid']],
    ['missing source', { source: '  ' }, ['source.missing']],
    ['invalid date', { holidays: ['2027-02-30'] }, ['date.invalid']],
    ['date in another year', { holidays: ['2026-12-31'] }, ['date.wrongYear']],
    ['duplicate holiday', { holidays: ['2027-01-01', '2027-01-01'] }, ['date.duplicate']],
    ['both lists', { holidays: ['2027-01-09'], makeupWorkdays: ['2027-01-09'] }, ['date.bothHolidayAndWorkday']],
    ['make-up on a weekday', { makeupWorkdays: ['2027-01-04'] }, ['makeupWorkday.notWeekend']],
  ])('%s', (_label, patch, codes) => {
    expect(validateYearOverride({ ...ok, ...patch }).map((i) => i.code)).toEqual(codes);
  });

  it('flags two entries for one year', () => {
    expect(validateYearOverrides([ok, ok]).map((i) => i.code)).toEqual(['year.duplicate']);
  });
});
