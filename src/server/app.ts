// Builds the whole application from its dependencies. Tests call this in-process;
// main.ts is the only file with process side effects.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { recordRefusal } from '../modules/audit/refusal.js';
import { SESSION_COOKIE, lookupSession } from '../modules/accounts/sessions.js';
import { auditAnchorRoutes } from '../modules/portal/anchor.page.js';
import { authRoutes } from '../modules/accounts/auth.routes.js';
import { policyRoutes } from '../modules/accounts/policy.routes.js';
import { usersRoutes } from '../modules/accounts/users.routes.js';
import { emailRoutes } from '../modules/accounts/email.routes.js';
import { adminChangeRoutes } from '../modules/accounts/admin-change.routes.js';
import { bodiesRoutes } from '../modules/bodies/bodies.routes.js';
import { portalRoutes } from '../modules/portal/portal.routes.js';
import { registerSearchPage, searchApiRoutes } from '../modules/search/search.routes.js';
import { adjustmentsRoutes } from '../modules/adjustments/adjustments.routes.js';
import { calendarRoutes } from '../modules/calendar/calendar.routes.js';
import { onCalendarChange } from '../modules/calendar/calendar-hooks.js';
import { adjustmentDeadlines } from '../modules/adjustments/calendar-impact.js';
import { rulebookRoutes } from '../modules/rulebook/rulebook.routes.js';
import { exchangeRoutes } from '../modules/exchange/exchange.routes.js';
import { exerciseRoutes } from '../modules/exercise/exercise.routes.js';
import { consultationPortalRoutes } from '../modules/consultations/consultations.portal.js';
import { consultationRoutes } from '../modules/consultations/consultations.routes.js';
import { reportRoutes } from '../modules/reports/reports.routes.js';
import { feedbackPortalRoutes } from '../modules/feedback/feedback.portal.js';
import { feedbackRoutes } from '../modules/feedback/feedback.routes.js';
import { registerRoutes } from '../modules/register/register.routes.js';
import { delegationRoutes } from '../modules/delegation/delegation.routes.js';
import type { AppDeps } from '../platform/deps.js';
import { databaseRateLimitStore } from '../platform/rate-limit-store.js';
import { zodFieldError } from '../core/zod-words.js';
import { errorHandler } from '../platform/errors.js';
import { registerGuard } from '../platform/guard.js';
import { registerSecurityHeaders } from '../platform/headers.js';
import { indexRoutes } from '../platform/route-index.js';
import { sendError } from '../platform/http.js';
import { healthSchema } from '../contract/common.js';
import { webRoutes } from '../platform/web.js';
import { notFoundPage } from '../modules/portal/not-found.page.js';
import { onSweep } from '../modules/adjustments/sweep-hooks.js';
import { supervisionSweep } from '../modules/supervision/sweep.listener.js';
import { delegationSweep } from '../modules/delegation/sweep.listener.js';
import { onStepCompleting } from '../modules/adjustments/step-gates.js';
import { platformSyncGate } from '../modules/regional-platform/platform-sync.js';
import { regionalPlatformRoutes } from '../modules/regional-platform/regional-platform.routes.js';
import { delegationGate } from '../modules/delegation/delegation.gates.js';
import { feedbackSweep } from '../modules/feedback/sweep.listener.js';
import { supervisionRoutes } from '../modules/supervision/supervision.routes.js';
import { assessmentRoutes } from '../modules/assessment/assessment.routes.js';
import { registerMailSender } from '../modules/adjustments/inbox.mail.js';
import { registerPortalClosure } from '../modules/integrity/closure.js';
import { integrityRoutes } from '../modules/integrity/integrity.routes.js';
import { webhookSweep } from '../modules/open-data/webhooks.sweep.js';
import { bulkRoutes } from '../modules/open-data/bulk.routes.js';
import { publicApiRoutes } from '../modules/open-data/public-api.routes.js';
import { webhookRoutes } from '../modules/open-data/webhooks.routes.js';

