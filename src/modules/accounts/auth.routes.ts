// Sign-in, sign-out, the current session (with the actor's abilities and CSRF token), and
// changing one's own password.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginAnswerSchema, loginBody, passwordChangeBody, sessionSchema } from '../../contract/accounts.js';
import { errorResponses, errorSchema, okSchema } from '../../contract/common.js';
import { ROLE_LABELS } from '../../core/actor.js';
import { abilitiesOf } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { login } from './login.command.js';
import { changeOwnPassword, logout } from './self.commands.js';
import { SESSION_COOKIE } from './sessions.js';

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = deps;

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['账户'],
        summary: '登录',
        body: loginBody,
        response: { 200: loginAnswerSchema, ...errorResponses, 423: errorSchema, 429: errorSchema },
      },
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
      return { ok: true as const, csrfToken: s.csrfToken, mustChangePassword: s.mustChangePassword };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['账户'], summary: '退出登录', response: { 200: okSchema, ...errorResponses } } },
    async (req, reply) => {
      const ctx = { actor: actorOf(req), meta: metaOf(req), at: clock() };
      await logout(db, req.session!.id, ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/session',
    {
      schema: { tags: ['账户'], summary: '当前用户、角色与权限', response: { 200: sessionSchema, ...errorResponses } },
    },
    async (req) => {
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
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['账户'],
        summary: '修改本人密码',
        body: passwordChangeBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      const ctx = { actor: actorOf(req), meta: metaOf(req), at: clock() };
      await changeOwnPassword(db, req.session!.id, req.body, ctx);
      return { ok: true as const };
    },
  );
}
