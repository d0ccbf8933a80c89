// 通报批评 (§16 ¶2: 对不按要求整改的，由协调小组办公室对其进行通报批评): drafted by the office on a
// finding whose rectification failed, approved by another office user (nobody approves their
// own), then published on the portal. One transaction each, audited in it.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import {
  canSuperviseBody,
  canViewSupervision,
  mayApproveReprimand,
  mayDraftReprimand,
  mayPublishReprimand,
} from '../../core/policies/supervision.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { lockedFinding } from './supervision.commands.js';
import { findReprimand, reprimandOfFinding, type ReprimandRecord } from './supervision.repo.js';

export async function draftReprimand(
  db: Database,
  actor: Actor,
  findingId: number,
  input: { title: string; text: string },
  meta: RequestMeta,
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const f = await lockedFinding(trx, actor, findingId);
    const v = mayDraftReprimand(f.status, (await reprimandOfFinding(trx, f.id)) !== null);
    if (!v.ok) throw new AppError(v.code, v.message);
    const r = await trx
      .insertInto('public_reprimand')
      .values({
        finding_id: f.id,
        body_id: f.bodyId,
        title: input.title,
        text: input.text,
        drafted_at: at,
        drafted_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: f.bodyId,
      action: 'supervision.reprimandDrafted',
      objectType: 'publicReprimand',
      objectId: r.id,
      after: { findingId: f.id, title: input.title },
      meta,
      at,
    });
    return r.id;
  });
}

async function lockedReprimand(trx: Transaction<DB>, actor: Actor, id: number): Promise<ReprimandRecord> {
  await trx.selectFrom('public_reprimand').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const r = await findReprimand(trx, id);
  const ref = r && { id: r.bodyId, regionPath: r.regionPath };
  if (!r || !ref || !canViewSupervision(actor, ref)) throw notFound('通报批评');
  if (!canSuperviseBody(actor, ref))
    throw new AppError('FORBIDDEN', '只有该机构所在层级的协调小组办公室可以审核或公布通报批评');
  return r;
}

export async function approveReprimand(db: Database, actor: Actor, id: number, meta: RequestMeta, at: Date) {
  await db.transaction().execute(async (trx) => {
    const r = await lockedReprimand(trx, actor, id);
    const v = mayApproveReprimand(r.status, r.draftedBy, actor.userId);
    if (!v.ok) throw new AppError(v.code, v.message);
    await trx
      .updateTable('public_reprimand')
      .set({ status: 'approved', approved_at: at, approved_by: actor.userId })
      .where('id', '=', r.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: r.bodyId,
      action: 'supervision.reprimandApproved',
      objectType: 'publicReprimand',
      objectId: r.id,
      before: { status: r.status, draftedBy: r.draftedBy },
      after: { status: 'approved' },
      meta,
      at,
    });
  });
}

export async function publishReprimand(db: Database, actor: Actor, id: number, meta: RequestMeta, at: Date) {
  await db.transaction().execute(async (trx) => {
    const r = await lockedReprimand(trx, actor, id);
    const v = mayPublishReprimand(r.status);
    if (!v.ok) throw new AppError(v.code, v.message);
    await trx
      .updateTable('public_reprimand')
      .set({ status: 'published', published_at: at, published_by: actor.userId })
      .where('id', '=', r.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: r.bodyId,
      action: 'supervision.reprimandPublished',
      objectType: 'publicReprimand',
      objectId: r.id,
      before: { status: r.status },
      after: { status: 'published', title: r.title },
      meta,
      at,
    });
  });
}
