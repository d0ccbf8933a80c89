// Sessions: a random token in an httpOnly SameSite cookie; the database keeps only its SM3
// digest. Idle and absolute expiry come from the security policy.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/connect.js';
import { sm3 } from '../audit/digest.js';
import { loadActor } from './actor.repo.js';
import { getPolicy } from './policy.repo.js';
import type { LoadedSession, SessionLookup } from '../../platform/http.js';

export const SESSION_COOKIE = 'qz_sid';
const MINUTE = 60_000;
// last_seen_at is written at most once a minute, not on every request
const TOUCH_EVERY = MINUTE;

export type { LoadedSession, SessionLookup };

export async function createSession(db: Database, userId: number, now: Date, clientIp: string | null) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('session')
    .values({
      id: sm3(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      client_ip: clientIp,
    })
    .execute();
  return { token, csrfToken };
}

export async function lookupSession(db: Database, token: string, now: Date): Promise<SessionLookup> {
  const id = sm3(token);
  const s = await db
    .selectFrom('session')
    .innerJoin('app_user as u', 'u.id', 'session.user_id')
    .select([
      'session.user_id',
      'session.csrf_token',
      'session.created_at',
      'session.last_seen_at',
      'u.must_change_password',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!s) return null;
  const p = await getPolicy(db);
  const idleEnd = new Date(s.last_seen_at).getTime() + p.sessionIdleMinutes * MINUTE;
  const absEnd = new Date(s.created_at).getTime() + p.sessionAbsoluteMinutes * MINUTE;
  if (now.getTime() > idleEnd || now.getTime() > absEnd) {
    await db.deleteFrom('session').where('id', '=', id).execute();
    return { expired: true };
  }
  const actor = await loadActor(db, s.user_id);
  if (!actor) return null;
  if (now.getTime() - new Date(s.last_seen_at).getTime() > TOUCH_EVERY)
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
  return { session: { id, actor, csrfToken: s.csrf_token, mustChangePassword: s.must_change_password } };
}

export async function destroySession(db: Database, id: string) {
  await db.deleteFrom('session').where('id', '=', id).execute();
}
