// The public portal: levels → regions → a body's list → a power, the body's versions and the
// difference between two, and search. Server-rendered, no script required; every error is a
// page in Chinese (portalErrorHandler). Pages of a published version carry an ETag from its
// digest and are rendered once per variant (PageCache).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate, todayInBeijing } from '../../core/calendar/index.js';
import { diffPowerLists } from '../../core/register/diff.js';
import { AppError } from '../../core/errors.js';
import { htmlSchema, redirectSchema, textSchema } from '../../contract/common.js';
import type { AppDeps } from '../../platform/deps.js';
import { bodyPageMain, noListMain } from './body.page.js';
import { homeMain, regionMain } from './home.page.js';
import { FAVICON_SVG, page, PORTAL_CSS, useSite } from './layout.js';
import * as links from './links.repo.js';
import { linkedBodyIds } from './relations.js';
import { sitemapMain } from './sitemap.page.js';
import { openDataRoutes } from './open-data.routes.js';
import { HeadMemo } from './head-memo.js';
import { cachedPage, PageCache } from './page-cache.js';
import * as repo from './portal.repo.js';
import { powerPageMain } from './power.page.js';
import { safeBack } from './back-path.js';
import { answerIfFresh, ELDER_COOKIE, etagOf, isElder, portalErrorHandler, sendHtml, sendPage } from './respond.js';
import { diffMain, versionsMain } from './versions.page.js';
import { PUBLICATION_DIGEST_HEADER, publicationDigest } from '../../contract/integrity.js';

export { ELDER_COOKIE, isElder };

const id = z.object({
  id: z.coerce
    .number({ error: '机构编号应为数字' })
    .int('机构编号应为整数')
    .positive('机构编号无效')
    .max(2_147_483_647, '机构编号无效'),
});
const version = z.coerce
  .number({ error: '版本号应为数字' })
  .int('版本号应为整数')
  .positive('版本号应为正整数')
  .max(1_000_000, '版本号无效');
// The 查看某一日期有效的清单 box is an <input type=date> (it sends 2026-01-01); a browser without
// one sends what was typed, so 2026-1-1, 2026/1/1 and 2026年1月1日 are read as the same day.
const DATE_MESSAGE = '查询日期应为有效的日期，格式：年-月-日，如 2026-01-01';
const typedDate = (s: string) => {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
};
const date = z
  .string({ error: DATE_MESSAGE })
  .transform(typedDate)
  .refine((s) => isIsoDate(s) && s >= '1949-10-01' && s <= '2999-12-31', DATE_MESSAGE);
const code = z.string().regex(/^[0-9A-Za-z-]{3,64}$/, '权力编码格式不正确');

const notFound = (msg: string) => new AppError('NOT_FOUND', msg);
/** What a body's pages show of the body itself (their cache keys include it). */
const bodyKey = (b: repo.BodyInfo) =>
  [b.id, b.name, b.kind, b.regionCode, b.regionName, b.regionLevel, b.parentRegion?.name ?? ''].join('\u0002');
const crumbsFor = (b: repo.BodyInfo, last?: string) => [
  { href: '/', label: '首页' },
  ...(b.parentRegion ? [{ href: `/regions/${b.parentRegion.code}`, label: b.parentRegion.name }] : []),
  { href: `/regions/${b.regionCode}`, label: b.regionName },
  last ? { href: `/bodies/${b.id}`, label: b.name } : { label: b.name },
  ...(last ? [{ label: last }] : []),
];

/** Pages of other modules served inside the portal (its headers, caching and error pages), handed in at assembly. */
export type PortalPages = (scope: FastifyInstance, deps: AppDeps) => Promise<void>;

