// What the portal reads: regions, bodies, published versions and the powers in them.
// Only published content (power_list_version and the temporal power/duty rows); drafts never.
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import { rowToPower, type PublishedPower } from '../register/power-rows.js';

export interface BodyInfo {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string;
  regionLevel: number;
  parentRegion: { code: string; name: string } | null;
}

export interface VersionInfo {
  version: number;
  publishedAt: Date;
  effectiveDate: string;
  digest: string;
  powerCount: number;
  sourceType: string;
  sourceId: number | null;
  rulebookId: string;
  note: string | null;
}

export async function regionsWithCounts(db: Database) {
  return db
    .selectFrom('region as r')
    .leftJoin('body as b', 'b.region_code', 'r.code')
    .select(['r.code', 'r.name', 'r.level', (eb) => eb.fn.count<number>('b.id').as('bodies')])
    .where('r.level', '<=', 2)
    .groupBy(['r.code', 'r.name', 'r.level', 'r.path'])
    .orderBy('r.path')
    .execute();
}

export async function regionPage(db: Database, code: string) {
  const region = await db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
  if (!region) return undefined;
  const [bodies, children, parent] = await Promise.all([
    db
      .selectFrom('body as b')
      .select([
        'b.id',
        'b.name',
        'b.kind',
        (eb) =>
          eb
            .selectFrom('power_list_version as v')
            .whereRef('v.body_id', '=', 'b.id')
            .select(sql<number>`max(v.version)`.as('m'))
            .as('version'),
      ])
      .where('b.region_code', '=', code)
      .orderBy('b.seq')
      .execute(),
    db.selectFrom('region').select(['code', 'name', 'kind']).where('parent_code', '=', code).orderBy('code').execute(),
    region.parent_code
      ? db.selectFrom('region').select(['code', 'name']).where('code', '=', region.parent_code).executeTakeFirst()
      : undefined,
  ]);
  return { region, bodies, children, parent };
}

/** A body and its current version in one round trip (every body page starts here). */
export async function bodyHead(
  db: Database,
  id: number,
): Promise<{ body: BodyInfo; latest: VersionInfo | undefined } | undefined> {
  const r = await sql<BodyInfo & { parentCode: string | null; parentName: string | null; v: VersionInfo | null }>`
    select b.id, b.name, b.kind, r.code as "regionCode", r.name as "regionName", r.level as "regionLevel",
           pr.code as "parentCode", pr.name as "parentName",
           (select json_build_object('version', v.version, 'publishedAt', v.published_at, 'effectiveDate', v.effective_date::text,
                   'digest', v.digest, 'powerCount', v.power_count, 'sourceType', v.source_type, 'sourceId', v.source_id,
                   'rulebookId', v.rulebook_id, 'note', v.note)
              from power_list_version v where v.body_id = b.id order by v.version desc limit 1) as v
    from body b join region r on r.code = b.region_code left join region pr on pr.code = r.parent_code
    where b.id = ${id}`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  const { parentCode, parentName, v, ...rest } = row;
  const latest = v ? { ...v, publishedAt: new Date(v.publishedAt) } : undefined;
  return {
    body: { ...rest, parentRegion: parentCode && parentName ? { code: parentCode, name: parentName } : null },
    latest,
  };
}

const versionColumns = sql<VersionInfo>`version, published_at as "publishedAt", effective_date::text as "effectiveDate", digest,
  power_count as "powerCount", source_type as "sourceType", source_id as "sourceId", rulebook_id as "rulebookId", note`;

export async function listVersions(db: Database, bodyId: number): Promise<VersionInfo[]> {
  const r =
    await sql<VersionInfo>`select ${versionColumns} from power_list_version where body_id = ${bodyId} order by version desc`.execute(
      db,
    );
  return r.rows;
}

export type VersionSelector = { current: true } | { version: number } | { date: string };

