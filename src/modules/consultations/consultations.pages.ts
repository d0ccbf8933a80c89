// Portal pages of §12 公开征求意见: the list of consultations and one consultation with its
// proposed change in plain words, the comment form (no script needed) and the comments with
// their dispositions once the period is over. Everything goes through html`` (escaped).
import { calendarDaysBetween, todayInBeijing, type IsoDate } from '../../core/calendar/index.js';
import { citeArticle, findStep, getRulebook, adjustmentKindDef, type StepId } from '../../core/rulebook/index.js';
import { html, type Html } from '../portal/html.js';
import { COMMENT_LIMITS, DISPOSITION_LABELS, DISPOSITIONS } from './comment-rules.js';
import type { ConsultationRow, Phase, PublicComment } from './consultations.repo.js';
import type { PlainChange } from './proposal-words.js';

export const PHASE_LABELS: Record<Phase, string> = {
  upcoming: '即将开始',
  open: '正在征求意见',
  closed: '已结束',
  cancelled: '已终止',
};

export const cnDate = (d: IsoDate) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/**
 * The period as the regulation counts it (§12: 公开征求意见的期限不少于5日): days are counted
 * from the day after the opening day (民法典 §201, as meetsMinimum checks the closing date), so
 * 12月7日 to 12月12日 is 5 days, not 6. Comments are taken on the opening day too.
 */
export function periodText(c: Pick<ConsultationRow, 'opensOn' | 'closesOn'>): string {
  const days = calendarDaysBetween(c.opensOn, c.closesOn);
  return `自${cnDate(c.opensOn)}起至${cnDate(c.closesOn)}止，征求意见期 ${days} 日（开始当日不计入）`;
}
const kindLabel = (c: ConsultationRow) => adjustmentKindDef(getRulebook(c.rulebookId), c.kind).label;

/** The article that requires the consultation, in the words of the application's rulebook. */
export function consultationBasis(c: ConsultationRow): { citation: string; text: string } {
  const rb = getRulebook(c.rulebookId);
  const step = findStep(rb, c.kind, 'consultation');
  const clock = step?.clock;
  if (!step || !clock) return { citation: rb.regulation.title, text: '' };
  return { citation: citeArticle(rb, clock.article, clock.inherited2023 === true), text: clock.articleText };
}

type ListItem = ConsultationRow & { comments: number; hidden: number; phase: Phase };

function listTable(items: ListItem[], empty: string): Html {
  if (!items.length) return html`<p class="muted">${empty}</p>`;
  return html`<table><thead><tr><th scope="col">事项</th><th scope="col">职权行使机构</th><th scope="col">征求意见时间</th><th scope="col">状态</th><th scope="col">意见</th></tr></thead><tbody>
${items.map((c) => html`<tr><td><a href="/consultations/${c.id}">${c.title}</a><br><span class="count">${kindLabel(c)}</span></td><td>${c.regionName} · ${c.bodyName}</td><td>${cnDate(c.opensOn)}至${cnDate(c.closesOn)}</td><td><span class="phase phase-${c.phase}">${PHASE_LABELS[c.phase]}</span></td><td>${c.comments} 条</td></tr>`)}
</tbody></table>`;
}

export function listPage(items: ListItem[], regionName: string | null): Html {
  const current = items.filter((c) => c.phase === 'open' || c.phase === 'upcoming');
  const past = items.filter((c) => c.phase === 'closed' || c.phase === 'cancelled');
  return html`<link rel="stylesheet" href="/consultations.css">
<h1>${regionName ? `${regionName}` : ''}权责清单调整公开征求意见</h1>
<p>经审查确认后的权责清单调整事项，由本级协调小组办公室通过政府门户网站向社会公开征求意见（依据条款见各事项页面）。欢迎对拟调整内容提出意见建议；征求意见结束后，各条意见的采纳情况及理由在事项页面公布。</p>
<section aria-labelledby="open"><h2 id="open">正在征求意见</h2>${listTable(current, '目前没有正在征求意见的事项。')}</section>
<section aria-labelledby="past"><h2 id="past">已结束</h2>${listTable(past, '暂无已结束的征求意见。')}</section>`;
}

export interface FormState {
  values: { name?: string | null; contact?: string | null; content?: string };
  errors: Record<string, string>;
  token: string;
}

/** A labelled control with its hint and error, linked for screen readers. */
function field(id: string, label: string, err: string | undefined, hint: string, control: (aria: Html) => Html): Html {
  const aria = html` aria-describedby="${id}-hint${err ? ` ${id}-error` : ''}"${err ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field${err ? ' has-error' : ''}"><label for="${id}">${label}</label>
<p class="hint" id="${id}-hint">${hint}</p>${err ? html`<p class="error" id="${id}-error">${err}</p>` : ''}
${control(aria)}</div>`;
}

