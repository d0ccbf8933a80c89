// The stable, versioned public JSON API (issue 14.3, §15 ¶2), no login, under /api/public/v1/: its
// index, the bodies, a body's versions and lists (the portal's presenters listJson/listCsv, so the
// files are the same as /api/public/bodies/…), the diff between two versions, a body's Atom feed,
// the JSON Schema of the bulk lines, and its own OpenAPI document and page (apart from the staff's
// /api/docs). Fields are only ever added within v1; a change that removes or renames one is v2.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParam, textSchema } from '../../contract/common.js';
import { PUBLICATION_DIGEST_HEADER, publicationDigest } from '../../contract/integrity.js';
import { diffQuery, diffSchema, feedQuery, versionParam } from '../../contract/open-data.js';
import { csvSchema, openListSchema, openVersionsSchema, versionQuery } from '../../contract/portal.js';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { listCsv, listJson, versionItems } from '../portal/open-data.js';
import { publishedVersion } from '../portal/open-data.routes.js';
import * as repo from '../portal/portal.repo.js';
import { etagOf } from '../portal/respond.js';
import { ATOM_TYPE, atomFeed } from './atom.js';
import { API_LIMIT, FEED_ENTRIES, V1 } from './bulk.routes.js';
import { changesOf, recentPublications } from './changes.js';
import { answerConditional } from './http-cache.js';
import { LINE_SCHEMA_PATH, powerLineJsonSchema } from './line-schema.js';

const TAGS = ['开放数据 v1：机构清单'];
const notFound = (m: string) => new AppError('NOT_FOUND', m);

