// Field-level difference between two versions of a body's list, and the canonical
// serialisation of a list that the publication digest (SM3) is computed over.
// Spec §2: every published list is an immutable numbered version; anyone can see the
// field-level difference between any two versions.

import { canonicalJson } from '../canonical-json.js';
import type { Power } from './power.js';

/**
 * Keys that are not list content: storage ids (the same list stored twice — another
 * database, an export and re-import — must compare equal and hash the same) and parentCode,
 * which the code already carries. Identity is the code; the 主项/子项 link is in the code
 * too (code-scheme.ts).
 */
export const NON_CONTENT_KEYS: readonly string[] = ['id', 'bodyId', 'parentId', 'parentCode', 'documentId'];

export interface FieldChange {
  /** Top-level Power field, e.g. legalBases. */
  field: string;
  /** Full path, e.g. legalBases[1].article, responsibilities[5] (an element added/removed). */
  path: string;
  /** undefined when the element did not exist before. */
  before: unknown;
  /** undefined when the element does not exist after. */
  after: unknown;
}

export interface ChangedPower {
  code: string;
  nameBefore: string;
  nameAfter: string;
  changes: FieldChange[];
}

export interface PowerListDiff {
  added: Power[];
  removed: Power[];
  changed: ChangedPower[];
  unchangedCount: number;
}

export interface DiffOptions {
  /** Keys ignored at every depth; defaults to NON_CONTENT_KEYS. */
  ignoreKeys?: readonly string[];
}

function byCode(powers: readonly Power[], which: string): Map<string, Power> {
  const map = new Map<string, Power>();
  for (const p of powers) {
    if (map.has(p.code)) throw new Error(`${which}清单中权力编码“${p.code}”重复`);
    map.set(p.code, p);
  }
  return map;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  // An absent optional field and an explicit undefined are the same content.
  return a === b;
}

/**
 * Pairs of equal elements (longest common subsequence), compared without their position number
 * (`order`, which an insertion renumbers). Above MAX_ALIGN cells, no pairs: positional diff.
 */
const MAX_ALIGN = 250_000;
function alignArrays(a: readonly unknown[], b: readonly unknown[], ignore: ReadonlySet<string>): [number, number][] {
  if (a.length * b.length > MAX_ALIGN) return [];
  const keyIgnore = new Set([...ignore, 'order']);
  const ka = a.map((x) => contentJson(x, { ignoreKeys: [...keyIgnore] }));
  const kb = b.map((x) => contentJson(x, { ignoreKeys: [...keyIgnore] }));
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = ka[i] === kb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (ka[i] === kb[j]) pairs.push([i++, j++]);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function diffValue(
  field: string,
  path: string,
  a: unknown,
  b: unknown,
  ignore: ReadonlySet<string>,
  out: FieldChange[],
): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Lists such as 责任事项 and 追责情形 are ordered (§6). Equal elements are aligned first, so
    // one element inserted (or removed) reads as one insertion, not as every later element
    // changed; between aligned elements, the removed and inserted ones pair up as changes.
    // Paths index the new list (the old one for a removal).
    const anchors = [...alignArrays(a, b, ignore), [a.length, b.length] as [number, number]];
    let i = 0;
    let j = 0;
    for (const [ai, bj] of anchors) {
      while (i < ai && j < bj) {
        diffValue(field, `${path}[${j}]`, a[i], b[j], ignore, out);
        i++;
        j++;
      }
      while (j < bj) {
        out.push({ field, path: `${path}[${j}]`, before: undefined, after: b[j] });
        j++;
      }
      while (i < ai) {
        out.push({ field, path: `${path}[${i}]`, before: a[i], after: undefined });
        i++;
      }
      if (ai < a.length) {
        // aligned: equal but for `order`; a number that only follows the element's new place is no change
        const renumbered =
          isPlainObject(a[ai]) && isPlainObject(b[bj]) && a[ai].order === ai + 1 && b[bj].order === bj + 1;
        diffValue(field, `${path}[${bj}]`, a[ai], b[bj], renumbered ? new Set([...ignore, 'order']) : ignore, out);
      }
      i = ai + 1;
      j = bj + 1;
    }
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !ignore.has(k)).sort();
    for (const k of keys) diffValue(field, `${path}.${k}`, a[k], b[k], ignore, out);
    return;
  }
  if (!sameScalar(a, b)) out.push({ field, path, before: a, after: b });
}

/** The field changes turning power `a` into power `b` (same code assumed). */
export function diffPower(a: Power, b: Power, opts: DiffOptions = {}): FieldChange[] {
  const ignore = new Set(opts.ignoreKeys ?? NON_CONTENT_KEYS);
  const out: FieldChange[] = [];
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => !ignore.has(k)).sort();
  for (const f of fields) diffValue(f, f, ra[f], rb[f], ignore, out);
  return out;
}

/**
 * Compare two versions of a body's list, powers keyed by code. Results are sorted by code.
 * Throws when a version holds the same code twice.
 */
export function diffPowerLists(
  before: readonly Power[],
  after: readonly Power[],
  opts: DiffOptions = {},
): PowerListDiff {
  const a = byCode(before, '旧版');
  const b = byCode(after, '新版');
  const result: PowerListDiff = { added: [], removed: [], changed: [], unchangedCount: 0 };
  const codes = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const code of codes) {
    const pa = a.get(code);
    const pb = b.get(code);
    if (!pa) result.added.push(pb!);
    else if (!pb) result.removed.push(pa);
    else {
      const changes = diffPower(pa, pb, opts);
      if (changes.length === 0) result.unchangedCount++;
      else result.changed.push({ code, nameBefore: pa.name, nameAfter: pb.name, changes });
    }
  }
  return result;
}

/**
 * A list's content as canonical JSON (the one canonicalJson, core/canonical-json.ts): storage
 * ids left out (NON_CONTENT_KEYS unless told), strings NFC, so equal content is equal text.
 */
export function contentJson(value: unknown, opts: DiffOptions = {}): string {
  return canonicalJson(value, { ignoreKeys: opts.ignoreKeys ?? NON_CONTENT_KEYS, nfc: true });
}

/**
 * Canonical serialisation of a list for hashing (the caller computes SM3 over the UTF-8
 * bytes): powers sorted by code, keys sorted, storage ids left out, no whitespace.
 * Equal content gives equal text regardless of input order or key order.
 */
export function canonicalListJson(powers: readonly Power[], opts: DiffOptions = {}): string {
  byCode(powers, '');
  const sorted = [...powers].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return contentJson(sorted, opts);
}
