// A body's published list (职权目录, §6): its duties, then its powers grouped by category in
// the rulebook's order, 子项 under their 主项, each linking to the power's own page.
import type { ListedPower } from '../register/power-rows.js';
import { html, type Html } from './html.js';
import { categoriesOf, categoryLabel, cnDate, cnDateOf, LEVEL_LABEL, statusLabel } from './labels.js';
import type { BodyInfo, VersionInfo } from './portal.repo.js';

export interface BodyPageData {
  body: BodyInfo;
  version: VersionInfo;
  latest: number;
  powers: ListedPower[];
  duties: { name: string; content: string }[];
  /** what the visitor asked for: a date (as at), a version, or nothing (current) */
  asked: { date?: string; version?: number };
  /** a long list shows PREVIEW_ROWS rows a category unless one category or all are asked for */
  show: { category?: string; all?: boolean };
}

/** Lists longer than this open with a preview of each category (a page of 800 rows is 180 KB,
 * and its size sets how many visitors a server can answer). */
export const PREVIEW_ABOVE = 60;
export const PREVIEW_ROWS = 5;

interface Group {
  code: string;
  label: string;
  rows: { p: ListedPower; num: string; sub: boolean }[];
}

/** Powers by category (rulebook order, unknown categories last), 子项 right after their 主项. */
export function groupPowers(powers: ListedPower[], rulebookId: string): Group[] {
  const order: readonly string[] = categoriesOf(rulebookId).map((c) => c.code);
  const byCat = new Map<string, ListedPower[]>();
  for (const p of powers) byCat.set(p.category, [...(byCat.get(p.category) ?? []), p]);
  const cats = [...byCat.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  return cats.map((code) => {
    const list = byCat.get(code)!;
    const mains = new Set(list.filter((p) => !p.parentCode).map((p) => p.code));
    const subsOf = new Map<string, ListedPower[]>();
    for (const p of list) if (p.parentCode && mains.has(p.parentCode)) subsOf.set(p.parentCode, [...(subsOf.get(p.parentCode) ?? []), p]);
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
</div>`;
}

function asOfForm(d: BodyPageData): Html {
  return html`<form class="inline" method="get" action="/bodies/${d.body.id}">
<label for="asof">查看某一日期有效的清单</label>
<input type="date" id="asof" name="date" value="${d.asked.date ?? ''}" required>
<button type="submit">查看</button></form>`;
}

export function bodyPageMain(d: BodyPageData): Html {
  const groups = groupPowers(d.powers, d.version.rulebookId);
  const subs = d.powers.filter((p) => p.parentCode).length;
  const { body } = d;
  const preview = d.powers.length > PREVIEW_ABOVE && !d.show.all;
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
${asOfForm(d)}
<p class="summary">共 <strong>${d.powers.length}</strong> 项行政职权${subs ? `（主项 ${d.powers.length - subs} 项、子项 ${subs} 项）` : ''}，分 ${groups.length} 类${d.duties.length ? `；职责 ${d.duties.length} 项` : ''}。${preview ? html`各类别先列出前 ${PREVIEW_ROWS} 项，<a href="${q({ all: '1' })}">显示全部 ${d.powers.length} 项</a>（便于查找和打印）。` : ''}</p>
${groups.length ? html`<nav class="toc" aria-label="职权类别目录"><ul>${groups.map((g) => html`<li><a href="#cat-${g.code}">${g.label}<span class="count">${g.rows.length} 项</span></a></li>`)}</ul></nav>` : ''}
${d.duties.length ? html`<section aria-labelledby="duties"><h2 id="duties">职责（${d.duties.length} 项）</h2>
<ol class="duties">${d.duties.map((x) => html`<li><strong>${x.name}</strong>${x.content ? html`：${x.content}` : ''}</li>`)}</ol></section>` : ''}
${groups.map((g) => {
  const rows = preview && d.show.category !== g.code ? g.rows.slice(0, PREVIEW_ROWS) : g.rows;
  return html`<section aria-labelledby="cat-${g.code}"><h2 id="cat-${g.code}">${g.label}（${g.rows.length} 项）</h2>
<table class="list powers"><thead><tr><th scope="col">序号</th><th scope="col">行政职权名称</th><th scope="col">权力编码</th></tr></thead><tbody>
${rows.map(
  (r) =>
    html`<tr${r.sub ? html` class="sub"` : ''}><td>${r.num}</td><td>${r.sub ? html`<span class="muted">子项 </span>` : ''}<a href="/bodies/${body.id}/powers/${r.p.code}${powerQ}">${r.p.name}</a>${r.p.status === 'active' ? '' : html` <span class="tag old">${statusLabel(r.p.status)}</span>`}</td><td>${r.p.code}</td></tr>\n`,
)}</tbody></table>
${rows.length < g.rows.length ? html`<p class="more"><a href="${q({ category: g.code })}#cat-${g.code}">查看${g.label}全部 ${g.rows.length} 项</a></p>` : ''}</section>`;
})}`;
}

/** A body with nothing published yet, or nothing in force on the asked date. */
export function noListMain(body: BodyInfo, date?: string, first?: VersionInfo): Html {
  return html`<h1>${body.name}权责清单</h1>
<p class="meta">${body.regionName} · ${LEVEL_LABEL[body.regionLevel] ?? ''} · ${body.kind}</p>
<p class="notice">${date ? `${cnDate(date)}时本机构尚未公布权责清单。` : '本机构尚未公布权责清单。'}${first ? html` 首次公布为第 ${first.version} 版（${cnDate(first.effectiveDate)}起施行），<a href="/bodies/${body.id}?version=${first.version}">查看</a>。` : ''}</p>`;
}
