// The portal's page frame: semantic, keyboard-usable, readable without JavaScript.
// 长者模式 (larger text, higher contrast) is a cookie set by a plain link: no script needed.
// The footer carries what a government site must show (政府网站发展指引): 主办单位, contact,
// 网站标识码, ICP and 公安 备案 numbers (configuration: SITE_* in the README), and promises only
// channels that exist on this site.
import { siteIdentity, type SiteIdentity } from '../../config.js';
import { html, type Html } from './html.js';
import { PORTAL_CSS } from './portal.css.js';

export interface PageOptions {
  title: string;
  elder: boolean;
  path: string;
  crumbs?: { href?: string; label: string }[];
  /** the site identity; by default the one the portal was configured with (useSite) */
  site?: SiteIdentity;
}

// Every portal page, the 404 page built before any route included, shares one frame; the
// identity is process-wide configuration, set once from deps.config by portalRoutes.
let configured: SiteIdentity = siteIdentity({});
export const useSite = (s: SiteIdentity) => void (configured = s);

function footer(s: SiteIdentity): Html {
  const psbNumber = /\d{14}/.exec(s.psb)?.[0];
  return html`<footer class="site"><div class="wrap">
  <p>本平台依据《包头市政府工作部门权责清单动态管理办法》公开各职权行使机构的权责清单及其调整情况。对正在公开征求意见的调整事项，可在<a href="/consultations">公开征求意见</a>页面提出意见；对行政职权及其实施情况的意见建议、对职权行使机构违规行为的投诉举报，可在<a href="/feedback">意见建议与投诉举报</a>页面提交，凭查询码<a href="/feedback/status">查看办理情况</a>（第十五条）。</p>
  <p>主办单位：${s.organizer}</p>
  <p>联系方式：${s.contact}</p>
  <p>网站标识码：${s.siteCode} <span aria-hidden="true">·</span> <a href="https://beian.miit.gov.cn/" rel="noopener">${s.icp}</a>
  <span aria-hidden="true">·</span> ${psbNumber ? html`<a href="https://beian.mps.gov.cn/#/query/webSearch?code=${psbNumber}" rel="noopener">${s.psb}</a>` : s.psb}</p>
  <p><a href="/sitemap">网站地图</a> <span aria-hidden="true">·</span> <a href="/search">检索</a> <span aria-hidden="true">·</span> <a href="/consultations">公开征求意见</a> <span aria-hidden="true">·</span> <a href="/feedback">意见建议与投诉举报</a> <span aria-hidden="true">·</span> <a href="/reprimands">通报批评</a></p>
</div></footer>`;
}

export function page(o: PageOptions, main: Html): string {
  const toggleHref = `/elder-mode?on=${o.elder ? '0' : '1'}&back=${encodeURIComponent(o.path)}`;
  return html`<!doctype html>
<html lang="zh-CN" class="${o.elder ? 'elder' : ''}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} - 包头市权责清单公开平台</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/portal.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
  <div class="wrap">
    <a class="brand" href="/">包头市权责清单公开平台</a>
    <nav aria-label="网站导航">
      <a href="/consultations">公开征求意见</a>
      <a href="/search">检索</a>
      <a href="${toggleHref}" class="elder-toggle">${o.elder ? '退出长者模式' : '长者模式'}</a>
      <a href="/app/">工作人员登录</a>
    </nav>
  </div>
</header>
${o.crumbs?.length ? html`<nav class="crumbs wrap" aria-label="当前位置"><ol>${o.crumbs.map((c) => (c.href ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`))}</ol></nav>` : ''}
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
${footer(o.site ?? configured)}
</body>
</html>`.value;
}

/** The site's icon: the brand's red square with 权 in white (SVG, served from our origin). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b2221c"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">权</text></svg>`;

export { PORTAL_CSS };
export const pageStyles = PORTAL_CSS;
