// The signed-in user's inbox: tasks, reminders and overdue notices. Only one's own items;
// another user's item id is a 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParam, okSchema } from '../../contract/common.js';
import { inboxQuery } from '../../contract/adjustments.js';
import { inboxList, markedRead, workloadSchema } from '../../contract/adjustments.records.js';
import { notFound } from '../../core/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http.js';
import { listInbox, markAllRead, markRead } from './inbox.repo.js';
import { workloadOf } from './workload.js';

export async function inboxRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/inbox',
    {
      schema: {
        tags: ['待办'],
        summary: '我的待办与提醒',
        querystring: inboxQuery,
        response: { 200: inboxList, ...errorResponses },
      },
    },
    async (req) => listInbox(db, actorOf(req).userId, { unreadOnly: req.query.unread === '1', limit: req.query.limit }),
  );

  // 工作台: per role held, what waits now and what is overdue (ids, for the lists they link to)
  r.get(
    '/api/inbox/workload',
    {
      schema: {
        tags: ['待办'],
        summary: '我的工作量：各角色待办理与已逾期的调整申请',
        response: { 200: workloadSchema, ...errorResponses },
      },
    },
    async (req) => ({ roles: await workloadOf(db, actorOf(req), clock()) }),
  );

  r.post(
    '/api/inbox/:id/read',
    {
      schema: {
        tags: ['待办'],
        summary: '标记为已读',
        params: idParam,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!(await markRead(db, actorOf(req).userId, req.params.id, clock()))) throw notFound('待办事项');
      return { ok: true as const };
    },
  );

  r.post(
    '/api/inbox/read-all',
    { schema: { tags: ['待办'], summary: '全部标记为已读', response: { 200: markedRead, ...errorResponses } } },
    async (req) => ({ marked: await markAllRead(db, actorOf(req).userId, clock()) }),
  );
}
