// The portal's 联席会议纪要 page (§4 公开公示): the minutes each level's office chose to publish.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { htmlSchema } from '../../contract/common.js';
import type { AppDeps } from '../../platform/deps.js';
import { html } from '../portal/html.js';
import { page } from '../portal/layout.js';
import { isElder, sendPage } from '../portal/respond.js';
import { publishedMinutes, type MeetingRecord } from './joint-meeting.repo.js';

function minutes(m: MeetingRecord) {
  const present = m.attendance.filter((a) => a.present).map((a) => a.bodyName);
  return html`<article class="notice" id="meeting-${String(m.id)}">
  <h2>${m.title}</h2>
  <p class="meta">${m.regionName} <span aria-hidden="true">·</span> 会议日期：<time datetime="${m.heldOn}">${m.heldOn}</time>${m.place ? html` <span aria-hidden="true">·</span> 地点：${m.place}` : ''}</p>
  ${present.length ? html`<p>出席成员单位：${present.join('、')}</p>` : ''}
  <h3>议定事项</h3>
  <ol>${m.decisions.map((d) => html`<li>${d}</li>`)}</ol>
  ${(m.minutes ?? '').split(/\n+/).map((p) => html`<p>${p}</p>`)}
</article>`;
}

export async function jointMeetingPageRoutes(app: FastifyInstance, { db }: AppDeps) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/joint-meetings', { schema: { hide: true, response: { 200: htmlSchema } } }, async (req, reply) => {
      const items = await publishedMinutes(db);
      const crumbs = [{ href: '/', label: '首页' }, { label: '联席会议纪要' }];
      const main = html`<h1>权责清单管理联席会议纪要</h1>
<p>依据《包头市政府工作部门权责清单动态管理办法》第四条，联席会议办公室设在协调小组办公室，负责权责清单工作的协调推动、动态调整、公开公示等工作。</p>
${items.length ? items.map(minutes) : html`<p>目前没有公开的会议纪要。</p>`}`;
      return sendPage(req, reply, page({ title: '联席会议纪要', elder: isElder(req), path: req.url, crumbs }, main));
    });
}
