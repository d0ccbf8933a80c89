// The derived search columns of a power row: computed in JS (src/core/search/columns.ts, used by
// the publication and by bulk loads) exactly as the power_search_fill trigger computes them.
// checkSearchColumns compares stored columns with the database's own functions, so a load or a
// publication can prove it wrote what the trigger would have.
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';

export { gramsOf, type SearchColumnInput, searchColumns } from '../../core/search/columns.js';

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