// After a refused submission focus moves to the error summary through the autofocus attribute
// (tabindex="-1" makes the summary focusable): the portal runs no script (its CSP allows none).
function commentForm(c: ConsultationRow, f: FormState): Html {
  const errs = Object.entries(f.errors);
  return html`<form method="post" action="/consultations/${c.id}/comments" class="comment-form" novalidate>
${errs.length ? html`<div class="error-summary" role="alert" tabindex="-1" id="form-errors" autofocus><p><strong>提交未成功，请修改以下内容：</strong></p><ul>${errs.map(([k, m]) => html`<li><a href="#${k === 'form' || k === 'token' ? 'content' : k}">${m}</a></li>`)}</ul></div>` : ''}
<input type="hidden" name="token" value="${f.token}">
${field(
  'content',
  '意见内容（必填）',
  f.errors.content,
  `${COMMENT_LIMITS.contentMin}至${COMMENT_LIMITS.contentMax}个字。意见内容将在本页公开。`,
  (aria) =>
    html`<textarea id="content" name="content" rows="8" maxlength="${COMMENT_LIMITS.contentMax}" required${aria}>${f.values.content ?? ''}</textarea>`,
)}
${field(
  'name',
  '姓名或单位名称（选填）',
  f.errors.name,
  '填写后随意见公开显示；不填则显示为“匿名”。',
  (aria) =>
    html`<input id="name" name="name" type="text" maxlength="${COMMENT_LIMITS.nameMax}" value="${f.values.name ?? ''}" autocomplete="name"${aria}>`,
)}
${field(
  'contact',
  '联系方式（选填，不公开）',
  f.errors.contact,
  '电话或电子邮箱，仅供协调小组办公室核实、反馈使用，不会在网站上公开。',
  (aria) =>
    html`<input id="contact" name="contact" type="text" maxlength="${COMMENT_LIMITS.contactMax}" value="${f.values.contact ?? ''}" autocomplete="off"${aria}>`,
)}
<p><button type="submit">提交意见</button></p>
</form>`;
}

