// The public portal shell: levels → regions → bodies. Server-rendered, no script required.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { html } from './html.js';
import { page, PORTAL_CSS } from './layout.js';

export const ELDER_COOKIE = 'elder';
export const isElder = (req: FastifyRequest) => req.cookies[ELDER_COOKIE] === '1';

const LEVEL_LABEL: Record<number, string> = { 1: '市本级', 2: '旗县区', 3: '苏木乡镇·街道' };

/** Only same-site relative paths may be returned to. */
const safeBack = (p: string | undefined) => (p && /^\/(?!\/)[^\s\\]*$/.test(p) ? p : '/');

export async function portalRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/portal.css', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PORTAL_CSS));

  r.get('/elder-mode', { schema: { hide: true, querystring: z.object({ on: z.enum(['0', '1']).default('1'), back: z.string().max(500).optional() }) } }, async (req, reply) => {
    if (req.query.on === '1') reply.setCookie(ELDER_COOKIE, '1', { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
    else reply.clearCookie(ELDER_COOKIE, { path: '/' });
    return reply.redirect(safeBack(req.query.back), 303);
  });

  r.get('/', { schema: { hide: true } }, async (req, reply) => {
    const regions = await db.selectFrom('region as r').leftJoin('body as b', 'b.region_code', 'r.code')
      .select(['r.code', 'r.name', 'r.level', (eb) => eb.fn.count<number>('b.id').as('bodies')])
      .where('r.level', '<=', 2).groupBy(['r.code', 'r.name', 'r.level', 'r.path']).orderBy('r.path').execute();
    const city = regions.filter((x) => x.level === 1);
    const counties = regions.filter((x) => x.level === 2);
    const main = html`
<h1>包头市权责清单</h1>
<p>本平台公开包头市市本级、各旗县区（稀土高新区）及苏木乡镇（街道）职权行使机构的权责清单及其调整情况，供公众查阅、监督。</p>
<section aria-labelledby="lv1"><h2 id="lv1">${LEVEL_LABEL[1]}</h2>
<ul class="grid">${city.map((c) => html`<li><a href="/regions/${c.code}">${c.name}本级<br><span class="count">${Number(c.bodies)} 个机构</span></a></li>`)}</ul></section>
<section aria-labelledby="lv2"><h2 id="lv2">${LEVEL_LABEL[2]}</h2>
<ul class="grid">${counties.map((c) => html`<li><a href="/regions/${c.code}">${c.name}<br><span class="count">${Number(c.bodies)} 个机构</span></a></li>`)}</ul></section>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60')
      .send(page({ title: '首页', elder: isElder(req), path: '/' }, main));
  });

  r.get('/regions/:code', { schema: { hide: true, params: z.object({ code: z.string().regex(/^\d{6}(\d{3})?$/) }) } }, async (req, reply) => {
    const region = await db.selectFrom('region').selectAll().where('code', '=', req.params.code).executeTakeFirst();
    if (!region) return reply.status(404).type('text/html; charset=utf-8').send(page({ title: '未找到', elder: isElder(req), path: req.url }, html`<h1>未找到该区划</h1><p><a href="/">返回首页</a></p>`));
    const [bodies, children, parent] = await Promise.all([
      db.selectFrom('body').select(['id', 'name', 'kind']).where('region_code', '=', region.code).orderBy('seq').execute(),
      db.selectFrom('region').select(['code', 'name', 'kind']).where('parent_code', '=', region.code).orderBy('code').execute(),
      region.parent_code ? db.selectFrom('region').select(['code', 'name']).where('code', '=', region.parent_code).executeTakeFirst() : undefined,
    ]);
    const byKind = new Map<string, typeof bodies>();
    for (const b of bodies) byKind.set(b.kind, [...(byKind.get(b.kind) ?? []), b]);
    const main = html`
<h1>${region.name}${region.level === 1 ? '本级' : ''}职权行使机构</h1>
<p class="muted">区划代码 ${region.code} · ${LEVEL_LABEL[region.level]} · 共 ${bodies.length} 个机构</p>
${[...byKind].map(([kind, list]) => html`<section><h2>${kind}</h2><ul class="grid">${list.map((b) => html`<li><a href="/bodies/${b.id}">${b.name}</a></li>`)}</ul></section>`)}
${children.length ? html`<section><h2>下辖苏木乡镇（街道）</h2><ul class="grid">${children.map((c) => html`<li><a href="/regions/${c.code}">${c.name}</a> <span class="count">${c.kind}</span></li>`)}</ul></section>` : ''}`;
    const crumbs = [{ href: '/', label: '首页' }, ...(parent ? [{ href: `/regions/${parent.code}`, label: parent.name }] : []), { label: region.name }];
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60')
      .send(page({ title: region.name, elder: isElder(req), path: req.url, crumbs }, main));
  });
}