/** The version a page shows: current, a numbered one, or the one in force on a Beijing date. */
export async function findVersion(
  db: Database,
  bodyId: number,
  sel: VersionSelector,
): Promise<VersionInfo | undefined> {
  const cond =
    'version' in sel
      ? sql`and version = ${sel.version}`
      : 'date' in sel
        ? sql`and effective_date <= ${sel.date}::date`
        : sql``;
  const r =
    await sql<VersionInfo>`select ${versionColumns} from power_list_version where body_id = ${bodyId} ${cond} order by version desc limit 1`.execute(
      db,
    );
  return r.rows[0];
}

const inVersion = (v: number) => sql`valid_from <= ${v} and (valid_to is null or valid_to > ${v})`;

export async function powersIn(db: Database, bodyId: number, version: number): Promise<PublishedPower[]> {
  const r = await sql<Parameters<typeof rowToPower>[0]>`
    select id, code, parent_code, name, category, responsible_subject, implementing_agency, legal_bases, responsibilities,
           accountability_cases, accountability_basis, remarks, status, predecessor_codes, links
    from power where body_id = ${bodyId} and ${inVersion(version)} order by ord, code`.execute(db);
  return r.rows.map(rowToPower);
}

export async function dutiesIn(db: Database, bodyId: number, version: number) {
  const r = await sql<{ name: string; content: string }>`
    select name, content from duty where body_id = ${bodyId} and ${inVersion(version)} order by ord, id`.execute(db);
  return r.rows;
}

export async function powerIn(
  db: Database,
  bodyId: number,
  code: string,
  version: number,
): Promise<PublishedPower | undefined> {
  const r = await sql<Parameters<typeof rowToPower>[0]>`
    select id, code, parent_code, name, category, responsible_subject, implementing_agency, legal_bases, responsibilities,
           accountability_cases, accountability_basis, remarks, status, predecessor_codes, links
    from power where body_id = ${bodyId} and code = ${code} and ${inVersion(version)}`.execute(db);
  return r.rows[0] ? rowToPower(r.rows[0]) : undefined;
}

/** The versions in which this code's content was (re)published: one entry per stored row. */
export async function powerHistory(db: Database, bodyId: number, code: string) {
  const r = await sql<{ validFrom: number; validTo: number | null; name: string }>`
    select valid_from as "validFrom", valid_to as "validTo", name from power where body_id = ${bodyId} and code = ${code} order by valid_from`.execute(
    db,
  );
  return r.rows;
}

/** The 子项 of a 主项 in a version (code scheme: same 主项 code, non-zero 子项 number). */
export async function subItemsIn(db: Database, bodyId: number, parentCode: string, version: number) {
  const r = await sql<{ code: string; name: string; status: string }>`
    select code, name, status from power where body_id = ${bodyId} and parent_code = ${parentCode} and ${inVersion(version)} order by ord, code`.execute(
    db,
  );
  return r.rows;
}

/** The newest publication of all: a cheap generation number for caching search pages. */
export async function latestPublicationId(db: Database): Promise<number> {
  const r = await sql<{ m: number | null }>`select max(id) as m from power_list_version`.execute(db);
  return Number(r.rows[0]?.m ?? 0);
}

/** Every body with a published list, and its current version (the open data index). */
export async function publishedBodies(db: Database) {
  const rows = await sql<{ id: number; name: string; region: string; level: number; version: number; digest: string }>`
      select b.id, b.name, r.name as region, r.level, v.version, v.digest
      from body b join region r on r.code = b.region_code
      join lateral (select version, digest from power_list_version where body_id = b.id order by version desc limit 1) v on true
      order by r.path, b.seq`.execute(db);
  return rows.rows;
}

/** The audit chain's daily anchors, newest first (the /audit-anchor page). */
export const latestAnchors = (db: Database, days: number) =>
  db
    .selectFrom('audit_anchor')
    .select(['day', 'at', 'head_seq', 'row_count', 'head_digest', 'key_id'])
    .orderBy('day', 'desc')
    .limit(days)
    .execute();
