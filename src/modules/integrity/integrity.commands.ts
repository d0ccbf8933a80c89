// §15 ¶3: closing the publishing site (by the monitor on a mismatch, or by the office) and
// reopening it (the office only, with its reason). Each is one transaction with its audit row.
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { canGuardPortal } from '../../core/policies/index.js';
import type { Mismatch } from '../../contract/integrity.js';
import type { AppDeps } from '../../platform/deps.js';
import { recordAudit } from '../audit/audit.repo.js';
import { closureState } from './closure.js';
import { insertClosure, markReopened } from './integrity.repo.js';

function guard(actor: Actor) {
  // §15 ¶3: 协调小组办公室应暂时关闭网站 — the city's office, nobody else
  if (!canGuardPortal(actor)) throw new AppError('FORBIDDEN', '只有市协调小组办公室可以关闭或重新开放权责清单发布网站');
}

/** The office closes the portal. Closing a closed portal is refused (the first reason stands). */
export async function closePortal(deps: AppDeps, actor: Actor, reason: string, meta?: RequestMeta) {
  guard(actor);
  const at = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertClosure(trx, { at, by: actor.userId, source: 'office', reason });
    if (id === null) throw new AppError('INVALID_STATE', '网站已处于关闭状态');
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      action: 'portal.closed',
      objectType: 'portal_closure',
      objectId: id,
      after: { source: 'office', reason },
      meta,
      at,
    });
    return id;
  });
  closureState(deps).forget();
  return id;
}

/** The monitor closes the portal on a mismatch; null when it was closed already. */
export async function closeOnMismatch(deps: AppDeps, reason: string, mismatches: readonly Mismatch[]) {
  const at = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertClosure(trx, { at, by: null, source: 'monitor', reason });
    if (id === null) return null;
    await recordAudit(trx, {
      actor: null,
      action: 'portal.closed',
      objectType: 'portal_closure',
      objectId: id,
      // what differed, so the audit trail shows why (the first ones; the run keeps them all)
      after: { source: 'monitor', reason, mismatches: mismatches.slice(0, 20) },
      at,
    });
    return id;
  });
  closureState(deps).forget();
  return id;
}

/** Only the office reopens, with its reason. */
export async function reopenPortal(deps: AppDeps, actor: Actor, reason: string, meta?: RequestMeta) {
  guard(actor);
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const closed = await markReopened(trx, at, actor.userId, reason);
    if (!closed) throw new AppError('INVALID_STATE', '网站未关闭，无需重新开放');
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      action: 'portal.reopened',
      objectType: 'portal_closure',
      objectId: closed.id,
      before: { source: closed.source, reason: closed.reason, closedAt: closed.closed_at },
      after: { reopenReason: reason },
      meta,
      at,
    });
  });
  closureState(deps).forget();
}
