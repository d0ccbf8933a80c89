// The workspace's side of webhooks (issue 14.3, §15 ¶2): the city's office or the system
// administrator registers a consumer (the secret is in the answer once), disables it, sends a
// signed test push, and reads the delivery log with every attempt.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParam } from '../../contract/common.js';
import { consumerBody, consumerCreatedSchema, consumersSchema, deliveriesSchema } from '../../contract/open-data.js';
import { z } from 'zod';
import { AppError, forbidden } from '../../core/errors.js';
import { canManageWebhooks } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { allowList } from './outbound-url.js';
import { deliverDue } from './webhook-delivery.js';
import { disableConsumer, pingConsumer, registerConsumer } from './webhooks.commands.js';
import { deliveriesOf, listConsumers } from './webhooks.repo.js';

const TAGS = ['开放数据订阅'];

export async function webhookRoutes(app: FastifyInstance, { db, clock, config }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const allowed = allowList(config.webhookAllowPrivate);
  const one = async (id: number) => {
    const [c] = await listConsumers(db, id);
    if (!c) throw new AppError('NOT_FOUND', `未找到编号为 ${id} 的订阅方`);
    return c;
  };
  const mustManage = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    if (!canManageWebhooks(actor)) throw forbidden('只有市协调小组办公室或系统管理员可以管理开放数据订阅');
    return actor;
  };

  r.get(
    '/api/open-data/webhooks',
    {
      schema: {
        tags: TAGS,
        summary: '开放数据订阅方（Webhook）',
        response: { 200: consumersSchema, ...errorResponses },
      },
    },
    async (req) => {
      mustManage(req);
      return { items: await listConsumers(db), canManage: true };
    },
  );

  r.post(
    '/api/open-data/webhooks',
    {
      schema: {
        tags: TAGS,
        summary: '登记订阅方；应答中的签名密钥只显示这一次',
        body: consumerBody,
        response: { 201: consumerCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = mustManage(req);
      const { id, secret } = await registerConsumer(db, req.body, allowed, { actor, meta: metaOf(req), at: clock() });
      return reply.status(201).send({ consumer: await one(id), secret });
    },
  );

  r.post(
    '/api/open-data/webhooks/:id/disable',
    {
      schema: {
        tags: TAGS,
        summary: '停用订阅方',
        params: idParam,
        response: { 200: z.object({ consumer: deliveriesSchema.shape.consumer }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = mustManage(req);
      await disableConsumer(db, req.params.id, { actor, meta: metaOf(req), at: clock() });
      return { consumer: await one(req.params.id) };
    },
  );

  r.post(
    '/api/open-data/webhooks/:id/ping',
    {
      schema: {
        tags: TAGS,
        summary: '发送一次签名的测试推送（event: ping）并立即投递',
        params: idParam,
        response: { 200: deliveriesSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = mustManage(req);
      await pingConsumer(db, req.params.id, { actor, meta: metaOf(req), at: clock() });
      // committed: send this consumer's due deliveries now rather than at the next sweep
      await deliverDue(db, clock, { allowed, publicUrl: config.publicUrl }, req.params.id);
      return { consumer: await one(req.params.id), items: await deliveriesOf(db, req.params.id) };
    },
  );

  r.get(
    '/api/open-data/webhooks/:id/deliveries',
    {
      schema: {
        tags: TAGS,
        summary: '投递记录（每次尝试的应答状态与错误）',
        params: idParam,
        response: { 200: deliveriesSchema, ...errorResponses },
      },
    },
    async (req) => {
      mustManage(req);
      return { consumer: await one(req.params.id), items: await deliveriesOf(db, req.params.id) };
    },
  );
}
