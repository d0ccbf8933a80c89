// A body's published list (职权目录, §6): its duties, then its powers in force grouped by
// category in the rulebook's order, 子项 under their 主项, each linking to the power's own page;
// the powers no longer in force apart, with where they went (合并, 分设, 下放, 委托); the powers
// other bodies entrusted to it, and the consultations open on its list (§12).
import type { PublishedPower } from '../register/power-rows.js';
import { html, type Html } from './html.js';
import { categoriesOf, categoryLabel, cnDate, cnDateOf, LEVEL_LABEL, statusLabel } from './labels.js';
import type { EntrustedIn, OpenConsultation } from './links.repo.js';
import type { BodyInfo, VersionInfo } from './portal.repo.js';
import { whereItCameFrom, whereItWent } from './relations.js';

export interface BodyPageData {
  body: BodyInfo;
  version: VersionInfo;
  latest: number;
  powers: PublishedPower[];
  duties: { name: string; content: string }[];
  /** what the visitor asked for: a date (as at), a version, or nothing (current) */
  asked: { date?: string; version?: number };
  /** a long list shows PREVIEW_ROWS rows a category unless one category or all are asked for */
  show: { category?: string; all?: boolean };
  /** consultations open on this body's list (§12) */
  consultations: OpenConsultation[];
  /** §13: powers other bodies entrusted to this one (current version only) */
  entrustedIn: EntrustedIn[];
  /** names of the bodies the powers' links name */
  names: Map<number, string>;
}

/** Lists longer than this open with a preview of each category (a page of 800 rows is 180 KB,
 * and its size sets how many visitors a server can answer). */
export const PREVIEW_ABOVE = 60;
export const PREVIEW_ROWS = 5;

interface Group {
  code: string;
  label: string;
  rows: { p: PublishedPower; num: string; sub: boolean }[];
}

/** Powers by category (rulebook order, unknown categories last), 子项 right after their 主项. */
export function groupPowers(powers: PublishedPower[], rulebookId: string): Group[] {
  const order: readonly string[] = categoriesOf(rulebookId).map((c) => c.code);
  const byCat = new Map<string, PublishedPower[]>();
  for (const p of powers) byCat.set(p.category, [...(byCat.get(p.category) ?? []), p]);
  const cats = [...byCat.keys()].sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  return cats.map((code) => {
    const list = byCat.get(code)!;
    const mains = new Set(list.filter((p) => !p.parentCode).map((p) => p.code));
    const subsOf = new Map<string, PublishedPower[]>();
    for (const p of list)
      if (p.parentCode && mains.has(p.parentCode)) subsOf.set(p.parentCode, [...(subsOf.get(p.parentCode) ?? []), p]);
    const rows: Group['rows'] = [];
    let n = 0;
    for (const p of list) {
      if (p.parentCode && mains.has(p.parentCode)) continue;
      n++;
      rows.push({ p, num: String(n), sub: false });
      (subsOf.get(p.code) ?? []).forEach((s, i) => rows.push({ p: s, num: `${n}.${i + 1}`, sub: true }));
    }
    return { code, label: categoryLabel(code, rulebookId), rows };
  });
}

function versionBanner(d: BodyPageData): Html {
  const v = d.version;
  const base = `/bodies/${d.body.id}`;
  const current = v.version === d.latest;
  return html`<div class="banner" role="note">
<p><strong>第 ${v.version} 版</strong> · ${cnDateOf(v.publishedAt)}公布 · 自${cnDate(v.effectiveDate)}起施行
${current ? html`<span class="tag ok">现行有效</span>` : html`<span class="tag old">历史版本</span> <a href="${base}">查看现行第 ${d.latest} 版</a>`}</p>
${d.asked.date ? html`<p>您查看的是${cnDate(d.asked.date)}当日有效的清单。</p>` : ''}
<p class="actions"><a href="${base}/versions">历史版本与变更对比</a>
<span aria-hidden="true">·</span> 开放数据下载：<a href="/api/public/bodies/${d.body.id}/list.json?version=${v.version}" download>JSON</a>
<a href="/api/public/bodies/${d.body.id}/list.csv?version=${v.version}" download>CSV（Excel 可直接打开）</a></p>
<p class="digest">本版 SM3 摘要：<code>${v.digest}</code> <a href="/integrity?digest=${v.digest}">核验</a></p>
</div>`;
}