function commentList(comments: PublicComment[], hidden: number, showDispositions: boolean): Html {
  const hiddenNote = hidden
    ? html`<p class="muted">另有 ${hidden} 条意见因含有违法违规、人身攻击、广告或与本事项无关等内容，经协调小组办公室审核未予公开显示。</p>`
    : '';
  if (!comments.length) return html`<p class="muted">暂无公开显示的意见。</p>${hiddenNote}`;
  const tally = DISPOSITIONS.map((d) => [d, comments.filter((k) => k.disposition === d).length] as const);
  const pending = comments.filter((k) => !k.disposition).length;
  return html`${showDispositions ? html`<p class="tally">意见采纳情况：${[...tally.map(([d, n]) => `${DISPOSITION_LABELS[d]} ${n} 条`), ...(pending ? [`正在研究处理 ${pending} 条`] : [])].join('；')}。</p>` : ''}
<ol class="comments">${comments.map(
    (
      k,
    ) => html`<li id="comment-${k.seq}"><p class="meta">第 ${k.seq} 号 · ${k.authorName ?? '匿名'} · ${cnDate(todayInBeijing(k.createdAt))}</p>
<div class="content">${k.content.split('\n').map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</div>
${showDispositions ? (k.disposition ? html`<div class="disposition d-${k.disposition}"><strong>处理结果：${DISPOSITION_LABELS[k.disposition]}</strong><p>${k.dispositionReason}</p></div>` : html`<div class="disposition"><strong>处理结果：</strong>正在研究处理</div>`) : ''}</li>`,
  )}</ol>
${hiddenNote}`;
}

function outcome(c: ConsultationRow, phase: Phase): Html {
  if (phase === 'cancelled') return html`<p>本次征求意见已终止（调整申请已退回修改或撤回）。</p>`;
  if (c.publishedAt && c.publishedVersion)
    return html`<p>该调整事项已于${cnDate(todayInBeijing(c.publishedAt))}公布，形成${c.bodyName}权责清单第 ${c.publishedVersion} 版。</p>`;
  if (c.adjustmentStatus === 'withdrawn') return html`<p>申请单位已撤回该调整申请。</p>`;
  if (c.adjustmentStatus === 'rejected') return html`<p>该调整事项未予批准。</p>`;
  if (c.openSteps.includes('consultation'))
    return html`<p>征求意见期已满，协调小组办公室正在研究处理公众意见。办理结果将在本页公布。</p>`;
  const rb = getRulebook(c.rulebookId);
  const steps = c.openSteps.map((s) => findStep(rb, c.kind, s as StepId)?.label ?? s);
  return html`<p>该调整事项正在办理${steps.length ? `，当前环节：${steps.join('、')}` : ''}。办理结果将在本页公布。</p>`;
}

export interface DetailModel {
  c: ConsultationRow;
  phase: Phase;
  changes: PlainChange[];
  comments: PublicComment[];
  hidden: number;
  form: FormState;
  sent?: number;
}

export function detailPage(m: DetailModel): Html {
  const { c, phase } = m;
  const basis = consultationBasis(c);
  const closed = phase === 'closed' || phase === 'cancelled';
  return html`<link rel="stylesheet" href="/consultations.css">
<h1>${c.title}</h1>
<p class="muted">${c.regionName} · <a href="/bodies/${c.bodyId}">${c.bodyName}权责清单</a> · 调整类型：${kindLabel(c)} · <span class="phase phase-${phase}">${PHASE_LABELS[phase]}</span></p>
${m.sent ? html`<div class="notice" role="status">您的意见已提交（第 ${m.sent} 号），感谢您的参与。</div>` : ''}
<section aria-labelledby="period"><h2 id="period">征求意见时间</h2>
<p>${periodText(c)}。${phase === 'open' || phase === 'upcoming' ? '开始当日即可提交意见，截止日当天仍可提交。' : ''}</p>
<p class="basis">依据：${basis.citation}${basis.text ? html`：“${basis.text}”` : ''}</p></section>
<section aria-labelledby="change"><h2 id="change">拟调整内容</h2>
<ol class="changes">${m.changes.map((ch) => html`<li><p class="headline">${ch.headline}${ch.code ? html` <span class="count">（权力编码 <a href="/bodies/${c.bodyId}/powers/${ch.code}">${ch.code}</a>）</span>` : ''}</p>${ch.details.length ? html`<ul>${ch.details.map((d) => html`<li>${d}</li>`)}</ul>` : ''}</li>`)}</ol>
${c.reason ? html`<h3>调整理由</h3><p>${c.reason}</p>` : ''}${c.legalBasis ? html`<h3>调整依据</h3><p>${c.legalBasis}</p>` : ''}</section>
<section aria-labelledby="have-say"><h2 id="have-say">提出意见</h2>
${
  phase === 'open'
    ? commentForm(c, m.form)
    : html`${m.form.errors.form ? html`<div class="error-summary" role="alert" tabindex="-1" id="form-errors" autofocus><p><strong>提交未成功：</strong>${m.form.errors.form}</p></div>` : ''}
${phase === 'upcoming' ? html`<p>本次征求意见自${cnDate(c.opensOn)}起接收意见。</p>` : html`<p>本次征求意见已结束，不再接收意见。</p>`}`
}</section>
<section aria-labelledby="comments"><h2 id="comments">公众意见（${m.comments.length} 条）</h2>
${commentList(m.comments, m.hidden, closed)}
${!closed && m.comments.length ? html`<p class="muted">征求意见结束后，协调小组办公室将在本页公布每条意见的采纳情况及理由。</p>` : ''}</section>
${closed ? html`<section aria-labelledby="result"><h2 id="result">办理结果</h2>${outcome(c, phase)}</section>` : ''}
<p><a href="/consultations">返回征求意见列表</a></p>`;
}

export const CONSULTATION_CSS = `
.phase{display:inline-block;padding:0 8px;border-radius:4px;font-size:.9em;background:var(--soft);border:1px solid var(--line)}
.phase-open{background:#e8f5e9;border-color:#2e7d32;color:#1b5e20}.phase-upcoming{background:#fff8e1;border-color:#b26a00}
.notice{border:2px solid #2e7d32;background:#e8f5e9;padding:8px 12px;margin:12px 0;border-radius:4px}
.error-summary{border:3px solid #b3261e;padding:8px 12px;margin:12px 0}
.error{color:#b3261e;font-weight:700;margin:.2em 0}.has-error input,.has-error textarea{border:2px solid #b3261e}
.field{margin:12px 0}.field label{display:block;font-weight:700}.hint{color:var(--muted);margin:.2em 0;font-size:.92em}
.comment-form input[type=text],.comment-form textarea{width:100%;max-width:640px;padding:8px;font:inherit;border:1px solid #8a8f98;border-radius:4px}
.comments{list-style:none;padding:0}.comments>li{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:8px 0}
.comments .meta{color:var(--muted);margin:0 0 4px}.content{white-space:normal;overflow-wrap:anywhere}
.disposition{margin-top:8px;padding:6px 10px;background:var(--soft);border-left:4px solid var(--brand)}.disposition p{margin:.2em 0}
.changes .headline{font-weight:700;margin:.4em 0}.basis{color:var(--muted)}
`;
