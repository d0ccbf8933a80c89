// Rectification orders (督促整改, §16 ¶2; 责令整改, §17): issued on a finding, reported by the
// body with evidence (raw file bodies, checked by content), accepted or rejected by the office.
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  decisionBody,
  evidenceParams,
  evidenceQuery,
  evidenceSchema,
  fileSchema,
  findingDetailSchema,
  issueOrderBody,
  orderListQuery,
  orderListSchema,
  orderSchema,
  reportBody,
} from '../../contract/supervision.js';
import { notFound } from '../../core/errors.js';
import { canViewSupervision } from '../../core/policies/supervision.js';
import type { Database } from '../../db/connect.js';
import type { Actor } from '../../core/actor.js';
import { MAX_ATTACHMENT_BYTES } from '../adjustments/attachments.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { addEvidence, decideRectification, issueOrder, reportRectification } from './rectification.commands.js';
import { findingDetail } from './finding-detail.js';
import { findOrder, listOrders } from './supervision.repo.js';

const TAGS = ['监督管理'];

async function visibleOrder(db: Database, actor: Actor, id: number) {
  const o = await findOrder(db, id);
  if (!o || !canViewSupervision(actor, { id: o.bodyId, regionPath: o.regionPath })) throw notFound('整改通知');
  return o;
}

export async function rectificationRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  // evidence arrives as the raw file body: only this plugin takes bytes
  await app.register(async (sub) => {
    sub.removeAllContentTypeParsers();
    sub.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1 }, (_req, body, done) =>
      done(null, body),
    );
    sub.withTypeProvider<ZodTypeProvider>().post(
      '/api/supervision/orders/:id/evidence',
      {
        schema: {
          tags: TAGS,
          summary: '上传整改佐证材料（请求体为文件本身；被督促整改的机构，报送前）',
          params: idParam,
          querystring: evidenceQuery,
          response: { 201: evidenceSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const bytes = req.body instanceof Buffer ? req.body : Buffer.alloc(0);
        const f = await addEvidence(db, actorOf(req), req.params.id, req.query.filename, bytes, metaOf(req), clock());
        return reply.status(201).send(f);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/supervision/findings/:id/orders',
    {
      schema: {
        tags: TAGS,
        summary: '下达督促整改通知（期限按规则集，工作日计算）',
        params: idParam,
        body: issueOrderBody,
        response: { 201: findingDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await issueOrder(db, actor, req.params.id, req.body.requirement, metaOf(req), clock());
      return reply.status(201).send(await findingDetail(db, actor, req.params.id));
    },
  );

  r.get(
    '/api/supervision/orders',
    {
      schema: {
        tags: TAGS,
        summary: '整改通知列表（职权行使机构：本机构的；协调小组办公室：本级及下级）',
        querystring: orderListQuery,
        response: { 200: orderListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listOrders(db, actorOf(req), req.query.status) }),
  );

  r.get(
    '/api/supervision/orders/:id',
    {
      schema: {
        tags: TAGS,
        summary: '整改通知详情',
        params: idParam,
        response: { 200: orderSchema, ...errorResponses },
      },
    },
    async (req) => visibleOrder(db, actorOf(req), req.params.id),
  );

  r.get(
    '/api/supervision/orders/:id/evidence/:fileId',
    {
      schema: {
        tags: TAGS,
        summary: '下载整改佐证材料',
        params: evidenceParams,
        response: { 200: fileSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const o = await visibleOrder(db, actorOf(req), req.params.id);
      const f = await db
        .selectFrom('rectification_evidence')
        .select(['filename', 'media_type', 'content'])
        .where('id', '=', req.params.fileId)
        .where('order_id', '=', o.id)
        .executeTakeFirst();
      if (!f) throw notFound('佐证材料');
      return reply
        .header('content-type', f.media_type)
        .header('content-disposition', contentDisposition(f.filename, { fallback: 'evidence' }))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(f.content));
    },
  );

  r.post(
    '/api/supervision/orders/:id/report',
    {
      schema: {
        tags: TAGS,
        summary: '报送整改情况（被督促整改的机构，期限内一次）',
        params: idParam,
        body: reportBody,
        response: { 200: orderSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await reportRectification(db, actor, req.params.id, req.body.text, metaOf(req), clock());
      return visibleOrder(db, actor, req.params.id);
    },
  );

  r.post(
    '/api/supervision/orders/:id/decision',
    {
      schema: {
        tags: TAGS,
        summary: '整改验收：通过，或不通过（写明理由；转通报批评）',
        params: idParam,
        body: decisionBody,
        response: { 200: orderSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await decideRectification(db, actor, req.params.id, req.body.decision, req.body.note, metaOf(req), clock());
      return visibleOrder(db, actor, req.params.id);
    },
  );
}
