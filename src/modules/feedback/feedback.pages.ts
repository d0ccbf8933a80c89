// The portal's §15 pages as HTML that needs no script: the form (kind, about a body or one of
// its powers, text, files, contact), the receipt with its 查询码, and the status by that code.
// Styles are the consultation form's (/consultations.css): one look for the public's forms.
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_LIMITS,
  FEEDBACK_OUTCOME_LABELS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackKind,
  type FeedbackOutcome,
  type FeedbackStatus,
} from '../../contract/feedback.js';
import { ALLOWED_WORDS } from '../adjustments/attachments.js';
import { html, type Html } from '../portal/html.js';

export interface FormValues {
  kind?: string;
  bodyId?: string;
  powerCode?: string;
  content?: string;
  name?: string;
  contact?: string;
}

export interface FormPage {
  values: FormValues;
  errors: Record<string, string>;
  token: string;
  bodies: { id: number; name: string; regionName: string }[];
  power: { code: string; name: string } | null;
}

const CSS = html`<link rel="stylesheet" href="/consultations.css"><link rel="stylesheet" href="/feedback.css">`;

/** What the consultation form's styles lack here: the body list, the kinds, the receipt code. */
export const FEEDBACK_CSS = `
.comment-form select{width:100%;max-width:640px;padding:8px;font:inherit;border:1px solid #8a8f98;border-radius:4px}
.comment-form fieldset{border:0;padding:0}.comment-form legend{padding:0}
.comment-form input[type=file]{max-width:100%}
#receipt-code{font-size:1.6em;letter-spacing:.05em;overflow-wrap:anywhere}
`;

function field(id: string, label: string, err: string | undefined, hint: string, control: (aria: Html) => Html): Html {
  const aria = html` aria-describedby="${id}-hint${err ? ` ${id}-error` : ''}"${err ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field${err ? ' has-error' : ''}"><label for="${id}">${label}</label>
<p class="hint" id="${id}-hint">${hint}</p>${err ? html`<p class="error" id="${id}-error">${err}</p>` : ''}
${control(aria)}</div>`;
}

const KIND_HINTS: Record<FeedbackKind, string> = {
  suggestion: '对行政职权及其实施情况的意见和建议，由职权行使机构研究办理',
  complaint: '认为职权行使机构违反规定（如擅自增加职权、变相实施已取消的职权），由协调小组办公室办理',
  report: '举报职权行使机构的违规行为，由协调小组办公室办理',
};

export function formPage(f: FormPage): Html {
  const errs = Object.entries(f.errors);
  const kind = f.values.kind ?? (f.power ? 'suggestion' : '');
  return html`${CSS}<h1>意见建议与投诉举报</h1>
<p>依据《包头市政府工作部门权责清单动态管理办法》第十五条，公民、法人或其他组织可以就行政职权及实施情况提出意见和建议；对职权行使机构违反规定的行为，可以向协调小组办公室投诉或举报。提交后您将获得一个<strong>查询码</strong>，凭查询码可查看办理进度和书面答复。</p>
<form method="post" action="/feedback" enctype="multipart/form-data" class="comment-form" novalidate>
${errs.length ? html`<div class="error-summary" role="alert" tabindex="-1" id="form-errors" autofocus><p><strong>提交未成功，请修改以下内容：</strong></p><ul>${errs.map(([k, m]) => html`<li><a href="#${k === 'form' || k === 'token' ? 'content' : k}">${m}</a></li>`)}</ul></div>` : ''}
<input type="hidden" name="token" value="${f.token}">
<fieldset class="field${f.errors.kind ? ' has-error' : ''}" id="kind"><legend><strong>类别（必填）</strong></legend>
${f.errors.kind ? html`<p class="error">${f.errors.kind}</p>` : ''}
${FEEDBACK_KINDS.map((k) => html`<p><label><input type="radio" name="kind" value="${k}"${kind === k ? ' checked' : ''}> ${FEEDBACK_KIND_LABELS[k]}</label> <span class="hint">${KIND_HINTS[k]}</span></p>`)}
</fieldset>
${field(
  'bodyId',
  '所反映的职权行使机构（必填）',
  f.errors.bodyId,
  '从权责清单页面点击“提意见或投诉”进入时已自动选好。',
  (aria) =>
    html`<select id="bodyId" name="bodyId"${aria}><option value="">请选择</option>${f.bodies.map((b) => html`<option value="${b.id}"${String(b.id) === f.values.bodyId ? ' selected' : ''}>${b.regionName} · ${b.name}</option>`)}</select>`,
)}
${f.power ? html`<p class="notice" id="powerCode">所反映的行政职权：${f.power.name}（<span class="code">${f.power.code}</span>）<input type="hidden" name="powerCode" value="${f.power.code}"></p>` : f.errors.powerCode ? html`<p class="error" id="powerCode">${f.errors.powerCode}</p>` : ''}
${field(
  'content',
  '内容（必填）',
  f.errors.content,
  `${FEEDBACK_LIMITS.contentMin}至${FEEDBACK_LIMITS.contentMax}个字。请写明事实经过、时间地点和您的意见或诉求。内容不在网站上公开。`,
  (aria) =>
    html`<textarea id="content" name="content" rows="8" maxlength="${FEEDBACK_LIMITS.contentMax}"${aria}>${f.values.content ?? ''}</textarea>`,
)}
${field(
  'files',
  `附件（选填，最多${FEEDBACK_LIMITS.files}个，每个不超过${FEEDBACK_LIMITS.fileBytes / 1024 / 1024} MB）`,
  f.errors.files,
  `支持 ${ALLOWED_WORDS}；系统按文件内容核验类型。`,
  (aria) => html`<input id="files" name="files" type="file" multiple${aria}>`,
)}
${field(
  'name',
  '姓名或单位名称（选填，不公开）',
  f.errors.name,
  '仅供办理单位联系您使用，加密保存。',
  (aria) =>
    html`<input id="name" name="name" type="text" maxlength="${FEEDBACK_LIMITS.nameMax}" value="${f.values.name ?? ''}" autocomplete="name"${aria}>`,
)}
${field(
  'contact',
  '联系方式（选填，不公开）',
  f.errors.contact,
  '电话、电子邮箱或通信地址，加密保存，仅承办人可查看。',
  (aria) =>
    html`<input id="contact" name="contact" type="text" maxlength="${FEEDBACK_LIMITS.contactMax}" value="${f.values.contact ?? ''}" autocomplete="off"${aria}>`,
)}
<p><button type="submit">提交</button></p>
</form>
<p><a href="/feedback/status">已提交过？凭查询码查看办理情况</a></p>`;
}

