// §13.1 放权部门在5个工作日内，通过自治区事项管理平台和全市权责清单管理平台调整本部门事项，确保各
// 平台与实际情况一致: the platform-update step (platformSync) is done by attaching a reconciliation
// that shows the application's changes present on the other side, not by a click alone. The
// changes are read from the register itself: the rows the application's published version added
// or closed (and the receiving body's, for a 下放/委托). A reconciliation proves them when it was
// made after the publication, over a scope holding those bodies at (or after) those versions,
// and lists no difference for any of those codes. The gate (registered at assembly through
// adjustments' step-gates.ts) refuses the step without one; nothing else changes.
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { canAttachPlatformSync } from '../../core/policies/index.js';
import type { StepId } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { readJsonb } from '../../platform/db.js';
import { findAdjustment, type AdjustmentRecord } from '../adjustments/adjustments.repo.js';
import { recordAudit } from '../audit/audit.repo.js';

type Db = Database | Transaction<DB>;
const refuse = (message: string) => new AppError('PLATFORM_NOT_RECONCILED', message);

/** The codes whose rows the application's publication added or closed, in its body and the receiving one. */
export async function changedCodes(db: Db, a: AdjustmentRecord): Promise<{ bodyId: number; code: string }[]> {
  const sides: [number, number][] = [];
  if (a.publishedVersion !== null) sides.push([a.bodyId, a.publishedVersion]);
  if (a.receivingBodyId !== null && a.receivingPublishedVersion !== null)
    sides.push([a.receivingBodyId, a.receivingPublishedVersion]);
  if (!sides.length) return [];
  const r = await sql<{ body_id: number; code: string }>`
    select distinct body_id, code from power
    where ${sql.join(
      sides.map(([b, v]) => sql`(body_id = ${b} and (valid_from = ${v} or valid_to = ${v}))`),
      sql` or `,
    )}
    order by body_id, code`.execute(db);
  return r.rows.map((x) => ({ bodyId: x.body_id, code: x.code }));
}

interface Side {
  bodyId: number;
  bodyName: string;
  version: number;
  codes: string[];
}

/** The lists the application's publication changed (`changed`: changedCodes): its body's and, for a 下放/委托, the receiving body's. */
function sidesOf(a: AdjustmentRecord, changed: { bodyId: number; code: string }[]): Side[] {
  const side = (bodyId: number, bodyName: string, version: number): Side => ({
    bodyId,
    bodyName,
    version,
    codes: changed.filter((c) => c.bodyId === bodyId).map((c) => c.code),
  });
  const sides = [side(a.bodyId, a.bodyName, a.publishedVersion!)];
  if (a.receivingBodyId !== null && a.receivingPublishedVersion !== null && a.receivingBodyId !== a.bodyId)
    sides.push(side(a.receivingBodyId, a.receivingBodyName ?? '承接部门', a.receivingPublishedVersion));
  return sides;
}

const kindWord = (d: { kind: string; field: string | null }) =>
  d.kind === 'missingThere' ? '自治区平台缺少' : d.kind === 'status' ? '状态不一致' : `${d.field ?? '要素'}不一致`;

/**
 * For each side, whether reconciliation `recId` proves it: null = not covered by it, '' = proved,
 * else why not. A reconciliation covers a side when made after the publication over a scope that
 * held the body at (or after) the published version.
 */
async function judge(db: Db, a: AdjustmentRecord, sides: Side[], recId: number): Promise<(string | null)[]> {
  const rec = await db.selectFrom('regional_reconciliation').selectAll().where('id', '=', recId).executeTakeFirst();
  if (!rec || new Date(rec.created_at) < new Date(a.publishedAt!)) return sides.map(() => null);
  const versions = readJsonb<Record<string, number>>(rec.versions);
  const out: (string | null)[] = [];
  for (const s of sides) {
    if ((versions[String(s.bodyId)] ?? 0) < s.version) {
      out.push(null);
      continue;
    }
    const open = s.codes.length
      ? await db
          .selectFrom('regional_reconciliation_diff')
          .select(['code', 'kind', 'field'])
          .where('reconciliation_id', '=', rec.id)
          .where('code', 'in', s.codes)
          .orderBy('code')
          .limit(5)
          .execute()
      : [];
    out.push(
      open.length
        ? `对账（${rec.id}号）显示${s.bodyName}本次调整的事项在自治区平台尚未一致：${open.map((d) => `${d.code}（${kindWord(d)}）`).join('、')}`
        : '',
    );
  }
  return out;
}

