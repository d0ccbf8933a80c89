// Sign-in, sign-out, the current session (with the actor's abilities and CSRF token), and
// changing one's own password.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_LABELS } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { checkPassword } from '../../core/password-policy.js';
import { abilitiesOf } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import { login } from './login.command.js';
import { hashPassword, verifyPassword } from './password.js';
import { getPolicy, toPasswordPolicy } from './policy.repo.js';
import { SESSION_COOKIE, destroySession } from './sessions.js';

const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(128, '密码过长'),
});

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = deps;

  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['账户'], summary: '登录', body: loginBody },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = await login(db, req.body, clock(), metaOf(req));
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
      });
      return { ok: true, csrfToken: s.csrfToken, mustChangePassword: s.mustChangePassword };
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['账户'], summary: '退出登录' } }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction().execute(async (trx) => {
      await destroySession(trx, req.session!.id);
      await recordAudit(trx, {
        actor,
        action: 'auth.logout',
        objectType: 'user',
        objectId: actor.userId,
        meta: metaOf(req),
        at: clock(),
      });
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/session', { schema: { tags: ['账户'], summary: '当前用户、角色与权限' } }, async (req) => {
    const actor = actorOf(req);
    return {
      user: {
        id: actor.userId,
        username: actor.username,
        displayName: actor.displayName,
        homeBodyId: actor.homeBodyId,
      },
      roles: actor.grants.map((g) => ({ ...g, roleLabel: ROLE_LABELS[g.role] })),
      abilities: abilitiesOf(actor),
      csrfToken: req.session!.csrfToken,
      mustChangePassword: req.session!.mustChangePassword,
    };
  });

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['账户'],
        summary: '修改本人密码',
        body: z.object({
          oldPassword: z.string().min(1, '请输入原密码').max(128),
          newPassword: z.string().min(1, '请输入新密码').max(128),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const u = await db
        .selectFrom('app_user')
        .select('password_hash')
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(u.password_hash, req.body.oldPassword)))
        throw new AppError('VALIDATION_FAILED', '原密码不正确', [{ field: 'oldPassword', message: '原密码不正确' }]);
      if (req.body.newPassword === req.body.oldPassword)
        throw new AppError('PASSWORD_POLICY', '新密码不能与原密码相同', [
          { field: 'newPassword', message: '新密码不能与原密码相同' },
        ]);
      const reason = checkPassword(req.body.newPassword, toPasswordPolicy(await getPolicy(db)), actor.username);
      if (reason) throw new AppError('PASSWORD_POLICY', reason, [{ field: 'newPassword', message: reason }]);
      const passwordHash = await hashPassword(req.body.newPassword);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('app_user')
          .set({ password_hash: passwordHash, must_change_password: false })
          .where('id', '=', actor.userId)
          .execute();
        // other sessions of this user end with the old password
        await trx
          .deleteFrom('session')
          .where('user_id', '=', actor.userId)
          .where('id', '!=', req.session!.id)
          .execute();
        await recordAudit(trx, {
          actor,
          action: 'auth.passwordChanged',
          objectType: 'user',
          objectId: actor.userId,
          meta: metaOf(req),
          at: clock(),
        });
      });
      return { ok: true };
    },
  );
}