export function receiptPage(code: string, kind: FeedbackKind, dueOn: string): Html {
  return html`${CSS}<h1>已收到您的${FEEDBACK_KIND_LABELS[kind]}</h1>
<div class="notice" role="status"><p>您的查询码是：</p><p><strong class="code" id="receipt-code">${code}</strong></p>
<p>请抄写或截图保存。查询码是查看办理情况的唯一凭证，本站不会再次显示。</p></div>
<p>经审核受理后，办理单位将研究论证并于 <strong>${dueOn}</strong> 前作出书面答复（《包头市政府工作部门权责清单动态管理办法》第十五条）。</p>
<p><a href="/feedback/status">凭查询码查看办理情况</a></p>`;
}

export function lookupPage(error?: string, code?: string): Html {
  return html`${CSS}<h1>查看办理情况</h1>
<form method="post" action="/feedback/status" class="comment-form" novalidate>
${error ? html`<div class="error-summary" role="alert" tabindex="-1" autofocus><p>${error}</p></div>` : ''}
<div class="field"><label for="code">查询码</label><p class="hint" id="code-hint">提交时获得的16位查询码，如 ABCD-EFGH-JKMN-PQRS（不区分大小写）。</p>
<input id="code" name="code" type="text" maxlength="40" value="${code ?? ''}" autocomplete="off" aria-describedby="code-hint"></div>
<p><button type="submit">查询</button></p></form>`;
}

export interface PublicStatus {
  receiptCode: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  bodyName: string;
  powerName: string | null;
  receivedOn: string;
  dueOn: string;
  handledBy: string;
  decisionReason: string | null;
  answer: string | null;
  reasoning: string | null;
  outcome: FeedbackOutcome | null;
  answeredOn: string | null;
  mergedWith: string | null;
}

export function statusPage(s: PublicStatus): Html {
  const row = (k: string, v: Html | string) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`;
  return html`${CSS}<h1>办理情况</h1>
<table class="fields"><tbody>
${row('查询码', html`<span class="code">${s.receiptCode}</span>`)}
${row('类别', FEEDBACK_KIND_LABELS[s.kind])}
${row('所反映的机构', s.bodyName)}
${s.powerName ? row('所反映的职权', s.powerName) : ''}
${row('收到日期', s.receivedOn)}
${row('办理单位', s.handledBy)}
${row('状态', html`<strong id="status">${FEEDBACK_STATUS_LABELS[s.status]}</strong>`)}
${s.status !== 'answered' && s.status !== 'rejected' ? row('答复期限', `${s.dueOn}前`) : ''}
</tbody></table>
${s.status === 'rejected' ? html`<section><h2>不予受理的理由</h2><p class="content">${s.decisionReason}</p></section>` : ''}
${s.mergedWith ? html`<p class="notice">您反映的问题与其他群众反映的相同，已合并办理。</p>` : ''}
${
  s.answer && s.outcome
    ? html`<section aria-labelledby="answer"><h2 id="answer">书面答复</h2>
<p>办理结果：<strong id="outcome">${FEEDBACK_OUTCOME_LABELS[s.outcome]}</strong>（${s.answeredOn}答复）</p>
<div class="content" id="answer-text">${s.answer.split('\n').map((p) => html`<p>${p}</p>`)}</div>
${s.reasoning ? html`<h3>研究论证情况</h3><div class="content">${s.reasoning.split('\n').map((p) => html`<p>${p}</p>`)}</div>` : ''}</section>`
    : ''
}
<p><a href="/feedback/status">查询其他事项</a> · <a href="/feedback">提出新的意见建议或投诉举报</a></p>`;
}
