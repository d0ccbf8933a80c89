// Reading imports of exercise records and their flagged records, within what the actor may see:
// imports of the levels the actor's office reaches (§16 ¶1), records of the bodies it reaches.
import { sql } from 'kysely';
import type { ExerciseFlag, ExerciseImport } from '../../contract/exercise.js';
import type { Actor } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import { canViewExerciseImport, scopesOf } from '../../core/policies/index.js';
import type { Db } from '../../platform/db.js';

/** The SQL twin of canViewExerciseImport over a region path expression. */
function reaches(actor: Actor, path: ReturnType<typeof sql.ref>) {
  const scopes = scopesOf(actor, 'coordinator');
  if (!scopes.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    scopes.map((s) => sql`(${path} = ${s} or ${path} like ${`${s}/%`})`),
    sql` or `,
  )})`;
}

function importQuery(db: Db) {
  return db
    .selectFrom('exercise_import as i')
    .leftJoin('exercise_source as s', 's.id', 'i.source_id')
    .leftJoin('app_user as u', 'u.id', 'i.imported_by')
    .select([
      'i.id',
      'i.channel',
      'i.region_path',
      's.name as source_name',
      'i.file_name',
      'i.imported_at',
      'u.display_name as imported_by',
      'i.record_count',
      'i.flagged_count',
      'i.finding_count',
      sql<{ flag: ExerciseFlag; n: number }[] | null>`(
        select json_agg(json_build_object('flag', x.flag, 'n', x.n)) from (
          select flag, count(*)::int as n from exercise_record
          where import_id = i.id and flag is not null group by flag) x)`.as('by_flag'),
    ]);
}

type ImportRow = Awaited<ReturnType<ReturnType<typeof importQuery>['executeTakeFirstOrThrow']>>;

function present(r: ImportRow): ExerciseImport {
  const byFlag = { notInList: 0, retired: 0, wrongBody: 0 };
  const agg = typeof r.by_flag === 'string' ? JSON.parse(r.by_flag) : r.by_flag;
  for (const x of (agg ?? []) as { flag: ExerciseFlag; n: number }[]) byFlag[x.flag] = Number(x.n);
  return {
    id: r.id,
    channel: r.channel,
    sourceName: r.source_name,
    fileName: r.file_name,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    recordCount: r.record_count,
    flaggedCount: r.flagged_count,
    findingCount: r.finding_count,
    byFlag,
  };
}

export async function listImports(db: Db, actor: Actor): Promise<ExerciseImport[]> {
  const rows = await importQuery(db)
    .where(reaches(actor, sql.ref('i.region_path')))
    .orderBy('i.id', 'desc')
    .limit(200)
    .execute();
  return rows.map(present);
}

export async function getImport(db: Db, actor: Actor, id: number): Promise<ExerciseImport> {
  const r = await importQuery(db).where('i.id', '=', id).executeTakeFirst();
  if (!r || !canViewExerciseImport(actor, r.region_path)) throw notFound('导入批次');
  return present(r);
}

export const PAGE_SIZE = 50;

/** The import's flagged records of the bodies the actor reaches, a page at a time. */
export async function flaggedRecords(db: Db, actor: Actor, id: number, q: { flag?: ExerciseFlag; page: number }) {
  await getImport(db, actor, id); // 404 outside
  let base = db
    .selectFrom('exercise_record as e')
    .innerJoin('body as b', 'b.id', 'e.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .where('e.import_id', '=', id)
    .where('e.flag', 'is not', null)
    .where(reaches(actor, sql.ref('r.path')));
  if (q.flag) base = base.where('e.flag', '=', q.flag);
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('body as fb', 'fb.id', 'e.flag_body_id')
    .select([
      'e.id',
      'e.row_no',
      'e.case_ref',
      'e.body_id',
      'b.name as body_name',
      'e.power_code',
      'e.power_name',
      'e.exercised_on',
      'e.outcome',
      'e.list_version',
      'e.flag',
      'fb.name as flag_body_name',
      'e.finding_id',
    ])
    .orderBy('e.row_no')
    .limit(PAGE_SIZE)
    .offset((q.page - 1) * PAGE_SIZE)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((x) => ({
      id: Number(x.id),
      rowNo: x.row_no,
      caseRef: x.case_ref,
      bodyId: x.body_id,
      bodyName: x.body_name,
      powerCode: x.power_code,
      powerName: x.power_name,
      exercisedOn: x.exercised_on,
      outcome: x.outcome,
      listVersion: x.list_version,
      flag: x.flag!,
      flagBodyName: x.flag_body_name,
      findingId: x.finding_id,
    })),
  };
}
