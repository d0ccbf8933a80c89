// Findings (督查发现, §14 ¶2, §16, §17): opened by the sweep, by the office, or by a complaint
// found true (§15, the feedback module calls openFinding); dismissed by the office with a reason.
// Each command is one transaction with its audit row in it.
import type { Transaction } from 'kysely';
import { FINDING_KIND_LABELS, type FindingKind, type OpenFindingBody } from '../../contract/supervision.js';
import type { Actor, RequestMeta, Role } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { canSuperviseBody, canViewSupervision, factKey, mayDismiss } from '../../core/policies/supervision.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import type { SweepContext, SweepFact } from '../adjustments/sweep-hooks.js';
import { findBody, findFinding } from './supervision.repo.js';

export interface NewFinding {
  bodyId: number;
  kind: FindingKind;
  source: 'sweep' | 'office' | 'feedback' | 'exercise';
  description: string;
  adjustmentId?: number | null;
  /** §15: the complaint or report found true (查实) that opens it */
  feedbackId?: number | null;
  powerCode?: string | null;
  factDate?: string | null;
  /** the fact's identity; a second finding for the same key is not opened (null: none) */
  sourceKey?: string | null;
  actor?: Actor | null;
  role?: Role | null;
  meta?: RequestMeta;
  at: Date;
}

/**
 * Open one finding inside the caller's transaction, audited there. Idempotent per fact: when
 * sourceKey (or, from a complaint, `feedback:<id>`) already has a finding, nothing is written and
 * `created` is false. The feedback module calls this when a 投诉/举报 is found true (§15, §16).
 */
export async function openFinding(trx: Transaction<DB>, f: NewFinding): Promise<{ id: number; created: boolean }> {
  const key = f.sourceKey ?? (f.feedbackId ? `feedback:${f.feedbackId}` : null);
  const row = await trx
    .insertInto('finding')
    .values({
      body_id: f.bodyId,
      kind: f.kind,
      source: f.source,
      source_key: key,
      adjustment_id: f.adjustmentId ?? null,
      feedback_id: f.feedbackId ?? null,
      power_code: f.powerCode ?? null,
      description: f.description,
      fact_date: f.factDate ?? null,
      opened_at: f.at,
      opened_by: f.actor?.userId ?? null,
    })
    .onConflict((oc) => oc.column('source_key').where('source_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const old = await trx.selectFrom('finding').select('id').where('source_key', '=', key!).executeTakeFirstOrThrow();
    return { id: old.id, created: false };
  }
  await recordAudit(trx, {
    actor: f.actor ?? null,
    role: f.role ?? null,
    bodyId: f.bodyId,
    action: 'supervision.findingOpened',
    objectType: 'finding',
    objectId: row.id,
    after: {
      kind: f.kind,
      source: f.source,
      adjustmentId: f.adjustmentId ?? null,
      feedbackId: f.feedbackId ?? null,
      sourceKey: key,
    },
    meta: f.meta,
    at: f.at,
  });
  return { id: row.id, created: true };
}

const FACT_WORDS: Record<SweepFact['kind'], (f: SweepFact) => string> = {
  late: (f) => `调整申请“${f.title}”超过报送期限（${f.dueOn}）后才报送。`,
  missing: (f) => `调整申请“${f.title}”报送期限（${f.dueOn}）已过，仍未报送。`,
  delayed: (f) => `调整申请“${f.title}”的“${f.stepLabel ?? f.step}”环节超过办理期限（${f.dueOn}）仍未办理。`,
};

/** The sweep's listener (registered at assembly): each 迟报/缓报/漏报 fact opens its finding once. */
export async function openSweepFindings(
  trx: Transaction<DB>,
  facts: readonly SweepFact[],
  ctx: SweepContext,
): Promise<number> {
  let created = 0;
  for (const fact of facts) {
    const r = await openFinding(trx, {
      bodyId: fact.bodyId,
      kind: fact.kind,
      source: 'sweep',
      description: FACT_WORDS[fact.kind](fact),
      adjustmentId: fact.adjustmentId,
      factDate: fact.dueOn,
      sourceKey: factKey({ ...fact }),
      at: ctx.now,
    });
    if (r.created) created++;
  }
  return created;
}

/** §16: the office opens a finding about a body of its level. */
export async function openFindingByOffice(
  db: Database,
  actor: Actor,
  input: OpenFindingBody,
  meta: RequestMeta,
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const body = await findBody(trx, input.bodyId);
    if (!body || !canViewSupervision(actor, body)) throw notFound('机构');
    if (!canSuperviseBody(actor, body))
      throw new AppError('FORBIDDEN', '只有该机构所在层级的协调小组办公室可以开立督查发现');
    if (body.office)
      throw new AppError('VALIDATION_FAILED', '督查对象应为职权行使机构，不能是协调小组办公室等牵头部门');
    if (input.kind === 'noLeadUnit')
      throw new AppError('VALIDATION_FAILED', '未明确牵头机构的情形请通过“检查牵头机构”开立');
    if (input.adjustmentId) {
      const a = await trx
        .selectFrom('adjustment')
        .select('body_id')
        .where('id', '=', input.adjustmentId)
        .executeTakeFirst();
      if (!a || a.body_id !== body.id)
        throw new AppError('VALIDATION_FAILED', '所指调整申请不存在或不属于该机构', [
          { field: 'adjustmentId', message: '调整申请不属于该机构' },
        ]);
    }
    const sourceKey = factKey({ kind: input.kind, adjustmentId: input.adjustmentId, bodyId: body.id });
    const r = await openFinding(trx, {
      ...input,
      source: 'office',
      sourceKey,
      actor,
      role: 'coordinator',
      meta,
      at,
    });
    if (!r.created)
      throw new AppError('CONFLICT', `该事实已有督查发现（编号 ${r.id}）：${FINDING_KIND_LABELS[input.kind].label}`);
    return r.id;
  });
}

/** A finding not borne out is closed with the office's reason, before any order is issued. */
export async function dismissFinding(
  db: Database,
  actor: Actor,
  id: number,
  reason: string,
  meta: RequestMeta,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const f = await lockedFinding(trx, actor, id);
    const v = mayDismiss(f.status);
    if (!v.ok) throw new AppError(v.code, v.message);
    await trx
      .updateTable('finding')
      .set({ status: 'dismissed', closed_at: at, closed_by: actor.userId, close_reason: reason })
      .where('id', '=', f.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: f.bodyId,
      action: 'supervision.findingDismissed',
      objectType: 'finding',
      objectId: f.id,
      before: { status: f.status },
      after: { status: 'dismissed', reason },
      meta,
      at,
    });
  });
}

/** The finding locked for a change by the office of its body's level (404 outside view, 403 view-only). */
export async function lockedFinding(trx: Transaction<DB>, actor: Actor, id: number) {
  await trx.selectFrom('finding').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const f = await findFinding(trx, id);
  const ref = f && { id: f.bodyId, regionPath: f.regionPath };
  if (!f || !ref || !canViewSupervision(actor, ref)) throw notFound('督查发现');
  if (!canSuperviseBody(actor, ref))
    throw new AppError('FORBIDDEN', '只有该机构所在层级的协调小组办公室可以办理此督查发现');
  return f;
}
