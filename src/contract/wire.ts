// How values travel between server and workspace (issue 11.1): dates as 'YYYY-MM-DD', instants
// as ISO strings, and the edit version a save names. The server hands the serializer a Date or
// a string; the wire and the workspace see a string. Types the workspace reads are therefore
// `z.input` of a response schema (the wire form), see `Wire` below.
import { z } from 'zod';

/** The wire form of a schema: what JSON carries (a timestamp is a string there, a Date on the server). */
export type Wire<T extends z.ZodType> = z.input<T>;

/** An instant (timestamptz): a Date or an ISO string on the server, an ISO string on the wire. */
export const timestamp = z.codec(z.string(), z.union([z.date(), z.string()]), {
  decode: (s) => s,
  encode: (v) => (v instanceof Date ? v.toISOString() : v),
});

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar day written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isCalendarDay(v: unknown): v is string {
  const m = typeof v === 'string' ? DAY.exec(v) : null;
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === v;
}

/** A date field of a request, with a Chinese message naming it. */
export const dayInput = (what: string) =>
  z.string({ message: `请填写${what}` }).refine(isCalendarDay, `${what}应为有效日期（YYYY-MM-DD）`);

/** Issue 10.8: the version the editor read (required); a save based on an older one is refused (409). */
export const editVersion = z
  .number({ message: '请提供所修改内容的版本号（version，读取时返回），以免覆盖他人的修改' })
  .int('版本号（version）应为整数')
  .positive('版本号（version）无效')
  .max(2_147_483_647, '版本号（version）无效');

/** Article numbers in Chinese numerals, 1–99 (12 → 十二, 20 → 二十); anything else as digits. */
export function chineseNumber(n: number): string {
  const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${ones === 0 ? '' : DIGITS[ones]}`;
}

/** '§13.1' → 第十三条第一项, as a reader writes it (no code words on a page); any other reference as written. */
export function articleWords(ref: string): string {
  const m = /^§(\d+)(?:\.(\d+))?$/.exec(ref);
  if (!m) return ref;
  const item = m[2] ? `第${chineseNumber(Number(m[2]))}项` : '';
  return `第${chineseNumber(Number(m[1]))}条${item}`;
}
