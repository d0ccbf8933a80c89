// /integrity: anyone checks a digest — printed on a list's page, in a downloaded file's
// X-Publication-Digest or its "digest" field — against the register: which body's which version
// it is, whether that version's rows still hash to it now, and when the monitor last compared the
// whole portal with the register (§15 ¶3). Server-rendered, no script.
import { html } from '../portal/html.js';
import { cnDateTime, versionLabel } from '../portal/labels.js';
import { page } from '../portal/layout.js';

export interface VerifyPageData {
  asked: string | undefined;
  valid: boolean;
  found: {
    body_id: number;
    name: string;
    version: number;
    published_at: Date | string;
    power_count: number;
    latest: number | null;
    /** the version's rows hash to the digest now (recomputed for this request) */
    intact: boolean;
  }[];
  last: { at: Date | string; ok: boolean; bodies: number } | null;
  elder: boolean;
  path: string;
}

export function verifyPage(d: VerifyPageData): string {
  const result = !d.asked
    ? ''
    : !d.valid
      ? html`<p class="notice">摘要格式不正确：SM3 摘要为 64 位十六进制字符（0–9、a–f），可带前缀“sm3:”。</p>`
      : d.found.length === 0
        ? html`<p class="notice">未找到使用该摘要公布的权责清单版本。请核对摘要是否完整；若文件来自本网站而摘要查无记录，说明文件已被改动。</p>`
        : html`<table class="list"><thead><tr><th scope="col">职权行使机构</th><th scope="col">版本</th><th scope="col">公布时间</th><th scope="col">事项数</th><th scope="col">核验结果</th></tr></thead><tbody>
${d.found.map(
  (
    f,
  ) => html`<tr><td><a href="/bodies/${f.body_id}">${f.name}</a></td><td><a href="/bodies/${f.body_id}?version=${f.version}">${versionLabel(f.version)}</a>${f.latest === f.version ? '（现行）' : ''}</td><td>${cnDateTime(f.published_at)}</td><td>${f.power_count}</td>
<td>${f.intact ? '一致：该版本的清单数据现仍与此摘要相符' : '不一致：该版本的清单数据已与公布时的摘要不符，请向协调小组办公室反映'}</td></tr>`,
)}
</tbody></table>`;
  const last = d.last
    ? html`<p class="muted">完整性监测最近一次于 ${cnDateTime(d.last.at)} 比对了 ${d.last.bodies} 个机构的公开清单：${d.last.ok ? '公开内容与权责清单登记一致' : '发现不一致，已按第十五条处置'}。</p>`
    : html`<p class="muted">完整性监测尚未运行。</p>`;
  return page(
    {
      title: '权责清单摘要核验',
      elder: d.elder,
      path: d.path,
      crumbs: [{ href: '/', label: '首页' }, { label: '摘要核验' }],
    },
    html`<h1>权责清单摘要核验</h1>
<p class="summary">本网站公布的每一版权责清单都有一个 SM3 摘要，印在清单页面和历史版本页面上，也随公开数据文件提供（JSON 文件的 digest 字段、响应头 X-Publication-Digest）。输入摘要，即可核验它是否为本平台登记公布的版本，以及该版本的数据现在是否仍与之相符。</p>
<form method="get" action="/integrity" class="search">
<label for="digest">SM3 摘要</label>
<input id="digest" name="digest" value="${d.asked ?? ''}" maxlength="200" size="70" autocomplete="off" spellcheck="false">
<button type="submit">核验</button>
</form>
${result}
${last}`,
  );
}
