// The search over current published powers, as bare SQL (the benchmark times this function
// alone; the route adds only rendering). Design (0003, 0006, 0007 migrations; query.ts):
// - every term must match the power's own text — name, code, cited documents and articles —
//   through the one gram index, or the name of its body (looked up first in the small body
//   table); the filters (level, body, category) are terms of the same index;
// - how rows are read (GIN bitmap or a bounded probe in id order) is chosen from the terms'
//   frequencies: search.plan.ts;
// - at most RESULT_CAP hits are read: a 1-character query may match most of a million rows,
//   and reading them all to count or sort them would cost far more than the page itself
//   ("more than 200, refine the query", as search engines do).
//   The hits read are ordered by relevance (name equal, name contains every term, the rest),
//   then publication order (id), and the page is cut from them.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { RESULT_CAP } from '../../contract/search.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { likeEscape, type SearchTerm } from './query.js';
import { choosePlan, gramFrequencies, PROBE_ROWS } from './search.plan.js';

/** Hits read and counted at most: ten pages. Each is fetched at random from a wide row (≈30 µs). */
export { RESULT_CAP } from '../../contract/search.js';

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

const likeOf = (t: SearchTerm) => t.like ?? `%${likeEscape(t.text)}%`;

interface BodyFacts {
  /** for each term, the bodies whose name contains it */
  ids: number[][];
  /** how many bodies there are */
  bodies: number;
  /** the bodies of the level filter */
  atLevel: number[];
  /** the first current power of the body or level filter: where the probe starts */
  startId: number;
}

async function bodyFacts(db: Transaction<DB>, terms: SearchTerm[], f: SearchFilters): Promise<BodyFacts> {
  // bodies' powers lie together in id order: a filtered probe starts at the first of them
  const start =
    f.bodyId !== undefined
      ? sql`(select min(id) from power where valid_to is null and body_id = ${f.bodyId})`
      : f.level !== undefined
        ? sql`(select min((select min(p.id) from power p where p.valid_to is null and p.body_id = b.id))
               from body b join region r on r.code = b.region_code where r.level = ${f.level})`
        : sql`0`;
  const r = await sql<{ i: number; ids: number[]; n: number; lv: number[]; start: number | null }>`
    select t.i::int as i, array(select b.id from body b where qz_search_norm(b.name) like t.pat order by b.id) as ids,
           (select count(*) from body)::int as n,
           array(select b.id from body b join region r on r.code = b.region_code where r.level = ${f.level ?? -1}) as lv,
           ${start} as start
    from unnest(${sql.val(terms.map(likeOf))}::text[]) with ordinality as t(pat, i)`.execute(db);
  const ids = terms.map(() => [] as number[]);
  for (const row of r.rows) ids[row.i - 1] = row.ids.map(Number);
  const first = r.rows[0];
  return {
    ids,
    bodies: Number(first?.n ?? 0),
    atLevel: (first?.lv ?? []).map(Number),
    startId: Number(first?.start ?? 0),
  };
}

const grams = (g: string[]) => sql`p.search_grams @> ${sql.val(g)}::text[]`;
/** The term's characters in order in the row's text: exact for every term length. */
const inText = (t: SearchTerm) => sql`strpos(p.search_text, ${t.text}) > 0`;
const byBody = (ids: number[]) => sql`p.body_id = any(${sql.val(ids)}::int[])`;

interface Shape {
  /** terms shaped like the start of a power code: a prefix of the code (btree index) */
  codes: string[];
  /** terms only a row's own text can match */
  own: SearchTerm[];
  /** their grams and the filter terms: one GIN containment */
  must: string[];
  /** terms some body's name matches too */
  either: { term: SearchTerm; bodyIds: number[] }[];
}

function shape(p: SearchParams, bodyIds: number[][]): Shape {
  const own = p.terms.filter((t, i) => !bodyIds[i]!.length && !t.codePrefix);
  return {
    codes: p.terms.flatMap((t) => (t.codePrefix ? [t.codePrefix] : [])),
    own,
    must: [...new Set([...own.flatMap((t) => t.grams), ...filterTokens(p)])],
    either: p.terms.flatMap((term, i) =>
      bodyIds[i]!.length && !term.codePrefix ? [{ term, bodyIds: bodyIds[i]! }] : [],
    ),
  };
}

