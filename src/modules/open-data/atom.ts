// Atom (RFC 4287) changes feeds (issue 14.3): one entry per publication, its summary the register's
// diff against the version before (changes.ts), links to the list, the diff as JSON and the portal.
import type { ChangeSummary, Publication } from './changes.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

export function changeText(c: ChangeSummary): string {
  const parts = [`新增 ${c.added.length} 项`, `取消或删除 ${c.removed.length} 项`, `修改 ${c.changed.length} 项`];
  return `${parts.join('，')}，未变 ${c.unchangedCount} 项。`;
}

function changeHtml(c: ChangeSummary): string {
  const li = (s: string) => `<li>${esc(s)}</li>`;
  const block = (title: string, items: string[]) => (items.length ? `<h4>${title}</h4><ul>${items.join('')}</ul>` : '');
  return [
    `<p>${esc(changeText(c))}</p>`,
    block(
      '新增',
      c.added.map((p) => li(`${p.code} ${p.name}`)),
    ),
    block(
      '删除',
      c.removed.map((p) => li(`${p.code} ${p.name}`)),
    ),
    block(
      '修改',
      c.changed.map((p) => li(`${p.code} ${p.name}（${p.fields.join('、')}）`)),
    ),
  ].join('');
}

export interface FeedInput {
  /** absolute URL of this feed (also its id) */
  self: string;
  title: string;
  /** the portal page the feed is about */
  alternate: string;
  publicUrl: string;
  entries: { p: Publication; changes: ChangeSummary }[];
  /** when the feed has no entries */
  emptyUpdated: Date;
  /** the page of older entries (RFC 5005 paging), when there are more */
  next?: string;
}

export function atomFeed(f: FeedInput): string {
  const updated = (f.entries[0]?.p.publishedAt ?? f.emptyUpdated).toISOString();
  const entries = f.entries.map(({ p, changes }) => {
    const api = `${f.publicUrl}/api/public/v1/bodies/${p.bodyId}`;
    const at = p.publishedAt.toISOString();
    return `<entry>
<id>${esc(`${api}/versions/${p.version}`)}</id>
<title>${esc(`${p.bodyName}权责清单公布第 ${p.version} 版`)}</title>
<published>${at}</published>
<updated>${at}</updated>
<author><name>${esc(p.bodyName)}</name></author>
<category term="${p.level}" label="${esc(p.regionName)}"/>
<link rel="alternate" type="text/html" href="${esc(`${f.publicUrl}/bodies/${p.bodyId}?version=${p.version}`)}"/>
<link rel="related" type="application/json" title="与上一版本的差异" href="${esc(`${api}/versions/${p.version}/diff.json`)}"/>
<link rel="enclosure" type="application/json" title="清单（JSON）" href="${esc(`${api}/list.json?version=${p.version}`)}"/>
<summary>${esc(`${changeText(changes)}公布摘要 SM3：${p.digest}`)}</summary>
<content type="html">${esc(changeHtml(changes))}</content>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${esc(f.self)}</id>
<title>${esc(f.title)}</title>
<updated>${updated}</updated>
<link rel="self" type="application/atom+xml" href="${esc(f.self)}"/>
<link rel="alternate" type="text/html" href="${esc(f.alternate)}"/>
${f.next ? `<link rel="next" type="application/atom+xml" href="${esc(f.next)}"/>\n` : ''}<generator>权责清单管理平台</generator>
${entries.join('\n')}
</feed>
`;
}
