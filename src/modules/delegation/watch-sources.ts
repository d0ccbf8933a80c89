// The 明放暗不放 watch's other two sources (§13.5 不得以备案、核准…等形式变相审批, issue 13.6),
// read by the daily sweep: exercise records of a delegated power by the body that delegated it
// (exercise_record, imported by the exercise module: issue 12.4) and complaints or reports about
// the delegating body on that power (feedback, §15). Both read-only; each fact becomes one finding
// with the delegation (delegation_finding) and in supervision (an exercise record's finding is the
// one the import opened already).
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { raise } from './delegation.watch.js';

interface Delegated {
  adjustment_id: number;
  body_id: number;
  body_name: string;
  path: string;
  code: string;
  name: string;
}

/** The powers each body delegated by a published 下放 and still lists as 已下放. */
const delegatedPowers = sql`
  select a.id as adjustment_id, a.body_id, b.name as body_name, g.path, i.target_code as code, p.name,
    a.published_at
  from adjustment a
    join adjustment_item i on i.adjustment_id = a.id
    join body b on b.id = a.body_id join region g on g.code = b.region_code
    join power p on p.body_id = a.body_id and p.code = i.target_code and p.valid_to is null and p.status = 'delegated'
  where a.kind = 'delegate' and a.status = 'done' and a.published_at is not null`;

/** Exercise records in which the delegating body still exercises a power it handed down. */
export async function watchExercise(trx: Transaction<DB>, at: Date): Promise<number> {
  const r = await sql<Delegated & { n: number; first_on: string; first_id: string; finding_id: number | null }>`
    with d as (${delegatedPowers})
    select d.adjustment_id, d.body_id, d.body_name, d.path, d.code, d.name, count(*)::int as n,
      min(e.exercised_on)::text as first_on, min(e.id)::text as first_id, max(e.finding_id) as finding_id
    from d join exercise_record e on e.body_id = d.body_id and e.flag = 'retired'
      and (e.power_code = d.code or (e.power_code is null and e.power_name = d.name))
    group by d.adjustment_id, d.body_id, d.body_name, d.path, d.code, d.name`.execute(trx);
  let n = 0;
  for (const x of r.rows) {
    const detail = `${x.body_name}已将“${x.name}”（${x.code}）下放，行使记录显示其自${x.first_on}起仍办理该事项${x.n}件，可能构成“明放暗不放”（第十三条第5项）`;
    const added = await raise(
      trx,
      {
        kind: 'disguisedRetention',
        source: 'exercise',
        sourceRef: x.first_id,
        supervisionFindingId: x.finding_id,
        adjustmentId: x.adjustment_id,
        sourceAdjustmentId: null,
        bodyId: x.body_id,
        powerCode: x.code,
        detail,
        dedupeKey: `exercise:${x.adjustment_id}:${x.code}`,
      },
      { bodyId: x.body_id, regionPath: x.path },
      { actor: null, at },
    );
    if (added) n++;
  }
  return n;
}

/** Complaints and reports, received after the publication, about the delegating body on that power. */
export async function watchComplaints(trx: Transaction<DB>, at: Date): Promise<number> {
  const r = await sql<Delegated & { feedback_id: number; kind: string }>`
    with d as (${delegatedPowers})
    select d.adjustment_id, d.body_id, d.body_name, d.path, d.code, d.name, f.id as feedback_id, f.kind
    from d join feedback f on f.body_id = d.body_id and f.power_code = d.code
      and f.kind in ('complaint', 'report') and f.status not in ('moderation', 'rejected', 'merged')
      and f.received_at >= d.published_at
    order by f.id`.execute(trx);
  let n = 0;
  for (const x of r.rows) {
    const what = x.kind === 'report' ? '举报' : '投诉';
    const detail = `收到${what}（编号${x.feedback_id}），反映${x.body_name}对已下放事项“${x.name}”（${x.code}）仍在办理或设置审批环节，可能构成“明放暗不放”（第十三条第5项、第十五条）`;
    const added = await raise(
      trx,
      {
        kind: 'disguisedRetention',
        source: 'complaint',
        sourceRef: String(x.feedback_id),
        adjustmentId: x.adjustment_id,
        sourceAdjustmentId: null,
        bodyId: x.body_id,
        powerCode: x.code,
        detail,
        dedupeKey: `complaint:${x.feedback_id}:${x.code}`,
      },
      { bodyId: x.body_id, regionPath: x.path },
      { actor: null, at },
    );
    if (added) n++;
  }
  return n;
}