export async function publicApiRoutes(app: FastifyInstance, { db, config }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const bodyUrl = (id: number) => `${V1}/bodies/${id}`;

  async function head(id: number) {
    const h = await repo.bodyHead(db, id);
    if (!h) throw notFound(`未找到编号为 ${id} 的机构`);
    if (!h.latest) throw notFound(`${h.body.name}尚未公布权责清单`);
    return { body: h.body, latest: h.latest };
  }
  const versionOf = (id: number, version: number | undefined) => publishedVersion(db, id, version);
  // a numbered version never changes; "current" changes at the next publication
  const cacheFor = (req: FastifyRequest, reply: FastifyReply, parts: unknown[], at: Date | null, numbered: boolean) =>
    answerConditional(req, reply, {
      etag: etagOf('v1', ...parts.map(String)),
      lastModified: at,
      maxAge: numbered ? 86400 : 300,
    });

  r.get(
    V1,
    {
      config: API_LIMIT,
      schema: { tags: TAGS, summary: '开放数据接口 v1 目录', response: { 200: z.looseObject({}) } },
    },
    async () => ({
      version: '1',
      openapi: `${V1}/openapi.json`,
      docs: '/api/docs/public',
      manual: 'docs/OPEN-DATA.md',
      schemas: { powerLine: LINE_SCHEMA_PATH },
      city: {
        manifest: `${V1}/city/manifest.json`,
        jsonl: `${V1}/city/powers.jsonl`,
        csv: `${V1}/city/powers.csv`,
        atom: `${V1}/city/changes.atom`,
      },
      levels: [1, 2, 3].map((l) => ({ level: l, manifest: `${V1}/levels/${l}/manifest.json` })),
      bodies: `${V1}/bodies/{id}/list.json`,
    }),
  );

  r.get(
    LINE_SCHEMA_PATH,
    {
      config: API_LIMIT,
      schema: {
        tags: TAGS,
        summary: '批量数据每行的 JSON Schema（power-line v1）',
        response: { 200: textSchema },
      },
    },
    async (req, reply) => {
      const text = JSON.stringify(powerLineJsonSchema());
      if (answerConditional(req, reply, { etag: etagOf('schema', text), lastModified: null, maxAge: 86400 }))
        return reply;
      return reply.type('application/schema+json; charset=utf-8').send(text);
    },
  );

  r.get(
    `${V1}/bodies/:id/versions`,
    {
      config: API_LIMIT,
      schema: {
        tags: TAGS,
        summary: '机构权责清单的全部版本',
        params: idParam,
        response: { 200: openVersionsSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { body, latest } = await head(req.params.id);
      if (
        cacheFor(req, reply, ['versions', body.id, body.name, latest.version, latest.digest], latest.publishedAt, false)
      )
        return reply;
      const base = bodyUrl(body.id);
      return {
        body: { id: body.id, name: body.name },
        items: versionItems(base, await repo.listVersions(db, body.id)),
      };
    },
  );

  r.get(
    `${V1}/bodies/:id/list.json`,
    {
      config: API_LIMIT,
      schema: {
        tags: TAGS,
        summary: '机构权责清单（JSON）；?version= 指定历史版本',
        description: 'powers 按规范化 JSON 计算 SM3 即得 digest。',
        params: idParam,
        querystring: versionQuery,
        response: { 200: openListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { body, v } = await versionOf(req.params.id, req.query.version);
      reply.header(PUBLICATION_DIGEST_HEADER, publicationDigest(v.digest));
      const parts = ['list.json', body.id, body.name, body.regionName, v.version, v.digest];
      if (cacheFor(req, reply, parts, v.publishedAt, !!req.query.version)) return reply;
      const [powers, duties] = await Promise.all([
        repo.powersIn(db, body.id, v.version),
        repo.dutiesIn(db, body.id, v.version),
      ]);
      return listJson(body, v, powers, duties);
    },
  );

  r.get(
    `${V1}/bodies/:id/list.csv`,
    {
      config: API_LIMIT,
      schema: {
        tags: TAGS,
        summary: '机构权责清单（CSV，UTF-8 带 BOM）；?version= 指定历史版本',
        params: idParam,
        querystring: versionQuery,
        response: { 200: csvSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { body, v } = await versionOf(req.params.id, req.query.version);
      reply.header(PUBLICATION_DIGEST_HEADER, publicationDigest(v.digest));
      if (
        cacheFor(req, reply, ['list.csv', body.id, body.name, v.version, v.digest], v.publishedAt, !!req.query.version)
      )
        return reply;
      const powers = await repo.powersIn(db, body.id, v.version);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="list-${body.id}-v${v.version}.csv"`)
        .send(listCsv(v, powers));
    },
  );

  r.get(
    `${V1}/bodies/:id/versions/:version/diff.json`,
    {
      config: API_LIMIT,
      schema: {
        tags: TAGS,
        summary: '某一版本与上一版本（或 ?from= 指定版本，0 为空清单）的差异',
        params: versionParam,
        querystring: diffQuery,
        response: { 200: diffSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { body, v } = await versionOf(req.params.id, req.params.version);
      const from = req.query.from ?? v.version - 1;
      const f = from > 0 ? await repo.findVersion(db, body.id, { version: from }) : undefined;
      if (from > 0 && !f) throw notFound(`${body.name}权责清单没有第 ${from} 版`);
      if (cacheFor(req, reply, ['diff', body.id, body.name, from, f?.digest, v.version, v.digest], v.publishedAt, true))
        return reply;
      return {
        body: { id: body.id, name: body.name },
        from,
        to: v.version,
        digestFrom: f?.digest ?? null,
        digestTo: v.digest,
        changes: await changesOf(db, body.id, v.version, from),
      };
    },
  );

  r.get(
    `${V1}/bodies/:id/changes.atom`,
    {
      config: API_LIMIT,
      schema: {
        tags: TAGS,
        summary: '机构权责清单变更订阅（Atom）；每页 50 条，更早的见 rel="next"（?before=）',
        params: idParam,
        querystring: feedQuery,
        response: { 200: textSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { body } = await head(req.params.id);
      const { before } = req.query;
      const pubs = await recentPublications(db, { bodyId: body.id }, FEED_ENTRIES, before);
      if (
        cacheFor(
          req,
          reply,
          ['atom', body.id, body.name, before, pubs.map((p) => p.versionId).join(',')],
          pubs[0]?.publishedAt ?? null,
          false,
        )
      )
        return reply;
      const entries = [];
      for (const p of pubs) entries.push({ p, changes: await changesOf(db, p.bodyId, p.version) });
      return reply.type(ATOM_TYPE).send(
        atomFeed({
          self: `${config.publicUrl}${bodyUrl(body.id)}/changes.atom${before ? `?before=${before}` : ''}`,
          next:
            pubs.length === FEED_ENTRIES
              ? `${config.publicUrl}${bodyUrl(body.id)}/changes.atom?before=${pubs.at(-1)!.versionId}`
              : undefined,
          title: `${body.name}权责清单变更`,
          alternate: `${config.publicUrl}/bodies/${body.id}`,
          publicUrl: config.publicUrl,
          entries,
          emptyUpdated: new Date(0),
        }),
      );
    },
  );

  // its own OpenAPI document: the v1 paths of the app's document, nothing of the staff's API
  r.get(
    `${V1}/openapi.json`,
    {
      config: API_LIMIT,
      schema: { tags: TAGS, summary: '开放数据接口 v1 的 OpenAPI 文档', response: { 200: z.looseObject({}) } },
    },
    async (_req, reply) => {
      const all = app.swagger() as { paths?: Record<string, unknown>; components?: unknown };
      const paths = Object.fromEntries(Object.entries(all.paths ?? {}).filter(([p]) => p.startsWith(V1)));
      return reply.header('cache-control', 'public, max-age=3600').send({
        openapi: '3.0.3',
        info: {
          title: '包头市权责清单开放数据接口',
          version: '1',
          description:
            '无需登录。清单、批量数据（JSON Lines、CSV）、变更订阅（Atom）；每份数据附 SM3 公布摘要。Webhook 推送与签名校验见 docs/OPEN-DATA.md。',
        },
        paths,
      });
    },
  );
  r.get(`${V1}/docs`, { schema: { hide: true, response: { 302: z.null() } } }, async (_req, reply) =>
    reply.redirect('/api/docs/public', 302),
  );
  // the page lives under /api/docs/ for that path's CSP, which lets Swagger UI's own scripts run
  r.get('/api/docs/public', { schema: { hide: true, response: { 200: textSchema } } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>开放数据接口 v1</title>
<link rel="stylesheet" href="/api/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/static/swagger-ui-bundle.js"></script>
<script src="/api/docs/public/init.js"></script></body></html>`),
  );
  r.get('/api/docs/public/init.js', { schema: { hide: true, response: { 200: textSchema } } }, async (_req, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .send(`window.ui = SwaggerUIBundle({ url: '${V1}/openapi.json', dom_id: '#swagger-ui' });\n`),
  );
}
