// What ties a portal page to the rest of the site: the consultations open on a body's list or
// on one power (§12), the powers other bodies entrusted to a body (§13), the bodies a power's
// links name, the powers that replaced one (merge, split: spec §2), and the application and
// approving document behind each version (§13: 经本级人民政府审定).
import { sql } from 'kysely';
import type { IsoDate } from '../../core/calendar/index.js';
import type { Database } from '../../db/connect.js';

export interface OpenConsultation {
  id: number;
  title: string;
  opensOn: string;
  closesOn: string;
  bodyId: number;
  bodyName: string;
}

/** Consultations not yet over on `today` (open or announced): all, or those changing a body's list
 *  (its own applications and delegations it would receive), or one of its powers. */
export async function openConsultations(
  db: Database,
  today: IsoDate,
  f: { bodyId?: number; code?: string } = {},
): Promise<OpenConsultation[]> {
  const r = await sql<OpenConsultation>`
    select c.id, a.title, c.opens_on::text as "opensOn", c.closes_on::text as "closesOn", b.id as "bodyId", b.name as "bodyName"
    from consultation c join adjustment a on a.id = c.adjustment_id join body b on b.id = a.body_id
    where c.status = 'open' and c.closes_on >= ${today}::date
      ${f.bodyId && !f.code ? sql`and (a.body_id = ${f.bodyId} or a.receiving_body_id = ${f.bodyId})` : sql``}
      ${f.bodyId && f.code ? sql`and a.body_id = ${f.bodyId} and exists (select 1 from adjustment_item i where i.adjustment_id = a.id and i.target_code = ${f.code})` : sql``}
    order by c.closes_on, c.id`.execute(db);
  return r.rows;
}

export interface EntrustedIn {
  bodyId: number;
  bodyName: string;
  code: string;
  name: string;
}

/** §13: powers other bodies have entrusted to this one and still list as 已委托 (through the
 *  published entrust applications, so no scan of every body's rows). */
export async function entrustedIn(db: Database, bodyId: number): Promise<EntrustedIn[]> {
  const r = await sql<EntrustedIn>`
    select distinct p.body_id as "bodyId", b.name as "bodyName", p.code, p.name
    from adjustment a join adjustment_item i on i.adjustment_id = a.id
      join power p on p.body_id = a.body_id and p.code = i.target_code and p.valid_to is null
      join body b on b.id = a.body_id
    where a.kind = 'entrust' and a.status = 'done' and a.receiving_body_id = ${bodyId} and p.status = 'entrusted'
      and p.links @> jsonb_build_array(jsonb_build_object('direction', 'entrustedTo', 'bodyId', ${bodyId}::int))
    order by b.name, p.code`.execute(db);
  return r.rows;
}

export async function bodyNames(db: Database, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('body')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The powers of a version that name `code` among their predecessors (merged into, split into). */
export async function successorsIn(db: Database, bodyId: number, code: string, version: number) {
  const r = await sql<{ code: string; name: string }>`
    select code, name from power where body_id = ${bodyId} and valid_from <= ${version} and (valid_to is null or valid_to > ${version})
      and predecessor_codes @> ${JSON.stringify([code])}::jsonb order by ord, code`.execute(db);
  return r.rows;
}

export interface VersionSource {
  version: number;
  title: string;
  kind: string;
  documentNumber: string | null;
  approvedAt: Date | null;
  consultationId: number | null;
  /** the version was the receiving body's side of another body's delegation */
  fromBodyId: number | null;
  fromBodyName: string | null;
}

/** For each version published by an application: that application and its approving document. */
export async function versionSources(db: Database, bodyId: number): Promise<Map<number, VersionSource>> {
  const r = await sql<VersionSource>`
    select v.version, a.title, a.kind, a.normative_document_number as "documentNumber", a.approved_at as "approvedAt",
           (select max(c.id) from consultation c where c.adjustment_id = a.id and c.status <> 'cancelled') as "consultationId",
           case when a.body_id <> v.body_id then a.body_id end as "fromBodyId", case when a.body_id <> v.body_id then b.name end as "fromBodyName"
    from power_list_version v join adjustment a on a.id = v.source_id join body b on b.id = a.body_id
    where v.body_id = ${bodyId} and v.source_type = 'adjustment'`.execute(db);
  return new Map(r.rows.map((x) => [x.version, { ...x, approvedAt: x.approvedAt ? new Date(x.approvedAt) : null }]));
}
