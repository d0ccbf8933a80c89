// What a signed-in user does to their own account: sign out, change the password (等保 practice:
// the policy's rules, never the old password again, other sessions end). And the security
// admin's policy (三员分立). One transaction each, with its audit row.
import type { PasswordChange, SecurityPolicy } from '../../contract/accounts.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, forbidden } from '../../core/errors.js';
import { checkPassword } from '../../core/password-policy.js';
import { canManagePolicy } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { hashPassword, verifyPassword } from './password.js';
import { getPolicy, toPasswordPolicy } from './policy.repo.js';
import { destroySession } from './sessions.js';

export interface Ctx {
  actor: Actor;
  meta: RequestMeta;
  at: Date;
}

export async function logout(db: Database, sessionId: string, { actor, meta, at }: Ctx) {
  await db.transaction().execute(async (trx) => {
    await destroySession(trx, sessionId);
    await recordAudit(trx, {
      actor,
      action: 'auth.logout',
      objectType: 'user',
      objectId: actor.userId,
      meta,
      at,
    });
  });
}

/** The user's own new password; the sessions other than this one end with the old password. */
export async function changeOwnPassword(
  db: Database,
  sessionId: string,
  body: PasswordChange,
  { actor, meta, at }: Ctx,
) {
  const u = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(u.password_hash, body.oldPassword)))
    throw new AppError('VALIDATION_FAILED', '原密码不正确', [{ field: 'oldPassword', message: '原密码不正确' }]);
  if (body.newPassword === body.oldPassword)
    throw new AppError('PASSWORD_POLICY', '新密码不能与原密码相同', [
      { field: 'newPassword', message: '新密码不能与原密码相同' },
    ]);
  const reason = checkPassword(body.newPassword, toPasswordPolicy(await getPolicy(db)), actor.username);
  if (reason) throw new AppError('PASSWORD_POLICY', reason, [{ field: 'newPassword', message: reason }]);
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: false })
      .where('id', '=', actor.userId)
      .execute();
    await trx.deleteFrom('session').where('user_id', '=', actor.userId).where('id', '!=', sessionId).execute();
    await recordAudit(trx, {
      actor,
      action: 'auth.passwordChanged',
      objectType: 'user',
      objectId: actor.userId,
      meta,
      at,
    });
  });
}

/** 三员分立: the password, lockout and session policy is the security admin's alone. */
export async function updatePolicy(db: Database, p: SecurityPolicy, { actor, meta, at }: Ctx) {
  if (!canManagePolicy(actor)) throw forbidden('只有安全管理员可以修改安全策略');
  const before = await getPolicy(db);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('security_policy')
      .set({
        password_min_length: p.passwordMinLength,
        password_min_classes: p.passwordMinClasses,
        max_failed_logins: p.maxFailedLogins,
        lockout_minutes: p.lockoutMinutes,
        session_idle_minutes: p.sessionIdleMinutes,
        session_absolute_minutes: p.sessionAbsoluteMinutes,
      })
      .where('id', '=', 1)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'secAdmin',
      action: 'policy.updated',
      objectType: 'security_policy',
      objectId: 1,
      before,
      after: p,
      meta,
      at,
    });
  });
  return getPolicy(db);
}
