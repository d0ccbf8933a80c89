// Issue 12.6: the notice e-mail address, by the system administrator for a user and by each user
// for themselves (email.commands.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.js';
import { emailAnswer, emailBody } from '../../contract/notifications.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam, metaOf } from '../../platform/http.js';
import { readEmail, setEmail } from './email.commands.js';

const TAGS = ['账户'];
const answer = { 200: emailAnswer, ...errorResponses };

export async function emailRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ actor: actorOf(req), meta: metaOf(req), at: clock() });

  r.get('/api/me/email', { schema: { tags: TAGS, summary: '本人通知邮箱', response: answer } }, async (req) =>
    readEmail(db, actorOf(req), actorOf(req).userId),
  );
  r.put(
    '/api/me/email',
    { schema: { tags: TAGS, summary: '设置本人通知邮箱（待办也发邮件）', body: emailBody, response: answer } },
    async (req) => setEmail(db, actorOf(req).userId, req.body, ctx(req)),
  );
  r.get(
    '/api/users/:id/email',
    { schema: { tags: TAGS, summary: '用户通知邮箱', params: idParam, response: answer } },
    async (req) => readEmail(db, actorOf(req), req.params.id),
  );
  r.put(
    '/api/users/:id/email',
    {
      schema: {
        tags: TAGS,
        summary: '设置用户通知邮箱（系统管理员）',
        params: idParam,
        body: emailBody,
        response: answer,
      },
    },
    async (req) => setEmail(db, req.params.id, req.body, ctx(req)),
  );
}
