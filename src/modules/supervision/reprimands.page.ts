// The portal's 通报批评 page (§16 ¶2): every published notice, newest first, server-rendered and
// readable without JavaScript like the rest of the portal.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { htmlSchema } from '../../contract/common.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { html } from '../portal/html.js';
import { page } from '../portal/layout.js';
import { isElder, sendPage } from '../portal/respond.js';
import { publishedReprimands, type ReprimandRecord } from './supervision.repo.js';

export const REPRIMANDS_PATH = '/reprimands';

function notice(r: ReprimandRecord) {
  const day = r.publishedAt ? todayInBeijing(new Date(r.publishedAt)) : '';
  return html`<article class="notice" id="reprimand-${String(r.id)}">
  <h2>${r.title}</h2>
  <p class="meta">被通报单位：${r.bodyName}（${r.regionName}） <span aria-hidden="true">·</span> 公布日期：<time datetime="${day}">${day}</time></p>
  ${r.text.split(/\n+/).map((p) => html`<p>${p}</p>`)}
</article>`;
}

export async function reprimandPageRoutes(app: FastifyInstance, { db }: AppDeps) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(REPRIMANDS_PATH, { schema: { hide: true, response: { 200: htmlSchema } } }, async (req, reply) => {
      const items = await publishedReprimands(db);
      const crumbs = [{ href: '/', label: '首页' }, { label: '通报批评' }];
      const main = html`<h1>通报批评</h1>
<p>依据《包头市政府工作部门权责清单动态管理办法》第十六条，职权行使机构不按要求整改的，由协调小组办公室予以通报批评。</p>
${items.length ? items.map(notice) : html`<p>目前没有已公布的通报批评。</p>`}`;
      return sendPage(req, reply, page({ title: '通报批评', elder: isElder(req), path: req.url, crumbs }, main));
    });
}
