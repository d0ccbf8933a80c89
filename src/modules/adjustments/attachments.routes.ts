// Attachments of an application (§13.1 附相关依据): uploaded as the raw file body while the
// draft step is open, kept in the database with their SM3 digest, downloaded by anyone who may
// see the application. The upload route lives in its own plugin so that only it takes raw bytes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.js';
import { nameText } from '../../core/names.js';
import { adjustmentRolesOf, canViewAdjustment } from '../../core/policies.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import {
  currentConsultation,
  findAdjustment,
  involvementOf,
  lockAdjustment,
  stepRecords,
  workflowState,
} from './adjustments.repo.js';
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachments.js';
import { attachmentList } from './present.js';
import { decide, workflowRoles, grantRole } from './transitions.js';
import type { Actor } from '../../core/actor.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

const fileParams = idParam.extend({ fileId: z.coerce.number().int().positive().max(2_147_483_647) });

async function editable(trx: Transaction<DB>, actor: Actor, id: number) {
  const a = await lockAdjustment(trx, id);
  if (!a || !canViewAdjustment(actor, a)) throw notFound('调整申请');
  const c = await currentConsultation(trx, a.id, a.round);
  const d = decide(workflowState(a, c), {
    action: 'edit',
    roles: workflowRoles(adjustmentRolesOf(actor, a)),
    ...involvementOf(a, await stepRecords(trx, a.id), actor.userId),
  });
  if (!d.ok) throw new AppError(d.code, d.message);
  return { a, role: grantRole(d.role) };
}

export async function attachmentRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
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
          querystring: z.object({ filename: nameText('文件名', 300) }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const bytes = req.body instanceof Buffer ? req.body : Buffer.alloc(0);
        const checked = checkAttachment(req.query.filename, bytes);
        if (!checked.ok)
          throw new AppError(checked.code, checked.message, [{ field: 'file', message: checked.message }]);
        const at = clock();
        const sm3 = createHash('sm3').update(bytes).digest('hex');
        const row = await db.transaction().execute(async (trx) => {
          const { a, role } = await editable(trx, actor, req.params.id);
          const n = await trx
            .selectFrom('adjustment_attachment')
            .select(sql<number>`count(*)::int`.as('n'))
            .where('adjustment_id', '=', a.id)
            .executeTakeFirstOrThrow();
          if (Number(n.n) >= MAX_ATTACHMENTS)
            throw new AppError('VALIDATION_FAILED', `每份申请最多${MAX_ATTACHMENTS}个附件`);
          const f = await trx
            .insertInto('adjustment_attachment')
            .values({
              adjustment_id: a.id,
              filename: checked.filename,
              media_type: checked.mediaType,
              size_bytes: bytes.length,
              sm3,
              content: bytes,
              uploaded_by: actor.userId,
              uploaded_at: at,
            })
            .returning(['id', 'filename', 'media_type', 'size_bytes', 'sm3'])
            .executeTakeFirstOrThrow();
          await recordAudit(trx, {
            actor,
            role,
            bodyId: a.bodyId,
            action: 'adjustment.attachmentAdded',
            objectType: 'adjustment',
            objectId: a.id,
            after: { attachmentId: f.id, filename: f.filename, mediaType: f.media_type, size: f.size_bytes, sm3 },
            meta: metaOf(req),
            at,
          });
          return f;
        });
        return reply.status(201).send(row);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/adjustments/:id/attachments',
    { schema: { tags: ['动态调整'], summary: '附件列表', params: idParam } },
    async (req) => {
      const a = await findAdjustment(db, req.params.id);
      if (!a || !canViewAdjustment(actorOf(req), a)) throw notFound('调整申请');
      return { items: await attachmentList(db, a.id) };
    },
  );

  r.get(
    '/api/adjustments/:id/attachments/:fileId',
    { schema: { tags: ['动态调整'], summary: '下载附件', params: fileParams } },
    async (req, reply) => {
      const a = await findAdjustment(db, req.params.id);
      if (!a || !canViewAdjustment(actorOf(req), a)) throw notFound('调整申请');
      const f = await db
        .selectFrom('adjustment_attachment')
        .selectAll()
        .where('id', '=', req.params.fileId)
        .where('adjustment_id', '=', a.id)
        .executeTakeFirst();
      if (!f) throw notFound('附件');
      return reply
        .header('content-type', f.media_type)
        .header(
          'content-disposition',
          `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(f.content));
    },
  );

  r.delete(
    '/api/adjustments/:id/attachments/:fileId',
    { schema: { tags: ['动态调整'], summary: '删除附件（起草阶段，部门经办人）', params: fileParams } },
    async (req) => {
      const actor = actorOf(req);
      const at = clock();
      await db.transaction().execute(async (trx) => {
        const { a, role } = await editable(trx, actor, req.params.id);
        const f = await trx
          .deleteFrom('adjustment_attachment')
          .where('id', '=', req.params.fileId)
          .where('adjustment_id', '=', a.id)
          .returning(['id', 'filename', 'sm3'])
          .executeTakeFirst();
        if (!f) throw notFound('附件');
        await recordAudit(trx, {
          actor,
          role,
          bodyId: a.bodyId,
          action: 'adjustment.attachmentRemoved',
          objectType: 'adjustment',
          objectId: a.id,
          before: { attachmentId: f.id, filename: f.filename, sm3: f.sm3 },
          meta: metaOf(req),
          at,
        });
      });
      return { ok: true };
    },
  );
}
