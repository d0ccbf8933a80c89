// Reading published versions (spec §2): history, metadata and field-level comparison.
import { sql } from 'kysely';
import { diffPowerLists } from '../../core/register/index.js';
import type { Db } from '../../platform/db.js';
import { loadListAt } from './publish.js';

const versionSelect = (db: Db) =>
  db
    .selectFrom('power_list_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.published_by')
    .select([
      'v.version',
      'v.published_at as publishedAt',
      sql<string>`to_char(v.effective_date, 'YYYY-MM-DD')`.as('effectiveDate'),
      'v.digest',
      'v.power_count as powerCount',
      'v.source_type as sourceType',
      'v.source_id as sourceId',
      'v.rulebook_id as rulebookId',
      'u.display_name as publishedByName',
      'v.note',
    ]);

const shape = (r: Awaited<ReturnType<ReturnType<typeof versionSelect>['executeTakeFirstOrThrow']>>) => {
  const { sourceType, sourceId, ...rest } = r;
  // each version links to what made it: the compilation draft or the approved adjustment
  return { ...rest, source: { type: sourceType, id: sourceId } };
};

export async function listVersions(db: Db, bodyId: number) {
  const rows = await versionSelect(db).where('v.body_id', '=', bodyId).orderBy('v.version', 'desc').execute();
  return rows.map(shape);
}

export async function versionMeta(db: Db, bodyId: number, version: number) {
  const r = await versionSelect(db)
    .where('v.body_id', '=', bodyId)
    .where('v.version', '=', version)
    .executeTakeFirstOrThrow();
  return shape(r);
}

/** Field by field (diffPowerLists), from → to; null when either version does not exist. */
export async function compareVersions(db: Db, bodyId: number, from: number, to: number) {
  const [a, b] = await Promise.all([
    loadListAt(db, bodyId, { version: from }),
    loadListAt(db, bodyId, { version: to }),
  ]);
  if (!a || !b) return null;
  const diff = diffPowerLists(a.powers, b.powers);
  const key = (d: { name: string; content: string }) => `${d.name}\u0000${d.content}`;
  const before = new Set(a.duties.map(key));
  const after = new Set(b.duties.map(key));
  return {
    from: await versionMeta(db, bodyId, from),
    to: await versionMeta(db, bodyId, to),
    ...diff,
    duties: { added: b.duties.filter((d) => !before.has(key(d))), removed: a.duties.filter((d) => !after.has(key(d))) },
  };
}
