// The delegation watch (§13.5, §16): after a power is handed down, the platform looks for the
// delegating body keeping hold of it (明放暗不放: a 备案, 核准 or approval step of its own on the
// delegated matter) and for a handover whose date passed with the checklist incomplete. Each hit
// is a finding for the coordination office: kept with the delegation in delegation_finding
// (idempotent per fact), opened in supervision (openFinding, where 督促整改 follows) and put in the
// office's inbox.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { FINDING_LABELS, type FindingKind } from '../../contract/delegation.js';
import { disguisedRetention, handoverComplete } from '../../core/policies/delegation.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadItems, type AdjustmentRecord } from '../adjustments/adjustments.repo.js';
import { notify, peopleFor } from '../adjustments/inbox.repo.js';
import { openFinding } from '../supervision/supervision.commands.js';
import { delegatedBy, handoverOf } from './delegation.repo.js';

export interface NewFinding {
  kind: FindingKind;
  /** 0087: where the watch heard it (default: a later application) */
  source?: 'application' | 'exercise' | 'complaint';
  sourceRef?: string | null;
  /** a supervision finding already open for the fact (the exercise import opens its own) */
  supervisionFindingId?: number | null;
  adjustmentId: number;
  sourceAdjustmentId: number | null;
  bodyId: number;
  powerCode: string | null;
  detail: string;
  dedupeKey: string;
}

/** Record one finding (once per fact), its audit row and the office's notice; true when new. */
export async function raise(
  trx: Transaction<DB>,
  f: NewFinding,
  office: { bodyId: number; regionPath: string },
  ctx: { actor: Actor | null; meta?: RequestMeta; at: Date },
): Promise<boolean> {
  const row = await trx
    .insertInto('delegation_finding')
    .values({
      kind: f.kind,
      adjustment_id: f.adjustmentId,
      source_adjustment_id: f.sourceAdjustmentId,
      body_id: f.bodyId,
      power_code: f.powerCode,
      detail: f.detail,
      dedupe_key: f.dedupeKey,
      detected_at: ctx.at,
      source: f.source ?? 'application',
      source_ref: f.sourceRef ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  // §16 督促整改: the office's finding, where its rectification is ordered and followed (unless
  // the source opened one for the same fact already)
  if (!f.supervisionFindingId)
    await openFinding(trx, {
      bodyId: f.bodyId,
      kind: f.kind === 'disguisedRetention' ? 'disguisedRetention' : 'delegationObligation',
      source: f.source === 'complaint' ? 'feedback' : 'sweep',
      description: f.detail,
      adjustmentId: f.sourceAdjustmentId ?? f.adjustmentId,
      powerCode: f.powerCode,
      factDate: todayInBeijing(ctx.at),
      sourceKey: `delegation:${f.dedupeKey}`,
      actor: ctx.actor,
      meta: ctx.meta,
      at: ctx.at,
    });
  await recordAudit(trx, {
    actor: ctx.actor,
    bodyId: f.bodyId,
    action: 'delegation.findingRaised',
    objectType: 'adjustment',
    objectId: f.adjustmentId,
    after: {
      findingId: row.id,
      kind: f.kind,
      source: f.source ?? 'application',
      powerCode: f.powerCode,
      detail: f.detail,
    },
    meta: ctx.meta,
    at: ctx.at,
  });
  const people = await peopleFor(trx, ['coordinator'], office);
  await notify(
    trx,
    people.map((p) => ({
      userId: p.userId,
      kind: 'notice' as const,
      adjustmentId: f.adjustmentId,
      title: `督查线索：${FINDING_LABELS[f.kind]}`,
      body: f.detail,
      dedupeKey: `finding:${row.id}`,
    })),
    ctx.at,
  );
  return true;
}

/**
 * §13.5 不得以备案、核准…等形式变相审批: a submitted application of a body that has handed powers
 * down, proposing a filing, ratification or approval step of its own on one of those matters.
 */
export async function watchDisguisedRetention(
  trx: Transaction<DB>,
  a: AdjustmentRecord,
  ctx: { actor: Actor; meta: RequestMeta; at: Date },
): Promise<number> {
  if (a.kind === 'delegate' || a.kind === 'entrust' || a.kind === 'takeBack' || a.kind === 'cancel') return 0;
  const delegated = (await delegatedBy(trx, a.bodyId)).filter((d) => d.adjustmentId !== a.id);
  if (!delegated.length) return 0;
  const proposed = (await loadItems(trx, a.id)).flatMap((i) => (i.proposed ? [i.proposed] : []));
  let n = 0;
  for (const hit of disguisedRetention(delegated, proposed)) {
    const detail = `${a.bodyName}在调整申请“${a.title}”中拟设“${hit.proposed.name}”，涉及已下放事项“${hit.delegated.name}”（${hit.delegated.code}），可能构成以备案、核准等形式变相审批（第十三条第5项：防止出现“明放暗不放”）`;
    const added = await raise(
      trx,
      {
        kind: 'disguisedRetention',
        adjustmentId: hit.delegated.adjustmentId,
        sourceAdjustmentId: a.id,
        bodyId: a.bodyId,
        powerCode: hit.delegated.code,
        detail,
        dedupeKey: `disguisedRetention:${a.id}:${hit.delegated.code}:${hit.proposed.name}`,
      },
      a,
      ctx,
    );
    if (added) n++;
  }
  return n;
}

/**
 * §13.5 确定时间结点…防止出现监管真空: each handover whose date has passed without every checklist
 * item handed over and confirmed becomes a finding (run by the daily sweep).
 */
export async function sweepMissedHandovers(trx: Transaction<DB>, at: Date): Promise<number> {
  const today = todayInBeijing(at);
  const plans = await trx
    .selectFrom('delegation_handover as h')
    .innerJoin('adjustment as a', 'a.id', 'h.adjustment_id')
    .innerJoin('body as b', 'b.id', 'a.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(['a.id', 'a.title', 'a.body_id', 'b.name', 'r.path'])
    .where('h.handover_on', '<', today)
    .where('a.status', 'in', ['open', 'done'])
    .execute();
  let n = 0;
  for (const p of plans) {
    const h = (await handoverOf(trx, p.id))!;
    if (handoverComplete(h.items)) continue;
    const detail = `${p.name}“${p.title}”确定的移交时间结点 ${h.handoverOn} 已过，办理权限、信息数据、政策依据、办理卷宗尚未全部移交并经承接部门确认（第十三条第5项）`;
    const added = await raise(
      trx,
      {
        kind: 'handoverMissed',
        adjustmentId: p.id,
        sourceAdjustmentId: null,
        bodyId: p.body_id,
        powerCode: null,
        detail,
        dedupeKey: `handoverMissed:${p.id}:${h.handoverOn}`,
      },
      { bodyId: p.body_id, regionPath: p.path },
      { actor: null, at },
    );
    if (added) n++;
  }
  return n;
}
