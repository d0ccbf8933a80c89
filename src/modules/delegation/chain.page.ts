// The chain page of a delegated or entrusted power (issue 13 item 7): who holds it now, since
// when and by which decision, every body that held it before (市 → 旗县区 → 苏木乡镇: §13.5 管理层级),
// the party it is entrusted to (§13.3: the holder stays 责任主体), and who held it on a given date.
import { todayInBeijing } from '../../core/calendar/index.js';
import type { Db } from '../../platform/db.js';
import { html, type Html } from '../portal/html.js';
import { cnDate } from '../portal/labels.js';
import { chainOf, holderOn, type Holder } from './chain.repo.js';

const holderLink = (h: Holder) =>
  html`<a href="/bodies/${h.bodyId}/powers/${h.code}">${h.bodyName}</a>（${h.regionName}，<span class="code">${h.code}</span>）`;

export async function chainPage(
  db: Db,
  bodyId: number,
  code: string,
  on: string | null,
  now: Date,
): Promise<{ title: string; main: Html } | null> {
  const chain = await chainOf(db, bodyId, code);
  if (!chain) return null;
  const { holders, entrusted } = chain;
  const now_ = holders.at(-1)!;
  const day = on ?? todayInBeijing(now);
  const then = holderOn(chain, day);
  const title = `“${now_.name}”的层级与承接情况`;
  const main = html`<h1>${title}</h1>
<section aria-labelledby="now"><h2 id="now">现由谁行使</h2>
<p>${holderLink(now_)}，自${cnDate(now_.since)}起列入其权责清单${now_.decision ? html`（依据${now_.decision}）` : ''}。</p>
${
  entrusted
    ? html`<p>自${cnDate(entrusted.since)}起委托<strong>${entrusted.partyName}</strong>实施${entrusted.decision ? html`（${entrusted.decision}）` : ''}；${now_.bodyName}仍为责任主体，对委托行使的后果承担法律责任（第十三条第3项）。见<a href="/entrustments">委托公告</a>。</p>`
    : ''
}
</section>
<section aria-labelledby="history"><h2 id="history">承接历程</h2>
<table><thead><tr><th scope="col">层级</th><th scope="col">职权行使机构</th><th scope="col">起始日期</th><th scope="col">依据</th><th scope="col">截止日期</th></tr></thead>
<tbody>${holders.map(
    (h, i) => html`<tr><td>${i + 1}</td><td>${holderLink(h)}</td><td>${cnDate(h.since)}</td>
<td>${i === 0 ? '权责清单' : html`下放${h.decision ? html`，${h.decision}` : ''}${h.handoverOn ? html`（移交时间结点${cnDate(h.handoverOn)}）` : ''}`}</td>
<td>${holders[i + 1] ? cnDate(holders[i + 1]!.since) : '至今'}</td></tr>`,
  )}</tbody></table>
</section>
<section aria-labelledby="on"><h2 id="on">按日期查询</h2>
<form method="get"><label>日期 <input type="date" name="on" value="${day}"></label> <button type="submit">查询</button></form>
<p>${then ? html`${cnDate(day)}，该事项由${holderLink(then)}行使。` : html`${cnDate(day)}，该事项尚未列入上述机构的权责清单。`}</p>
</section>`;
  return { title, main };
}
