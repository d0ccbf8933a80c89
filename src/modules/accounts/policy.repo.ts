import type { Database } from '../../db/connect.js';

export interface SecurityPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
}

export async function getPolicy(db: Database): Promise<SecurityPolicy> {
  const p = await db.selectFrom('security_policy').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    passwordMinLength: p.password_min_length,
    passwordMinClasses: p.password_min_classes,
    maxFailedLogins: p.max_failed_logins,
    lockoutMinutes: p.lockout_minutes,
    sessionIdleMinutes: p.session_idle_minutes,
    sessionAbsoluteMinutes: p.session_absolute_minutes,
  };
}

export const toPasswordPolicy = (p: SecurityPolicy) => ({
  minLength: p.passwordMinLength,
  minClasses: p.passwordMinClasses,
});
