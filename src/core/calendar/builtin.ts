// Shipped holiday data: the State Council's yearly notices as compiled by the
// `chinese-days` package. We read its raw data file rather than calling its
// functions, because (1) its functions silently answer Mon–Fri for years it has
// no data for, and (2) they parse 'YYYY-MM-DD' through the process's local time
// zone. From the raw data we also learn exactly which years it covers.
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { IsoDate } from './dates.js';

/** One year's official arrangement: rest days off and weekend days worked (调休). */
export interface YearData {
  readonly year: number;
  /** Statutory holidays and the days taken off around them (may include weekends). */
  readonly holidays: ReadonlySet<IsoDate>;
  /** Weekend days that are working days (调休上班). */
  readonly makeupWorkdays: ReadonlySet<IsoDate>;
  /** Where the data comes from, shown to users next to provisional-free results. */
  readonly source: string;
}

interface RawData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

// shown to users: the notices the data comes from, not the package that carries it (issue 9.7)
export const BUILTIN_SOURCE = '国务院办公厅历年部分节假日安排的通知（随软件提供）';

/**
 * Years the raw data covers. A year counts as covered only if it has a Spring
 * Festival (春节) entry: every yearly notice arranges the Spring Festival, while a
 * stray entry (e.g. a New Year's Day that spills over from the previous notice)
 * must not make a year look known.
 */
export function coveredYears(raw: RawData): number[] {
  const years = new Set<number>();
  for (const [date, name] of Object.entries(raw.holidays)) {
    if (name.includes('春节')) years.add(Number(date.slice(0, 4)));
  }
  return [...years].sort((a, b) => a - b);
}

export function yearDataFrom(raw: RawData, source: string): Map<number, YearData> {
  const result = new Map<number, YearData>();
  for (const year of coveredYears(raw)) {
    const prefix = `${year}-`;
    const pick = (rec: Readonly<Record<string, string>>) =>
      new Set(Object.keys(rec).filter((d) => d.startsWith(prefix)));
    result.set(year, {
      year,
      holidays: pick(raw.holidays),
      makeupWorkdays: pick(raw.workdays),
      source,
    });
  }
  return result;
}

let cached: ReadonlyMap<number, YearData> | undefined;

/** The shipped data, by year (2004–2026 in chinese-days 1.5.7). */
export function builtinYears(): ReadonlyMap<number, YearData> {
  cached ??= yearDataFrom(chineseDaysData as RawData, BUILTIN_SOURCE);
  return cached;
}
