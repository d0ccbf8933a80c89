// What the performance assessment (§5, §16 ¶1: 绩效考核部门应当将权责清单实施情况纳入……绩效考核)
// counts from supervision, per body and year (Beijing time).
import { sql } from 'kysely';
import type { Db } from '../../platform/db.js';

export interface SupervisionFacts {
  /** findings opened in the year, by kind */
  findings: Record<string, number>;
  /** orders issued in the year that ended accepted */
  rectified: number;
  /** orders issued in the year that ended rejected or unreported past their period */
  failedRectifications: number;
  /** 通报批评 published in the year */
  reprimands: number;
}

const inYear = (col: string, year: number) =>
  sql<boolean>`extract(year from ${sql.ref(col)} at time zone 'Asia/Shanghai') = ${year}`;

export async function supervisionFacts(db: Db, bodyId: number, year: number): Promise<SupervisionFacts> {
  const kinds = await db
    .selectFrom('finding')
    .select(['kind', sql<number>`count(*)::int`.as('n')])
    .where('body_id', '=', bodyId)
    .where('status', '!=', 'dismissed')
    .where(inYear('opened_at', year))
    .groupBy('kind')
    .execute();
  const orders = await db
    .selectFrom('rectification_order')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('body_id', '=', bodyId)
    .where(inYear('issued_at', year))
    .groupBy('status')
    .execute();
  const rep = await db
    .selectFrom('public_reprimand')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('body_id', '=', bodyId)
    .where('status', '=', 'published')
    .where(inYear('published_at', year))
    .executeTakeFirstOrThrow();
  const count = (s: string[]) => orders.filter((o) => s.includes(o.status)).reduce((t, o) => t + Number(o.n), 0);
  return {
    findings: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)])),
    rectified: count(['accepted']),
    failedRectifications: count(['rejected', 'missed']),
    reprimands: Number(rep.n),
  };
}
