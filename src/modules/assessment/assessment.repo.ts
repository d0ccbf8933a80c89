// The facts of the performance assessment (§5, §16 ¶1) for every body of a level at once: one
// set-based query (an aggregate per source, joined on the body), never a query per body.
// A year is a Beijing calendar year; a 旗县区 level includes the 苏木乡镇·街道 bodies it serves (§18).
import { sql } from 'kysely';
import type { PerformanceReviewFacts } from '../../core/assessment/score.js';
import type { Db } from '../../platform/db.js';

export interface BodyFactsRow {
  bodyId: number;
  bodyName: string;
  regionName: string;
  facts: PerformanceReviewFacts;
  /** the office's adjustment in force, if any */
  adjusted: { score: number; reason: string; by: string; at: Date } | null;
}

/** Offices are not 职权行使机构: they assess, they are not assessed. */
const NOT_ASSESSED = ['coordination', 'government'];

// the 'answer' actions of a step (as the yearly report counts them) by the body's own roles
const ANSWERS = ['complete', 'return', 'reject'];
const BODY_ROLES = ['clerk', 'leadUnit', 'receiver'];

type Raw = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

/** Every body of the level (or one body of it), with its facts for the year. */
export async function levelFacts(
  db: Db,
  levelPath: string,
  year: number,
  onlyBodyId?: number,
): Promise<BodyFactsRow[]> {
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const withTownships = levelPath.split('/').length === 2;
  const inYear = (col: string) => sql`${sql.ref(col)} >= ${from} and ${sql.ref(col)} < ${to}`;
  const { rows } = await sql<Raw>`
    with bodies as (
      select b.id, b.name, r.name as region_name, r.path
      from body b join region r on r.code = b.region_code
      where (r.path = ${levelPath} or (${withTownships} and r.path like ${`${levelPath}/%`}))
        and coalesce(b.office, '') not in (${sql.join(NOT_ASSESSED)})
        and (${onlyBodyId ?? null}::int is null or b.id = ${onlyBodyId ?? null}::int)
    ),
    filing as (
      select a.body_id, count(*) as of, count(*) filter (where not a.late) as done
      from adjustment a where a.body_id in (select id from bodies) and ${inYear('a.first_submitted_at')}
      group by a.body_id
    ),
    steps as (
      select a.body_id, count(*) as of, count(*) filter (where s.on_time) as done
      from adjustment_step_record s join adjustment a on a.id = s.adjustment_id
      where a.body_id in (select id from bodies) and ${inYear('s.at')} and s.on_time is not null
        and s.step is not null and s.action in (${sql.join(ANSWERS)}) and s.actor_role in (${sql.join(BODY_ROLES)})
      group by a.body_id
    ),
    findings as (
      select body_id,
        count(*) filter (where kind = 'late') as late,
        count(*) filter (where kind = 'delayed') as delayed,
        count(*) filter (where kind = 'missing') as missing,
        count(*) filter (where kind not in ('late', 'delayed', 'missing')) as other
      from finding where body_id in (select id from bodies) and status <> 'dismissed' and ${inYear('opened_at')}
      group by body_id
    ),
    orders as (
      select body_id,
        count(*) filter (where status = 'accepted') as accepted,
        count(*) filter (where status in ('rejected', 'missed')) as failed
      from rectification_order where body_id in (select id from bodies) and ${inYear('issued_at')}
      group by body_id
    ),
    complaints as (
      select body_id, count(*) as n from feedback
      where body_id in (select id from bodies) and kind in ('complaint', 'report')
        and outcome in ('substantiated', 'partlySubstantiated') and ${inYear('answered_at')}
      group by body_id
    ),
    reprimands as (
      select body_id, count(*) as n from public_reprimand
      where body_id in (select id from bodies) and status = 'published' and ${inYear('published_at')}
      group by body_id
    ),
    dispositions as (
      select a.body_id, count(*) as of, count(*) filter (where cc.disposition is not null) as done
      from consultation_comment cc
        join consultation c on c.id = cc.consultation_id
        join adjustment a on a.id = c.adjustment_id
      where a.body_id in (select id from bodies) and c.status = 'closed' and cc.hidden_at is null
        and c.closes_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
      group by a.body_id
    ),
    adjusted as (
      select distinct on (x.body_id) x.body_id, x.score, x.reason, x.adjusted_at, u.display_name
      from assessment_adjustment x join app_user u on u.id = x.adjusted_by
      where x.year = ${year} and x.body_id in (select id from bodies)
      order by x.body_id, x.id desc
    )
    select b.id, b.name, b.region_name,
      f.of as filing_of, f.done as filing_done, st.of as steps_of, st.done as steps_done,
      fi.late, fi.delayed, fi.missing, fi.other, o.accepted, o.failed, c.n as complaints, rp.n as reprimands,
      d.of as disp_of, d.done as disp_done,
      ad.score as adj_score, ad.reason as adj_reason, ad.adjusted_at as adj_at, ad.display_name as adj_by
    from bodies b
      left join filing f on f.body_id = b.id
      left join steps st on st.body_id = b.id
      left join findings fi on fi.body_id = b.id
      left join orders o on o.body_id = b.id
      left join complaints c on c.body_id = b.id
      left join reprimands rp on rp.body_id = b.id
      left join dispositions d on d.body_id = b.id
      left join adjusted ad on ad.body_id = b.id
    order by b.path, b.id
  `.execute(db);
  return rows.map((r) => ({
    bodyId: n(r.id),
    bodyName: String(r.name),
    regionName: String(r.region_name),
    facts: {
      filingOnTimeRate: { kind: 'rate', done: n(r.filing_done), of: n(r.filing_of) },
      stepOnTimeRate: { kind: 'rate', done: n(r.steps_done), of: n(r.steps_of) },
      lateFindings: { kind: 'count', n: n(r.late) },
      delayedFindings: { kind: 'count', n: n(r.delayed) },
      missingFindings: { kind: 'count', n: n(r.missing) },
      otherFindings: { kind: 'count', n: n(r.other) },
      rectificationsAccepted: { kind: 'count', n: n(r.accepted) },
      rectificationsFailed: { kind: 'count', n: n(r.failed) },
      complaintsSubstantiated: { kind: 'count', n: n(r.complaints) },
      reprimands: { kind: 'count', n: n(r.reprimands) },
      dispositionRate: { kind: 'rate', done: n(r.disp_done), of: n(r.disp_of) },
    },
    adjusted:
      r.adj_score == null
        ? null
        : {
            score: n(r.adj_score),
            reason: String(r.adj_reason),
            by: String(r.adj_by),
            at: r.adj_at instanceof Date ? r.adj_at : new Date(String(r.adj_at)),
          },
  }));
}

/** Every adjustment of one body's score for a year, oldest first (the original score is computed). */
export const adjustmentHistory = (db: Db, bodyId: number, year: number) =>
  db
    .selectFrom('assessment_adjustment as x')
    .innerJoin('app_user as u', 'u.id', 'x.adjusted_by')
    .select(['x.id', 'x.score', 'x.reason', 'x.adjusted_at', 'u.display_name'])
    .where('x.body_id', '=', bodyId)
    .where('x.year', '=', year)
    .orderBy('x.id')
    .execute();
