// 集中调整 batches (2025 rulebook, 解读二(二)): reading them, scoped to what the actor may see.
import type { Actor } from '../../core/actor.js';
import { OFFICE_ROLES, scopesOf } from '../../core/policies/index.js';
import type { Db } from '../../platform/db.js';

/** The batches of the actor's own regions, and of every region its office roles reach. */
export async function listBatches(db: Db, actor: Actor) {
  const codes = [...new Set(actor.grants.map((g) => g.regionCode))];
  const paths = [...new Set(OFFICE_ROLES.flatMap((role) => scopesOf(actor, role)))];
  if (!codes.length && !paths.length) return [];
  const rows = await db
    .selectFrom('adjustment_batch as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select((eb) => [
      'b.id',
      'b.title',
      'b.region_code',
      'r.name as region_name',
      'b.rulebook_id',
      'b.created_at',
      eb
        .selectFrom('adjustment as a')
        .whereRef('a.batch_id', '=', 'b.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('applications'),
    ])
    .where((eb) =>
      eb.or([
        ...(codes.length ? [eb('b.region_code', 'in', codes)] : []),
        ...paths.flatMap((p) => [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)]),
      ]),
    )
    .orderBy('b.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((b) => ({ ...b, applications: Number(b.applications ?? 0) }));
}
