// The search over current published powers, as bare SQL (the benchmark times this function
// alone; the route adds only rendering). Design (0003_search.sql, query.ts):
// - every term must match the power's name/code/documents (gram or trigram index) or the
//   name of its body (looked up first in the small body table);
// - at most RESULT_CAP hits are counted: a 1-character query may match most of a
//   million rows, and counting them all would cost far more than the page itself;
// - up to the cap, hits are ordered by relevance (name equal, name contains every term, the
//   rest) then publication order; beyond it, publication order alone, read from the
//   (id) index so that only one page of rows is touched.
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/connect.js';
import type { SearchTerm } from './query.js';

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

const empty: RawBuilder<unknown> = sql`true`;

function termCondition(t: SearchTerm, bodyIds: number[]): RawBuilder<unknown> {
  const own =
    t.kind === 'trgm'
      ? sql`p.search_text like ${t.like}`
      : t.like
        ? sql`(p.search_grams @> ${sql.val(t.grams)}::text[] and p.search_text like ${t.like})`
        : sql`p.search_grams @> ${sql.val(t.grams)}::text[]`;
  return bodyIds.length ? sql`(${own} or p.body_id = any(${sql.val(bodyIds)}::int[]))` : own;
}

function filterConditions(f: SearchFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.bodyId !== undefined) out.push(sql`p.body_id = ${f.bodyId}`);
  if (f.category !== undefined) out.push(sql`p.category = ${f.category}`);
  if (f.level !== undefined)
    out.push(sql`p.body_id in (select b.id from body b join region r on r.code = b.region_code where r.level = ${f.level})`);
  return out;
}

/** For each term, the bodies whose name contains it. */
async function bodiesByName(db: Database, terms: SearchTerm[]): Promise<number[][]> {
  if (terms.length === 0) return [];
  const r = await sql<{ i: number; ids: number[] }>`
    select t.i::int as i, array(select b.id from body b where qz_search_norm(b.name) like t.pat escape '\\' order by b.id) as ids
    from unnest(${sql.val(terms.map((t) => t.like ?? `%${t.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))}::text[]) with ordinality as t(pat, i)`.execute(db);
  const out = terms.map(() => [] as number[]);
  for (const row of r.rows) out[row.i - 1] = row.ids.map(Number);
  return out;
}

export async function searchPowersSql(db: Database, p: SearchParams): Promise<SearchResult> {
  if (p.terms.length === 0) return { total: 0, capped: false, rows: [] };
  const bodyIds = await bodiesByName(db, p.terms);
  const conds = [sql`p.valid_to is null`, ...p.terms.map((t, i) => termCondition(t, bodyIds[i]!)), ...filterConditions(p)];
  const where = sql.join(conds.length ? conds : [empty], sql` and `);
  const whole = p.terms.map((t) => t.text).join(' ');
  const nameLikes = p.terms.map((t) => t.like ?? `%${t.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

  const hits = await sql<{ id: number; tier: number }>`
    select p.id, case when split_part(p.search_text, E'\n', 1) = ${whole} then 0
                      when split_part(p.search_text, E'\n', 1) like all (${sql.val(nameLikes)}::text[]) then 1
                      else 2 end as tier
    from power p where ${where} limit ${RESULT_CAP + 1}`.execute(db);
  const capped = hits.rows.length > RESULT_CAP;
  const total = Math.min(hits.rows.length, RESULT_CAP);
  const offset = (p.page - 1) * p.pageSize;
  if (offset >= total) return { total, capped, rows: [] };

  let ids: number[];
  if (!capped) {
    ids = hits.rows
      .sort((a, b) => a.tier - b.tier || a.id - b.id)
      .slice(offset, offset + p.pageSize)
      .map((h) => h.id);
  } else {
    const page = await sql<{ id: number }>`
      select p.id from power p where ${where} order by p.id limit ${p.pageSize} offset ${offset}`.execute(db);
    ids = page.rows.map((r) => r.id);
  }
  if (ids.length === 0) return { total, capped, rows: [] };

  const rows = await sql<SearchHit>`
    select p.id, p.code, p.name, p.category, p.status, p.legal_bases as "legalBases", p.body_id as "bodyId",
           b.name as "bodyName", r.name as "regionName", r.level
    from power p join body b on b.id = p.body_id join region r on r.code = b.region_code
    where p.id = any(${sql.val(ids)}::int[])`.execute(db);
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  return { total, capped, rows: ids.map((id) => byId.get(id)).filter((r): r is SearchHit => !!r) };
}
