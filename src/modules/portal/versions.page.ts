// A body's version history, each version with the application it came from and the document
// that approved it (§13: 经本级人民政府审定后公布), and the field-level difference between any
// two versions (spec §2).
import type { FieldChange, PowerListDiff } from '../../core/register/diff.js';
import { adjustmentKindDef, getRulebook, isRulebookId, type AdjustmentKind } from '../../core/rulebook/index.js';
import { html, type Html } from './html.js';
import { categoryLabel, cnDate, cnDateOf, cnDateTime, pathLabel, SOURCE_LABEL, statusLabel } from './labels.js';
import type { VersionSource } from './links.repo.js';
import type { BodyInfo, VersionInfo } from './portal.repo.js';
import { valueText } from '../../contract/power-words.js';

function compareForm(bodyId: number, versions: VersionInfo[], from?: number, to?: number): Html {
  const opts = (sel?: number) =>
    versions.map(
      (v) =>
        html`<option value="${v.version}"${v.version === sel ? html` selected` : ''}>第 ${v.version} 版（${cnDate(v.effectiveDate)}）</option>`,
    );
  return html`<form class="inline" method="get" action="/bodies/${bodyId}/diff">
<label for="from">对比</label><select id="from" name="from">${opts(from ?? versions[1]?.version)}</select>
<label for="to">与</label><select id="to" name="to">${opts(to ?? versions[0]?.version)}</select>
<button type="submit">查看变更</button></form>`;
}

function kindLabel(rulebookId: string, kind: string): string {
  if (!isRulebookId(rulebookId)) return '';
  return getRulebook(rulebookId).adjustmentKinds.find((k) => k.kind === kind)
    ? adjustmentKindDef(getRulebook(rulebookId), kind as AdjustmentKind).label
    : '';
}

/** Where a version came from, in words: the application, its approving document, its consultation. */
export function sourceCell(v: VersionInfo, src: VersionSource | undefined): Html {
  if (v.sourceType !== 'adjustment')
    return html`${SOURCE_LABEL[v.sourceType] ?? v.sourceType}${v.note ? html`<br><span class="muted">${v.note}</span>` : ''}`;
  if (!src) return html`${SOURCE_LABEL.adjustment}`;
  const kind = kindLabel(v.rulebookId, src.kind);
  return html`${src.fromBodyId ? html`承接<a href="/bodies/${src.fromBodyId}">${src.fromBodyName}</a>下放的职权：` : html`${SOURCE_LABEL.adjustment}${kind ? `（${kind}）` : ''}：`}${src.title}
<br>审定文件：${src.documentNumber ? html`${src.documentNumber}${src.approvedAt ? `（${cnDateOf(src.approvedAt)}审定）` : ''}` : html`<span class="muted">未载明</span>`}
${src.consultationId ? html`<br><a href="/consultations/${src.consultationId}">公开征求意见及采纳情况</a>` : ''}`;
}

export function versionsMain(
  body: BodyInfo,
  versions: VersionInfo[],
  sources: Map<number, VersionSource> = new Map(),
): Html {
  return html`<h1>${body.name}权责清单历史版本</h1>
<p class="summary">共公布 ${versions.length} 个版本。每个版本公布后不可更改，SM3 摘要可用于核验下载数据的完整性。</p>
${versions.length > 1 ? compareForm(body.id, versions) : ''}
<div class="scroll"><table class="list versions"><thead><tr><th scope="col">版本</th><th scope="col">公布时间</th><th scope="col">施行日期</th><th scope="col">事项数</th><th scope="col">来源与审定文件</th><th scope="col">SM3 摘要</th><th scope="col">操作</th></tr></thead><tbody>
${versions.map(
  (
    v,
    i,
  ) => html`<tr><td>第 ${v.version} 版${i === 0 ? html` <span class="tag ok">现行</span>` : ''}</td><td>${cnDateTime(v.publishedAt)}</td><td>${cnDate(v.effectiveDate)}</td><td>${v.powerCount}</td>
<td>${sourceCell(v, sources.get(v.version))}</td>
<td class="digest"><code>${v.digest}</code></td>
<td><a href="/bodies/${body.id}?version=${v.version}">查看清单</a>${versions[i + 1] ? html`<br><a href="/bodies/${body.id}/diff?from=${versions[i + 1]!.version}&amp;to=${v.version}">与上一版对比</a>` : ''}</td></tr>`,
)}</tbody></table></div>`;
}

