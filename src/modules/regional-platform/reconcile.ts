// §13.1 确保各平台与实际情况一致, §13.5 保持权责清单管理平台与实际情况一致: the other side's
// export against our published lists of a body or a level, set-based. The upload is read as it
// streams (read.ts) into a temporary staging table in batches (json_populate_recordset: one
// parameter a batch), then ONE join (reconcile.sql.ts) writes every difference. All in one
// transaction: a file with an unreadable row is refused whole and leaves nothing behind.
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import type { StagedRow } from './format.js';
import type { ReadEvent } from './read.js';
import { diffStatement, STAGE_COLUMNS } from './reconcile.sql.js';

export interface ReconcileScope {
  kind: 'body' | 'level';
  regionCode: string;
  bodyId?: number;
}

export interface ReconcileInput {
  scope: ReconcileScope;
  events: AsyncIterable<ReadEvent>;
  file: { name: string; sha256: string; format: 'json' | 'xlsx' };
  actor: Actor;
  /** the role the reconciliation is recorded under (the body's lead unit or clerk, the office) */
  role: string;
  auditBodyId?: number;
  meta: RequestMeta;
  at: Date;
}

const BATCH = 5000;
const MAX_PROBLEMS = 1000;

/** The bodies in scope, as SQL: one body, or every body of the level's region. */
export const scopeBodies = (s: ReconcileScope) =>
  s.kind === 'body'
    ? sql`select ${s.bodyId!}::int as id`
    : sql`select id from body where region_code = ${s.regionCode}`;

async function stage(trx: Transaction<DB>, events: AsyncIterable<ReadEvent>): Promise<number> {
  await sql
    .raw(
      `create temp table regional_stage (${STAGE_COLUMNS.map((c) => `${c} ${c === 'row_no' ? 'int' : 'text'}`).join(', ')}) on commit drop`,
    )
    .execute(trx);
  const problems: { row: number; column: string; message: string }[] = [];
  let batch: StagedRow[] = [];
  let rows = 0;
  const flush = async () => {
    if (!batch.length) return;
    const json = JSON.stringify(batch);
    batch = [];
    await sql`insert into regional_stage select * from json_populate_recordset(null::regional_stage, ${json}::json)`.execute(
      trx,
    );
  };
  for await (const e of events) {
    if ('problem' in e) {
      problems.push({ row: e.problem.row, column: '', message: e.problem.message });
      if (problems.length >= MAX_PROBLEMS) break;
      continue;
    }
    rows++;
    if (problems.length) continue; // refused anyway: read on only to name the other problems
    batch.push(e.row);
    if (batch.length >= BATCH) await flush();
  }
  if (problems.length)
    throw new AppError(
      'IMPORT_INVALID',
      `文件中有${problems.length}处无法读取，未作对账：${problems[0]!.row ? `第${problems[0]!.row}行` : ''}${problems[0]!.message}`,
      problems,
    );
  await flush();
  const dupes = await sql<{ code: string; rows: string }>`
    select code, string_agg(row_no::text, '、' order by row_no) as rows from regional_stage
    group by code having count(*) > 1 order by min(row_no) limit 20`.execute(trx);
  if (dupes.rows.length)
    throw new AppError(
      'IMPORT_INVALID',
      `实施编码重复，未作对账：${dupes.rows.map((d) => `${d.code}（第${d.rows}行）`).join('；')}`,
      dupes.rows.map((d) => ({
        row: Number(d.rows.split('、')[0]),
        column: '实施编码',
        message: `实施编码 ${d.code} 重复`,
      })),
    );
  return rows;
}

export interface ReconcileResult {
  id: number;
  diffCount: number;
  /** where the time went: reading and staging the upload, the one join (the bench reports them) */
  ms: { stage: number; join: number };
}

export async function reconcile(db: Database, input: ReconcileInput): Promise<ReconcileResult> {
  const { scope, at } = input;
  return db.transaction().execute(async (trx) => {
    const t0 = performance.now();
    const theirCount = await stage(trx, input.events);
    const t1 = performance.now();
    const versions = await sql<{ body_id: number; version: number }>`
      select body_id, max(version) as version from power_list_version
      where body_id in (${scopeBodies(scope)}) group by body_id`.execute(trx);
    const ours = await sql<{ n: string }>`
      select count(*) as n from power where valid_to is null and body_id in (${scopeBodies(scope)})`.execute(trx);
    const rec = await trx
      .insertInto('regional_reconciliation')
      .values({
        scope: scope.kind,
        body_id: scope.bodyId ?? null,
        region_code: scope.regionCode,
        file_name: input.file.name,
        file_sha256: input.file.sha256,
        file_format: input.file.format,
        versions: JSON.stringify(Object.fromEntries(versions.rows.map((v) => [v.body_id, Number(v.version)]))),
        our_count: Number(ours.rows[0]!.n),
        their_count: theirCount,
        diff_count: 0,
        created_by: input.actor.userId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await diffStatement(rec.id, scopeBodies(scope)).execute(trx);
    const t2 = performance.now();
    const counted = await sql<{ n: string }>`
      select count(*) as n from regional_reconciliation_diff where reconciliation_id = ${rec.id}`.execute(trx);
    const diffCount = Number(counted.rows[0]!.n);
    await trx.updateTable('regional_reconciliation').set({ diff_count: diffCount }).where('id', '=', rec.id).execute();
    await recordAudit(trx, {
      actor: input.actor,
      role: input.role as never,
      bodyId: input.auditBodyId,
      action: 'regionalPlatform.reconciled',
      objectType: 'regionalReconciliation',
      objectId: rec.id,
      after: { scope, file: input.file, ourCount: Number(ours.rows[0]!.n), theirCount, diffCount },
      meta: input.meta,
      at,
    });
    return { id: rec.id, diffCount, ms: { stage: t1 - t0, join: t2 - t1 } };
  });
}
