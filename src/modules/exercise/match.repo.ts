// Staging and matching exercise records, set-based (issue 12.4: not a loop per record): one
// INSERT … SELECT with the joins per chunk writes each record with its match against its body's
// list in force on its date, one GROUP BY gives the facts that become findings, and one
// UPDATE … FROM links the records to them.
import { sql, type Transaction } from 'kysely';
import type { ExerciseFlag } from '../../contract/exercise.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/db.js';
import type { StagedRecord } from './records.js';

/** records per INSERT: they travel as one JSON parameter (jsonb_to_recordset, as exchange's import) */
const CHUNK = 25_000;

/**
 * Stage and match the records, one INSERT … SELECT per chunk: each record is written once, with
 * what its body's list in force on its date says. That list is the body's version with the latest
 * effective date on or before the day (`ver`: each version's [effective_date, next version's
 * effective_date) — published lists are temporal rows, ARCHITECTURE "Decisions").
 *   found in that version, 在用/已委托          → no flag
 *   found there, 已取消/已下放/已合并            → retired   (§16 ¶2: 变相实施)
 *   not there, but in another body's list that day → wrongBody (§17: 不得随意扩大)
 *   not there at all (or the body had no list)   → notInList (§14, §17)
 * A record names its power by code, or by name when the sending system has no code.
 */
export async function stageAndMatch(trx: Transaction<DB>, importId: number, records: readonly StagedRecord[]) {
  for (let i = 0; i < records.length; i += CHUNK) {
    const part = records.slice(i, i + CHUNK).map((r) => ({
      row_no: r.row,
      case_ref: r.caseRef,
      body_id: r.bodyId,
      power_code: r.powerCode,
      power_name: r.powerName,
      exercised_on: r.exercisedOn,
      outcome: r.outcome,
    }));
    await sql`
      with r as (
        select * from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(row_no int, case_ref text, body_id int,
          power_code text, power_name text, exercised_on date, outcome text)
      ),
      ver as (
        select body_id, version, effective_date,
               lead(effective_date) over (partition by body_id order by effective_date, version) as next_date
        from power_list_version
      ),
      m as (
        select r.*, v.version, coalesce(pc.id, pn.id) as power_id, coalesce(pc.status, pn.status) as status,
               coalesce(oc.body_id, onm.body_id) as other_body
        from r
        left join ver v on v.body_id = r.body_id and v.effective_date <= r.exercised_on
          and (v.next_date is null or r.exercised_on < v.next_date)
        left join power pc on pc.code = r.power_code and pc.body_id = r.body_id
          and pc.valid_from <= v.version and (pc.valid_to is null or pc.valid_to > v.version)
        left join lateral (
          select p.id, p.status from power p
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
          where pn.id is null and r.power_code is null and p.name = r.power_name and p.body_id <> r.body_id
            and p.status in ('active', 'entrusted') and p.valid_from <= v2.version
            and (p.valid_to is null or p.valid_to > v2.version)
          order by p.body_id limit 1
        ) onm on true
      )
      insert into exercise_record (import_id, row_no, case_ref, body_id, power_code, power_name, exercised_on, outcome,
        list_version, power_id, flag, flag_body_id)
      select ${importId}, row_no, case_ref, body_id, power_code, power_name, exercised_on, outcome, version, power_id,
        case
          when power_id is not null and status in ('active', 'entrusted') then null
          when power_id is not null then 'retired'
          when other_body is not null then 'wrongBody'
          else 'notInList' end,
        case when power_id is null then other_body end
      from m`.execute(trx);
  }
}

/** The SQL twin of exerciseFactKey (core/policies/exercise.ts): a record's fact, as finding.source_key. */
export const FACT_KEY_SQL = sql<string>`'exercise:' || r.flag || ':' || r.body_id || ':' ||
  case when r.power_code is not null then 'code:' || r.power_code else 'name:' || coalesce(r.power_name, '') end`;

export interface FlaggedFact {
  flag: ExerciseFlag;
  bodyId: number;
  bodyName: string;
  powerCode: string | null;
  powerName: string | null;
  listedName: string | null;
  status: string | null;
  otherBody: string | null;
  firstOn: string;
  lastOn: string;
  records: number;
  listVersion: number | null;
}

/** The facts of an import's flagged records: one per flag, body and power. */
export async function flaggedFacts(db: Db, importId: number): Promise<FlaggedFact[]> {
  const r = await sql<{
    flag: ExerciseFlag;
    body_id: number;
    body_name: string;
    power_code: string | null;
    power_name: string | null;
    listed_name: string | null;
    status: string | null;
    other_body: string | null;
    first_on: string;
    last_on: string;
    records: number;
    list_version: number | null;
  }>`
    select r.flag, r.body_id, min(b.name) as body_name, r.power_code,
           coalesce(r.name_key, min(r.power_name)) as power_name,
           min(p.name) as listed_name, min(p.status) as status, min(ob.name) as other_body,
           min(r.exercised_on)::text as first_on, max(r.exercised_on)::text as last_on,
           count(*)::int as records, max(r.list_version) as list_version
    from (select e.*, case when e.power_code is null then e.power_name end as name_key
          from exercise_record e where e.import_id = ${importId} and e.flag is not null) r
    join body b on b.id = r.body_id
    left join power p on p.id = r.power_id
    left join body ob on ob.id = r.flag_body_id
    group by r.flag, r.body_id, r.power_code, r.name_key
    order by r.body_id, r.flag, r.power_code`.execute(db);
  return r.rows.map((x) => ({
    flag: x.flag,
    bodyId: x.body_id,
    bodyName: x.body_name,
    powerCode: x.power_code,
    powerName: x.power_name,
    listedName: x.listed_name,
    status: x.status,
    otherBody: x.other_body,
    firstOn: x.first_on,
    lastOn: x.last_on,
    records: Number(x.records),
    listVersion: x.list_version,
  }));
}

/** Link each flagged record to its fact's finding, and count the import; one statement each. */
export async function linkAndCount(trx: Transaction<DB>, importId: number) {
  await sql`
    update exercise_record r set finding_id = f.id
    from finding f
    where r.import_id = ${importId} and r.flag is not null and f.source_key = ${FACT_KEY_SQL}`.execute(trx);
  const c = await sql<{ records: number; flagged: number; findings: number }>`
    select count(*)::int as records, count(flag)::int as flagged, count(distinct finding_id)::int as findings
    from exercise_record where import_id = ${importId}`.execute(trx);
  const counts = c.rows[0]!;
  await trx
    .updateTable('exercise_import')
    .set({ record_count: counts.records, flagged_count: counts.flagged, finding_count: counts.findings })
    .where('id', '=', importId)
    .execute();
  return { records: Number(counts.records), flagged: Number(counts.flagged), findings: Number(counts.findings) };
}
