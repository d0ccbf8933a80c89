// Portal stylesheet: plain CSS served at /portal.css; the elder class enlarges and darkens,
// a power code (.code) never breaks inside (list tables scroll in their box on a phone), on a
// narrow screen a power's field table stacks each label above its value and a list's code sits
// under the power's name, and the print rules give a clean black-on-white document without navigation or forms.
export const PORTAL_CSS = `
:root{--fg:#1f2329;--muted:#4e5969;--bg:#fff;--brand:#b2221c;--link:#0b4fb3;--line:#d9dce1;--soft:#f5f6f8;--ok:#1d7a3a;--warn:#a15c00}
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--fg);background:var(--bg)}
.wrap{max-width:1100px;margin:0 auto;padding:0 16px}
a{color:var(--link)}
a:focus,button:focus,input:focus,select:focus,main:focus{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{background:var(--brand);color:#fff}
header.site .wrap{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px;padding-top:12px;padding-bottom:12px}
header.site a{color:#fff;text-decoration:none}
.brand{font-size:1.35em;font-weight:700;letter-spacing:1px}
header.site nav{display:flex;flex-wrap:wrap;gap:8px}
header.site nav a{border:1px solid rgba(255,255,255,.6);padding:2px 10px;border-radius:4px}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:4px;padding:8px 0;margin:0;color:var(--muted)}
.crumbs li+li:before{content:"›";margin-right:4px}
main{padding-top:12px;padding-bottom:32px;min-height:60vh}
h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.25em;border-left:4px solid var(--brand);padding-left:8px;margin-top:1.6em}
h3{font-size:1.08em;margin:1.2em 0 .4em}
.meta{color:var(--muted);margin-top:0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px;list-style:none;padding:0}
.grid li a{display:block;padding:12px 14px;border:1px solid var(--line);border-radius:6px;text-decoration:none;background:var(--soft);height:100%}
.grid li a:hover{border-color:var(--brand)}
.count{color:var(--muted);font-size:.9em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}
table.list td:first-child{white-space:nowrap;width:4em}
table.list tr.sub td:nth-child(2){padding-left:2em}
table.fields th{width:9em;white-space:nowrap}
table.versions th,table.versions td:nth-child(-n+4){white-space:nowrap}
table.diff th[scope=row]{width:12em}
.code{font-family:ui-monospace,Consolas,monospace;font-size:.92em;white-space:nowrap;word-break:keep-all;overflow-wrap:normal}
.digest code{font-size:.8em;word-break:break-all}
.muted{color:var(--muted)}
.scroll{overflow-x:auto;max-width:100%}
main{overflow-wrap:anywhere}
.consult ul{margin:4px 0;padding-left:1.4em}.consult h2{margin-top:.4em}
.sitemap li{margin:4px 0}.inline-list{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0}
footer.site p{margin:4px 0}
.banner{background:#fff8f0;border:1px solid #f0d9c0;border-radius:6px;padding:8px 14px;margin:12px 0}
.banner p{margin:4px 0}
.notice{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 16px}
.summary{font-size:1.05em}
.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 6px;font-size:.85em;color:var(--muted);background:#fff}
.tag.ok{color:var(--ok);border-color:var(--ok)}.tag.old,.tag.warn{color:var(--warn);border-color:var(--warn)}
.toc ul{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0}
.toc a{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:2px 10px;text-decoration:none}
.toc .count{margin-left:6px}
ol.bases{padding-left:1.4em}ol.bases p{margin:0}
blockquote{margin:4px 0 8px;padding:4px 10px;border-left:3px solid var(--line);color:var(--fg);background:var(--soft)}
.pre{white-space:pre-line}
del{background:#fde8e8;text-decoration:line-through}ins{background:#e6f4ea;text-decoration:none}
mark{background:#ffe58f;color:inherit;padding:0 1px}
article.change{margin-bottom:16px}
p.more{margin:6px 0 0;text-align:right}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9em;padding:12px 0}
form.search,form.inline{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:12px 0}
form.search input[type=search]{flex:1;min-width:0;width:100%;max-width:100%;padding:8px;font-size:1em}
form.search input[type=search]{flex-basis:220px}
form.inline .hint{flex-basis:100%;margin:0;color:var(--muted);font-size:.92em}
@media (max-width:600px){
  table.list td:first-child{width:auto}
  table.fields,table.fields tbody,table.fields tr,table.fields th,table.fields td{display:block;width:auto}
  table.fields{border:1px solid var(--line);border-bottom:0}
  table.fields th,table.fields td{border:0;border-bottom:1px solid var(--line)}
  table.fields th{white-space:normal;padding:4px 8px;border-bottom:0}
  table.fields td{padding:2px 8px 8px}
  table.powers,table.powers thead,table.powers tbody{display:block}
  table.powers tr{display:grid;grid-template-columns:2.8em minmax(0,1fr)}
  table.powers .code{font-size:.85em}
  table.powers tr>:nth-child(1){grid-row:span 2}
  table.powers tr>:nth-child(2){border-bottom:0}
  table.powers tr>:nth-child(3){grid-column:2;border-top:0;padding-top:0}
  table.powers tr+tr>*{border-top:0}
  h1{font-size:1.35em}
}
input,select{font:inherit;padding:6px;border:1px solid #8a9099;border-radius:4px}
button,.button{padding:8px 16px;font-size:1em;background:var(--brand);color:#fff;border:0;border-radius:4px;cursor:pointer}
ol.results{padding-left:1.6em}ol.results li{margin-bottom:14px}
ol.results h2.hit{border:0;padding:0;margin:0;font-size:1.1em}
ol.results p{margin:2px 0}.basis{font-size:.95em}
.pager ul{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0}
.pager a,.pager span{display:inline-block;min-width:2.4em;text-align:center;padding:4px 8px;border:1px solid var(--line);border-radius:4px;text-decoration:none}
.pager span[aria-current]{background:var(--brand);color:#fff;border-color:var(--brand)}
.chips{margin:0 0 8px}
html.elder body{font-size:22px;line-height:1.9;--fg:#000;--muted:#222;--link:#0033aa;--line:#444}
html.elder header.site{background:#000}
html.elder a{text-decoration:underline}
@media print{
  header.site nav,.skip,footer.site,form.search,form.inline,.pager,.toc,.actions,.chips,.crumbs,p.more{display:none}
  header.site{background:none;color:#000;border-bottom:2px solid #000}header.site a{color:#000}
  a{color:#000;text-decoration:none}body{font-size:11pt;line-height:1.5}
  .banner,.notice,blockquote,th{background:none}
  tr,li,blockquote{break-inside:avoid}h2,h3{break-after:avoid}thead{display:table-header-group}
  mark{background:none;font-weight:700}del{background:none}ins{background:none;text-decoration:underline}
}
`;
