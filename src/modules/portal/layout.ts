// The portal's page frame: semantic, keyboard-usable, readable without JavaScript.
// 长者模式 (larger text, higher contrast) is a cookie set by a plain link: no script needed.
import { html, type Html } from './html.js';
import { PORTAL_CSS } from './portal.css.js';

export interface PageOptions {
  title: string;
  elder: boolean;
  path: string;
  crumbs?: { href?: string; label: string }[];
}

export function page(o: PageOptions, main: Html): string {
  const toggleHref = `/elder-mode?on=${o.elder ? '0' : '1'}&back=${encodeURIComponent(o.path)}`;
  return html`<!doctype html>
<html lang="zh-CN" class="${o.elder ? 'elder' : ''}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} - 包头市权责清单公开平台</title>
<link rel="stylesheet" href="/portal.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
  <div class="wrap">
    <a class="brand" href="/">包头市权责清单公开平台</a>
    <nav aria-label="辅助功能">
      <a href="${toggleHref}" class="elder-toggle" aria-pressed="${o.elder ? 'true' : 'false'}">${o.elder ? '退出长者模式' : '长者模式'}</a>
      <a href="/search">检索</a>
      <a href="/app/">工作人员登录</a>
    </nav>
  </div>
</header>
${o.crumbs?.length ? html`<nav class="crumbs wrap" aria-label="当前位置"><ol>${o.crumbs.map((c) => (c.href ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`))}</ol></nav>` : ''}
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site"><div class="wrap">
  <p>依据《包头市政府工作部门权责清单动态管理办法》公开。对权责清单有意见建议、投诉举报的，可通过本平台或政务服务大厅提出。</p>
  <p>包头市推进政府职能转变和“放管服”改革协调小组办公室</p>
</div></footer>
</body>
</html>`.value;
}

export { PORTAL_CSS };
export const pageStyles = PORTAL_CSS;
