// The pending changes to administrators' accounts and roles, and their confirmation or
// rejection by a second administrator (三员分立, issue 10.5).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forbidden } from '../../core/errors.js';
import { ADMIN_ROLES, hasRole } from '../../core/policies.js';
import type { AppDeps } from '../../server/deps.js';
import { actorOf, idParam, metaOf } from '../../server/http.js';
import { decideChange, listPending } from './admin-change.js';

export async function adminChangeRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    if (!ADMIN_ROLES.some((role) => hasRole(actor, role))) throw forbidden('只有管理员可以查看和确认管理员账户变更');
    return actor;
  };

  r.get('/api/admin-changes', { schema: { tags: ['账户'], summary: '待确认的管理员账户变更' } }, async (req) => listPending(db, adminOnly(req)));

  for (const [verb, decision, summary] of [['confirm', 'confirmed', '确认管理员账户变更（另一名管理员）'], ['reject', 'rejected', '否决管理员账户变更']] as const) {
    r.post(`/api/admin-changes/:id/${verb}`, { schema: { tags: ['账户'], summary, params: idParam } }, async (req) =>
      decideChange(db, req.params.id, decision, adminOnly(req), metaOf(req), clock()));
  }
}
