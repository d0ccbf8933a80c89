// Login with lockout: after the policy's number of failures the account is locked for the
// policy's minutes; every attempt is written to the audit trail.
//
// The lockout holds under parallel guesses: an attempt is first *reserved* by one atomic
// UPDATE that counts it and checks the lock in the same statement, and only a reserved attempt
// has its password checked. However many requests arrive at once, at most the policy's number
// of passwords is ever checked before the account locks.
import { sql } from 'kysely';
import type { RequestMeta } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { verifyPassword } from './password.js';
import { getPolicy } from './policy.repo.js';
import { createSession } from './sessions.js';

const fmtTime = (d: Date) =>
  d.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

const lockedError = (until: Date | null) =>
  new AppError(
    'ACCOUNT_LOCKED',
    until
      ? `连续登录失败次数过多，账户已锁定，请于 ${fmtTime(until)} 后重试`
      : '连续登录失败次数过多，账户已锁定，请稍后重试',
  );

/** Counts one attempt unless the account is locked or its allowance is used up; returns the attempt's number, or null. */
async function reserveAttempt(db: Database, userId: number, now: Date, max: number): Promise<number | null> {
  const row = await db
    .updateTable('app_user')
    .set({ failed_logins: sql`failed_logins + 1`, locked_until: null })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where('failed_logins', '<', max)
    .returning('failed_logins')
    .executeTakeFirst();
  return row ? row.failed_logins : null;
}

export async function login(db: Database, input: { username: string; password: string }, now: Date, meta: RequestMeta) {
  const policy = await getPolicy(db);
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'home_body_id', 'display_name', 'disabled', 'must_change_password'])
    .where('username', '=', input.username)
    .executeTakeFirst();
  // one message for an unknown user and a wrong password, so the answer does not tell which accounts exist
  if (!user) {
    await verifyPassword(null, input.password);
    await db.transaction().execute((trx) =>
      recordAudit(trx, {
        actor: null,
        objectType: 'user',
        objectId: null,
        action: 'auth.loginFailed',
        after: { username: input.username.slice(0, 64), unknownUser: true },
        meta,
        at: now,
      }),
    );
    throw new AppError('LOGIN_FAILED', '用户名或密码错误');
  }
  const subject = { actor: null, objectType: 'user', objectId: user.id, meta, at: now, bodyId: user.home_body_id };
  const attempt = await reserveAttempt(db, user.id, now, policy.maxFailedLogins);
  if (attempt === null) {
    // locked, or the last allowed attempts are being checked right now: no password is checked
    const cur = await db
      .selectFrom('app_user')
      .select('locked_until')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    await db.transaction().execute((trx) => recordAudit(trx, { ...subject, action: 'auth.lockedRefused' }));
    throw lockedError(cur.locked_until ? new Date(cur.locked_until) : null);
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const lock = attempt >= policy.maxFailedLogins ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      // the count restarts when the lock expires
      if (lock)
        await trx
          .updateTable('app_user')
          .set({ failed_logins: 0, locked_until: lock })
          .where('id', '=', user.id)
          .execute();
      await recordAudit(trx, {
        ...subject,
        action: lock ? 'auth.locked' : 'auth.loginFailed',
        after: { failed: attempt, lockedUntil: lock, passwordChecked: true },
      });
    });
    if (lock)
      throw new AppError(
        'ACCOUNT_LOCKED',
        `连续${policy.maxFailedLogins}次登录失败，账户已锁定${policy.lockoutMinutes}分钟`,
      );
    throw new AppError('LOGIN_FAILED', '用户名或密码错误');
  }
  if (user.disabled) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ failed_logins: 0 }).where('id', '=', user.id).execute();
      await recordAudit(trx, {
        ...subject,
        action: 'auth.loginFailed',
        after: { disabled: true, passwordChecked: true },
      });
    });
    throw new AppError('ACCOUNT_DISABLED', '账户已停用，请联系系统管理员');
  }
  const s = await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const s = await createSession(trx, user.id, now, meta.clientIp);
    // a sign-in is not done in one role: the record keeps the roles held at that moment, for the auditor
    const held = await trx
      .selectFrom('user_role')
      .select('role')
      .distinct()
      .where('user_id', '=', user.id)
      .orderBy('role')
      .execute();
    await recordAudit(trx, {
      ...subject,
      actor: { userId: user.id, displayName: user.display_name },
      action: 'auth.login',
      after: { rolesHeld: held.map((r) => r.role) },
    });
    return s;
  });
  return { ...s, mustChangePassword: user.must_change_password };
}
