// The pending changes to administrators' accounts and roles, and their confirmation or
// rejection (with a reason) by a second administrator (三员分立, issue 10.5).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminChangeSchema, adminChangesQuery, rejectBody } from '../../contract/accounts.js';
import { errorResponses } from '../../contract/common.js';
import { forbidden } from '../../core/errors.js';
import { canReviewAdminChanges } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam, metaOf } from '../../platform/http.js';
import { decideChange, listChanges } from './admin-change.js';

const TAGS = ['账户'];

export async function adminChangeRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    if (!canReviewAdminChanges(actor)) throw forbidden('只有管理员可以查看和确认管理员账户变更');
    return actor;
  };

  r.get(
    '/api/admin-changes',
    {
      schema: {
        tags: TAGS,
        summary: '管理员账户变更：待确认的（默认），或最近已处理的（status=decided）',
        querystring: adminChangesQuery,
        response: { 200: z.array(adminChangeSchema), ...errorResponses },
      },
    },
    async (req) => listChanges(db, adminOnly(req), req.query.status),
  );

  r.post(
    '/api/admin-changes/:id/confirm',
    {
      schema: {
        tags: TAGS,
        summary: '确认管理员账户变更（另一名管理员）',
        params: idParam,
        response: { 200: adminChangeSchema, ...errorResponses },
      },
    },
    async (req) => decideChange(db, req.params.id, 'confirmed', adminOnly(req), metaOf(req), clock()),
  );

  r.post(
    '/api/admin-changes/:id/reject',
    {
      schema: {
        tags: TAGS,
        summary: '驳回管理员账户变更（须说明理由）',
        params: idParam,
        body: rejectBody,
        response: { 200: adminChangeSchema, ...errorResponses },
      },
    },
    async (req) => decideChange(db, req.params.id, 'rejected', adminOnly(req), metaOf(req), clock(), req.body.reason),
  );
}
