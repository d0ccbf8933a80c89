// 通报批评 (§16 ¶2): drafted on a finding whose rectification failed, approved by another office
// user, published on the portal (reprimands.page.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  draftReprimandBody,
  findingDetailSchema,
  reprimandListSchema,
  reprimandSchema,
} from '../../contract/supervision.js';
import { notFound } from '../../core/errors.js';
import { canViewSupervision } from '../../core/policies/supervision.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { approveReprimand, draftReprimand, publishReprimand } from './reprimand.commands.js';
import { findingDetail } from './finding-detail.js';
import { findReprimand, listReprimands } from './supervision.repo.js';

const TAGS = ['监督管理'];

export async function reprimandRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const visible = async (actor: Parameters<typeof canViewSupervision>[0], id: number) => {
    const p = await findReprimand(db, id);
    if (!p || !canViewSupervision(actor, { id: p.bodyId, regionPath: p.regionPath })) throw notFound('通报批评');
    return p;
  };

  r.get(
    '/api/supervision/reprimands',
    {
      schema: {
        tags: TAGS,
        summary: '通报批评列表（本级及下级，含待审核）',
        response: { 200: reprimandListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listReprimands(db, actorOf(req)) }),
  );

  r.post(
    '/api/supervision/findings/:id/reprimand',
    {
      schema: {
        tags: TAGS,
        summary: '起草通报批评（逾期未整改或整改不合格的督查发现）',
        params: idParam,
        body: draftReprimandBody,
        response: { 201: findingDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await draftReprimand(db, actor, req.params.id, req.body, metaOf(req), clock());
      return reply.status(201).send(await findingDetail(db, actor, req.params.id));
    },
  );

  r.post(
    '/api/supervision/reprimands/:id/approve',
    {
      schema: {
        tags: TAGS,
        summary: '审核通过通报批评（不得审核本人起草的）',
        params: idParam,
        response: { 200: reprimandSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await approveReprimand(db, actor, req.params.id, metaOf(req), clock());
      return visible(actor, req.params.id);
    },
  );

  r.post(
    '/api/supervision/reprimands/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: '在门户网站公布通报批评',
        params: idParam,
        response: { 200: reprimandSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await publishReprimand(db, actor, req.params.id, metaOf(req), clock());
      return visible(actor, req.params.id);
    },
  );
}
