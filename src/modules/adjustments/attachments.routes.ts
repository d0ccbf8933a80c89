// Attachments of an application (§13.1 附相关依据): uploaded as the raw file body while the
// draft step is open, kept in the database with their SM3 digest, downloaded by anyone who may
// see the application. The upload route lives in its own plugin so that only it takes raw bytes.
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam, okSchema } from '../../contract/common.js';
import { attachmentParams, attachmentQuery } from '../../contract/adjustments.js';
import { attachmentAdded } from '../../contract/adjustments.views.js';
import { attachmentList as attachmentListSchema } from '../../contract/adjustments.records.js';
import { notFound } from '../../core/errors.js';
import { canViewAdjustment } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { findAdjustment } from './adjustments.repo.js';
import { addAttachment, removeAttachment } from './attachments.commands.js';
import { findAttachmentFile } from './attachments.repo.js';
import { MAX_ATTACHMENT_BYTES } from './attachments.js';
import { attachmentList } from './present.js';

export async function attachmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  /** The application, if the actor may see it (else 404). */
  const visible = async (req: FastifyRequest, id: number) => {
    const a = await findAdjustment(db, id);
    if (!a || !canViewAdjustment(actorOf(req), a)) throw notFound('调整申请');
    return a;
  };

  await app.register(async (sub) => {
    sub.removeAllContentTypeParsers();
    sub.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1 }, (_req, body, done) =>
      done(null, body),
    );
    const r = sub.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/adjustments/:id/attachments',
      {
        schema: {
          tags: ['动态调整'],
          summary: '上传附件（请求体为文件本身；起草阶段，部门经办人）',
          params: idParam,
          querystring: attachmentQuery,
          response: { 201: attachmentAdded, ...errorResponses },
        },
      },
      async (req, reply) => {
        const bytes = req.body instanceof Buffer ? req.body : Buffer.alloc(0);
        const file = { name: req.query.filename, bytes };
        const row = await addAttachment(deps, actorOf(req), metaOf(req), req.params.id, file);
        return reply.status(201).send(row);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/adjustments/:id/attachments',
    {
      schema: {
        tags: ['动态调整'],
        summary: '附件列表',
        params: idParam,
        response: { 200: attachmentListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await attachmentList(db, (await visible(req, req.params.id)).id) }),
  );

  r.get(
    '/api/adjustments/:id/attachments/:fileId',
    {
      schema: {
        tags: ['动态调整'],
        summary: '下载附件',
        params: attachmentParams,
        response: { 200: z.unknown().describe('附件文件本身（二进制）'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const a = await visible(req, req.params.id);
      const f = await findAttachmentFile(db, a.id, req.params.fileId);
      if (!f) throw notFound('附件');
      return reply
        .header('content-type', f.media_type)
        .header('content-disposition', contentDisposition(f.filename, { fallback: 'attachment' }))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(f.content));
    },
  );

  r.delete(
    '/api/adjustments/:id/attachments/:fileId',
    {
      schema: {
        tags: ['动态调整'],
        summary: '删除附件（起草阶段，部门经办人）',
        params: attachmentParams,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await removeAttachment(deps, actorOf(req), metaOf(req), req.params.id, req.params.fileId);
      return { ok: true as const };
    },
  );
}
