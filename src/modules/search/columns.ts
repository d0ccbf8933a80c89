// The derived search columns of a power row, computed in JS exactly as the power_search_fill
// trigger computes them (0003, 0006, 0007), for bulk loads that COPY rows with the trigger disabled
// (the trigger costs about 0.5 ms a row). checkSearchColumns compares stored columns with
// the database's own functions, so a load can prove it wrote what the trigger would have.
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import { normalizeForSearch } from './query.js';

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
  /** the level of the body's region (1 市, 2 旗县区, 3 苏木乡镇·街道) */
  level: number;
}

// string_agg over no rows is null, and concat_ws skips nulls
const agg = (bases: readonly Citation[], key: keyof Citation) => {
  const parts = bases.map((b) => b[key]).filter((x): x is string => typeof x === 'string');
  return parts.length ? parts.join('\n') : null;
};
const concatWs = (parts: (string | null)[]) => parts.filter((p): p is string => p !== null).join('\n');

/** = qz_search_grams: distinct 1- and 2-character substrings without white space. */
export function gramsOf(t: string): string[] {
  const ch = Array.from(t);
  const out = new Set<string>();
  for (let i = 0; i < ch.length; i++) {
    const a = ch[i]!;
    if (/\s/u.test(a)) continue;
    out.add(a);
    const b = ch[i + 1];
    if (b !== undefined && !/\s/u.test(b)) out.add(a + b);
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

/** Rows (one id in `every`, of one body if given) whose stored search columns differ from what the trigger computes. */
export async function checkSearchColumns(
  db: Database,
  every: number,
  bodyId?: number,
): Promise<{ checked: number; different: number }> {
  const r = await sql<{ checked: number; different: number }>`
    with x as (
      select p.search_text, p.search_grams, p.legal_bases, qz_search_short(p.name, p.code, p.legal_bases) as s,
             array['b:' || p.body_id, 'c:' || p.category, 'l:' || coalesce(r.level, 0)] as tokens
      from power p left join body b on b.id = p.body_id left join region r on r.code = b.region_code
      where p.id % ${every} = 0 ${bodyId === undefined ? sql`` : sql`and p.body_id = ${bodyId}`}),
    y as (select *, concat_ws(E'\\n', s, nullif(qz_search_basis_text(legal_bases), '')) as text from x),
    z as (select *, qz_search_grams(text) || tokens as want from y)
    select count(*)::int as checked,
           count(*) filter (where search_text is distinct from text or not (search_grams @> want and want @> search_grams))::int as different
    from z`.execute(db);
  return r.rows[0]!;
}
