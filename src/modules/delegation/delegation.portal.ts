// The public side of §13.3 and §13.5 on the portal: the 委托公告 (向社会公告: the entrusted party
// and the powers, the entrusting body staying 责任主体) and, for a delegated or entrusted power,
// its chain across bodies — who holds it now, since when, by which decision, and who held it on a
// given date (issue 13 item 7). Server-rendered, readable without script.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { htmlOrErrorSchema, htmlSchema } from '../../contract/common.js';
import type { AppDeps } from '../../platform/deps.js';
import { html } from '../portal/html.js';
import { cnDate, cnDateOf } from '../portal/labels.js';
import { page } from '../portal/layout.js';
import { isElder } from '../portal/respond.js';
import { publishedAnnouncements } from './chain.repo.js';
import { chainPage } from './chain.page.js';

const send = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(body);

export async function delegationPortalRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const frame = (req: FastifyRequest, title: string, main: Parameters<typeof page>[1]) =>
    page({ title, elder: isElder(req), path: req.url, crumbs: [{ href: '/', label: '首页' }, { label: title }] }, main);

  // §13.3 行使委托权的行政机关应当将受委托主体和委托行使的行政权力内容向社会公告
  r.get('/entrustments', { schema: { hide: true, response: { 200: htmlSchema } } }, async (req, reply) => {
    const list = await publishedAnnouncements(db);
    const main = html`<h1>委托公告</h1>
<p>行政机关依据法律、法规、规章委托其他行政机关或者具有管理公共事务职能的组织行使行政权力的，由委托机关向社会公告，并向本级协调小组办公室报备；委托的后果由委托机关承担法律责任（第十三条第3项）。</p>
${
  list.length
    ? html`<ol class="entrustments">${list.map(
        (n) => html`<li><article>
<h2>${n.bodyName}委托${n.partyName}实施行政权力</h2>
<dl>
<dt>委托机关（责任主体）</dt><dd><a href="/bodies/${n.bodyId}">${n.bodyName}</a></dd>
<dt>受委托${n.partyKind === 'organisation' ? '组织' : '行政机关'}</dt><dd>${n.partyName}</dd>
<dt>委托事项</dt><dd><ul>${n.powers.map(
          (p) =>
            html`<li><a href="/bodies/${n.bodyId}/powers/${p.code}">${p.name}</a>（<span class="code">${p.code}</span>）</li>`,
        )}</ul></dd>
<dt>委托依据</dt><dd>${n.basis}</dd>
${n.decision ? html`<dt>审定文件</dt><dd>${n.decision}</dd>` : ''}
<dt>公告日期</dt><dd>${cnDate(n.announcedOn)}</dd>
<dt>报备</dt><dd>${n.acknowledgedAt ? html`本级协调小组办公室已于${cnDateOf(n.acknowledgedAt)}确认收到报备` : '已向本级协调小组办公室报备，待确认'}</dd>
</dl></article></li>`,
      )}</ol>`
    : html`<p>暂无委托公告。</p>`
}`;
    return send(reply, 200, frame(req, '委托公告', main));
  });

  // §13.5, issue 13.7: the chain of one power across bodies; ?on=YYYY-MM-DD names who held it that day
  r.get(
    '/bodies/:id/powers/:code/chain',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), code: z.string().max(40) }),
        querystring: z.object({
          on: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')
            .optional(),
        }),
        response: { 200: htmlSchema, 400: htmlOrErrorSchema, 404: htmlOrErrorSchema },
      },
    },
    async (req, reply) => {
      const body = await chainPage(db, req.params.id, req.params.code, req.query.on ?? null, clock());
      if (!body)
        return send(
          reply.header('cache-control', 'no-store'),
          404,
          frame(req, '未找到', html`<h1>未找到该行政职权</h1>`),
        );
      return send(reply, 200, frame(req, body.title, body.main));
    },
  );
}
