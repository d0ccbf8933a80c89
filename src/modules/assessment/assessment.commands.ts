// The office adjusts a body's score (§5: the office assesses) only with a reason; the computed score
// and every earlier adjustment are kept (append-only), and the change is audited in the same transaction.
import type { RankingResult } from '../../contract/assessment.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { notFound, forbidden } from '../../core/errors.js';
import { canAdjustAssessment, canViewAssessment } from '../../core/policies/assessment.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { findBody } from '../bodies/bodies.repo.js';

export async function adjustScore(
  db: Database,
  actor: Actor,
  bodyId: number,
  input: { year: number; score: number; reason: string },
  meta: RequestMeta,
  at: Date,
): Promise<void> {
  const body = await findBody(db, bodyId);
  if (!body || !canViewAssessment(actor, body)) throw notFound('机构');
  // §5: the office of the body's own level assesses it; the body itself never adjusts its score
  if (!canAdjustAssessment(actor, body)) throw forbidden('只有本级协调小组办公室可以调整考核得分');
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('assessment_adjustment')
      .values({
        body_id: bodyId,
        year: input.year,
        score: input.score,
        reason: input.reason,
        adjusted_by: actor.userId,
        adjusted_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId,
      action: 'assessment.adjusted',
      objectType: 'assessmentAdjustment',
      objectId: row.id,
      after: input,
      meta,
      at,
    });
  });
}

/**
 * An export of a level's results for the 绩效考核部门 (§5, §16 ¶1) leaves the platform: who took
 * which level and year, in which format, is audited (issue 12, flaw c). `result` is the ranking the
 * actor was allowed to read (ranking() refuses outside scope).
 */
export async function recordExport(
  db: Database,
  actor: Actor,
  result: Pick<RankingResult, 'level' | 'year' | 'rows'>,
  format: 'xlsx' | 'docx',
  meta: RequestMeta,
  at: Date,
): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor,
      action: 'assessment.exported',
      objectType: 'assessmentRanking',
      objectId: `${result.level.code}:${result.year}`,
      after: { format, level: result.level.code, year: result.year, bodies: result.rows.length },
      meta,
      at,
    }),
  );
}
