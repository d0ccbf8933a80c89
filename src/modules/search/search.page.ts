// The search page: the form with its filters, the results with the matched terms marked,
// pagination, and the empty and no-result states. Plain links and a GET form: no script.
import { html, type Html } from '../portal/html.js';
import { allCategories, categoryLabel, LEVEL_LABEL, statusLabel } from '../portal/labels.js';
import { highlight, snippet } from './highlight.js';
import { RESULT_CAP, type SearchHit, type SearchResult } from './search.repo.js';

export interface SearchView {
  q: string;
  level?: number;
  bodyId?: number;
  bodyName?: string;
  category?: string;
  page: number;
  pageSize: number;
  /** normalised term texts, for highlighting */
  terms: string[];
  result: SearchResult | null;
}

export function searchHref(v: Pick<SearchView, 'q' | 'level' | 'bodyId' | 'category'>, page?: number): string {
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  if (v.level) p.set('level', String(v.level));
  if (v.category) p.set('category', v.category);
  if (v.bodyId) p.set('body', String(v.bodyId));
  if (page && page > 1) p.set('page', String(page));
  return `/search?${p.toString()}`;
}

function filters(v: SearchView): Html {
  const opt = (value: string, label: string, sel: boolean) =>
    html`<option value="${value}"${sel ? html` selected` : ''}>${label}</option>`;
  return html`<form class="search" method="get" action="/search" role="search">
<label for="q" class="sr-only">检索关键词</label>
<input type="search" id="q" name="q" value="${v.q}" maxlength="100" placeholder="职权名称、权力编码、法律法规或部门名称">
<label for="level" class="sr-only">层级</label>
<select id="level" name="level">${opt('', '全部层级', !v.level)}${[1, 2, 3].map((l) => opt(String(l), LEVEL_LABEL[l]!, v.level === l))}</select>
<label for="category" class="sr-only">权力类别</label>
<select id="category" name="category">${opt('', '全部类别', !v.category)}${allCategories().map((c) => opt(c.code, c.label, v.category === c.code))}</select>
${v.bodyId ? html`<input type="hidden" name="body" value="${v.bodyId}">` : ''}
<button type="submit">检索</button></form>
${v.bodyId ? html`<p class="chips">仅检索：<strong>${v.bodyName ?? `机构 ${v.bodyId}`}</strong> <a href="${searchHref({ ...v, bodyId: undefined })}">取消机构限定</a></p>` : ''}`;
}

function hitItem(h: SearchHit, terms: string[], q: string): Html {
  const basis = h.legalBases.find((b) => snippet(`${b.documentName ?? ''}${b.text ?? ''}`, terms));
  const basisLine = basis
    ? html`<p class="basis">依据：${highlight(basis.documentName ?? '', terms)}${basis.article ?? ''}${basis.text && snippet(basis.text, terms) ? html`：${snippet(basis.text, terms)}` : ''}</p>`
    : h.legalBases.length
      ? html`<p class="basis muted">依据：${h.legalBases.map((b) => b.documentName).join('、')}</p>`
      : '';
  return html`<li><h2 class="hit"><a href="/bodies/${h.bodyId}/powers/${h.code}">${highlight(h.name, terms)}</a></h2>
<p class="meta">${highlight(h.bodyName, terms)} · ${LEVEL_LABEL[h.level] ?? ''} · ${categoryLabel(h.category)} · <span class="code">${highlight(h.code, terms)}</span>${h.status !== 'active' ? ` · ${statusLabel(h.status)}` : ''}
· <a href="${searchHref({ q, bodyId: h.bodyId })}" aria-label="只看该机构：${h.bodyName}">只看该机构</a></p>
${basisLine}</li>`;
}

function pager(v: SearchView, total: number): Html {
  const pages = Math.ceil(total / v.pageSize);
  if (pages <= 1) return html``;
  const from = Math.max(1, Math.min(v.page - 4, pages - 8));
  const nums = Array.from({ length: Math.min(9, pages) }, (_, i) => from + i);
  return html`<nav class="pager" aria-label="分页"><ul>
${v.page > 1 ? html`<li><a href="${searchHref(v, v.page - 1)}" rel="prev">上一页</a></li>` : ''}
${nums.map((n) => (n === v.page ? html`<li><span aria-current="page">${n}</span></li>` : html`<li><a href="${searchHref(v, n)}">${n}</a></li>`))}
${v.page < pages ? html`<li><a href="${searchHref(v, v.page + 1)}" rel="next">下一页</a></li>` : ''}
</ul></nav>`;
}

const EXAMPLES = ['罚', '许可', '食品经营', '行政许可法', '150200'];

export function searchMain(v: SearchView): Html {
  const head = html`<h1>检索权责清单</h1>${filters(v)}`;
  if (!v.result) {
    return html`${head}<section class="notice" aria-labelledby="howto"><h2 id="howto">如何检索</h2>
<p>可按行政职权名称、权力编码、法律法规名称或条文、实施部门名称检索现行有效的权责清单，支持单字和两个字的检索，多个关键词用空格分开。</p>
<p>示例：${EXAMPLES.map((e, i) => html`${i ? '、' : ''}<a href="${searchHref({ q: e })}">${e}</a>`)}</p></section>`;
  }
  const { total, capped, rows } = v.result;
  if (total === 0) {
    return html`${head}<section class="notice" role="status"><h2>未找到与“${v.q}”相关的行政职权</h2>
<ul><li>请检查关键词是否有错别字；</li><li>尝试更短或更常用的关键词，如“许可”“处罚”；</li><li>减少关键词或${v.level || v.category || v.bodyId ? html`<a href="${searchHref({ q: v.q })}">取消筛选条件</a>` : '取消筛选条件'}。</li></ul></section>`;
  }
  const first = (v.page - 1) * v.pageSize + 1;
  const last = first + rows.length - 1;
  return html`${head}
<p class="summary" role="status">${capped ? html`找到超过 <strong>${RESULT_CAP}</strong> 项现行行政职权，仅列出前 ${RESULT_CAP} 项，可增加关键词或使用筛选缩小范围` : html`共找到 <strong>${total}</strong> 项现行行政职权`}${rows.length ? `，当前显示第 ${first}–${last} 项` : ''}。</p>
${rows.length ? html`<ol class="results" start="${first}">${rows.map((h) => hitItem(h, v.terms, v.q))}</ol>` : html`<p class="notice">该页没有结果，<a href="${searchHref(v)}">返回第 1 页</a>。</p>`}
${pager(v, total)}`;
}
