// Test helpers for the register: a city body with no published list yet (every demo body has
// one) and its own clerk and lead unit, so a first compilation can be tried end to end.
import { sql } from 'kysely';
import type { Role } from '../../core/actor.js';
import type { TestApp } from '../../../test/harness.js';
import { loadDemoUsers } from '../demo/users.seed.js';

export interface UnlistedBody {
  bodyId: number;
  name: string;
  /** 150200-{seq}: the code prefix of its powers */
  prefix: string;
}

export async function unlistedBody(
  t: TestApp,
  name: string,
  users: {
    username: string;
    roles: Role[];
    region?: string;
    body?: { name: string } | { office: 'coordination' | 'legal' | 'government' };
  }[] = [],
): Promise<UnlistedBody> {
  const region = '150200';
  const { next } = await t.db
    .selectFrom('body')
    .select(sql<number>`max(seq) + 1`.as('next'))
    .where('region_code', '=', region)
    .executeTakeFirstOrThrow();
  const b = await t.db
    .insertInto('body')
    .values({ region_code: region, name, short_name: null, kind: '政府工作部门', office: null, seq: next })
    .returning(['id', 'seq'])
    .executeTakeFirstOrThrow();
  await loadDemoUsers(
    t.db,
    users.map((u, i) => ({
      username: u.username,
      displayName: `测试用户${i + 1}`,
      region: u.region ?? region,
      body: u.body ?? { name },
      roles: u.roles,
    })),
  );
  return { bodyId: b.id, name, prefix: `${region}-${String(b.seq).padStart(3, '0')}` };
}

/** Grant an extra role to an existing user at a body (e.g. a clerk who is also a coordinator). */
export async function grant(t: TestApp, username: string, bodyId: number, role: Role) {
  const u = await t.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  await t.db.insertInto('user_role').values({ user_id: u.id, body_id: bodyId, role }).execute();
}
