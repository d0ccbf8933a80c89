import { ADMIN_ROLES } from '../../core/policies/index.js';
import type { Role } from '../../contract/common.js';
import type { Database } from '../../db/connect.js';

export async function userDetail(db: Database, id: number) {
  const u = await db
    .selectFrom('app_user as u')
    .innerJoin('body as b', 'b.id', 'u.home_body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.disabled',
      'u.locked_until as lockedUntil',
      'u.created_at as createdAt',
      'b.id as homeBodyId',
      'b.name as homeBodyName',
      'r.path as homeRegionPath',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!u) return undefined;
  const roles = await db
    .selectFrom('user_role as ur')
    .innerJoin('body as b', 'b.id', 'ur.body_id')
    .select(['ur.role', 'b.id as bodyId', 'b.name as bodyName'])
    .where('ur.user_id', '=', id)
    .orderBy('b.id')
    .execute();
  // user_role.role is text in the table; only the roles of the contract are ever written to it
  return {
    ...u,
    createdAt: u.createdAt as unknown as Date /* Generated<Timestamp> reads as a Date */,
    roles: roles.map((r) => ({ ...r, role: r.role as Role })),
  };
}

/** Users the actor may see: those of the bodies they belong to, and all within their admin scopes. */
export async function listUsers(db: Database, f: { scopes: string[]; bodies: number[]; bodyId?: number; q?: string }) {
  let q = db
    .selectFrom('app_user as u')
    .innerJoin('body as b', 'b.id', 'u.home_body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.disabled',
      'u.locked_until as lockedUntil',
      'b.id as homeBodyId',
      'b.name as homeBodyName',
    ])
    // an administrator's account changes only with a second administrator's confirmation (三员分立): the page says so
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('user_role as ar')
            .select('ar.user_id')
            .whereRef('ar.user_id', '=', 'u.id')
            .where('ar.role', 'in', [...ADMIN_ROLES]),
        )
        .as('admin'),
    )
    .where((eb) =>
      eb.or([
        eb('b.id', 'in', f.bodies.length ? f.bodies : [-1]),
        ...f.scopes.flatMap((s) => [eb('r.path', '=', s), eb('r.path', 'like', `${s}/%`)]),
      ]),
    );
  if (f.bodyId) q = q.where('b.id', '=', f.bodyId);
  if (f.q) q = q.where((eb) => eb.or([eb('u.username', 'like', `%${f.q}%`), eb('u.display_name', 'like', `%${f.q}%`)]));
  const rows = await q.orderBy('u.id').limit(500).execute();
  return rows.map((r) => ({ ...r, admin: Boolean(r.admin) }));
}
