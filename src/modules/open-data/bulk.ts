// Bulk downloads of a level or of the whole city (issue 14.3, §15 ¶2): every body's current list in
// one JSON Lines or CSV file, streamed one body at a time (memory holds one body's list, never the
// city's). The versions are fixed when the request starts (the manifest), so the file matches the
// digest sent with it even if a body publishes meanwhile.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { canonicalJson } from '../../core/canonical-json.js';
import type { Database } from '../../db/connect.js';
import { CSV_HEADER, csvCell, csvCells, publicPower } from '../portal/open-data.js';
import { rowToPower, type PublishedPower } from '../register/power-rows.js';

export interface BulkBody {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  level: number;
  version: number;
  publishedAt: Date;
  digest: string;
  powerCount: number;
  rulebookId: string;
}

/** Every body of the level (null: the whole city) with its current version, in the portal's order. */
export async function bulkBodies(db: Database, level: number | null): Promise<BulkBody[]> {
  const r = await sql<BulkBody>`
    select b.id, b.name, r.code as "regionCode", r.name as "regionName", r.level, v.version,
           v.published_at as "publishedAt", v.digest, v.power_count as "powerCount", v.rulebook_id as "rulebookId"
    from body b join region r on r.code = b.region_code
    join lateral (select * from power_list_version where body_id = b.id order by version desc limit 1) v on true
    where ${level === null ? sql`true` : sql`r.level = ${level}`}
    order by r.path, b.seq, b.id`.execute(db);
  return r.rows.map((b) => ({ ...b, publishedAt: new Date(b.publishedAt) }));
}

/**
 * The publication digest of a bulk file: SM3 over the canonical JSON of [{bodyId, version, digest}]
 * ordered by body id. Each body's digest is SM3 of its list, so the file is checked body by body.
 */
export function bulkDigest(bodies: readonly BulkBody[]): string {
  const parts = [...bodies]
    .sort((a, b) => a.id - b.id)
    .map((b) => ({ bodyId: b.id, version: b.version, digest: b.digest }));
  return createHash('sm3').update(canonicalJson(parts), 'utf8').digest('hex');
}

export const lastPublished = (bodies: readonly BulkBody[]): Date | null =>
  bodies.reduce<Date | null>((m, b) => (!m || b.publishedAt > m ? b.publishedAt : m), null);

/** bodies read per query: few round trips, memory bounded by one batch of lists */
const BATCH = 40;

/** The lists of the bodies, a batch of bodies per query, in the bodies' order and each list's own. */
async function* listsOf(db: Database, bodies: readonly BulkBody[]): AsyncGenerator<[BulkBody, PublishedPower[]]> {
  for (let i = 0; i < bodies.length; i += BATCH) {
    const part = bodies.slice(i, i + BATCH);
    const r = await sql<Parameters<typeof rowToPower>[0] & { body_id: number }>`
      select p.id, p.body_id, p.code, p.parent_code, p.name, p.category, p.responsible_subject, p.implementing_agency,
             p.legal_bases, p.responsibilities, p.accountability_cases, p.accountability_basis, p.remarks, p.status,
             p.predecessor_codes, p.links
      from unnest(${sql.val(part.map((b) => b.id))}::int[], ${sql.val(part.map((b) => b.version))}::int[]) as s(body_id, v)
      join power p on p.body_id = s.body_id and p.valid_from <= s.v and (p.valid_to is null or p.valid_to > s.v)
      order by p.body_id, p.ord, p.code`.execute(db);
    const byBody = new Map<number, PublishedPower[]>();
    for (const row of r.rows) {
      const list = byBody.get(row.body_id) ?? [];
      list.push(rowToPower(row));
      byBody.set(row.body_id, list);
    }
    for (const b of part) yield [b, byBody.get(b.id) ?? []];
  }
}

/** One JSON object per line (schema: power-line.v1): the body, its version and digest, the power. */
export function jsonLines(db: Database, bodies: readonly BulkBody[]): Readable {
  return Readable.from(
    (async function* () {
      for await (const [b, powers] of listsOf(db, bodies)) {
        const head = {
          body: { id: b.id, name: b.name, region: { code: b.regionCode, name: b.regionName, level: b.level } },
          version: b.version,
          digest: b.digest,
        };
        yield powers.map((p) => `${JSON.stringify({ ...head, power: publicPower(p) })}\n`).join('');
      }
    })(),
    { objectMode: false },
  );
}

export const BULK_CSV_HEADER = ['区划代码', '区划', '机构编号', '机构', '版本', '版本摘要（SM3）', ...CSV_HEADER];

/** The 职权信息表 columns of the body downloads, after the body's and its version's own. */
export function csvLines(db: Database, bodies: readonly BulkBody[]): Readable {
  return Readable.from(
    (async function* () {
      // BOM: Excel opens UTF-8 CSV correctly only with it
      yield `\uFEFF${BULK_CSV_HEADER.map(csvCell).join(',')}\r\n`;
      for await (const [b, powers] of listsOf(db, bodies)) {
        const lead = [b.regionCode, b.regionName, b.id, b.name, b.version, b.digest];
        yield powers
          .map((p, i) => `${[...lead, ...csvCells(b.rulebookId, p, i + 1)].map(csvCell).join(',')}\r\n`)
          .join('');
      }
    })(),
    { objectMode: false },
  );
}
