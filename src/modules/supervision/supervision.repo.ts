// Reading findings, rectification orders and 通报批评, always within what the actor may see
// (§16: the office of a level sees its level and those under it; a body sees its own).
import { sql } from 'kysely';
import type { FindingKind, FindingStatus, OrderStatus } from '../../contract/supervision.js';
import type { Actor } from '../../core/actor.js';
import { scopesOf, staffedBodies } from '../../core/policies/index.js';
import type { Db } from '../../platform/db.js';

export interface BodyRow {
  id: number;
  name: string;
  regionPath: string;
  regionName: string;
  office: string | null;
}

export async function findBody(db: Db, id: number): Promise<BodyRow | undefined> {
  const r = await db
    .selectFrom('body as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(['b.id', 'b.name', 'r.path', 'r.name as region_name', 'b.office'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, name: r.name, regionPath: r.path, regionName: r.region_name, office: r.office };
}

/**
 * The SQL twin of canViewSupervision: the actor's own bodies, and the regions their office roles
 * reach. Every query below joins finding as f and region as r.
 */
function visibleTo(actor: Actor) {
  const bodies = staffedBodies(actor);
  const scopes = scopesOf(actor, 'coordinator');
  const parts = [
    ...(bodies.length ? [sql`f.body_id in (${sql.join(bodies)})`] : []),
    ...scopes.map((s) => sql`(r.path = ${s} or r.path like ${`${s}/%`})`),
  ];
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` or `)})` : sql<boolean>`false`;
}

function findingQuery(db: Db) {
  return db
    .selectFrom('finding as f')
    .innerJoin('body as b', 'b.id', 'f.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .leftJoin('app_user as u', 'u.id', 'f.opened_by')
    .select([
      'f.id',
      'f.body_id',
      'b.name as body_name',
      'r.name as region_name',
      'r.path as region_path',
      'f.kind',
      'f.source',
      'f.adjustment_id',
      'f.feedback_id',
      'f.power_code',
      'f.description',
      'f.fact_date',
      'f.status',
      'f.opened_at',
      'u.display_name as opened_by_name',
      'f.closed_at',
      'f.close_reason',
    ]);
}
type FindingRaw = Awaited<ReturnType<ReturnType<typeof findingQuery>['executeTakeFirstOrThrow']>>;

function presentFinding(r: FindingRaw) {
  return {
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    regionName: r.region_name,
    regionPath: r.region_path,
    kind: r.kind as FindingKind,
    source: r.source,
    adjustmentId: r.adjustment_id,
    feedbackId: r.feedback_id,
    powerCode: r.power_code,
    description: r.description,
    factDate: r.fact_date,
    status: r.status as FindingStatus,
    openedAt: r.opened_at,
    openedByName: r.opened_by_name,
    closedAt: r.closed_at,
    closeReason: r.close_reason,
  };
}
export type FindingRecord = ReturnType<typeof presentFinding>;

export async function findFinding(db: Db, id: number): Promise<FindingRecord | undefined> {
  const r = await findingQuery(db).where('f.id', '=', id).executeTakeFirst();
  return r && presentFinding(r);
}

export interface FindingFilter {
  status?: FindingStatus;
  kind?: FindingKind;
  bodyId?: number;
}

export async function listFindings(db: Db, actor: Actor, f: FindingFilter): Promise<FindingRecord[]> {
  let q = findingQuery(db).where(visibleTo(actor));
  if (f.status) q = q.where('f.status', '=', f.status);
  if (f.kind) q = q.where('f.kind', '=', f.kind);
  if (f.bodyId) q = q.where('f.body_id', '=', f.bodyId);
  const rows = await q.orderBy('f.opened_at', 'desc').orderBy('f.id', 'desc').limit(500).execute();
  return rows.map(presentFinding);
}

function orderQuery(db: Db) {
  return db
    .selectFrom('rectification_order as o')
    .innerJoin('finding as f', 'f.id', 'o.finding_id')
    .innerJoin('body as b', 'b.id', 'o.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .innerJoin('app_user as iu', 'iu.id', 'o.issued_by')
    .leftJoin('app_user as ru', 'ru.id', 'o.reported_by')
    .leftJoin('app_user as du', 'du.id', 'o.decided_by')
    .select([
      'o.id',
      'o.finding_id',
      'f.kind as finding_kind',
      'o.body_id',
      'b.name as body_name',
      'r.path as region_path',
      'o.requirement',
      'o.due_on',
      'o.due_provisional',
      'o.due_citation',
      'o.status',
      'o.issued_at',
      'iu.display_name as issued_by_name',
      'o.report_text',
      'o.reported_at',
      'ru.display_name as reported_by_name',
      'o.decided_at',
      'du.display_name as decided_by_name',
      'o.decision_note',
    ]);
}

async function withEvidence(db: Db, rows: Awaited<ReturnType<ReturnType<typeof orderQuery>['execute']>>) {
  const ids = rows.map((r) => r.id);
  const files = ids.length
    ? await db
        .selectFrom('rectification_evidence')
        .select(['id', 'order_id', 'filename', 'media_type', 'size_bytes', 'sm3'])
        .where('order_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    findingId: r.finding_id,
    findingKind: r.finding_kind as FindingKind,
    bodyId: r.body_id,
    bodyName: r.body_name,
    regionPath: r.region_path,
    requirement: r.requirement,
    dueOn: r.due_on,
    dueProvisional: r.due_provisional,
    dueCitation: r.due_citation,
    status: r.status as OrderStatus,
    issuedAt: r.issued_at,
    issuedByName: r.issued_by_name,
    reportText: r.report_text,
    reportedAt: r.reported_at,
    reportedByName: r.reported_by_name,
    decidedAt: r.decided_at,
    decidedByName: r.decided_by_name,
    decisionNote: r.decision_note,
    evidence: files
      .filter((f) => f.order_id === r.id)
      .map((f) => ({ id: f.id, filename: f.filename, mediaType: f.media_type, sizeBytes: f.size_bytes, sm3: f.sm3 })),
  }));
}
export type OrderRecord = Awaited<ReturnType<typeof withEvidence>>[number];

export async function findOrder(db: Db, id: number): Promise<OrderRecord | undefined> {
  return (await withEvidence(db, await orderQuery(db).where('o.id', '=', id).execute()))[0];
}

export async function ordersOfFinding(db: Db, findingId: number): Promise<OrderRecord[]> {
  return withEvidence(db, await orderQuery(db).where('o.finding_id', '=', findingId).orderBy('o.id').execute());
}

export async function listOrders(db: Db, actor: Actor, status?: OrderStatus): Promise<OrderRecord[]> {
  let q = orderQuery(db).where(visibleTo(actor));
  if (status) q = q.where('o.status', '=', status);
  return withEvidence(db, await q.orderBy('o.due_on').orderBy('o.id').limit(500).execute());
}

function reprimandQuery(db: Db) {
  return db
    .selectFrom('public_reprimand as p')
    .innerJoin('finding as f', 'f.id', 'p.finding_id')
    .innerJoin('body as b', 'b.id', 'p.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .innerJoin('app_user as du', 'du.id', 'p.drafted_by')
    .leftJoin('app_user as au', 'au.id', 'p.approved_by')
    .select([
      'p.id',
      'p.finding_id',
      'p.body_id',
      'b.name as body_name',
      'r.path as region_path',
      'r.name as region_name',
      'p.title',
      'p.text',
      'p.status',
      'p.drafted_at',
      'p.drafted_by',
      'du.display_name as drafted_by_name',
      'p.approved_at',
      'au.display_name as approved_by_name',
      'p.published_at',
    ]);
}
type ReprimandRaw = Awaited<ReturnType<ReturnType<typeof reprimandQuery>['executeTakeFirstOrThrow']>>;
const presentReprimand = (r: ReprimandRaw) => ({
  id: r.id,
  findingId: r.finding_id,
  bodyId: r.body_id,
  bodyName: r.body_name,
  regionPath: r.region_path,
  regionName: r.region_name,
  title: r.title,
  text: r.text,
  status: r.status,
  draftedAt: r.drafted_at,
  draftedBy: r.drafted_by,
  draftedByName: r.drafted_by_name,
  approvedAt: r.approved_at,
  approvedByName: r.approved_by_name,
  publishedAt: r.published_at,
});
export type ReprimandRecord = ReturnType<typeof presentReprimand>;

export async function findReprimand(db: Db, id: number): Promise<ReprimandRecord | undefined> {
  const r = await reprimandQuery(db).where('p.id', '=', id).executeTakeFirst();
  return r && presentReprimand(r);
}

export async function reprimandOfFinding(db: Db, findingId: number): Promise<ReprimandRecord | null> {
  const r = await reprimandQuery(db).where('p.finding_id', '=', findingId).executeTakeFirst();
  return r ? presentReprimand(r) : null;
}

export async function listReprimands(db: Db, actor: Actor): Promise<ReprimandRecord[]> {
  const rows = await reprimandQuery(db).where(visibleTo(actor)).orderBy('p.drafted_at', 'desc').limit(500).execute();
  return rows.map(presentReprimand);
}

/** The portal's list: published notices only, newest first. */
export async function publishedReprimands(db: Db): Promise<ReprimandRecord[]> {
  const rows = await reprimandQuery(db)
    .where('p.status', '=', 'published')
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map(presentReprimand);
}
