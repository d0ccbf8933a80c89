// Reads of opinions, complaints and reports (§15). Scope is applied in SQL for lists and by the
// pure policy (core/policies/feedback.ts) for one row; the contact stays encrypted here.
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor.js';
import type { FeedbackRef } from '../../core/policies/index.js';
import { scopesOf, staffedBodies } from '../../core/policies/index.js';
import type { FeedbackListQuery } from '../../contract/feedback.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/db.js';

const base = (db: Db) =>
  db
    .selectFrom('feedback as f')
    .innerJoin('body as b', 'b.id', 'f.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .innerJoin('body as o', 'o.id', 'f.office_body_id')
    .leftJoin('app_user as h', 'h.id', 'f.handler_id')
    .select([
      'f.id',
      'f.receipt_code as receiptCode',
      'f.kind',
      'f.channel',
      'f.status',
      'f.body_id as bodyId',
      'b.name as bodyName',
      'r.path as regionPath',
      'f.power_code as powerCode',
      'f.power_name as powerName',
      'f.routed_to as routedTo',
      'f.office_body_id as officeBodyId',
      'o.name as officeName',
      'f.content',
      'f.received_at as receivedAt',
      'f.due_on as dueOn',
      'f.rulebook_id as rulebookId',
      'f.handler_id as handlerId',
      'h.display_name as handlerName',
      'f.contact_enc as contactEnc',
      'f.answer',
      'f.reasoning',
      'f.outcome',
      'f.answered_at as answeredAt',
      'f.merged_into as mergedInto',
      'f.decision_reason as decisionReason',
      'f.adjustment_id as adjustmentId',
      'f.finding_id as findingId',
    ]);

export type FeedbackRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export const refOf = (r: FeedbackRow): FeedbackRef => ({
  kind: r.kind,
  status: r.status,
  bodyId: r.bodyId,
  regionPath: r.regionPath,
  routedTo: r.routedTo,
  officeBodyId: r.officeBodyId,
  handlerId: r.handlerId,
  powerCode: r.powerCode,
  outcome: r.outcome,
  adjustmentId: r.adjustmentId,
});

export const findFeedback = (db: Db, id: number) => base(db).where('f.id', '=', id).executeTakeFirst();

/** Lock the row for a state change (the caller then re-reads it with findFeedback). */
export async function lockFeedback(trx: Transaction<DB>, id: number) {
  await trx.selectFrom('feedback').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return findFeedback(trx, id);
}

export const findByReceipt = (db: Db, code: string) => base(db).where('f.receipt_code', '=', code).executeTakeFirst();

/** What the actor may see: offices their level and below, a body the opinions routed to it. */
export async function listFeedback(db: Db, actor: Actor, q: FeedbackListQuery) {
  const offices = scopesOf(actor, 'coordinator');
  const bodies = staffedBodies(actor);
  if (!offices.length && !bodies.length) return [];
  let query = base(db).where((eb) => {
    const ors = offices.flatMap((p) => [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)]);
    if (bodies.length)
      ors.push(
        eb.and([
          eb('f.routed_to', '=', 'body'),
          eb('f.body_id', 'in', bodies),
          eb('f.status', 'not in', ['moderation', 'rejected']),
        ]),
      );
    return eb.or(ors);
  });
  if (q.status) query = query.where('f.status', '=', q.status);
  if (q.kind) query = query.where('f.kind', '=', q.kind);
  return query.orderBy('f.received_at', 'desc').orderBy('f.id', 'desc').limit(500).execute();
}

/** People who may be made handler: active accounts holding a role at the body. */
export async function handlersAt(db: Db, bodyId: number) {
  return db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select(['u.id', 'u.display_name as name'])
    .where('ur.body_id', '=', bodyId)
    .where('u.disabled', '=', false)
    .where('ur.role', 'in', ['coordinator', 'clerk', 'leadUnit'])
    .distinct()
    .orderBy('u.id')
    .execute();
}

/** The duplicates merged into this one. */
export const mergedInto = (db: Db, id: number) =>
  db
    .selectFrom('feedback')
    .select(['id', 'receipt_code as receiptCode'])
    .where('merged_into', '=', id)
    .orderBy('id')
    .execute();

export const attachmentsOf = (db: Db, id: number) =>
  db
    .selectFrom('feedback_attachment')
    .select(['id', 'filename', 'size'])
    .where('feedback_id', '=', id)
    .orderBy('id')
    .execute();

/** A power of the body's current list, by code (the pre-filled "about" of a portal link). */
export async function currentPower(db: Db, bodyId: number, code: string) {
  return db
    .selectFrom('power')
    .select(['code', 'name'])
    .where('body_id', '=', bodyId)
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** A body the public may write about: a power-exercising body (not an office of the government). */
export async function bodyWithOffice(db: Db, bodyId: number) {
  const body = await db
    .selectFrom('body as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(['b.id', 'b.name', 'r.path as regionPath'])
    .where('b.id', '=', bodyId)
    .executeTakeFirst();
  if (!body) return undefined;
  // §15: the coordination office of the body's level (§18: a township's is its 旗县区's)
  const levelCode = body.regionPath.split('/').slice(0, 2).pop()!;
  const office = await db
    .selectFrom('body')
    .select(['id', 'name'])
    .where('region_code', '=', levelCode)
    .where('office', '=', 'coordination')
    .orderBy('id')
    .executeTakeFirst();
  return office ? { ...body, office } : undefined;
}

/** Bodies the public form lists, by region. */
export const publicBodies = (db: Db) =>
  db
    .selectFrom('body as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(['b.id', 'b.name', 'r.name as regionName'])
    .where('b.office', 'is', null)
    .orderBy('r.path')
    .orderBy('b.seq')
    .execute();

/** Web submissions from one client address in the last hour (anti-abuse). */
export async function recentFromClient(db: Db, clientKey: string, since: Date) {
  const r = await db
    .selectFrom('feedback')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('client_key', '=', clientKey)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
