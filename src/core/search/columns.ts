// The derived search columns of a power row (search_text, search_grams), pure. The publication
// computes them here and inserts them with the row (issue 15.2: the insert trigger cost about
// 0.65 ms a row, since 0090 it runs only for rows inserted without them); bulk loads COPY them.
// Equal to what the power_search_fill trigger computes (0003, 0006, 0007, 0008): proved by
// src/modules/search/columns.test.ts against the database's own functions.
// Normalisation must equal qz_search_norm in SQL: NFKC, then ASCII-only lower case.

interface Citation {
  documentName?: string | null;
  text?: string | null;
}

export interface SearchColumnInput {
  name: string;
  code: string;
  legalBases: readonly Citation[];
  bodyId: number;
  category: string;
  /** the level of the body's region (1 市, 2 旗县区, 3 苏木乡镇·街道; 0 when it has none) */
  level: number;
}

/** = qz_search_norm: NFKC, then ASCII-only lower case (the query is normalised the same way). */
export function normalizeForSearch(s: string): string {
  return s.normalize('NFKC').replace(/[A-Z]+/g, (c) => c.toLowerCase());
}

// string_agg over no rows is null, and concat_ws skips nulls
const agg = (bases: readonly Citation[], key: keyof Citation) => {
  const parts = bases.map((b) => b[key]).filter((x): x is string => typeof x === 'string');
  return parts.length ? parts.join('\n') : null;
};
const concatWs = (parts: (string | null)[]) => parts.filter((p): p is string => p !== null).join('\n');

/** = qz_search_grams: distinct 1- and 2-character substrings without white space (per word, as 0008 does). */
export function gramsOf(t: string): string[] {
  const out = new Set<string>();
  for (const w of t.split(/\s+/u)) {
    const ch = Array.from(w);
    for (let i = 0; i < ch.length; i++) {
      out.add(ch[i]!);
      if (i + 1 < ch.length) out.add(ch[i]! + ch[i + 1]!);
    }
  }
  return [...out];
}

/** search_text and search_grams exactly as the insert trigger sets them. */
export function searchColumns(p: SearchColumnInput): { text: string; grams: string[] } {
  const short = normalizeForSearch(concatWs([p.name, p.code, agg(p.legalBases, 'documentName')]));
  const basis = agg(p.legalBases, 'text');
  const basisNorm = basis === null ? '' : normalizeForSearch(basis);
  const text = concatWs([short, basisNorm === '' ? null : basisNorm]);
  return { text, grams: [...gramsOf(text), `b:${p.bodyId}`, `c:${p.category}`, `l:${p.level}`] };
}
