// Entering, correcting and removing a year's holiday arrangement (spec §5): the city's system
// administrator, previewed first (nothing changes), then confirmed in one transaction with its
// audit row (overlay.ts confirmPlan). The shipped years themselves are never rewritten.
import type { OverlayBody } from '../../contract/calendar.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { forbidden } from '../../core/errors.js';
import { canConfigureInstallation, installationGrant } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import { confirmPlan, planOverlay, planRemoval } from './overlay.js';

interface Ctx {
  actor: Actor;
  meta: RequestMeta;
  at: Date;
}
interface Confirmation {
  reason: string;
  confirm: boolean;
  previewDigest?: string;
}

function confirmContext({ actor, meta, at }: Ctx) {
  if (!canConfigureInstallation(actor)) throw forbidden('只有市级系统管理员可以录入或更正节假日安排');
  return { actor, bodyId: installationGrant(actor)?.bodyId, meta, at };
}

/** A year's notice entered, or a shipped year corrected, as an overlay: the plan, or the plan carried out. */
export async function setOverlay(db: Database, year: number, body: OverlayBody & Confirmation, ctx: Ctx) {
  const c = confirmContext(ctx);
  const { confirm, previewDigest, reason, holidays, makeupWorkdays, source } = body;
  const entry = { year, holidays, makeupWorkdays, source };
  if (!confirm) return { ...(await planOverlay(db, entry, reason)), applied: false };
  return db.transaction().execute((trx) => confirmPlan(trx, (d) => planOverlay(d, entry, reason), previewDigest, c));
}

/** An entered year removed, the shipped data (or none) restored: the plan, or the plan carried out. */
export async function removeOverlay(db: Database, year: number, body: Confirmation, ctx: Ctx) {
  const c = confirmContext(ctx);
  const { confirm, previewDigest, reason } = body;
  if (!confirm) return { ...(await planRemoval(db, year, reason)), applied: false };
  return db.transaction().execute((trx) => confirmPlan(trx, (d) => planRemoval(d, year, reason), previewDigest, c));
}
