// 网站地图: every section of the portal in one page, as a government site must offer.
import { html, type Html } from './html.js';
import { LEVEL_LABEL } from './labels.js';
import type { regionsWithCounts } from './portal.repo.js';

export function sitemapMain(regions: Awaited<ReturnType<typeof regionsWithCounts>>): Html {
  const city = regions.filter((r) => r.level === 1);
  const counties = regions.filter((r) => r.level === 2);
  return html`<h1>网站地图</h1>
<ul class="sitemap">
<li><a href="/">首页</a></li>
<li>权责清单
  <ul>
  <li>${LEVEL_LABEL[1]}：${city.map((r, i) => html`${i ? '、' : ''}<a href="/regions/${r.code}">${r.name}本级</a>`)}</li>
  <li>${LEVEL_LABEL[2]}：<ul class="inline-list">${counties.map((r) => html`<li><a href="/regions/${r.code}">${r.name}</a></li>`)}</ul></li>
  <li>${LEVEL_LABEL[3]}：见所属旗县区页面</li>
  </ul></li>
<li><a href="/consultations">公开征求意见</a>（调整事项的意见征集及采纳情况）</li>
<li><a href="/reprimands">通报批评</a>（不按要求整改的职权行使机构，第十六条）</li>
<li><a href="/joint-meetings">联席会议纪要</a>（权责清单管理联席会议，第四条）</li>
<li><a href="/search">检索权责清单</a></li>
<li>各机构页面提供历史版本、版本对比及开放数据下载（JSON、CSV）</li>
<li><a href="/app/">工作人员登录</a></li>
</ul>`;
}
