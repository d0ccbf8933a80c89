// Open data API (spec §7), no login: the bodies with their current versions, a body's
// version history, and a body's list (current or ?version=) as JSON or CSV. Every response of
// published content carries an ETag from the publication digest; If-None-Match → 304.
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  csvSchema,
  openBodiesSchema,
  openListSchema,
  openVersionsSchema,
  versionQuery,
} from '../../contract/portal.js';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { errorSchema, idParam } from '../../platform/http.js';
import { listCsv, listJson, versionItems } from './open-data.js';
import * as repo from './portal.repo.js';
import { answerIfFresh, etagOf } from './respond.js';
import { PUBLICATION_DIGEST_HEADER, publicationDigest } from '../../contract/integrity.js';

const TAG = ['公开数据'];

/** A body's published list, current or numbered: 404 for an unknown body, none published, or no such version. */
export async function publishedVersion(db: AppDeps['db'], bodyId: number, version: number | undefined) {
  const h = await repo.bodyHead(db, bodyId);
  if (!h) throw new AppError('NOT_FOUND', `未找到编号为 ${bodyId} 的机构`);
  if (!h.latest) throw new AppError('NOT_FOUND', `${h.body.name}尚未公布权责清单`);
  const v = version ? await repo.findVersion(db, h.body.id, { version }) : h.latest;
  if (!v) throw new AppError('NOT_FOUND', `${h.body.name}权责清单没有第 ${version} 版`);
  return { body: h.body, v };
}
export async function openDataRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const resolve = (bodyId: number, version: number | undefined) => publishedVersion(db, bodyId, version);
  // a numbered version never changes; "current" changes at the next publication
  const maxAge = (version: number | undefined) => (version ? 86400 : 300);
  const load = (bodyId: number, version: number) =>
    Promise.all([repo.powersIn(db, bodyId, version), repo.dutiesIn(db, bodyId, version)]);

  r.get(
    '/api/public/bodies',
    {
      schema: {
        tags: TAG,
        summary: '公开权责清单的机构及其现行版本',
        response: { 200: openBodiesSchema },
      },
    },
    async (req, reply) => {
      const rows = await repo.publishedBodies(db);
      if (
        answerIfFresh(req, reply, {
          etag: etagOf('bodies', JSON.stringify(rows.map((x) => [x.id, x.name, x.version]))),
          maxAge: 300,
        })
      )
        return reply;
      return {
        items: rows.map((x) => ({
          ...x,
          json: `/api/public/bodies/${x.id}/list.json`,
          csv: `/api/public/bodies/${x.id}/list.csv`,
        })),
      };
    },
  );

  r.get(
    '/api/public/bodies/:id/versions',
    {
      schema: {
        tags: TAG,
        summary: '机构权责清单的历史版本',
        params: idParam,
        response: { 200: openVersionsSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const h = await repo.bodyHead(db, req.params.id);
      if (!h) throw new AppError('NOT_FOUND', `未找到编号为 ${req.params.id} 的机构`);
      if (
        answerIfFresh(req, reply, {
          etag: etagOf('versions.json', h.body.id, h.body.name, h.latest?.version, h.latest?.digest),
          maxAge: 300,
        })
      )
        return reply;
      const versions = await repo.listVersions(db, h.body.id);
      const base = `/api/public/bodies/${h.body.id}`;
      return {
        body: { id: h.body.id, name: h.body.name },
        items: versionItems(base, versions),
      };
    },
  );

  r.get(
    '/api/public/bodies/:id/list.json',
    {
      schema: {
        tags: TAG,
        summary: '机构权责清单（JSON）',
        description: '现行版本，或以 ?version= 指定历史版本。powers 按规范化 JSON 计算 SM3 即得 digest。',
        params: idParam,
        querystring: versionQuery,
        response: { 200: openListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { body, v } = await resolve(req.params.id, req.query.version);
      reply.header(PUBLICATION_DIGEST_HEADER, publicationDigest(v.digest));
      if (
        answerIfFresh(req, reply, {
          etag: etagOf('list.json', body.id, body.name, body.regionName, v.version, v.digest),
          maxAge: maxAge(req.query.version),
        })
      )
        return reply;
      const [powers, duties] = await load(body.id, v.version);
      reply.header('content-disposition', `inline; filename="list-${body.id}-v${v.version}.json"`);
      return listJson(body, v, powers, duties);
    },
  );

  r.get(
    '/api/public/bodies/:id/list.csv',
    {
      schema: {
        tags: TAG,
        summary: '机构权责清单（CSV）',
        description:
          'UTF-8（带 BOM，Excel 可直接打开），列为职权信息表各项；以 = + - @ 开头的单元格前加单引号，防止公式注入。',
        params: idParam,
        querystring: versionQuery,
        response: { 200: csvSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { body, v } = await resolve(req.params.id, req.query.version);
      reply.header(PUBLICATION_DIGEST_HEADER, publicationDigest(v.digest));
      if (
        answerIfFresh(req, reply, {
          etag: etagOf('list.csv', body.id, body.name, v.version, v.digest),
          maxAge: maxAge(req.query.version),
        })
      )
        return reply;
      const [powers] = await load(body.id, v.version);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          contentDisposition(`${body.name}权责清单（第${v.version}版）.csv`, {
            fallback: `list-${body.id}-v${v.version}.csv`,
          }),
        )
        .send(listCsv(v, powers));
    },
  );
}
