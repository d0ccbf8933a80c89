// §10.1, §11.1: recording that a law was issued, revised or repealed opens due adjustments.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { isIsoDate } from '../../core/calendar/index.js';
import { forbidden } from '../../core/errors.js';
import { OFFICE_ROLES, scopesOf } from '../../core/policies.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { recordLawChange } from './law-change.command.js';

const body = z.object({
  legalDocumentId: z.number({ message: '请选择法律文件' }).int().positive(),
  changeKind: z.enum(['issued', 'revised', 'repealed'], {
    message: '变化类型须为 issued 颁布、revised 修订 或 repealed 废止',
  }),
  changeDate: z.string({ message: '请填写生效（废止）日期' }).refine(isIsoDate, '日期应为有效日期（YYYY-MM-DD）'),
  note: z.string().trim().max(2000, '说明不能超过2000个字').optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,9}$/, '区划代码格式不正确')
    .optional(),
  bodyIds: z
    .array(z.number().int().positive('机构编号无效'), { message: '请选择机构' })
    .max(200, '一次最多指定200个机构')
    .optional(),
});

export async function lawChangeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/law-changes',
    { schema: { tags: ['动态调整'], summary: '登记法律文件立改废，生成应调整事项（协调小组办公室）', body } },
    async (req, reply) => reply.status(201).send(await recordLawChange(deps, actorOf(req), metaOf(req), req.body)),
  );

  r.get(
    '/api/law-changes',
    { schema: { tags: ['动态调整'], summary: '法律文件立改废登记（本级及下级）' } },
    async (req) => {
      const actor = actorOf(req);
      const paths = [...new Set(OFFICE_ROLES.flatMap((role) => scopesOf(actor, role)))];
      if (!paths.length) throw forbidden('只有协调小组办公室、法制机构和本级人民政府可以查看');
      const rows = await deps.db
        .selectFrom('law_change as l')
        .innerJoin('legal_document as d', 'd.id', 'l.legal_document_id')
        .innerJoin('region as r', 'r.code', 'l.region_code')
        .innerJoin('app_user as u', 'u.id', 'l.recorded_by')
        .select((eb) => [
          'l.id',
          'l.change_kind',
          sql<string>`l.change_date::text`.as('change_date'),
          'l.note',
          'l.recorded_at',
          'd.name as document',
          'r.name as region',
          'u.display_name as recorded_by',
          eb
            .selectFrom('adjustment as a')
            .whereRef('a.law_change_id', '=', 'l.id')
            .select(sql<number>`count(*)::int`.as('n'))
            .as('adjustments'),
        ])
        .where((eb) => eb.or(paths.flatMap((p) => [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)])))
        .orderBy('l.id', 'desc')
        .limit(200)
        .execute();
      return { items: rows };
    },
  );
}
