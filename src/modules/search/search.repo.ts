// The search over current published powers, as bare SQL (the benchmark times this function
// alone; the route adds only rendering). Design (0003/0006 migrations, query.ts):
// - every term must match the power's name/code/documents (gram or trigram index) or the name
//   of its body (looked up first in the small body table, then matched by the 'b:id' terms);
// - the filters (level, body, category) are terms of the same gram index, so a query is one
//   GIN intersection, and only matching rows are read;
// - at most RESULT_CAP hits are read: a 1-character query may match most of a million rows,
//   and reading them all to count or sort them would cost far more than the page itself.
//   The hits read are ordered by relevance (name equal, name contains every term, the rest),
//   then publication order (id), and the page is cut from them.
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/connect.js';
import { likeEscape, type SearchTerm } from './query.js';

export const RESULT_CAP = 1000;

export interface SearchFilters {
  level?: number;
  bodyId?: number;
  category?: string;
}

export interface SearchParams extends SearchFilters {
  terms: SearchTerm[];
  /** 1-based */
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: number;
  code: string;
  name: string;
  category: string;
  status: string;
  legalBases: { documentName?: string; article?: string; text?: string }[];
  bodyId: number;
  bodyName: string;
  regionName: string;
  level: number;
}

export interface SearchResult {
  /** hits counted, at most RESULT_CAP */
  total: number;
  /** true when there are more than RESULT_CAP hits */
  capped: boolean;
  rows: SearchHit[];
}

/** The index terms of the filters (0006). */
export function filterTokens(f: SearchFilters): string[] {
  const out: string[] = [];
  if (f.level !== undefined) out.push(`l:${f.level}`);
  if (f.bodyId !== undefined) out.push(`b:${f.bodyId}`);
  if (f.category !== undefined) out.push(`c:${f.category}`);
  return out;
}

function termCondition(t: SearchTerm, bodyIds: number[]): RawBuilder<unknown> | null {
  const own =
    t.kind === 'trgm'
      ? sql`p.search_text like ${t.like}`
      : t.like
        ? sql`(p.search_grams @> ${sql.val(t.grams)}::text[] and p.search_text like ${t.like})`
        : null; // exact grams: folded into the one containment test below
  if (!bodyIds.length) return own;
  const byBody = sql`p.search_grams && ${sql.val(bodyIds.map((id) => `b:${id}`))}::text[]`;
  const mine = own ?? sql`p.search_grams @> ${sql.val(t.grams)}::text[]`;
  return sql`(${mine} or ${byBody})`;
}

const likeOf = (t: SearchTerm) => t.like ?? `%${likeEscape(t.text)}%`;

/** For each term, the bodies whose name contains it. */
async function bodiesByName(db: Database, terms: SearchTerm[]): Promise<number[][]> {
  const r = await sql<{ i: number; ids: number[] }>`
    select t.i::int as i, array(select b.id from body b where qz_search_norm(b.name) like t.pat order by b.id) as ids
    from unnest(${sql.val(terms.map(likeOf))}::text[]) with ordinality as t(pat, i)`.execute(db);
  const out = terms.map(() => [] as number[]);
  for (const row of r.rows) out[row.i - 1] = row.ids.map(Number);
  return out;
}

export async function searchPowersSql(db: Database, p: SearchParams): Promise<SearchResult> {
  if (p.terms.length === 0) return { total: 0, capped: false, rows: [] };
  const bodyIds = await bodiesByName(db, p.terms);
  // exact grams of terms that no body name matches, and the filters: one GIN containment
  const must = [...p.terms.flatMap((t, i) => (t.kind === 'gram' && !t.like && !bodyIds[i]!.length ? t.grams : [])), ...filterTokens(p)];
  const conds = [
    sql`p.valid_to is null`,
    ...(must.length ? [sql`p.search_grams @> ${sql.val(must)}::text[]`] : []),
    ...p.terms.flatMap((t, i) => {
      if (t.kind === 'gram' && !t.like && !bodyIds[i]!.length) return [];
      const c = termCondition(t, bodyIds[i]!);
      return c ? [c] : [];
    }),
  ];
  const whole = p.terms.map((t) => t.text).join(' ');
  const hits = await sql<{ id: number; tier: number }>`
    select p.id, case when split_part(p.search_text, E'\n', 1) = ${whole} then 0
                      when split_part(p.search_text, E'\n', 1) like all (${sql.val(p.terms.map(likeOf))}::text[]) then 1
                      else 2 end as tier
    from power p where ${sql.join(conds, sql` and `)} limit ${RESULT_CAP + 1}`.execute(db);
  const capped = hits.rows.length > RESULT_CAP;
  const ranked = hits.rows.sort((a, b) => a.tier - b.tier || a.id - b.id).slice(0, RESULT_CAP);
  const offset = (p.page - 1) * p.pageSize;
  const ids = ranked.slice(offset, offset + p.pageSize).map((h) => h.id);
  if (ids.length === 0) return { total: ranked.length, capped, rows: [] };

  const rows = await sql<SearchHit>`
    select p.id, p.code, p.name, p.category, p.status, p.legal_bases as "legalBases", p.body_id as "bodyId",
           b.name as "bodyName", r.name as "regionName", r.level
    from power p join body b on b.id = p.body_id join region r on r.code = b.region_code
    where p.id = any(${sql.val(ids)}::int[])`.execute(db);
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  return { total: ranked.length, capped, rows: ids.map((id) => byId.get(id)).filter((r): r is SearchHit => !!r) };
}