z.config(z.locales.zhCN());
// issue 9.7: every validation message Chinese and naming its field (a schema's own message still wins)
z.config({ customError: zodFieldError });

export interface BuildOptions {
  logger?: boolean | object;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  // §12: a changed working-day calendar moves the adjustments' running deadlines; the calendar never imports adjustments
  onCalendarChange(adjustmentDeadlines);
  // §14 ¶2: the sweep's 迟报/缓报/漏报 open findings; adjustments never imports supervision
  onSweep(supervisionSweep);
  onSweep(delegationSweep);
  // §13.2: a 下放/委托 is filed only after its prior assessment, and reported to the government only
  // once its related bodies have answered; adjustments never imports delegation
  onStepCompleting(delegationGate);
  // §13.1: the platform-update step rests on a reconciliation with the regional platform; adjustments never imports it
  onStepCompleting(platformSyncGate);
  onSweep(feedbackSweep);
  // issue 14.3: webhook deliveries ride on the sweep, after its transactions have committed
  onSweep(webhookSweep(deps.config));
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    // issue 9.8: X-Forwarded-For is believed only from the proxies TRUST_PROXY names
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  indexRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(recordRefusal(deps)));
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

  await registerSecurityHeaders(app, { https: deps.config.secureCookies });
  await app.register(cookie);
  // form bodies are for the portal's forms (comments, elder mode); the guard refuses them on /api/
  await app.register(formbody);
  // issue 15.1: the counters in the database, so every instance behind a balancer counts the same hits
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps.db) });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '权责清单管理平台 API',
        description: '包头市权责清单管理平台接口。所有写操作需携带会话 Cookie 与 x-csrf-token 请求头。',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);
  registerGuard(app, deps, { cookie: SESSION_COOKIE, lookup: lookupSession });
  // §15 ¶3: while the office (or the integrity monitor) has closed the portal, every public route answers 503
  registerPortalClosure(app, deps);

  app.get('/healthz', { schema: { hide: true, response: { 200: healthSchema } } }, async () => {
    await deps.db.selectFrom('region').select('code').limit(1).execute();
    return { status: 'ok' };
  });
  // the document itself: any JSON object (swagger builds it; its own schema is OpenAPI 3's)
  app.get('/api/openapi.json', { schema: { hide: true, response: { 200: z.looseObject({}) } } }, async () =>
    app.swagger(),
  );

  await authRoutes(app, deps);
  await usersRoutes(app, deps);
  await emailRoutes(app, deps);
  await adminChangeRoutes(app, deps);
  await policyRoutes(app, deps);
  await bodiesRoutes(app, deps);
  await auditRoutes(app, deps);
  await auditAnchorRoutes(app, deps);
  await portalRoutes(app, deps, [registerSearchPage]);
  await searchApiRoutes(app, deps);
  await adjustmentsRoutes(app, deps);
  await calendarRoutes(app, deps);
  await rulebookRoutes(app, deps);
  await exchangeRoutes(app, deps);
  await consultationPortalRoutes(app, deps);
  await consultationRoutes(app, deps);
  await reportRoutes(app, deps);
  await feedbackPortalRoutes(app, deps);
  await feedbackRoutes(app, deps);
  await registerRoutes(app, deps);
  await supervisionRoutes(app, deps);
  await assessmentRoutes(app, deps);
  await delegationRoutes(app, deps);
  await regionalPlatformRoutes(app, deps);
  await integrityRoutes(app, deps);
  await exerciseRoutes(app, deps);
  // issue 14.3 (§15 ¶2): the public v1 API, bulk data and feeds (under /api/public/), and the office's webhooks
  await publicApiRoutes(app, deps);
  await bulkRoutes(app, deps);
  await webhookRoutes(app, deps);
  // issue 12.6: inbox notices also by e-mail, sent after commit (SMTP_URL; none when unset)
  registerMailSender(app, deps);
  await webRoutes(app);
  return app;
}
