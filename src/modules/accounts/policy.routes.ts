// The password, lockout and session policy: the security admin's alone (三员分立).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../core/errors.js';
import { canManagePolicy } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import { getPolicy } from './policy.repo.js';

const policyBody = z.object({
  passwordMinLength: z.number().int().min(8, '密码最小长度不能低于8位').max(64, '密码最小长度不能超过64位'),
  passwordMinClasses: z.number().int().min(3, '字符类别不能少于3类').max(4, '字符类别最多4类'),
  maxFailedLogins: z.number().int().min(3, '失败次数阈值不能低于3次').max(10, '失败次数阈值不能超过10次'),
  lockoutMinutes: z.number().int().min(5, '锁定时长不能少于5分钟').max(1440, '锁定时长不能超过1440分钟'),
  sessionIdleMinutes: z.number().int().min(5, '空闲超时不能少于5分钟').max(120, '空闲超时不能超过120分钟'),
  sessionAbsoluteMinutes: z.number().int().min(30, '会话最长不能少于30分钟').max(1440, '会话最长不能超过1440分钟'),
});

export async function policyRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/security/policy', { schema: { tags: ['安全'], summary: '安全策略（安全管理员）' } }, async (req) => {
    if (!canManagePolicy(actorOf(req))) throw forbidden('只有安全管理员可以查看安全策略');
    return getPolicy(db);
  });

  // the rules a new password must meet, for every signed-in user's 修改密码 form
  r.get('/api/security/password-rules', { schema: { tags: ['安全'], summary: '密码规则' } }, async (req) => {
    actorOf(req);
    const p = await getPolicy(db);
    return { minLength: p.passwordMinLength, minClasses: p.passwordMinClasses };
  });

  r.put(
    '/api/security/policy',
    { schema: { tags: ['安全'], summary: '修改安全策略（安全管理员）', body: policyBody } },
    async (req) => {
      const actor = actorOf(req);
      if (!canManagePolicy(actor)) throw forbidden('只有安全管理员可以修改安全策略');
      const p = req.body;
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
          meta: metaOf(req),
          at: clock(),
        });
      });
      return getPolicy(db);
    },
  );
}
