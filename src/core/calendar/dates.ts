// Plain calendar arithmetic on Beijing dates written 'YYYY-MM-DD'.
// Dates are never turned into local-time Date objects: every computation goes
// through a UTC day number, so the result does not depend on the process TZ.

/** A Beijing (Asia/Shanghai) calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// China has used UTC+8 all year round since 1992 (no daylight saving), so
// Beijing's date is the UTC date of the instant shifted by eight hours.
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export class InvalidDateError extends Error {
  readonly code = 'calendar.invalidDate';
  constructor(value: unknown) {
    super(`日期格式无效（应为 YYYY-MM-DD）：${String(value)}`);
    this.name = 'InvalidDateError';
  }
}

/** True when `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(utcMs(y, mo, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

// Unlike Date.UTC, setUTCFullYear does not map years 0–99 to 1900–1999.
function utcMs(y: number, m: number, d: number): number {
  return new Date(0).setUTCFullYear(y, m - 1, d);
}

/** Days since 1970-01-01 for a valid date; throws InvalidDateError otherwise. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new InvalidDateError(date);
  const [y, m, d] = date.split('-').map(Number);
  return utcMs(y, m, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  toDayNumber(date); // validates
  return Number(date.slice(0, 4));
}

/** The date n calendar days (「日」) after `date`; n may be negative. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`天数必须是整数：${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Beijing's calendar date at the instant `now` (spec §5: all dates are Beijing dates). */
export function todayInBeijing(now: Date): IsoDate {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new InvalidDateError(now);
  return new Date(t + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
