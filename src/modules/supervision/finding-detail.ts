// A finding as the workspace shows it: its orders, its 通报批评 and what the actor may do next.
import type { Actor } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import { canReportRectification, canSuperviseBody, canViewSupervision } from '../../core/policies/supervision.js';
import type { Db } from '../../platform/db.js';
import { findFinding, ordersOfFinding, reprimandOfFinding } from './supervision.repo.js';

/** A finding with its orders, its 通报批评 and what the actor may do next (the server checks again). */
export async function findingDetail(db: Db, actor: Actor, id: number) {
  const f = await findFinding(db, id);
  const ref = f && { id: f.bodyId, regionPath: f.regionPath };
  if (!f || !ref || !canViewSupervision(actor, ref)) throw notFound('督查发现');
  const orders = await ordersOfFinding(db, f.id);
  const reprimand = await reprimandOfFinding(db, f.id);
  const office = canSuperviseBody(actor, ref);
  const last = orders.at(-1);
  return {
    ...f,
    orders,
    reprimand,
    can: {
      issueOrder: office && f.status === 'open',
      dismiss: office && f.status === 'open',
      decide: office && last?.status === 'reported',
      report: canReportRectification(actor, ref) && last?.status === 'issued',
      draftReprimand: office && f.status === 'escalated' && !reprimand,
      approveReprimand: office && reprimand?.status === 'draft' && reprimand.draftedBy !== actor.userId,
      publishReprimand: office && reprimand?.status === 'approved',
    },
  };
}
