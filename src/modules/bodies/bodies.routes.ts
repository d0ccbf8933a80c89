// Regions and bodies (spec §1). Reading is open to every signed-in user (the portal publishes
// the same facts); creating and changing bodies is the system admin's, within their region.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { nameKey, nameText, optNameText } from '../../core/names.js';
import { canManageBodies, pathWithin } from '../../core/policies.js';
import type { DB } from '../../db/schema.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import { bodySelect, findBody, findRegion } from './bodies.repo.js';

// spec §1 kinds of 职权行使机构 and the offices of a level, plus the forms Baotou's bodies take
export const BODY_KINDS = [
  '政府工作部门',
  '部门管理机构',
  '党委部门',
  '保留权责清单的党委部门',
  '合并设立的部门',
  '法律法规授权组织',
  '政府工作部门（市公安局派出机构）',
  '市生态环境局派出机构',
  '派出机构（开发区）',
  '开发区管理委员会',
  '苏木乡镇人民政府',
  '街道办事处',
  '人民政府',
  '协调小组办公室',
] as const;

const bodyInput = z.object({
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字'),
  name: nameText('机构名称', 60, 2),
  shortName: optNameText('简称', 20).optional(),
  kind: z.enum(BODY_KINDS, { message: `机构类型须为：${BODY_KINDS.join('、')}` }),
});

/** Issue 10.10: a body of the region whose name reads the same (NFC, invisible characters left out). */
async function sameNamed(trx: Transaction<DB>, regionCode: string, name: string) {
  const rows = await trx.selectFrom('body').select(['id', 'name']).where('region_code', '=', regionCode).execute();
  return rows.find((b) => nameKey(b.name) === nameKey(name));
}

export async function bodiesRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/regions',
    { schema: { tags: ['机构'], summary: '行政区划（市、旗县区、苏木乡镇街道）' } },
    async (req) => {
      actorOf(req);
      return db.selectFrom('region').selectAll().orderBy('path').execute();
    },
  );

  r.get(
    '/api/bodies',
    {
      schema: {
        tags: ['机构'],
        summary: '机构列表',
        querystring: z.object({
          region: z
            .string()
            .regex(/^\d{6,9}$/, '区划代码格式不正确')
            .optional(),
          q: z.string().max(40).optional(),
        }),
      },
    },
    async (req) => {
      actorOf(req);
      let q = bodySelect(db);
      if (req.query.region) q = q.where('b.region_code', '=', req.query.region);
      if (req.query.q) q = q.where('b.name', 'like', `%${req.query.q.replace(/[%_\\]/g, '\\$&')}%`);
      return q.orderBy('r.path').orderBy('b.seq').limit(2000).execute();
    },
  );

  r.get('/api/bodies/:id', { schema: { tags: ['机构'], summary: '机构详情', params: idParam } }, async (req) => {
    actorOf(req);
    const b = await findBody(db, req.params.id);
    if (!b) throw notFound('机构');
    return b;
  });

  r.post(
    '/api/bodies',
    { schema: { tags: ['机构'], summary: '新增机构（系统管理员）', body: bodyInput } },
    async (req, reply) => {
      const actor = actorOf(req);
      const region = await findRegion(db, req.body.regionCode);
      if (!region)
        throw new AppError('VALIDATION_FAILED', '区划代码不存在', [{ field: 'regionCode', message: '区划代码不存在' }]);
      if (!canManageBodies(actor, region.path)) throw forbidden('您无权在该区划新增机构');
      const body = await db.transaction().execute(async (trx) => {
        const dup = await sameNamed(trx, region.code, req.body.name);
        if (dup) throw new AppError('CONFLICT', `本区划已有名为“${req.body.name}”的机构`);
        const { next } = await trx
          .selectFrom('body')
          .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
          .where('region_code', '=', region.code)
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto('body')
          .values({
            region_code: region.code,
            name: req.body.name,
            short_name: req.body.shortName ?? null,
            kind: req.body.kind,
            office: null,
            seq: next,
          })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        const sysGrant = actor.grants.find((g) => g.role === 'sysAdmin' && pathWithin(region.path, g.regionPath));
        await recordAudit(trx, {
          actor,
          role: 'sysAdmin',
          bodyId: sysGrant?.bodyId,
          action: 'body.created',
          objectType: 'body',
          objectId: row.id,
          after: { ...req.body, seq: next },
          meta: metaOf(req),
          at: clock(),
        });
        return row;
      });
      return reply.status(201).send(await findBody(db, body.id));
    },
  );

  r.patch(
    '/api/bodies/:id',
    {
      schema: {
        tags: ['机构'],
        summary: '修改机构（系统管理员）',
        params: idParam,
        body: bodyInput.pick({ name: true, shortName: true, kind: true }).partial(),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const before = await findBody(db, req.params.id);
      if (!before) throw notFound('机构');
      if (!canManageBodies(actor, before.regionPath)) throw forbidden('您无权修改该机构');
      const patch = {
        name: req.body.name,
        short_name: req.body.shortName === '' ? null : req.body.shortName,
        kind: req.body.kind,
      };
      await db.transaction().execute(async (trx) => {
        if (req.body.name && req.body.name !== before.name) {
          const dup = await sameNamed(trx, before.regionCode, req.body.name);
          if (dup && dup.id !== before.id) throw new AppError('CONFLICT', `本区划已有名为“${req.body.name}”的机构`);
        }
        await trx.updateTable('body').set(patch).where('id', '=', before.id).execute();
        await recordAudit(trx, {
          actor,
          role: 'sysAdmin',
          bodyId: before.id,
          action: 'body.updated',
          objectType: 'body',
          objectId: before.id,
          before,
          after: req.body,
          meta: metaOf(req),
          at: clock(),
        });
      });
      return findBody(db, before.id);
    },
  );
}
