// One power's page: every field of the 职权信息表 (§6) and its legal bases as structured
// citations (§7), in the version the visitor asked for; its status as it is (a power not in
// force never sits under 现行有效), where it came from and went (合并, 分设, 下放, 委托) as
// links, and the consultations open on it (§12).
import type { PublishedPower } from '../register/power-rows.js';
import { consultationNotice } from './body.page.js';
import { html, type Html } from './html.js';
import { categoryLabel, cnDate, statusLabel } from './labels.js';
import type { OpenConsultation } from './links.repo.js';
import type { BodyInfo, VersionInfo } from './portal.repo.js';
import { isSplitResult, whereItCameFrom, whereItWent, type RelationContext } from './relations.js';

export interface PowerPageData {
  body: BodyInfo;
  version: VersionInfo;
  latest: number;
  power: PublishedPower;
  parent: { code: string; name: string } | null;
  subItems: { code: string; name: string; status: string }[];
  history: { validFrom: number; validTo: number | null; name: string }[];
  /** the powers of this version that name this one as a predecessor */
  successors: { code: string; name: string }[];
  names: Map<number, string>;
  consultations: OpenConsultation[];
}

const none = html`<span class="muted">无</span>`;

function bases(p: PublishedPower): Html {
  if (!p.legalBases.length) return none;
  return html`<ol class="bases">${p.legalBases.map(
    (
      b,
    ) => html`<li><p><cite>${b.documentName}</cite> <span class="tag">${b.level}</span> ${b.article}${b.expiryDate ? html` <span class="tag warn">有效期至 ${cnDate(b.expiryDate)}</span>` : ''}</p>
${b.text ? html`<blockquote>${b.text}</blockquote>` : ''}</li>`,
  )}</ol>`;
}

function historyLine(d: PowerPageData): Html {
  const first = d.history[0];
  if (!first) return html``;
  const changes = d.history.slice(1).map((h) => h.validFrom);
  const removed = d.history.at(-1)?.validTo;
  return html`<p class="muted">本事项自第 ${first.validFrom} 版起列入清单${changes.length ? `，第 ${changes.join('、')} 版有变更` : ''}${removed ? `，第 ${removed} 版起不再列入` : ''}。
<a href="/bodies/${d.body.id}/versions">查看版本变更对比</a></p>`;
}

function statusBadge(d: PowerPageData): Html {
  const { power: p } = d;
  if (p.status !== 'active') return html`<span class="tag old">${statusLabel(p.status)}</span>`;
  return d.version.version === d.latest
    ? html`<span class="tag ok">现行有效</span>`
    : html`<span class="tag">在用（历史版本）</span>`;
}

