// What a publication changed (issue 14.3): the register's field-level diff (core/register/diff.ts)
// between a version and the one before it, summarised for the Atom feeds and the webhook payloads.
// Versions never change once published, so a summary is kept in memory by version id.
import { sql } from 'kysely';
import { diffPowerLists } from '../../core/register/diff.js';
import type { Database } from '../../db/connect.js';
import { powersIn } from '../portal/portal.repo.js';

export interface ChangeSummary {
  added: { code: string; name: string }[];
  removed: { code: string; name: string }[];
  changed: { code: string; name: string; fields: string[] }[];
  unchangedCount: number;
}

export interface Publication {
  versionId: number;
  bodyId: number;
  bodyName: string;
  regionCode: string;
  regionName: string;
  level: number;
  version: number;
  publishedAt: Date;
  effectiveDate: string;
  digest: string;
  powerCount: number;
  sourceType: string;
  sourceId: number | null;
}

const columns = sql`v.id as "versionId", b.id as "bodyId", b.name as "bodyName", r.code as "regionCode",
  r.name as "regionName", r.level, v.version, v.published_at as "publishedAt", v.effective_date::text as "effectiveDate",
  v.digest, v.power_count as "powerCount", v.source_type as "sourceType", v.source_id as "sourceId"`;

/**
 * The publications of a body, of a level, or of the whole city, newest first (by publication id,
 * which only grows); `before` pages back through all of them (the feed's rel="next").
 */
export async function recentPublications(
  db: Database,
  scope: { bodyId: number } | { level: number } | 'city',
  limit: number,
  before?: number,
): Promise<Publication[]> {
  const where =
    scope === 'city' ? sql`true` : 'bodyId' in scope ? sql`b.id = ${scope.bodyId}` : sql`r.level = ${scope.level}`;
  const r = await sql<Publication>`select ${columns}
    from power_list_version v join body b on b.id = v.body_id join region r on r.code = b.region_code
    where ${where} ${before ? sql`and v.id < ${before}` : sql``} order by v.id desc limit ${limit}`.execute(db);
  return r.rows.map((p) => ({ ...p, publishedAt: new Date(p.publishedAt) }));
}

export async function publicationById(db: Database, versionId: number): Promise<Publication | undefined> {
  const r = await sql<Publication>`select ${columns}
    from power_list_version v join body b on b.id = v.body_id join region r on r.code = b.region_code
    where v.id = ${versionId}`.execute(db);
  const p = r.rows[0];
  return p && { ...p, publishedAt: new Date(p.publishedAt) };
}

const memo = new Map<string, ChangeSummary>();
const MEMO_MAX = 500;

/** The change from version `from` (0: nothing, the first list) to version `to` of a body. */
export async function changesOf(db: Database, bodyId: number, to: number, from = to - 1): Promise<ChangeSummary> {
  const key = `${bodyId}:${from}:${to}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const [a, b] = await Promise.all([from > 0 ? powersIn(db, bodyId, from) : [], powersIn(db, bodyId, to)]);
  const d = diffPowerLists(a, b);
  const s: ChangeSummary = {
    added: d.added.map((p) => ({ code: p.code, name: p.name })),
    removed: d.removed.map((p) => ({ code: p.code, name: p.name })),
    changed: d.changed.map((c) => ({
      code: c.code,
      name: c.nameAfter,
      fields: [...new Set(c.changes.map((x) => x.field))],
    })),
    unchangedCount: d.unchangedCount,
  };
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(key, s);
  return s;
}
