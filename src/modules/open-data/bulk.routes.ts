// Bulk data of a level or of the whole city (issue 14.3, §15 ¶2 畅通信息公开渠道), no login: the
// manifest (bodies, versions, digests and the file's publication digest), JSON Lines and CSV
// streamed, and the Atom changes feed. Under /api/public/ like every public route, so the portal's
// closure (§15 ¶3, modules/integrity) covers them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, textSchema } from '../../contract/common.js';
import { feedQuery, levelParam, manifestSchema, REGION_LEVEL_LABELS } from '../../contract/open-data.js';
import type { AppDeps } from '../../platform/deps.js';
import { etagOf } from '../portal/respond.js';
import { ATOM_TYPE, atomFeed } from './atom.js';
import { bulkBodies, bulkDigest, csvLines, jsonLines, lastPublished, type BulkBody } from './bulk.js';
import { changesOf, recentPublications } from './changes.js';
import { answerConditional } from './http-cache.js';
import { PUBLICATION_DIGEST_HEADER, publicationDigest } from '../../contract/integrity.js';
import { LINE_SCHEMA_PATH } from './line-schema.js';

export const V1 = '/api/public/v1';
const TAGS = ['开放数据 v1：批量数据与变更订阅'];
export const API_LIMIT = { rateLimit: { max: 120, timeWindow: '1 minute' } };
const BULK_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };
export const FEED_ENTRIES = 50;
/** a streamed file: the route's 200 schema is the file's text, which a stream is sent as */
const sendStream = (reply: FastifyReply, body: Readable) => reply.send(body);

type Scope = { level: number | null; base: string; label: string };
const scopeOf = (level?: number): Scope =>
  level === undefined
    ? { level: null, base: `${V1}/city`, label: '包头市全市' }
    : { level, base: `${V1}/levels/${level}`, label: `包头市${REGION_LEVEL_LABELS[level]}` };