/** Why the attached reconciliations do not (yet) show the application's changes on the other side, or null. */
export async function syncProblem(db: Db, a: AdjustmentRecord, recIds: number[]): Promise<string | null> {
  if (a.publishedAt === null || a.publishedVersion === null) return '调整尚未公布，公布后再对账';
  const sides = sidesOf(a, await changedCodes(db, a));
  const verdicts = await Promise.all(recIds.map((r) => judge(db, a, sides, r)));
  for (const [i, s] of sides.entries()) {
    const mine = verdicts.map((v) => v[i]).filter((v): v is string => v !== null);
    if (mine.includes('')) continue;
    if (mine.length) return mine[0]!;
    return `尚无覆盖${s.bodyName}第${s.version}版清单（本调整公布后）的对账：请导入自治区事项管理平台的导出数据对账后附上`;
  }
  return null;
}

/** The step gate: platformSync needs attached reconciliations that (still) prove the changes. */
export async function platformSyncGate(trx: Transaction<DB>, a: AdjustmentRecord, step: StepId): Promise<void> {
  if (step !== 'platformSync') return;
  const attached = await trx
    .selectFrom('regional_platform_sync')
    .select('reconciliation_id')
    .where('adjustment_id', '=', a.id)
    .execute();
  // §13.1: 确保各平台与实际情况一致 — shown by a reconciliation, not asserted by a click
  if (!attached.length)
    throw refuse(
      '请先导入自治区事项管理平台的导出数据进行对账，并将显示本调整已在该平台一致的对账结果附于本申请（第十三条第一项：确保各平台与实际情况一致）',
    );
  const problem = await syncProblem(
    trx,
    a,
    attached.map((r) => r.reconciliation_id),
  );
  if (problem) throw refuse(problem);
}

/** Attach reconciliation `recId` to application `id` as its proof; refused (nothing written) unless it proves it. */
export async function attachReconciliation(
  db: Database,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  recId: number,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const a = await findAdjustment(trx, id);
    if (!a || !canAttachPlatformSync(actor, a)) throw notFound('调整申请');
    if (!a.openSteps.includes('platformSync'))
      throw new AppError('INVALID_STATE', '本申请当前不在“更新自治区事项管理平台和全市权责清单管理平台”步骤');
    if (a.publishedAt === null || a.publishedVersion === null) throw refuse('调整尚未公布，公布后再对账');
    // useful and clean: it covers a list the application changed, and shows those changes there
    const changed = await changedCodes(trx, a);
    const verdicts = await judge(trx, a, sidesOf(a, changed), recId);
    const problem = verdicts.find((v) => v);
    if (problem) throw refuse(problem);
    if (!verdicts.includes(''))
      throw refuse(
        `该对账（${recId}号）不包含本调整公布后的清单（早于公布，或不含${a.bodyName}${a.receivingBodyName ? `、${a.receivingBodyName}` : ''}），请对公布后的清单重新对账`,
      );
    await trx
      .insertInto('regional_platform_sync')
      .values({ adjustment_id: a.id, reconciliation_id: recId, attached_by: actor.userId, attached_at: at })
      .onConflict((oc) => oc.columns(['adjustment_id', 'reconciliation_id']).doNothing())
      .execute();
    await recordAudit(trx, {
      actor,
      role: actor.grants.some((g) => g.role === 'leadUnit' && g.bodyId === a.bodyId) ? 'leadUnit' : 'clerk',
      bodyId: a.bodyId,
      action: 'regionalPlatform.syncAttached',
      objectType: 'adjustment',
      objectId: a.id,
      after: { reconciliationId: recId, codes: changed.map((c) => c.code) },
      meta,
      at,
    });
  });
}
