// 集中调整 (2025 rulebook, 解读二(二)): the managing office of a level groups many applications
// into one batch; an application joins it while being drafted (PATCH batchId). Only under a
// rulebook that has batches.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden } from '../../core/errors.js';
import { OFFICE_ROLES, scopesOf } from '../../core/policies.js';
import { getRulebook } from '../../core/rulebook/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';

export async function batchRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/adjustment-batches',
    {
      schema: {
        tags: ['动态调整'],
        summary: '创建集中调整批次（本级管理机构；2025年规则集）',
        body: z.object({
          title: z.string().trim().min(2, '请填写批次名称').max(100, '批次名称不能超过100个字'),
          regionCode: z
            .string()
            .regex(/^\d{6,9}$/, '区划代码格式不正确')
            .optional(),
        }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const grants = actor.grants.filter(
        (g) => g.role === 'coordinator' && (!req.body.regionCode || g.regionCode === req.body.regionCode),
      );
      if (grants.length !== 1) throw forbidden('只有本级管理机构可以创建集中调整批次');
      const rulebookId = await currentRulebookId(db);
      const rb = getRulebook(rulebookId);
      if (!rb.batchKinds.some((b) => b.id === 'batch'))
        throw new AppError('INVALID_STATE', `现行规则集（${rb.label}）不区分集中调整与个别调整`);
      const at = clock();
      const row = await db.transaction().execute(async (trx) => {
        const b = await trx
          .insertInto('adjustment_batch')
          .values({
            region_code: grants[0].regionCode,
            title: req.body.title,
            rulebook_id: rulebookId,
            created_by: actor.userId,
            created_at: at,
          })
          .returning(['id', 'title', 'region_code', 'rulebook_id'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor,
          role: 'coordinator',
          bodyId: grants[0].bodyId,
          action: 'adjustment.batchCreated',
          objectType: 'adjustment_batch',
          objectId: b.id,
          after: b,
          meta: metaOf(req),
          at,
        });
        return b;
      });
      return reply.status(201).send(row);
    },
  );

  r.get(
    '/api/adjustment-batches',
    { schema: { tags: ['动态调整'], summary: '集中调整批次（本级及下级；申请单位看本级）' } },
    async (req) => {
      const actor = actorOf(req);
      const codes = [...new Set(actor.grants.map((g) => g.regionCode))];
      const paths = [...new Set(OFFICE_ROLES.flatMap((role) => scopesOf(actor, role)))];
      const rows = await db
        .selectFrom('adjustment_batch as b')
        .innerJoin('region as r', 'r.code', 'b.region_code')
        .select((eb) => [
          'b.id',
          'b.title',
          'b.region_code',
          'r.name as region_name',
          'b.rulebook_id',
          'b.created_at',
          eb
            .selectFrom('adjustment as a')
            .whereRef('a.batch_id', '=', 'b.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('applications'),
        ])
        .where((eb) =>
          eb.or([
            eb('b.region_code', 'in', codes),
            ...paths.flatMap((p) => [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)]),
          ]),
        )
        .orderBy('b.id', 'desc')
        .limit(200)
        .execute();
      return { items: rows.map((b) => ({ ...b, applications: Number(b.applications ?? 0) })) };
    },
  );
}