export async function bulkRoutes(app: FastifyInstance, { db, config }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function fixed(req: FastifyRequest, reply: FastifyReply, s: Scope, kind: string) {
    const bodies = await bulkBodies(db, s.level);
    const digest = bulkDigest(bodies);
    reply.header(PUBLICATION_DIGEST_HEADER, publicationDigest(digest));
    const fresh = answerConditional(req, reply, {
      etag: etagOf('v1', kind, s.level, digest, bodies.map((b) => `${b.name}\u0002${b.regionName}`).join('\u0001')),
      lastModified: lastPublished(bodies),
      maxAge: 300,
    });
    return { bodies, digest, fresh };
  }
  const manifest = (s: Scope, bodies: BulkBody[], digest: string) => ({
    scope: { level: s.level, label: s.label },
    digest,
    digestAlgorithm: 'SM3' as const,
    lastPublishedAt: lastPublished(bodies)?.toISOString() ?? null,
    bodyCount: bodies.length,
    powerCount: bodies.reduce((n, b) => n + b.powerCount, 0),
    schema: LINE_SCHEMA_PATH,
    downloads: { jsonl: `${s.base}/powers.jsonl`, csv: `${s.base}/powers.csv`, atom: `${s.base}/changes.atom` },
    bodies: bodies.map((b) => ({
      id: b.id,
      name: b.name,
      regionCode: b.regionCode,
      regionName: b.regionName,
      level: b.level,
      version: b.version,
      publishedAt: b.publishedAt.toISOString(),
      digest: b.digest,
      powerCount: b.powerCount,
    })),
  });
  const fileName = (s: Scope, ext: string) => `powers-${s.level === null ? 'city' : `level-${s.level}`}.${ext}`;

  // the same four resources for the whole city and for each level
  for (const [path, scope] of [
    [`${V1}/city`, () => scopeOf()],
    [`${V1}/levels/:level`, (p: { level?: number }) => scopeOf(p.level)],
  ] as const) {
    const params = path.includes(':level') ? { params: levelParam } : {};
    const who = path.includes(':level') ? '一个层级（1 市本级、2 旗县区、3 苏木乡镇）' : '全市';
    r.get(
      `${path}/manifest.json`,
      {
        config: API_LIMIT,
        schema: {
          tags: TAGS,
          summary: `${who}批量数据清单：各机构现行版本、摘要与整份数据的公布摘要`,
          ...params,
          response: { 200: manifestSchema, 400: errorSchema },
        },
      },
      async (req, reply) => {
        const s = scope(req.params as { level?: number });
        const { bodies, digest, fresh } = await fixed(req, reply, s, 'manifest');
        if (fresh) return reply;
        return manifest(s, bodies, digest);
      },
    );

    r.get(
      `${path}/powers.jsonl`,
      {
        config: BULK_LIMIT,
        schema: {
          tags: TAGS,
          summary: `${who}现行权责清单（JSON Lines，逐机构流式输出）`,
          description: `每行一项行政职权，格式见 ${LINE_SCHEMA_PATH}；响应头 X-Publication-Digest 为整份数据的公布摘要（与 manifest.json 的 digest 相同）。`,
          ...params,
          response: { 200: textSchema, 400: errorSchema },
        },
      },
      async (req, reply) => {
        const s = scope(req.params as { level?: number });
        const { bodies, fresh } = await fixed(req, reply, s, 'jsonl');
        if (fresh) return reply;
        reply
          .type('application/x-ndjson; charset=utf-8')
          .header('link', `<${LINE_SCHEMA_PATH}>; rel="describedby"`)
          .header('content-disposition', `attachment; filename="${fileName(s, 'jsonl')}"`);
        return sendStream(reply, jsonLines(db, bodies));
      },
    );

    r.get(
      `${path}/powers.csv`,
      {
        config: BULK_LIMIT,
        schema: {
          tags: TAGS,
          summary: `${who}现行权责清单（CSV，UTF-8 带 BOM，逐机构流式输出）`,
          description: '前六列为区划代码、区划、机构编号、机构、版本、版本摘要，其后为职权信息表各列。',
          ...params,
          response: { 200: textSchema, 400: errorSchema },
        },
      },
      async (req, reply) => {
        const s = scope(req.params as { level?: number });
        const { bodies, fresh } = await fixed(req, reply, s, 'csv');
        if (fresh) return reply;
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName(s, 'csv')}"`);
        return sendStream(reply, csvLines(db, bodies));
      },
    );

    r.get(
      `${path}/changes.atom`,
      {
        config: API_LIMIT,
        schema: {
          tags: TAGS,
          summary: `${who}权责清单变更订阅（Atom）：每次公布一条，附与上一版本的差异`,
          description: '每页 50 条，由新到旧；更早的条目见 rel="next"（?before=）。',
          ...params,
          querystring: feedQuery,
          response: { 200: textSchema, 400: errorSchema },
        },
      },
      async (req, reply) => {
        const s = scope(req.params as { level?: number });
        const before = (req.query as { before?: number }).before;
        const pubs = await recentPublications(db, s.level === null ? 'city' : { level: s.level }, FEED_ENTRIES, before);
        const fresh = answerConditional(req, reply, {
          etag: etagOf(
            'v1',
            'atom',
            s.level,
            before,
            pubs.map((p) => `${p.versionId}\u0002${p.bodyName}`).join('\u0001'),
          ),
          lastModified: pubs[0]?.publishedAt ?? null,
          maxAge: 300,
        });
        if (fresh) return reply;
        const entries = [];
        for (const p of pubs) entries.push({ p, changes: await changesOf(db, p.bodyId, p.version) });
        return reply.type(ATOM_TYPE).send(
          atomFeed({
            self: `${config.publicUrl}${s.base}/changes.atom${before ? `?before=${before}` : ''}`,
            next:
              pubs.length === FEED_ENTRIES
                ? `${config.publicUrl}${s.base}/changes.atom?before=${pubs.at(-1)!.versionId}`
                : undefined,
            title: `${s.label}权责清单变更`,
            alternate: `${config.publicUrl}/`,
            publicUrl: config.publicUrl,
            entries,
            emptyUpdated: new Date(0),
          }),
        );
      },
    );
  }
}