const codeStarts = (prefix: string) => sql`p.code like ${`${prefix}%`}`;

/** Through the GIN index: one containment of every gram and filter term, then the order of 3+ character terms. */
function indexConditions(s: Shape): RawBuilder<unknown>[] {
  return [
    ...s.codes.map(codeStarts),
    ...(s.must.length ? [grams(s.must)] : []),
    ...s.own.filter((t) => t.like).map(inText),
    ...s.either.map(
      ({ term, bodyIds }) =>
        sql`(${term.like ? sql`(${grams(term.grams)} and ${inText(term)})` : grams(term.grams)} or ${byBody(bodyIds)})`,
    ),
  ];
}

/** On rows read in order: the text and the columns, cheaper than the gram array. */
function rowConditions(s: Shape, p: SearchParams, atLevel: number[]): RawBuilder<unknown>[] {
  return [
    ...s.codes.map(codeStarts),
    ...s.own.map(inText),
    ...s.either.map(({ term, bodyIds }) => sql`(${inText(term)} or ${byBody(bodyIds)})`),
    ...(p.bodyId !== undefined ? [sql`p.body_id = ${p.bodyId}`] : []),
    ...(p.category !== undefined ? [sql`p.category = ${p.category}`] : []),
    ...(p.level !== undefined ? [byBody(atLevel)] : []),
  ];
}

export async function searchPowersSql(db: Database, p: SearchParams): Promise<SearchResult> {
  if (p.terms.length === 0) return { total: 0, capped: false, rows: [] };
  const freq = await gramFrequencies(db);
  return db.transaction().execute(async (trx) => {
    // JIT compiling costs PostgreSQL tens of milliseconds, more than these lookups take
    await sql`select set_config('jit', 'off', true)`.execute(trx);
    return search(trx, p, freq);
  });
}

async function search(db: Transaction<DB>, p: SearchParams, freq: (g: string) => number): Promise<SearchResult> {
  const facts = await bodyFacts(db, p.terms, p);
  const s = shape(p, facts.ids);
  // a term matched by its text or by body name: its rarest gram's share plus the bodies' share
  const eitherShares = s.either.map(
    (e) => Math.min(...e.term.grams.map(freq)) + e.bodyIds.length / Math.max(1, facts.bodies),
  );
  const plan = s.codes.length ? 'bitmap' : choosePlan(s.must, eitherShares, freq);
  const whole = p.terms.map((t) => t.text).join(' ');
  const tier = sql`case when split_part(p.search_text, E'\n', 1) = ${whole} then 0
                        when split_part(p.search_text, E'\n', 1) like all (${sql.val(p.terms.map(likeOf))}::text[]) then 1
                        else 2 end`;
  const limit = RESULT_CAP + 1;
  const read = async (conds: RawBuilder<unknown>[], from: RawBuilder<unknown>) =>
    (
      await sql<{
        id: number;
        tier: number;
      }>`select p.id, ${tier} as tier from ${from} where ${sql.join(conds, sql` and `)} limit ${limit}`.execute(db)
    ).rows;

  let hits: { id: number; tier: number }[] | null = null;
  if (plan === 'probe') {
    const r = await read(
      rowConditions(s, p, facts.atLevel),
      sql`(select id, body_id, category, code, search_text from power where valid_to is null and id >= ${facts.startId} order by id limit ${PROBE_ROWS}) p`,
    );
    if (r.length === limit) hits = r;
  }
  if (!hits) {
    await sql`select set_config('enable_seqscan', 'off', true)`.execute(db);
    hits = await read([sql`p.valid_to is null`, ...indexConditions(s)], sql`power p`);
  }
  const capped = hits.length > RESULT_CAP;
  const ranked = hits.sort((a, b) => a.tier - b.tier || a.id - b.id).slice(0, RESULT_CAP);
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

/** The name of a body the search is narrowed to (shown above the results). */
export async function bodyNameOf(db: Database, id: number | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  const r = await db.selectFrom('body').select('name').where('id', '=', id).executeTakeFirst();
  return r?.name;
}
