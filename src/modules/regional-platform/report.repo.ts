// Reading reconciliations back: their summary, the differences per body (a page's share; the
// xlsx pages through all of them), and the list a body or a level sees.
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import { DIFF_KINDS, type DiffKind } from '../../contract/regional-platform.js';
import { readJsonb } from '../../platform/db.js';

export interface ReconciliationRow {
  id: number;
  scope: 'body' | 'level';
  bodyId: number | null;
  bodyName: string | null;
  regionCode: string;
  regionName: string;
  regionPath: string;
  fileName: string;
  fileFormat: 'json' | 'xlsx';
  versions: Record<string, number>;
  ourCount: number;
  theirCount: number;
  diffCount: number;
  createdAt: string;
  createdBy: string;
}

const base = (db: Database) =>
  db
    .selectFrom('regional_reconciliation as c')
    .innerJoin('region as r', 'r.code', 'c.region_code')
    .innerJoin('app_user as u', 'u.id', 'c.created_by')
    .leftJoin('body as b', 'b.id', 'c.body_id')
    .select([
      'c.id',
      'c.scope',
      'c.body_id',
      'b.name as body_name',
      'c.region_code',
      'r.name as region_name',
      'r.path as region_path',
      'c.file_name',
      'c.file_format',
      'c.versions',
      'c.our_count',
      'c.their_count',
      'c.diff_count',
      'c.created_at',
      'u.display_name',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const toRow = (r: Row): ReconciliationRow => ({
  id: r.id,
  scope: r.scope,
  bodyId: r.body_id,
  bodyName: r.body_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  regionPath: r.region_path,
  fileName: r.file_name,
  fileFormat: r.file_format,
  versions: readJsonb<Record<string, number>>(r.versions),
  ourCount: r.our_count,
  theirCount: r.their_count,
  diffCount: r.diff_count,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.display_name,
});

export async function findReconciliation(db: Database, id: number): Promise<ReconciliationRow | undefined> {
  const r = await base(db).where('c.id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

/** The newest reconciliations of a body (its own and its level's) or of a level, 50 at most. */
export async function listReconciliations(
  db: Database,
  filter: { bodyId?: number; regionCode?: string },
): Promise<ReconciliationRow[]> {
  let q = base(db);
  if (filter.bodyId !== undefined) {
    const bodyId = filter.bodyId;
    q = q.where((eb) =>
      eb.or([
        eb('c.body_id', '=', bodyId),
        eb.and([
          eb('c.scope', '=', 'level'),
          eb('c.region_code', '=', eb.selectFrom('body').select('region_code').where('id', '=', bodyId)),
        ]),
      ]),
    );
  }
  if (filter.regionCode !== undefined) q = q.where('c.region_code', '=', filter.regionCode);
  return (await q.orderBy('c.id', 'desc').limit(50).execute()).map(toRow);
}

export interface BodyDiffs {
  bodyId: number | null;
  bodyName: string;
  counts: Record<DiffKind, number>;
}

/** Per body: how many differences of each kind (bodies with none are not listed). */
export async function diffCounts(db: Database, recId: number): Promise<BodyDiffs[]> {
  const rows = await sql<{ body_id: number | null; name: string | null; kind: DiffKind; n: string }>`
    select d.body_id, b.name, d.kind, count(*) as n
    from regional_reconciliation_diff d left join body b on b.id = d.body_id
    where d.reconciliation_id = ${recId}
    group by d.body_id, b.name, b.seq, d.kind
    order by b.seq nulls last, d.body_id`.execute(db);
  const out = new Map<string, BodyDiffs>();
  for (const r of rows.rows) {
    const key = String(r.body_id);
    let b = out.get(key);
    if (!b) {
      b = {
        bodyId: r.body_id,
        bodyName: r.name ?? '（本平台无对应部门）',
        counts: Object.fromEntries(DIFF_KINDS.map((k) => [k, 0])) as Record<DiffKind, number>,
      };
      out.set(key, b);
    }
    b.counts[r.kind] = Number(r.n);
  }
  return [...out.values()];
}

export interface DiffRow {
  id: string;
  bodyId: number | null;
  code: string;
  name: string;
  kind: DiffKind;
  field: string | null;
  ours: string | null;
  theirs: string | null;
}

/** One body's differences (bodyId null: those no body of ours matched), after `afterId`, `limit` of them. */
export async function diffsOf(
  db: Database,
  recId: number,
  opts: { bodyId?: number | null; afterId?: string; limit: number },
): Promise<DiffRow[]> {
  let q = db
    .selectFrom('regional_reconciliation_diff')
    .select(['id', 'body_id', 'code', 'name', 'kind', 'field', 'ours', 'theirs'])
    .where('reconciliation_id', '=', recId);
  if (opts.bodyId !== undefined)
    q = opts.bodyId === null ? q.where('body_id', 'is', null) : q.where('body_id', '=', opts.bodyId);
  if (opts.afterId !== undefined) q = q.where('id', '>', opts.afterId);
  const rows = await q.orderBy('id').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: String(r.id),
    bodyId: r.body_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    field: r.field,
    ours: r.ours,
    theirs: r.theirs,
  }));
}
