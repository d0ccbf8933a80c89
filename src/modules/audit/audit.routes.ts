// The auditor's view of the trail: filter by who, what and when; verify the chain.
// 三员分立: nobody else reads it, and nobody at all writes it through the API.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditActionsSchema, auditPageSchema, auditQuery, auditVerifySchema } from '../../contract/audit.js';
import { errorResponses } from '../../contract/common.js';
import { forbidden } from '../../core/errors.js';
import { canReadAudit, scopesOf } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http.js';
import { listAuditEvents } from './audit-list.repo.js';
import { AUDIT_ACTIONS } from './events.js';
import { verifyAudit } from './verify.js';

export async function auditRoutes(app: FastifyInstance, { db, config }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['审计'],
        summary: '审计日志（审计管理员）',
        querystring: auditQuery,
        response: { 200: auditPageSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canReadAudit(actor)) throw forbidden('只有审计管理员可以查看审计日志');
      return listAuditEvents(db, scopesOf(actor, 'auditor'), req.query);
    },
  );

  r.get(
    '/api/audit/actions',
    { schema: { tags: ['审计'], summary: '审计事件类型', response: { 200: auditActionsSchema, ...errorResponses } } },
    async (req) => {
      if (!canReadAudit(actorOf(req))) throw forbidden('只有审计管理员可以查看审计日志');
      return Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));
    },
  );

  r.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['审计'],
        summary: '校验审计日志摘要链',
        response: { 200: auditVerifySchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!canReadAudit(actorOf(req))) throw forbidden('只有审计管理员可以校验审计日志');
      return verifyAudit(db, config.auditAnchorFile);
    },
  );
}
