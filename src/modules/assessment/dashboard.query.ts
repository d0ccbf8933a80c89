// The office's dashboard (issue 12 item 5): a level's year at a glance — applications, on-time steps,
// open and overdue items, consultations, complaints, findings and rectifications, assessment scores.
// A fixed number of queries whatever the number of bodies: each is one aggregate over the level.
import { sql } from 'kysely';
import { FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '../../contract/feedback.js';
import {
  FINDING_KIND_LABELS,
  ORDER_STATUS_LABELS,
  type FindingKind,
  type OrderStatus,
} from '../../contract/supervision.js';
import type { Actor } from '../../core/actor.js';
import { scoreFacts } from '../../core/assessment/score.js';
import { notFound } from '../../core/errors.js';
import { ADJUSTMENT_KINDS, getRulebook, stepsFor } from '../../core/rulebook/index.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import type { Db } from '../../platform/db.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import { levelFacts } from './assessment.repo.js';
import { visibleLevel } from './assessment.query.js';

type Raw = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);
const ANSWERS = ['complete', 'return', 'reject'];

export async function dashboard(db: Db, actor: Actor, q: { level: string; year: number; bodyId?: number }, now: Date) {
  const level = await visibleLevel(db, actor, q.level);
  const rb = getRulebook(await currentRulebookId(db));
  const scored = (await levelFacts(db, level.path, q.year)).map((b) => ({
    id: b.bodyId,
    name: b.bodyName,
    score: b.adjusted?.score ?? scoreFacts(rb.assessment, b.facts).score,
  }));
  // a body filter names one body of the level, else 404 (no hint about bodies elsewhere)
  if (q.bodyId && !scored.some((b) => b.id === q.bodyId)) throw notFound('机构');
  const ids = q.bodyId ? [q.bodyId] : scored.map((b) => b.id);
  if (!ids.length) ids.push(-1);
  const from = new Date(`${q.year}-01-01T00:00:00+08:00`);
  const to = new Date(`${q.year + 1}-01-01T00:00:00+08:00`);
  const inYear = (col: string) => sql`${sql.ref(col)} >= ${from} and ${sql.ref(col)} < ${to}`;
  const bodies = sql.join(ids);
  const today = todayInBeijing(now);

  const [apps, steps, open, consult, complaints, findings, orders] = await Promise.all([
    sql<Raw>`select extract(month from a.first_submitted_at at time zone 'Asia/Shanghai')::int as month, a.kind,
        b.name as body_name, count(*) as n
      from adjustment a join body b on b.id = a.body_id
      where a.body_id in (${bodies}) and ${inYear('a.first_submitted_at')}
      group by 1, 2, 3`.execute(db),
    sql<Raw>`select s.step, count(*) as total, count(*) filter (where s.on_time) as on_time
      from adjustment_step_record s join adjustment a on a.id = s.adjustment_id
      where a.body_id in (${bodies}) and ${inYear('s.at')} and s.step is not null and s.on_time is not null
        and s.action in (${sql.join(ANSWERS)})
      group by s.step`.execute(db),
    // what is open now (not of the year): the office's to-do list
    sql<Raw>`select
        (select count(*) from adjustment where body_id in (${bodies}) and status = 'open') as in_procedure,
        (select count(*) from adjustment where body_id in (${bodies}) and status = 'due') as due,
        (select count(*) from adjustment where body_id in (${bodies}) and status = 'due' and filing_due < ${today}::date) as overdue_filing,
        (select count(*) from rectification_order where body_id in (${bodies}) and status in ('issued', 'reported')) as rectifying,
        (select count(*) from rectification_order where body_id in (${bodies}) and status = 'issued' and due_on < ${today}::date) as overdue_rectification,
        (select count(*) from feedback where body_id in (${bodies}) and status in ('open', 'assigned')) as feedback_open`.execute(
      db,
    ),
    sql<Raw>`select count(distinct c.id) as consultations, count(cc.id) as comments,
        count(cc.id) filter (where cc.disposition = 'adopted') as adopted,
        count(cc.id) filter (where cc.disposition = 'partlyAdopted') as partly,
        count(cc.id) filter (where cc.disposition = 'notAdopted') as not_adopted,
        count(cc.id) filter (where cc.id is not null and cc.disposition is null and cc.hidden_at is null) as undisposed
      from consultation c join adjustment a on a.id = c.adjustment_id
        left join consultation_comment cc on cc.consultation_id = c.id
      where a.body_id in (${bodies}) and c.opens_on between ${`${q.year}-01-01`}::date and ${`${q.year}-12-31`}::date`.execute(
      db,
    ),
    sql<Raw>`select status, count(*) as n from feedback
      where body_id in (${bodies}) and ${inYear('received_at')} group by status`.execute(db),
    sql<Raw>`select kind, count(*) as n from finding
      where body_id in (${bodies}) and status <> 'dismissed' and ${inYear('opened_at')} group by kind`.execute(db),
    sql<Raw>`select status, count(*) as n from rectification_order
      where body_id in (${bodies}) and ${inYear('issued_at')} group by status`.execute(db),
  ]);

  const kindLabel = new Map(rb.adjustmentKinds.map((k) => [k.kind as string, k.label]));
  const stepLabel = new Map(ADJUSTMENT_KINDS.flatMap((k) => stepsFor(rb, k).map((s) => [s.id as string, s.label])));
  const byBody = new Map<string, number>();
  for (const a of apps.rows) byBody.set(String(a.body_name), (byBody.get(String(a.body_name)) ?? 0) + n(a.n));
  const o = open.rows[0] ?? {};
  const c = consult.rows[0] ?? {};
  return {
    level: { code: level.code, name: level.name },
    year: q.year,
    bodies: scored.map((b) => ({ id: b.id, name: b.name })),
    applicationsByMonth: apps.rows
      .reduce<{ month: number; kind: string; n: number }[]>((acc, a) => {
        const kind = kindLabel.get(String(a.kind)) ?? String(a.kind);
        const hit = acc.find((x) => x.month === n(a.month) && x.kind === kind);
        if (hit) hit.n += n(a.n);
        else acc.push({ month: n(a.month), kind, n: n(a.n) });
        return acc;
      }, [])
      .sort((x, y) => x.month - y.month || x.kind.localeCompare(y.kind)),
    applicationsByBody: [...byBody].map(([bodyName, k]) => ({ bodyName, n: k })).sort((x, y) => y.n - x.n),
    stepOnTime: steps.rows.map((s) => ({
      step: stepLabel.get(String(s.step)) ?? String(s.step),
      onTime: n(s.on_time),
      total: n(s.total),
    })),
    openItems: [
      { key: 'inProcedure', label: '办理中的调整申请', n: n(o.in_procedure) },
      { key: 'due', label: '应报未报的调整事项', n: n(o.due) },
      { key: 'overdueFiling', label: '其中已超过报送期限', n: n(o.overdue_filing) },
      { key: 'rectifying', label: '整改中的整改通知', n: n(o.rectifying) },
      { key: 'overdueRectification', label: '其中已超过整改期限', n: n(o.overdue_rectification) },
      { key: 'feedbackOpen', label: '待答复的意见、投诉和举报', n: n(o.feedback_open) },
    ],
    consultations: [
      { key: 'consultations', label: '公开征求意见（次）', n: n(c.consultations) },
      { key: 'comments', label: '收到意见（条）', n: n(c.comments) },
      { key: 'adopted', label: '采纳', n: n(c.adopted) },
      { key: 'partlyAdopted', label: '部分采纳', n: n(c.partly) },
      { key: 'notAdopted', label: '不予采纳', n: n(c.not_adopted) },
      { key: 'undisposed', label: '待处理', n: n(c.undisposed) },
    ],
    complaints: complaints.rows.map((r) => ({
      key: String(r.status),
      label: FEEDBACK_STATUS_LABELS[r.status as FeedbackStatus] ?? String(r.status),
      n: n(r.n),
    })),
    supervision: [
      ...findings.rows.map((r) => ({
        key: `finding.${r.kind}`,
        label: FINDING_KIND_LABELS[r.kind as FindingKind]?.label.replace(/（.*$/, '') ?? String(r.kind),
        n: n(r.n),
      })),
      ...orders.rows.map((r) => ({
        key: `order.${r.status}`,
        label: `整改通知：${ORDER_STATUS_LABELS[r.status as OrderStatus] ?? String(r.status)}`,
        n: n(r.n),
      })),
    ],
    scores: (q.bodyId ? scored.filter((b) => b.id === q.bodyId) : scored)
      .map((b) => ({ bodyName: b.name, score: b.score }))
      .sort((x, y) => y.score - x.score),
  };
}
