// The exercise phase's work in the server child (issue 12.4), where the database handle is open:
// preparing the data set (not timed) and the anchor — the matching join in bare SQL.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { ServerOps } from './types.js';

export const BENCH_KEY = 'qzx_bench-exercise-source-key-0123456789';
/** bodies that cancel one power in a version 2 effective from this day */
const RETIRED_BODIES = 50;
const V2_DAY = '2026-06-30';

export interface PrepareArgs {
  records: number;
  /** where to write the JSON request body */
  path: string;
}

/** A small deterministic generator (mulberry32), so each run sends the same records. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY0 = Date.parse('2026-04-01T00:00:00Z');
const dayAfter = (from: number, span: number, r: number) =>
  new Date(from + Math.floor(r * span) * 86_400_000).toISOString().slice(0, 10);

export const EXERCISE_OPS: ServerOps = {
  async prepare({ handle }, args) {
    const { records, path } = args as PrepareArgs;
    const db = handle.db;
    // §13: some bodies cancel one power in a version 2 (temporal rows: close the row, add the cancelled one)
    await sql`create temp table bench_retired as
      select distinct on (p.body_id) p.id, p.body_id, p.code
      from power p
      where p.valid_to is null and p.parent_code is null and p.body_id in (
        select body_id from power_list_version group by body_id having max(version) = 1 order by body_id limit ${RETIRED_BODIES})
      order by p.body_id, p.code`.execute(db);
    await sql`insert into power_list_version (body_id, version, published_at, effective_date, digest, power_count, source_type, rulebook_id)
      select v.body_id, 2, ${`${V2_DAY}T10:00:00+08:00`}::timestamptz, ${V2_DAY}::date, v.digest, v.power_count, 'adjustment', v.rulebook_id
      from power_list_version v join bench_retired r on r.body_id = v.body_id`.execute(db);
    await sql`update power set valid_to = 2 where id in (select id from bench_retired)`.execute(db);
    await sql`insert into power (body_id, code, parent_code, name, category, responsible_subject, implementing_agency,
        legal_bases, responsibilities, accountability_cases, accountability_basis, remarks, status, predecessor_codes, links, ord, valid_from)
      select body_id, code, parent_code, name, category, responsible_subject, implementing_agency, legal_bases,
        responsibilities, accountability_cases, accountability_basis, remarks, 'cancelled', predecessor_codes, links, ord, 2
      from power where id in (select id from bench_retired)`.execute(db);
    // the sending system, for the bodies of the largest top-level region; its key is known here
    const root = await sql<{ root: string }>`
      select split_part(r.path, '/', 1) as root from body b join region r on r.code = b.region_code
      group by 1 order by count(*) desc limit 1`.execute(db);
    const regionPath = root.rows[0]!.root;
    await db
      .insertInto('exercise_source')
      .values({
        name: '基准测试政务服务平台',
        region_path: regionPath,
        key_hash: createHash('sha256').update(BENCH_KEY).digest('hex'),
        key_hint: BENCH_KEY.slice(0, 8),
        created_at: new Date(),
        created_by: (await db.selectFrom('app_user').select('id').limit(1).executeTakeFirstOrThrow()).id,
      })
      .execute();
    // powers in use, of bodies whose name is unique (a record names its body by name)
    const sample = await sql<{ body: string; code: string; name: string }>`
      select b.name as body, p.code, p.name from power p
      join body b on b.id = p.body_id join region r on r.code = b.region_code
      where p.valid_to is null and p.status = 'active' and (r.path = ${regionPath} or r.path like ${`${regionPath}/%`})
        and b.name in (select name from body group by name having count(*) = 1)
      order by md5(p.code) limit 20000`.execute(db);
    const retired = await sql<{ body: string; code: string }>`
      select b.name as body, r.code from bench_retired r join body b on b.id = r.body_id`.execute(db);
    const pool = sample.rows;
    const rand = rng(20261207);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const out: unknown[] = [];
    for (let i = 0; i < records; i++) {
      const x = rand();
      const p = pick(pool);
      const base = { caseRef: `BJ${String(i).padStart(8, '0')}`, outcome: x < 0.9 ? '准予许可' : '不予许可' };
      if (x < 0.02 && retired.rows.length) {
        // 变相实施: after the cancellation
        const r = retired.rows[i % retired.rows.length]!;
        out.push({
          ...base,
          bodyName: r.body,
          powerCode: r.code,
          exercisedOn: dayAfter(Date.parse(`${V2_DAY}T00:00:00Z`), 150, rand()),
        });
      } else if (x < 0.03) {
        // another body's power: 100 pairs
        const owner = pool[i % 100]!;
        const other = pool[(i % 100) + 100]!;
        out.push({ ...base, bodyName: other.body, powerCode: owner.code, exercisedOn: dayAfter(DAY0, 240, rand()) });
      } else if (x < 0.04) {
        // a power not in any list: 100 codes
        const q = pool[i % 100]!;
        out.push({ ...base, bodyName: q.body, powerCode: `${q.code}99`, exercisedOn: dayAfter(DAY0, 240, rand()) });
      } else if (x < 0.09) {
        out.push({ ...base, bodyName: p.body, powerName: p.name, exercisedOn: dayAfter(DAY0, 240, rand()) });
      } else {
        out.push({
          ...base,
          bodyName: p.body,
          powerCode: p.code,
          powerName: p.name,
          exercisedOn: dayAfter(DAY0, 240, rand()),
        });
      }
    }
    await writeFile(path, JSON.stringify({ records: out }));
    return { regionPath, sampled: pool.length, retired: retired.rows.length };
  },

  /** The anchor: the same join as stageAndMatch (match.repo.ts), as a bare SELECT over the staged records. */
  async anchor({ handle }, args) {
    const { importId } = args as { importId: number };
    const t0 = performance.now();
    const r = await sql<{ n: number; flagged: number }>`
      with ver as (
        select body_id, version, effective_date,
               lead(effective_date) over (partition by body_id order by effective_date, version) as next_date
        from power_list_version
      )
      select count(*)::int as n,
             count(*) filter (where coalesce(pc.status, pn.status) is null
               or coalesce(pc.status, pn.status) not in ('active', 'entrusted'))::int as flagged
      from exercise_record r
      left join ver v on v.body_id = r.body_id and v.effective_date <= r.exercised_on
        and (v.next_date is null or r.exercised_on < v.next_date)
      left join power pc on pc.code = r.power_code and pc.body_id = r.body_id
        and pc.valid_from <= v.version and (pc.valid_to is null or pc.valid_to > v.version)
      left join lateral (
        select p.status from power p
        where r.power_code is null and p.name = r.power_name and p.body_id = r.body_id
          and p.valid_from <= v.version and (p.valid_to is null or p.valid_to > v.version)
        order by p.status in ('active', 'entrusted') desc, p.id limit 1
      ) pn on true
      left join lateral (
        select p.body_id from power p
        join ver v2 on v2.body_id = p.body_id and v2.effective_date <= r.exercised_on
          and (v2.next_date is null or r.exercised_on < v2.next_date)
        where pc.id is null and r.power_code is not null and p.code = r.power_code and p.body_id <> r.body_id
          and p.status in ('active', 'entrusted') and p.valid_from <= v2.version
          and (p.valid_to is null or p.valid_to > v2.version)
        limit 1
      ) oc on true
      left join lateral (
        select p.body_id from power p
        join ver v2 on v2.body_id = p.body_id and v2.effective_date <= r.exercised_on
          and (v2.next_date is null or r.exercised_on < v2.next_date)
        where pn.status is null and r.power_code is null and p.name = r.power_name and p.body_id <> r.body_id
          and p.status in ('active', 'entrusted') and p.valid_from <= v2.version
          and (p.valid_to is null or p.valid_to > v2.version)
        order by p.body_id limit 1
      ) onm on true
      where r.import_id = ${importId}`.execute(handle.db);
    return { ms: performance.now() - t0, ...r.rows[0] };
  },
};
