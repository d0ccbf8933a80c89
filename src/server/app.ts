// Builds the whole application from its dependencies. Tests call this in-process;
// main.ts is the only file with process side effects.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { auditAnchorRoutes } from '../modules/audit/anchor.page.js';
import { authRoutes } from '../modules/accounts/auth.routes.js';
import { policyRoutes } from '../modules/accounts/policy.routes.js';
import { SESSION_COOKIE, lookupSession } from '../modules/accounts/sessions.js';
import { usersRoutes } from '../modules/accounts/users.routes.js';
import { bodiesRoutes } from '../modules/bodies/bodies.routes.js';
import { portalRoutes } from '../modules/portal/portal.routes.js';
import { adjustmentsRoutes } from '../modules/adjustments/adjustments.routes.js';
import { calendarRoutes } from '../modules/calendar/calendar.routes.js';
import { exchangeRoutes } from '../modules/exchange/exchange.routes.js';
import { consultationPortalRoutes } from '../modules/consultations/consultations.portal.js';
import { consultationRoutes } from '../modules/consultations/consultations.routes.js';
import { reportRoutes } from '../modules/reports/reports.routes.js';
import { registerRoutes } from '../modules/register/register.routes.js';
import type { AppDeps } from './deps.js';
import { errorHandler } from './errors.js';
import { sendError } from './http.js';
import { webRoutes } from './web.js';
import { notFoundPage } from '../modules/portal/not-found.page.js';

z.config(z.locales.zhCN());

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Login creates the session, so there is no token to check yet; SameSite=Strict and the
// JSON-only body (a cross-site form cannot send it without a preflight) protect it.
const CSRF_EXEMPT = new Set(['/api/auth/login']);

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface BuildOptions {
  logger?: boolean | object;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (!path.startsWith('/api/') && req.headers.accept?.includes('text/html'))
      return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage(path));
    return sendError(reply, new AppError('NOT_FOUND', `页面或接口不存在：${path}`));
  });
  // pages vary with the elder-mode and session cookies: shared caches must key on them
  app.addHook('onSend', async (_req, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('vary', 'Cookie');
    return payload;
  });

  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: '权责清单管理平台 API', description: '包头市权责清单管理平台接口。所有写操作需携带会话 Cookie 与 x-csrf-token 请求头。', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const found = await lookupSession(deps.db, token, deps.clock());
    if (found && 'session' in found) req.session = found.session;
    else if (found) req.sessionExpired = true;
    // CSRF: every cookie-authenticated write carries the session's token in a header
    const path = req.url.split('?')[0];
    if (req.session && WRITE.has(req.method) && !CSRF_EXEMPT.has(path)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, req.session.csrfToken))
        return sendError(reply, new AppError('CSRF_INVALID', '安全校验失败（CSRF 令牌无效），请刷新页面后重试'));
    }
  });

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await deps.db.selectFrom('region').select('code').limit(1).execute();
    return { status: 'ok' };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await authRoutes(app, deps);
  await usersRoutes(app, deps);
  await policyRoutes(app, deps);
  await bodiesRoutes(app, deps);
  await auditRoutes(app, deps);
  await auditAnchorRoutes(app, deps);
  await portalRoutes(app, deps);
  await adjustmentsRoutes(app, deps);
  await calendarRoutes(app, deps);
  await exchangeRoutes(app, deps);
  await consultationPortalRoutes(app, deps);
  await consultationRoutes(app, deps);
  await reportRoutes(app, deps);
  await registerRoutes(app, deps);
  await webRoutes(app);
  return app;
}
