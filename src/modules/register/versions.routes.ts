// Published versions of a body's list (spec §2): the version history with each version's source
// (the compilation draft or the adjustment that made it), the list at a version or as at a date,
// and the field-level difference between any two versions. Published lists are public facts:
// every signed-in user may read them (the portal shows the same without signing in).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../core/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http.js';
import { findBody } from '../bodies/bodies.repo.js';
import { compareVersions, listVersions, versionMeta } from './versions.repo.js';
import { loadCurrentList, loadListAt } from './publish.js';
import { errorResponses } from '../../contract/common.js';
import { bodyParams, compareQuery, listQuery } from '../../contract/register.js';
import { comparisonSchema, publishedListSchema, versionInfoSchema } from '../../contract/register.views.js';
import { z } from 'zod';

const tags = ['权责清单版本'];

export async function versionsRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const body = async (id: number) => {
    const b = await findBody(db, id);
    if (!b) throw notFound('机构');
    return b;
  };

  r.get(
    '/api/bodies/:bodyId/versions',
    {
      schema: {
        tags,
        summary: '机构权责清单的版本历史',
        params: bodyParams,
        response: { 200: z.array(versionInfoSchema), ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      await body(req.params.bodyId);
      return listVersions(db, req.params.bodyId);
    },
  );

  r.get(
    '/api/bodies/:bodyId/list',
    {
      schema: {
        tags,
        summary: '机构权责清单：当前版本、指定版本（version）或某日（date）有效的版本',
        params: bodyParams,
        querystring: listQuery,
        response: { 200: publishedListSchema, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      const b = await body(req.params.bodyId);
      const { version, date } = req.query;
      const list =
        version || date
          ? await loadListAt(db, b.id, version ? { version } : { date: date! })
          : await loadCurrentList(db, b.id);
      if (!list || list.version === null)
        throw notFound(date ? `${date} 有效的权责清单` : version ? `第${version}版权责清单` : '已公布的权责清单');
      return {
        body: { id: b.id, name: b.name },
        ...(await versionMeta(db, b.id, list.version)),
        powers: list.powers,
        duties: list.duties,
      };
    },
  );

  r.get(
    '/api/bodies/:bodyId/versions/compare',
    {
      schema: {
        tags,
        summary: '比较两个版本（逐字段）',
        params: bodyParams,
        querystring: compareQuery,
        response: { 200: comparisonSchema, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      await body(req.params.bodyId);
      const res = await compareVersions(db, req.params.bodyId, req.query.from, req.query.to);
      if (!res) throw notFound('所比较的版本');
      return res;
    },
  );
}
