import type { Actor, Role } from '../../core/actor.js';
import type { Database } from '../../db/connect.js';

export async function loadActor(db: Database, userId: number): Promise<Actor | null> {
  const u = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'home_body_id', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u || u.disabled) return null;
  const grants = await db
    .selectFrom('user_role as ur')
    .innerJoin('body as b', 'b.id', 'ur.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(['ur.role', 'b.id as bodyId', 'b.name as bodyName', 'r.code as regionCode', 'r.path as regionPath'])
    .where('ur.user_id', '=', userId)
    .orderBy('b.id')
    .execute();
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    homeBodyId: u.home_body_id,
    grants: grants.map((g) => ({ ...g, role: g.role as Role })),
  };
}
