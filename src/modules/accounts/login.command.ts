// Login with lockout: after the policy's number of failures the account is locked for the
// policy's minutes; every attempt is written to the audit trail.
import type { RequestMeta } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { verifyPassword } from './password.js';
import { getPolicy } from './policy.repo.js';
import { createSession } from './sessions.js';

const fmtTime = (d: Date) => d.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

export async function login(db: Database, input: { username: string; password: string }, now: Date, meta: RequestMeta) {
  const policy = await getPolicy(db);
  const user = await db.selectFrom('app_user').selectAll().where('username', '=', input.username).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  // one message for an unknown user and a wrong password, so the answer does not tell which accounts exist
  if (!user) throw new AppError('LOGIN_FAILED', '用户名或密码错误');
  const lockedUntil = user.locked_until ? new Date(user.locked_until) : null;
  if (lockedUntil && lockedUntil > now)
    throw new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账户已锁定，请于 ${fmtTime(lockedUntil)} 后重试`);
  const subject = { actor: null, objectType: 'user', objectId: user.id, meta, at: now, bodyId: user.home_body_id };
  if (!ok) {
    // an expired lock starts a fresh count
    const failed = (lockedUntil ? 0 : user.failed_logins) + 1;
    const lock = failed >= policy.maxFailedLogins ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', user.id).execute();
      await recordAudit(trx, { ...subject, action: lock ? 'auth.locked' : 'auth.loginFailed', after: { failed, lockedUntil: lock } });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', `连续${policy.maxFailedLogins}次登录失败，账户已锁定${policy.lockoutMinutes}分钟`);
    throw new AppError('LOGIN_FAILED', '用户名或密码错误');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED', '账户已停用，请联系系统管理员');
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const s = await createSession(trx, user.id, now, meta.clientIp);
    await recordAudit(trx, { ...subject, actor: { userId: user.id, displayName: user.display_name }, action: 'auth.login' });
    return s;
  });
}
