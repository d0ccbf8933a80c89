// The portal's entry pages: the levels (市本级, 旗县区) and a region's bodies and towns.
import { html, type Html } from './html.js';
import { cnDate, LEVEL_LABEL } from './labels.js';
import type { OpenConsultation } from './links.repo.js';
import type { regionPage, regionsWithCounts } from './portal.repo.js';

export function searchBox(q = '', autofocus = false): Html {
  return html`<form class="search" method="get" action="/search" role="search">
<label for="q" class="sr-only">检索关键词</label>
<input type="search" id="q" name="q" value="${q}" maxlength="100" placeholder="输入职权名称、权力编码、法律法规名称或部门名称，如：许可、食品经营" ${autofocus ? 'autofocus' : ''}>
<button type="submit">检索</button></form>`;
}

/** §12: the consultations the public can take part in now, first thing on the home page. */
function consultations(open: OpenConsultation[]): Html {
  return html`<section aria-labelledby="consult-home"><h2 id="consult-home">公开征求意见</h2>
${
  open.length
    ? html`<p>以下权责清单调整事项正在（或即将）公开征求意见：</p><ul>${open.slice(0, 5).map((c) => html`<li><a href="/consultations/${c.id}">${c.title}</a>（${c.bodyName}，${cnDate(c.opensOn)}至${cnDate(c.closesOn)}）</li>`)}</ul>`
    : html`<p>目前没有正在征求意见的调整事项。</p>`
}
<p><a href="/consultations">查看全部公开征求意见${open.length > 5 ? `（共 ${open.length} 项正在进行）` : ''}</a></p></section>`;
}

export function homeMain(regions: Awaited<ReturnType<typeof regionsWithCounts>>, open: OpenConsultation[] = []): Html {
  const city = regions.filter((x) => x.level === 1);
  const counties = regions.filter((x) => x.level === 2);
  return html`
<h1>包头市权责清单</h1>
<p>本平台公开包头市市本级、各旗县区（稀土高新区）及苏木乡镇（街道）职权行使机构的权责清单及其调整情况，供公众查阅、监督。</p>
${searchBox()}
${consultations(open)}
<section aria-labelledby="lv1"><h2 id="lv1">${LEVEL_LABEL[1]}</h2>
<ul class="grid">${city.map((c) => html`<li><a href="/regions/${c.code}">${c.name}本级<br><span class="count">${Number(c.bodies)} 个机构</span></a></li>`)}</ul></section>
<section aria-labelledby="lv2"><h2 id="lv2">${LEVEL_LABEL[2]}</h2>
<ul class="grid">${counties.map((c) => html`<li><a href="/regions/${c.code}">${c.name}<br><span class="count">${Number(c.bodies)} 个机构</span></a></li>`)}</ul></section>`;
}

export function regionMain({ region, bodies, children }: NonNullable<Awaited<ReturnType<typeof regionPage>>>): Html {
  const byKind = new Map<string, typeof bodies>();
  for (const b of bodies) byKind.set(b.kind, [...(byKind.get(b.kind) ?? []), b]);
  const published = bodies.filter((b) => b.version).length;
  return html`
<h1>${region.name}${region.level === 1 ? '本级' : ''}职权行使机构</h1>
<p class="meta">区划代码 ${region.code} · ${LEVEL_LABEL[region.level]} · 共 ${bodies.length} 个机构，其中 ${published} 个已公布权责清单</p>
${[...byKind].map(
  ([kind, list]) =>
    html`<section><h2>${kind}</h2><ul class="grid">${list.map(
      (b) =>
        html`<li><a href="/bodies/${b.id}">${b.name}<br><span class="count">${b.version ? `现行第 ${b.version} 版` : '尚未公布'}</span></a></li>`,
    )}</ul></section>`,
)}
${children.length ? html`<section><h2>下辖${LEVEL_LABEL[region.level + 1] ?? '区划'}</h2><ul class="grid">${children.map((c) => html`<li><a href="/regions/${c.code}">${c.name}<br><span class="count">${c.kind}</span></a></li>`)}</ul></section>` : ''}`;
}