export function powerPageMain(d: PowerPageData): Html {
  const { power: p, body, version: v } = d;
  const q = v.version === d.latest ? '' : `?version=${v.version}`;
  const row = (label: string, value: Html | string) =>
    html`<tr><th scope="row">${label}</th><td>${value || none}</td></tr>`;
  const ctx: RelationContext = { bodyId: body.id, q, names: d.names, successors: d.successors };
  const went = whereItWent(p, ctx);
  const came = whereItCameFrom(p, ctx);
  const linked = [...came, ...whereItWent(p, { ...ctx, successors: [] })];
  const codeLinks = (codes: string[]) =>
    html`${codes.map((c, i) => html`${i ? '、' : ''}<a class="code" href="/bodies/${body.id}/powers/${c}${q}">${c}</a>`)}`;
  const predecessorLabel = isSplitResult(p) ? '分设前编码' : '合并前编码';
  const successorLabel = p.status === 'merged' ? '合并后编码' : '分设后编码';
  return html`
<h1>${p.name}</h1>
<p class="meta">${body.name} · ${categoryLabel(p.category, v.rulebookId)} · 权力编码 <span class="code">${p.code}</span> · ${statusBadge(d)}</p>
${p.status === 'entrusted' ? html`<p class="notice" role="note">本事项${went.length ? html`${went.map((w, i) => html`${i ? '；' : ''}${w}`)}` : '已委托实施'}，${body.name}仍为责任主体，对委托实施的后果承担法律责任（第十三条第3项）。</p>` : ''}
${p.status !== 'active' && p.status !== 'entrusted' ? html`<p class="notice" role="note">本事项${statusLabel(p.status)}，不再由${body.name}直接实施${went.length ? html`：${went.map((w, i) => html`${i ? '；' : ''}${w}`)}` : ''}。</p>` : ''}
${came.length ? html`<p class="notice" role="note">本事项${came}。</p>` : ''}
${consultationNotice(d.consultations, '本事项')}
<p class="banner">所属清单：<a href="/bodies/${body.id}${q}">${body.name}权责清单 第 ${v.version} 版</a>（${cnDate(v.effectiveDate)}起施行）${v.version === d.latest ? '，现行清单' : html` <span class="tag old">历史版本</span> <a href="/bodies/${body.id}/powers/${p.code}">查看现行版本</a>`}</p>
<p class="digest">所属清单版本 SM3 摘要：<code>${v.digest}</code> <a href="/integrity?digest=${v.digest}">核验</a></p>
<p class="feedback-link"><a href="/feedback?body=${body.id}&amp;power=${encodeURIComponent(p.code)}">对本事项提意见建议或投诉举报</a>（第十五条）</p>
<div class="scroll"><table class="fields"><tbody>
${row('行政职权名称', p.name)}
${row('主项 / 子项', d.parent ? html`子项，所属主项：<a href="/bodies/${body.id}/powers/${d.parent.code}${q}">${d.parent.name}</a>（${d.parent.code}）` : d.subItems.length ? `主项（含子项 ${d.subItems.length} 项）` : '主项')}
${row('权力编码', html`<span class="code">${p.code}</span>`)}
${row('权力类别', categoryLabel(p.category, v.rulebookId))}
${row('责任主体', p.responsibleSubject)}
${row('实施机构', p.implementingAgency)}
${row('法定依据', bases(p))}
${row('责任事项', p.responsibilities.length ? html`<ol class="steps">${[...p.responsibilities].sort((a, b) => a.order - b.order).map((r) => html`<li><strong>${r.name}</strong>${r.content ? html`：${r.content}` : ''}</li>`)}</ol>` : none)}
${row('追责情形', p.accountabilityCases.length ? html`<ol>${p.accountabilityCases.map((c) => html`<li>${c}</li>`)}</ol>` : none)}
${row('追责依据', p.accountabilityBasis ? html`<div class="pre">${p.accountabilityBasis}</div>` : none)}
${row('备注', p.remarks)}
${row('状态', statusLabel(p.status))}
${p.predecessorCodes?.length ? row(predecessorLabel, codeLinks(p.predecessorCodes)) : ''}
${d.successors.length ? row(successorLabel, codeLinks(d.successors.map((s) => s.code))) : ''}
${linked.length ? row('下放（委托）关联', html`${linked.map((w, i) => html`${i ? html`<br>` : ''}${w}`)}`) : ''}
${linked.length || p.status === 'entrusted' ? row('层级与承接历程', html`<a href="/bodies/${body.id}/powers/${p.code}/chain">现由谁行使、自何时起、依据哪一文件，及按日期查询（第十三条第5项）</a>`) : ''}
</tbody></table></div>
${d.subItems.length ? html`<section aria-labelledby="subs"><h2 id="subs">子项（${d.subItems.length} 项）</h2><ol>${d.subItems.map((s) => html`<li><a href="/bodies/${body.id}/powers/${s.code}${q}">${s.name}</a> <span class="code muted">${s.code}</span>${s.status !== 'active' ? ` （${statusLabel(s.status)}）` : ''}</li>`)}</ol></section>` : ''}
${historyLine(d)}`;
}