export async function portalRoutes(app: FastifyInstance, deps: AppDeps, pages: PortalPages[] = []) {
  const { db } = deps;
  const cache = new PageCache();
  useSite(deps.config.site);
  const today = () => todayInBeijing(deps.clock());

  /**
   * A page of published content: 304 if the client has it, else from the cache, else rendered.
   * The cache key is the page's identity in plain text (no hashing on the hot path); the ETag,
   * a hash of it, is computed once per page.
   */
  async function versioned(
    req: FastifyRequest,
    reply: FastifyReply,
    parts: (string | number)[],
    maxAge: number,
    render: () => Promise<string>,
  ) {
    const key = `${req.url}\u0001${isElder(req) ? 1 : 0}\u0001${parts.join('\u0001')}`;
    let entry = cache.get(key);
    const etag = entry?.etag ?? etagOf(key);
    if (answerIfFresh(req, reply, { etag, maxAge })) return reply;
    if (!entry) cache.set(key, (entry = cachedPage(await render(), etag)));
    reply.type('text/html; charset=utf-8');
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? ''))
      return reply.header('content-encoding', 'gzip').send(entry.gz);
    return reply.send(entry.raw);
  }

  const memo = new HeadMemo<Awaited<ReturnType<typeof repo.bodyHead>>>();
  // a write in this process may have published something: forget what we know
  app.addHook('onResponse', (req, _reply, done) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') memo.clear();
    done();
  });

  // What a body's page shows besides its own list: consultations open on it, powers entrusted to
  // it. Both change without a publication of this body, so they are part of the cache key.
  const extrasMemo = new HeadMemo<{ consultations: links.OpenConsultation[]; entrustedIn: links.EntrustedIn[] }>();
  const extras = (req: FastifyRequest, bodyId: number) =>
    extrasMemo.get(req, bodyId, async () => {
      const [consultations, entrustedIn] = await Promise.all([
        links.openConsultations(db, today(), { bodyId }),
        links.entrustedIn(db, bodyId),
      ]);
      return { consultations, entrustedIn };
    });
  app.addHook('onResponse', (req, _reply, done) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') extrasMemo.clear();
    done();
  });
  const extrasKey = (x: { consultations: links.OpenConsultation[]; entrustedIn?: links.EntrustedIn[] }) =>
    JSON.stringify([
      x.consultations.map((c) => [c.id, c.title, c.opensOn, c.closesOn]),
      (x.entrustedIn ?? []).map((e) => [e.bodyId, e.bodyName, e.code, e.name]),
    ]);

  async function head(req: FastifyRequest, bodyId: number) {
    const h = await memo.get(req, bodyId, () => repo.bodyHead(db, bodyId));
    if (!h) throw notFound(`未找到编号为 ${bodyId} 的机构`);
    return h;
  }

  await app.register(async (scope) => {
    scope.setErrorHandler(portalErrorHandler);
    // pages vary with the elder-mode cookie and (cached pages are sent gzipped) the encoding
    scope.addHook('onSend', (_req, reply, payload, done) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
        reply.header('vary', 'Cookie, Accept-Encoding');
      done(null, payload);
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/portal.css', { schema: { hide: true, response: { 200: textSchema } } }, async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PORTAL_CSS),
    );

    r.get('/favicon.svg', { schema: { hide: true, response: { 200: textSchema } } }, async (_req, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
    );
    // browsers ask for /favicon.ico on their own
    r.get('/favicon.ico', { schema: { hide: true, response: { 301: redirectSchema } } }, async (_req, reply) =>
      reply.header('cache-control', 'public, max-age=86400').redirect('/favicon.svg', 301),
    );

    r.get('/sitemap', { schema: { hide: true, response: { 200: htmlSchema } } }, async (req, reply) => {
      const regions = await repo.regionsWithCounts(db);
      return sendPage(
        req,
        reply,
        page(
          {
            title: '网站地图',
            elder: isElder(req),
            path: req.url,
            crumbs: [{ href: '/', label: '首页' }, { label: '网站地图' }],
          },
          sitemapMain(regions),
        ),
      );
    });

    r.get(
      '/elder-mode',
      {
        schema: {
          hide: true,
          response: { 303: redirectSchema },
          querystring: z.object({ on: z.enum(['0', '1']).default('1'), back: z.string().max(500).optional() }),
        },
      },
      async (req, reply) => {
        if (req.query.on === '1')
          reply.setCookie(ELDER_COOKIE, '1', { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
        else reply.clearCookie(ELDER_COOKIE, { path: '/' });
        return reply.redirect(safeBack(req.query.back), 303);
      },
    );

    r.get('/', { schema: { hide: true, response: { 200: htmlSchema } } }, async (req, reply) => {
      const [regions, open] = await Promise.all([repo.regionsWithCounts(db), links.openConsultations(db, today())]);
      return sendPage(req, reply, page({ title: '首页', elder: isElder(req), path: req.url }, homeMain(regions, open)));
    });

    r.get(
      '/regions/:code',
      {
        schema: {
          hide: true,
          response: { 200: htmlSchema },
          params: z.object({ code: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码应为 6 位或 9 位数字') }),
        },
      },
      async (req, reply) => {
        const data = await repo.regionPage(db, req.params.code);
        if (!data) throw notFound(`未找到区划代码为 ${req.params.code} 的区划`);
        const crumbs = [
          { href: '/', label: '首页' },
          ...(data.parent ? [{ href: `/regions/${data.parent.code}`, label: data.parent.name }] : []),
          { label: data.region.name },
        ];
        return sendPage(
          req,
          reply,
          page({ title: data.region.name, elder: isElder(req), path: req.url, crumbs }, regionMain(data)),
        );
      },
    );

    const bodyQuery = z.object({
      version: version.optional(),
      date: date.optional(),
      category: z
        .string()
        .regex(/^[A-Z]{2}$/, '权力类别应为两位大写字母代码，如 XK')
        .optional(),
      all: z.literal('1', { error: 'all 只能为 1' }).optional(),
    });
    r.get(
      '/bodies/:id',
      { schema: { hide: true, params: id, querystring: bodyQuery, response: { 200: htmlSchema } } },
      async (req, reply) => {
        const { body, latest } = await head(req, req.params.id);
        const { version: vn, date: asOf } = req.query;
        const elder = isElder(req);
        const frame = (main: ReturnType<typeof noListMain>) =>
          page({ title: `${body.name}权责清单`, elder, path: req.url, crumbs: crumbsFor(body) }, main);
        if (!latest) return sendHtml(reply.header('cache-control', 'public, max-age=60'), frame(noListMain(body)));
        const v = vn
          ? await repo.findVersion(db, body.id, { version: vn })
          : asOf
            ? await repo.findVersion(db, body.id, { date: asOf })
            : latest;
        if (!v && vn) throw notFound(`${body.name}权责清单没有第 ${vn} 版（现行为第 ${latest.version} 版）`);
        if (!v) {
          const first = (await repo.listVersions(db, body.id)).at(-1);
          return sendHtml(reply.header('cache-control', 'public, max-age=60'), frame(noListMain(body, asOf, first)));
        }
        // issue 14.4: the page carries its publication's digest (the integrity monitor reads it)
        reply.header(PUBLICATION_DIGEST_HEADER, publicationDigest(v.digest));
        const x = await extras(req, body.id);
        // powers entrusted to this body are shown with its current list only
        const entrusted = v.version === latest.version ? x.entrustedIn : [];
        return versioned(
          req,
          reply,
          [
            'body',
            bodyKey(body),
            v.version,
            v.digest,
            latest.version,
            extrasKey({ consultations: x.consultations, entrustedIn: entrusted }),
          ],
          vn ? 300 : 60,
          async () => {
            const [powers, duties] = await Promise.all([
              repo.powersIn(db, body.id, v.version),
              repo.dutiesIn(db, body.id, v.version),
            ]);
            const show = { category: req.query.category, all: req.query.all === '1' };
            const names = await links.bodyNames(db, linkedBodyIds(powers));
            return frame(
              bodyPageMain({
                body,
                version: v,
                latest: latest.version,
                powers,
                duties,
                asked: { date: asOf, version: vn },
                show,
                consultations: x.consultations,
                entrustedIn: entrusted,
                names,
              }),
            );
          },
        );
      },
    );

    r.get(
      '/bodies/:id/powers/:code',
      {
        schema: {
          hide: true,
          params: id.extend({ code }),
          querystring: z.object({ version: version.optional() }),
          response: { 200: htmlSchema },
        },
      },
      async (req, reply) => {
        const { body, latest } = await head(req, req.params.id);
        if (!latest) throw notFound(`${body.name}尚未公布权责清单`);
        const v = req.query.version ? await repo.findVersion(db, body.id, { version: req.query.version }) : latest;
        if (!v) throw notFound(`${body.name}权责清单没有第 ${req.query.version} 版`);
        reply.header(PUBLICATION_DIGEST_HEADER, publicationDigest(v.digest));
        const codeUp = req.params.code.toUpperCase();
        const consultations = await links.openConsultations(db, today(), { bodyId: body.id, code: codeUp });
        return versioned(
          req,
          reply,
          ['power', bodyKey(body), v.version, v.digest, latest.version, codeUp, extrasKey({ consultations })],
          req.query.version ? 300 : 60,
          async () => {
            const power = await repo.powerIn(db, body.id, codeUp, v.version);
            if (!power) throw notFound(`${body.name}权责清单第 ${v.version} 版中没有编码为 ${codeUp} 的行政职权`);
            const [parent, subItems, history, successors, names] = await Promise.all([
              power.parentCode ? repo.powerIn(db, body.id, power.parentCode, v.version) : undefined,
              power.parentCode ? [] : repo.subItemsIn(db, body.id, power.code, v.version),
              repo.powerHistory(db, body.id, power.code),
              links.successorsIn(db, body.id, power.code, v.version),
              links.bodyNames(db, linkedBodyIds([power])),
            ]);
            const main = powerPageMain({
              body,
              version: v,
              latest: latest.version,
              power,
              parent: parent ? { code: parent.code, name: parent.name } : null,
              subItems,
              history,
              successors,
              names,
              consultations,
            });
            return page(
              { title: power.name, elder: isElder(req), path: req.url, crumbs: crumbsFor(body, power.name) },
              main,
            );
          },
        );
      },
    );

    r.get(
      '/bodies/:id/versions',
      { schema: { hide: true, params: id, response: { 200: htmlSchema } } },
      async (req, reply) => {
        const { body, latest } = await head(req, req.params.id);
        if (!latest) throw notFound(`${body.name}尚未公布权责清单`);
        reply.header(PUBLICATION_DIGEST_HEADER, publicationDigest(latest.digest));
        return versioned(req, reply, ['versions', bodyKey(body), latest.version, latest.digest], 60, async () => {
          const [versions, sources] = await Promise.all([
            repo.listVersions(db, body.id),
            links.versionSources(db, body.id),
          ]);
          return page(
            { title: `${body.name}历史版本`, elder: isElder(req), path: req.url, crumbs: crumbsFor(body, '历史版本') },
            versionsMain(body, versions, sources),
          );
        });
      },
    );

    r.get(
      '/bodies/:id/diff',
      {
        schema: {
          hide: true,
          params: id,
          querystring: z.object({ from: version.optional(), to: version.optional() }),
          response: { 200: htmlSchema },
        },
      },
      async (req, reply) => {
        const { body, latest } = await head(req, req.params.id);
        if (!latest) throw notFound(`${body.name}尚未公布权责清单`);
        const versions = await repo.listVersions(db, body.id);
        if (versions.length < 2 && !req.query.from && !req.query.to)
          throw new AppError('VALIDATION_FAILED', `${body.name}权责清单目前只有一个版本，暂无可对比的变更`);
        const to = versions.find((v) => v.version === (req.query.to ?? latest.version));
        const from = versions.find((v) => v.version === (req.query.from ?? (to ? to.version - 1 : 0)));
        if (!to || !from) throw notFound(`${body.name}权责清单没有第 ${!to ? req.query.to : req.query.from} 版`);
        if (from.version === to.version) throw new AppError('VALIDATION_FAILED', '请选择两个不同的版本进行对比');
        return versioned(
          req,
          reply,
          ['diff', bodyKey(body), from.version, from.digest, to.version, to.digest, latest.version],
          300,
          async () => {
            const [a, b, sources] = await Promise.all([
              repo.powersIn(db, body.id, from.version),
              repo.powersIn(db, body.id, to.version),
              links.versionSources(db, body.id),
            ]);
            const main = diffMain({
              body,
              versions,
              from,
              to,
              diff: diffPowerLists(a, b),
              source: sources.get(to.version),
            });
            return page(
              {
                title: `${body.name}版本对比`,
                elder: isElder(req),
                path: req.url,
                crumbs: crumbsFor(body, '版本对比'),
              },
              main,
            );
          },
        );
      },
    );

    // the search page (src/server/app.ts hands it in, so the portal never imports search)
    for (const more of pages) await more(scope, deps);
  });

  // JSON/CSV under /api/public: API errors (JSON), not pages
  await openDataRoutes(app, deps);
}