export { valueText };

function shown(field: string, v: unknown, rulebookId: string): string {
  if (field === 'status' && typeof v === 'string') return statusLabel(v);
  if (field === 'category' && typeof v === 'string') return categoryLabel(v, rulebookId);
  return valueText(v);
}

function changeRow(c: FieldChange, rulebookId: string): Html {
  const before = shown(c.field, c.before, rulebookId);
  const after = shown(c.field, c.after, rulebookId);
  const kind = c.before === undefined ? '新增' : c.after === undefined ? '删除' : '修改';
  return html`<tr><th scope="row">${pathLabel(c.path)}<br><span class="muted">${kind}</span></th>
<td>${before ? html`<del>${before}</del>` : html`<span class="muted">（无）</span>`}</td>
<td>${after ? html`<ins>${after}</ins>` : html`<span class="muted">（无）</span>`}</td></tr>`;
}

const powerLink = (bodyId: number, code: string, name: string, version: number) =>
  html`<a href="/bodies/${bodyId}/powers/${code}?version=${version}">${name}</a>`;

export interface DiffPageData {
  body: BodyInfo;
  versions: VersionInfo[];
  from: VersionInfo;
  to: VersionInfo;
  diff: PowerListDiff;
  /** the application the 'to' version came from */
  source?: VersionSource;
}

export function diffMain(d: DiffPageData): Html {
  const { body, from, to, diff } = d;
  const rb = to.rulebookId;
  const simple = (
    list: PowerListDiff['added'],
    version: number,
  ) => html`<div class="scroll"><table class="list"><thead><tr><th scope="col">行政职权名称</th><th scope="col">权力编码</th><th scope="col">类别</th><th scope="col">状态</th></tr></thead><tbody>
${list.map((p) => html`<tr><td>${powerLink(body.id, p.code, p.name, version)}</td><td class="code">${p.code}</td><td>${categoryLabel(p.category, rb)}</td><td>${statusLabel(p.status)}</td></tr>`)}</tbody></table></div>`;
  return html`<h1>${body.name}权责清单版本对比</h1>
${compareForm(body.id, d.versions, from.version, to.version)}
<p class="summary">第 ${from.version} 版（${cnDate(from.effectiveDate)}起施行）→ 第 ${to.version} 版（${cnDate(to.effectiveDate)}起施行）：
新增 <strong>${diff.added.length}</strong> 项，移出 <strong>${diff.removed.length}</strong> 项，内容变更 <strong>${diff.changed.length}</strong> 项，未变 ${diff.unchangedCount} 项。</p>
${to.sourceType === 'adjustment' ? html`<p>第 ${to.version} 版来源：${sourceCell(to, d.source)}</p>` : ''}
${!diff.added.length && !diff.removed.length && !diff.changed.length ? html`<p class="notice">两个版本的事项内容完全相同。</p>` : ''}
${diff.added.length ? html`<section aria-labelledby="added"><h2 id="added">新增事项（${diff.added.length} 项）</h2>${simple(diff.added, to.version)}</section>` : ''}
${diff.removed.length ? html`<section aria-labelledby="removed"><h2 id="removed">移出事项（${diff.removed.length} 项）</h2>${simple(diff.removed, from.version)}</section>` : ''}
${
  diff.changed.length
    ? html`<section aria-labelledby="changed"><h2 id="changed">内容变更（${diff.changed.length} 项）</h2>
${diff.changed.map(
  (
    c,
  ) => html`<article class="change"><h3>${powerLink(body.id, c.code, c.nameAfter, to.version)} <span class="code muted">${c.code}</span></h3>
<div class="scroll"><table class="diff"><thead><tr><th scope="col">变更内容</th><th scope="col">第 ${from.version} 版</th><th scope="col">第 ${to.version} 版</th></tr></thead><tbody>
${c.changes.map((x) => changeRow(x, rb))}</tbody></table></div></article>`,
)}</section>`
    : ''
}`;
}
