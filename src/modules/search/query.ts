// Turning what a visitor typed into search terms (pure). Each white-space separated term must
// match. Every term is answered by the one gram index (0007): a 1–2 character term by its
// gram, exactly; a longer term by its bigrams (all present), then LIKE on search_text for the
// characters in order. Name, code, cited documents' names and article texts all count. A term
// shaped like the start of a power code is looked up in the codes by prefix (0010).
// Normalisation must equal qz_search_norm in SQL: NFKC, then ASCII-only lower case.

import { normalizeForSearch } from '../../core/search/columns.js';

export const MAX_TERMS = 6;
export const MAX_TERM_CHARS = 40;
export { MAX_QUERY_CHARS } from '../../contract/search.js';

export interface SearchTerm {
  /** normalised text of the term */
  text: string;
  /** grams a matching row contains: the term itself (1–2 characters) or its bigrams */
  grams: string[];
  /** LIKE pattern over search_text, wildcards escaped; null when the grams are exact */
  like: string | null;
  /** a term shaped like the start of a power code (§6 scheme): matched as a prefix of the code */
  codePrefix?: string;
}

// 6 or 9 digit region, the 3-digit body, then any further code characters (code-scheme.ts)
const CODE_START = /^\d{6}(\d{3})?-\d{3}[-a-z0-9]*$/;

export { normalizeForSearch };

export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function toTerm(text: string): SearchTerm {
  if (CODE_START.test(text)) return { text, grams: [], like: `%${likeEscape(text)}%`, codePrefix: text.toUpperCase() };
  const chars = Array.from(text);
  if (chars.length <= 2) return { text, grams: [text], like: null };
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return { text, grams: [...grams], like: `%${likeEscape(text)}%` };
}

/** The distinct terms of a query (at most MAX_TERMS, each at most MAX_TERM_CHARS characters). */
export function parseQuery(raw: string): SearchTerm[] {
  const norm = normalizeForSearch(raw);
  const seen = new Set<string>();
  const out: SearchTerm[] = [];
  // control characters are never part of published text
  for (const t of norm.replace(/\p{Cc}/gu, ' ').split(/\s+/u)) {
    const text = Array.from(t).slice(0, MAX_TERM_CHARS).join('');
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push(toTerm(text));
    if (out.length === MAX_TERMS) break;
  }
  return out;
}
