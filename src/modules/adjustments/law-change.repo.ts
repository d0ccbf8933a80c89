// §10.1, §11.1: the recorded law changes of the regions an office reaches, newest first.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.js';

export async function listLawChanges(db: Db, regionPaths: readonly string[]) {
  if (!regionPaths.length) return [];
  return db
    .selectFrom('law_change as l')
    .innerJoin('legal_document as d', 'd.id', 'l.legal_document_id')
    .innerJoin('region as r', 'r.code', 'l.region_code')
    .innerJoin('app_user as u', 'u.id', 'l.recorded_by')
    .select((eb) => [
      'l.id',
      'l.change_kind',
      sql<string>`l.change_date::text`.as('change_date'),
      'l.note',
      'l.recorded_at',
      'd.name as document',
      'r.name as region',
      'u.display_name as recorded_by',
      eb
        .selectFrom('adjustment as a')
        .whereRef('a.law_change_id', '=', 'l.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('adjustments'),
    ])
    .where((eb) => eb.or(regionPaths.flatMap((p) => [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)])))
    .orderBy('l.id', 'desc')
    .limit(200)
    .execute();
}