function asOfForm(d: BodyPageData): Html {
  return html`<form class="inline" method="get" action="/bodies/${d.body.id}">
<label for="asof">查看某一日期有效的清单</label>
<input type="date" id="asof" name="date" value="${d.asked.date ?? ''}" required aria-describedby="asof-hint">
<button type="submit">查看</button>
<p class="hint" id="asof-hint">格式：年-月-日，如 2026-01-01</p></form>`;
}

/** Consultations open on a list or a power: the way to have one's say (§12). */
export function consultationNotice(list: OpenConsultation[], what: string): Html {
  if (!list.length) return html``;
  return html`<section class="banner consult" aria-labelledby="consult"><h2 id="consult">正在公开征求意见</h2>
<p>以下调整事项涉及${what}，正在（或即将）公开征求意见，欢迎提出意见建议：</p>
<ul>${list.map((c) => html`<li><a href="/consultations/${c.id}">${c.title}</a>（${cnDate(c.opensOn)}至${cnDate(c.closesOn)}）</li>`)}</ul></section>`;
}

/** Powers no longer in force: each with its status and what replaced or received it. */
function retiredSection(d: BodyPageData, retired: PublishedPower[], powerQ: string): Html {
  if (!retired.length) return html``;
  const ctx = (p: PublishedPower) => ({
    bodyId: d.body.id,
    q: powerQ,
    names: d.names,
    successors: d.powers
      .filter((x) => x.predecessorCodes?.includes(p.code))
      .map((x) => ({ code: x.code, name: x.name })),
  });
  return html`<section aria-labelledby="retired"><h2 id="retired">已取消、合并、下放或委托的职权（${retired.length} 项）</h2>
<p class="muted">以下事项不再由本机构直接实施，不计入上方在用职权数，列出以便查询去向。</p>
<div class="scroll"><table class="list retired"><thead><tr><th scope="col">行政职权名称</th><th scope="col">权力编码</th><th scope="col">状态</th><th scope="col">去向</th></tr></thead><tbody>
${retired.map((p) => {
  const went = whereItWent(p, ctx(p));
  return html`<tr><td><a href="/bodies/${d.body.id}/powers/${p.code}${powerQ}">${p.name}</a></td><td><span class="code">${p.code}</span></td><td><span class="tag old">${statusLabel(p.status)}</span></td><td>${went.length ? went.map((w, i) => html`${i ? html`<br>` : ''}${w}`) : html`<span class="muted">无</span>`}</td></tr>\n`;
})}</tbody></table></div></section>`;
}

function entrustedInSection(d: BodyPageData): Html {
  if (!d.entrustedIn.length) return html``;
  return html`<section aria-labelledby="entrusted-in"><h2 id="entrusted-in">受委托实施的职权（${d.entrustedIn.length} 项）</h2>
<p class="muted">以下职权仍属委托机构，由本机构以委托机构名义实施。</p>
<ul>${d.entrustedIn.map((e) => html`<li><a href="/bodies/${e.bodyId}/powers/${e.code}">${e.name}</a>（委托机构：<a href="/bodies/${e.bodyId}">${e.bodyName}</a>，<span class="code">${e.code}</span>）</li>`)}</ul></section>`;
}

