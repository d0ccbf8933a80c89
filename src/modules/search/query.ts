// Turning what a visitor typed into search terms (pure). Each white-space separated term must
// match; a term is answered by one of two indexes (0003_search.sql):
//   gram — 1–2 characters, or longer terms without a run of 3 word characters: the exact
//          1/2-character grams of name, code and cited documents' names;
//   trgm — terms with a run of 3+ word characters: pg_trgm over those fields plus the cited
//          article texts.
// Normalisation must equal qz_search_norm in SQL: NFKC, then ASCII-only lower case.

export const MAX_TERMS = 6;
export const MAX_TERM_CHARS = 40;
export const MAX_QUERY_CHARS = 100;

export interface SearchTerm {
  /** normalised text of the term */
  text: string;
  kind: 'gram' | 'trgm';
  /** grams the row must contain (gram terms) */
  grams: string[];
  /** LIKE pattern over search_text, wildcards escaped; null when the grams are exact */
  like: string | null;
}

export function normalizeForSearch(s: string): string {
  return s.normalize('NFKC').replace(/[A-Z]+/g, (c) => c.toLowerCase());
}

export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const WORD_RUN_3 = /[\p{L}\p{N}]{3,}/u;

function toTerm(text: string): SearchTerm {
  const chars = Array.from(text);
  const like = `%${likeEscape(text)}%`;
  if (WORD_RUN_3.test(text)) return { text, kind: 'trgm', grams: [], like };
  if (chars.length <= 2) return { text, kind: 'gram', grams: [text], like: null };
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return { text, kind: 'gram', grams: [...grams], like };
}

/** The distinct terms of a query (at most MAX_TERMS, each at most MAX_TERM_CHARS characters). */
export function parseQuery(raw: string): SearchTerm[] {
  const norm = normalizeForSearch(raw);
  const seen = new Set<string>();
  const out: SearchTerm[] = [];
  for (const t of norm.split(/\s+/u)) {
    const text = Array.from(t).slice(0, MAX_TERM_CHARS).join('');
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push(toTerm(text));
    if (out.length === MAX_TERMS) break;
  }
  return out;
}
