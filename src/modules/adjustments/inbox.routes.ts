// The signed-in user's inbox: tasks, reminders and overdue notices. Only one's own items;
// another user's item id is a 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam } from '../../platform/http.js';
import { listInbox } from './inbox.repo.js';
import { workloadOf } from './workload.js';

export async function inboxRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/inbox',
    {
      schema: {
        tags: ['待办'],
        summary: '我的待办与提醒',
        querystring: z.object({
          unread: z.enum(['0', '1'], { message: 'unread 应为 0 或 1' }).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (req) => listInbox(db, actorOf(req).userId, { unreadOnly: req.query.unread === '1', limit: req.query.limit }),
  );

  // 工作台: per role held, what waits now and what is overdue (ids, for the lists they link to)
  r.get(
    '/api/inbox/workload',
    { schema: { tags: ['待办'], summary: '我的工作量：各角色待办理与已逾期的调整申请' } },
    async (req) => ({ roles: await workloadOf(db, actorOf(req), clock()) }),
  );

  r.post('/api/inbox/:id/read', { schema: { tags: ['待办'], summary: '标记为已读', params: idParam } }, async (req) => {
    const actor = actorOf(req);
    const row = await db
      .updateTable('inbox_item')
      .set({ read_at: clock() })
      .where('id', '=', req.params.id)
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const mine = await db
        .selectFrom('inbox_item')
        .select('id')
        .where('id', '=', req.params.id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      if (!mine) throw notFound('待办事项');
    }
    return { ok: true };
  });

  r.post('/api/inbox/read-all', { schema: { tags: ['待办'], summary: '全部标记为已读' } }, async (req) => {
    const actor = actorOf(req);
    const res = await db
      .updateTable('inbox_item')
      .set({ read_at: clock() })
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return { marked: Number(res.numUpdatedRows ?? 0) };
  });
}