export function bodyPageMain(d: BodyPageData): Html {
  // Counts are of powers in force (在用); the others are listed apart, never counted with them.
  const inForce = d.powers.filter((p) => p.status === 'active');
  const retired = d.powers.filter((p) => p.status !== 'active');
  const groups = groupPowers(inForce, d.version.rulebookId);
  const subs = inForce.filter((p) => p.parentCode).length;
  const { body } = d;
  const preview = inForce.length > PREVIEW_ABOVE && !d.show.all;
  const q = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    if (d.asked.version) p.set('version', String(d.asked.version));
    if (d.asked.date) p.set('date', d.asked.date);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return `/bodies/${body.id}?${p.toString()}`;
  };
  const powerQ = d.version.version === d.latest ? '' : `?version=${d.version.version}`;
  return html`
<h1>${body.name}权责清单</h1>
<p class="meta">${body.regionName} · ${LEVEL_LABEL[body.regionLevel] ?? ''} · ${body.kind}</p>
${versionBanner(d)}
${consultationNotice(d.consultations, '本机构的权责清单')}
${asOfForm(d)}
<p class="feedback-link"><a href="/feedback?body=${body.id}">对${body.name}提意见建议或投诉举报</a>（第十五条）</p>
<p class="summary">共 <strong>${inForce.length}</strong> 项在用行政职权${subs ? `（主项 ${inForce.length - subs} 项、子项 ${subs} 项）` : ''}，分 ${groups.length} 类${d.duties.length ? `；职责 ${d.duties.length} 项` : ''}。${retired.length ? html`另有已取消、合并、下放或委托的职权 ${retired.length} 项，<a href="#retired">列于页末</a>。` : ''}${preview ? html`各类别先列出前 ${PREVIEW_ROWS} 项，<a href="${q({ all: '1' })}">显示全部 ${inForce.length} 项</a>（便于查找和打印）。` : ''}</p>
${groups.length ? html`<nav class="toc" aria-label="职权类别目录"><ul>${groups.map((g) => html`<li><a href="#cat-${g.code}">${g.label}<span class="count">${g.rows.length} 项</span></a></li>`)}</ul></nav>` : ''}
${
  d.duties.length
    ? html`<section aria-labelledby="duties"><h2 id="duties">职责（${d.duties.length} 项）</h2>
<ol class="duties">${d.duties.map((x) => html`<li><strong>${x.name}</strong>${x.content ? html`：${x.content}` : ''}</li>`)}</ol></section>`
    : ''
}
${groups.map((g) => {
  const rows = preview && d.show.category !== g.code ? g.rows.slice(0, PREVIEW_ROWS) : g.rows;
  return html`<section aria-labelledby="cat-${g.code}"><h2 id="cat-${g.code}">${g.label}（${g.rows.length} 项）</h2>
<div class="scroll"><table class="list powers"><thead><tr><th scope="col">序号</th><th scope="col">行政职权名称</th><th scope="col">权力编码</th></tr></thead><tbody>
${rows.map((r) => {
  const from = whereItCameFrom(r.p, d);
  return html`<tr${r.sub ? html` class="sub"` : ''}><td>${r.num}</td><td>${r.sub ? html`<span class="muted">子项 </span>` : ''}<a href="/bodies/${body.id}/powers/${r.p.code}${powerQ}">${r.p.name}</a>${from.length ? html` <span class="muted">（${from}）</span>` : ''}</td><td><span class="code">${r.p.code}</span></td></tr>\n`;
})}</tbody></table></div>
${rows.length < g.rows.length ? html`<p class="more"><a href="${q({ category: g.code })}#cat-${g.code}">查看${g.label}全部 ${g.rows.length} 项</a></p>` : ''}</section>`;
})}
${entrustedInSection(d)}
${retiredSection(d, retired, powerQ)}`;
}

/** A body with nothing published yet, or nothing in force on the asked date. */
export function noListMain(body: BodyInfo, date?: string, first?: VersionInfo): Html {
  return html`<h1>${body.name}权责清单</h1>
<p class="meta">${body.regionName} · ${LEVEL_LABEL[body.regionLevel] ?? ''} · ${body.kind}</p>
<p class="notice">${date ? `${cnDate(date)}时本机构尚未公布权责清单。` : '本机构尚未公布权责清单。'}${first ? html` 首次公布为第 ${first.version} 版（${cnDate(first.effectiveDate)}起施行），<a href="/bodies/${body.id}?version=${first.version}">查看</a>。` : ''}</p>`;
}
