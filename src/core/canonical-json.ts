// The one canonical JSON of the platform: keys sorted at every depth (by UTF-16 code units, so
// jsonb's reordering or a writer's key order cannot change the text), undefined properties left
// out, dates as ISO strings, no whitespace. Two users, two options:
//  - the audit chain (src/modules/audit/digest.ts): the rows as stored, nothing left out, so
//    every stored digest recomputes to the same text;
//  - a list's content (core/register/diff.ts: list digests, "did anything change"): storage ids
//    left out (`ignoreKeys`) and text in Unicode NFC (`nfc`), so the same words typed two ways
//    are the same content; a non-finite number there is refused rather than written as null.

export interface CanonicalJsonOptions {
  /** keys left out at every depth */
  ignoreKeys?: Iterable<string>;
  /** string values in Unicode NFC, and a non-finite number refused (content, not a record) */
  nfc?: boolean;
}

/** Canonical JSON text of any value (undefined and null alike read `null`). */
export function canonicalJson(value: unknown, opts: CanonicalJsonOptions = {}): string {
  const ignore = new Set(opts.ignoreKeys ?? []);
  const nfc = opts.nfc ?? false;
  const write = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return JSON.stringify(nfc ? v.normalize('NFC') : v);
    if (typeof v === 'number' && nfc && !Number.isFinite(v)) throw new RangeError(`无法规范化非有限数值：${v}`);
    if (v instanceof Date) return JSON.stringify(v.toISOString());
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined && !ignore.has(k))
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(o[k])}`).join(',')}}`;
    }
    return JSON.stringify(v);
  };
  return write(value);
}
