// /audit-anchor: the audit chain's daily head, published on the portal (等保2.0 安全审计).
// Anyone can copy a day's digest; an auditor can later compare it with `npm run audit:verify`'s
// head or with the anchor file, so even a database administrator cannot quietly drop the
// newest audit records. Server-rendered, no script, like every portal page.
import type { FastifyInstance } from 'fastify';
import { htmlSchema } from '../../contract/common.js';
import type { AppDeps } from '../../platform/deps.js';
import { html } from './html.js';
import { cnDate, cnDateTime } from './labels.js';
import { page } from './layout.js';
import { latestAnchors } from './portal.repo.js';
import { isElder } from './respond.js';

const DAYS_SHOWN = 31;

export async function auditAnchorRoutes(app: FastifyInstance, { db }: AppDeps) {
  app.get('/audit-anchor', { schema: { hide: true, response: { 200: htmlSchema } } }, async (req, reply) => {
    const rows = await latestAnchors(db, DAYS_SHOWN);
    const main = html`<h1>审计日志每日锚定公告</h1>
<p class="summary">本平台的审计日志逐条以 HMAC-SM3 密钥摘要串联。每日首次锚定时的链头（记录数与最后一条记录的摘要）在此公布，并同时写入审计管理员保管的锚定文件。日后若有记录被删除或改写，与此处公布的摘要比对即可发现。</p>
${
  rows.length === 0
    ? html`<p>尚无锚定记录。</p>`
    : html`<table class="list"><thead><tr><th scope="col">日期</th><th scope="col">锚定时间</th><th scope="col">记录数</th><th scope="col">最后一条记录序号</th><th scope="col">链头摘要（HMAC-SM3）</th><th scope="col">密钥标识</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${cnDate(r.day)}</td><td>${cnDateTime(new Date(r.at))}</td><td>${Number(r.row_count)}</td><td>${Number(r.head_seq)}</td><td class="digest"><code>${r.head_digest}</code></td><td><code>${r.key_id}</code></td></tr>`)}
</tbody></table>`
}
<p class="muted">显示最近 ${DAYS_SHOWN} 天。密钥标识由密钥计算得出，不泄露密钥本身；标识改变说明审计密钥已更换。</p>`;
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300');
    return page(
      {
        title: '审计日志每日锚定公告',
        elder: isElder(req),
        path: '/audit-anchor',
        crumbs: [{ href: '/', label: '首页' }, { label: '审计日志锚定公告' }],
      },
      main,
    );
  });
}
