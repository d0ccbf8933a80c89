// Input generators for the route fuzz (issue 10.9): values that fit a route's schema, the same
// with one field replaced by something hostile, and hostile values alone. Schemas are read as
// JSON Schema (zod's toJSONSchema), so every route's own limits and enums drive the generation.
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = { [k: string]: any };

/** Strings an attacker tries first: NUL, bidi and zero-width controls, traversal, huge, broken UTF-16. */
const oddCore: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\u202EFDP.exe.pdf',
      '名称\u200B',
      '\u2066x\u2069',
      '\uFEFF',
      '\uD800',
      'x\uDFFFy',
      '../../etc/passwd',
      '..\\..\\windows\\win.ini',
      '..%2F..%2Fetc%2Fpasswd',
      '/中文',
      '/%00',
      '%',
      '%E4',
      '%ZZ',
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      '\r\nX-Injected: 1',
      ' ',
      '',
      '  \t ',
      "'; drop table power; --",
      '<script>alert(1)</script>',
      '=HYPERLINK("http://x")',
      '{{7*7}}',
      '${7*7}',
      '-1',
      '0',
      '2147483648',
      '9223372036854775808',
      '1e309',
      'NaN',
      'Infinity',
      'null',
      'true',
      '[]',
      '{}',
      '2026-02-30',
      '9999-12-31',
      '0000-00-00',
      'Ａ１',
      'e\u0301',
      '\u{1F600}\u{1F468}\u200D\u{1F469}',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom('长'.repeat(5000), 'x'.repeat(70_000)) },
);
/** The same, also as a path of this site (a return address, a link): '/' + hostile. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  oddCore,
  oddCore.map((x) => `/${x}`),
);

/** Any value at all: odd strings, extreme numbers, JSON of any shape. */
export const wild: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(-1, 0, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e308, -0.5, 3.7, true, false, null),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 30, 30));
  const plain = fc.string({ unit: 'grapheme', minLength, maxLength });
  if (typeof s.pattern === 'string') {
    try {
      return fc.oneof(
        fc.stringMatching(new RegExp(s.pattern)).map((x) => x.slice(0, s.maxLength ?? 200)),
        plain,
      );
    } catch {
      return plain;
    }
  }
  if (s.format === 'date')
    return fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      plain,
    );
  return fc.oneof(fc.constantFrom('2026-03-31', '测试名称', '第十二条'), plain);
}

function numberFor(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = Math.max(s.minimum ?? -1e9, -1e9);
  const hi = Math.min(s.maximum ?? 1e9, 1e9);
  if (integer) {
    const a = Math.ceil(lo),
      b = Math.floor(hi);
    if (a > b) return fc.constant(a);
    // ids of seeded rows are small: favour them so that requests get past the lookup
    return fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: a, max: Math.min(b, Math.max(a, 60)) }) },
      { weight: 1, arbitrary: fc.integer({ min: a, max: b }) },
    );
  }
  return fc.double({ min: lo, max: hi, noNaN: true });
}

/** Values that satisfy (most of) a JSON Schema; refinements in code may still refuse them. */
export function fromSchema(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || typeof s !== 'object' || depth > 5) return wild;
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts) && alts.length) return fc.oneof(...alts.map((x: JsonSchema) => fromSchema(x, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length) return fromSchema(s.allOf[0], depth + 1);
  const types: string[] = [s.type].flat().filter(Boolean);
  if (types.length > 1) return fc.oneof(...types.map((type) => fromSchema({ ...s, type }, depth + 1)));
  switch (types[0]) {
    case 'string':
      return stringFor(s);
    case 'integer':
      return numberFor(s, true);
    case 'number':
      return numberFor(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(fromSchema(s.items, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)),
      });
    }
    case 'object': {
      const props: Record<string, JsonSchema> = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = fromSchema(v, depth + 1);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    default:
      return wild;
  }
}

export function jsonSchemaOf(zodSchema: unknown): JsonSchema | undefined {
  if (!zodSchema || typeof zodSchema !== 'object' || !('_zod' in zodSchema)) return undefined;
  try {
    return z.toJSONSchema(zodSchema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

const isFreeText = (s: JsonSchema | undefined) =>
  !!s && [s.type].flat().includes('string') && !s.enum && s.const === undefined;

/** One part of a request (params, query or body): fitting, fitting but for one hostile field, or hostile. */
export function partInput(zodSchema: unknown): fc.Arbitrary<unknown> {
  const js = jsonSchemaOf(zodSchema);
  const fitting = fromSchema(js);
  const keys = Object.keys(js?.properties ?? {});
  if (!js || !keys.length)
    return fc.oneof(
      { weight: 2, arbitrary: fitting },
      { weight: 1, arbitrary: fc.dictionary(oddString, wild, { maxKeys: 3 }) },
    );
  const spoiled = fc
    .tuple(fitting, fc.constantFrom(...keys), wild)
    .map(([v, k, w]) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...v, [k]: w } : v));
  // every free-text field at once gets the same hostile string; enums and numbers stay fitting
  const free = keys.filter((k) => isFreeText(js.properties[k]));
  const hostile = free.length
    ? fc
        .tuple(fitting, oddString)
        .map(([v, w]) => (v && typeof v === 'object' ? { ...v, ...Object.fromEntries(free.map((k) => [k, w])) } : v))
    : spoiled;
  return fc.oneof(
    { weight: 2, arbitrary: fitting },
    { weight: 2, arbitrary: spoiled },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: wild },
  );
}
