// GET /search (the portal page) and GET /api/public/search (the same search as JSON).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, htmlSchema } from '../../contract/common.js';
import { SEARCH_PAGE_SIZE, searchAnswerSchema, searchQuery, type SearchQuery } from '../../contract/search.js';
import type { Database } from '../../db/connect.js';
import type { AppDeps } from '../../platform/deps.js';
import { page } from '../portal/layout.js';
import { categoryLabel } from '../portal/labels.js';
import { latestPublicationId } from '../portal/portal.repo.js';
import { answerIfFresh, etagOf, isElder, sendHtml } from '../portal/respond.js';
import { parseQuery } from './query.js';
import { bodyNameOf, RESULT_CAP, searchPowersSql, type SearchResult } from './search.repo.js';
import { searchMain } from './search.page.js';

export const PAGE_SIZE = SEARCH_PAGE_SIZE;

async function run(
  db: Database,
  q: SearchQuery,
  pageSize: number,
): Promise<{ terms: string[]; result: SearchResult | null }> {
  const terms = parseQuery(q.q);
  if (terms.length === 0) return { terms: [], result: null };
  const result = await searchPowersSql(db, {
    terms,
    level: q.level,
    bodyId: q.body,
    category: q.category,
    page: q.page,
    pageSize,
  });
  return { terms: terms.map((t) => t.text), result };
}

/** The portal page, registered inside the portal's scope (HTML error pages). */
export async function registerSearchPage(scope: FastifyInstance, deps: AppDeps) {
  // issue 15.1: the public's search reads the replica when READ_DATABASE_URL names one
  const db = deps.readDb ?? deps.db;
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/search',
    { schema: { hide: true, querystring: searchQuery, response: { 200: htmlSchema } } },
    async (req, reply) => {
      // results change only when something is published: the newest publication names them
      const generation = await latestPublicationId(db);
      if (answerIfFresh(req, reply, { etag: etagOf('search', req.url, isElder(req), generation), maxAge: 60 }))
        return reply;
      const [{ terms, result }, name] = await Promise.all([
        run(db, req.query, PAGE_SIZE),
        bodyNameOf(db, req.query.body),
      ]);
      const q = req.query;
      const title = q.q ? `“${q.q}”的检索结果` : '检索';
      const main = searchMain({
        q: q.q,
        level: q.level,
        bodyId: q.body,
        bodyName: name,
        category: q.category,
        page: q.page,
        pageSize: PAGE_SIZE,
        terms,
        result,
      });
      return sendHtml(
        reply,
        page(
          { title, elder: isElder(req), path: req.url, crumbs: [{ href: '/', label: '首页' }, { label: '检索' }] },
          main,
        ),
      );
    },
  );
}

/** The same search for programs: JSON, no login. */
export async function searchApiRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.readDb ?? deps.db;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/search',
    {
      schema: {
        tags: ['公开数据'],
        summary: '检索现行权责清单',
        description: `按职权名称、权力编码、法律法规名称及条文内容、部门名称检索现行有效的行政职权，多个检索词以空格分隔，须同时匹配；单字、两字检索均可。结果最多计 ${RESULT_CAP} 项（capped 为 true 表示超过），每页 ${PAGE_SIZE} 项。`,
        querystring: searchQuery,
        response: { 200: searchAnswerSchema, 400: errorSchema },
      },
    },
    async (req, reply) => {
      const generation = await latestPublicationId(db);
      if (answerIfFresh(req, reply, { etag: etagOf('search.json', req.url, generation), maxAge: 60 })) return reply;
      const { result } = await run(db, req.query, PAGE_SIZE);
      return {
        q: req.query.q,
        total: result?.total ?? 0,
        capped: result?.capped ?? false,
        page: req.query.page,
        pageSize: PAGE_SIZE,
        items: (result?.rows ?? []).map((h) => ({
          code: h.code,
          name: h.name,
          category: h.category,
          categoryLabel: categoryLabel(h.category),
          status: h.status,
          body: { id: h.bodyId, name: h.bodyName, region: h.regionName, level: h.level },
          url: `/bodies/${h.bodyId}/powers/${h.code}`,
        })),
      };
    },
  );
}
