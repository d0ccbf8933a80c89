// Portal stylesheet: plain CSS served at /portal.css; the elder class enlarges and darkens.
export const PORTAL_CSS = `
:root{--fg:#1f2329;--muted:#4e5969;--bg:#fff;--brand:#b2221c;--link:#0b4fb3;--line:#d9dce1;--soft:#f5f6f8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--fg);background:var(--bg)}
.wrap{max-width:1100px;margin:0 auto;padding:0 16px}
a{color:var(--link)}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
header.site{background:var(--brand);color:#fff}
header.site .wrap{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px;padding-top:12px;padding-bottom:12px}
header.site a{color:#fff;text-decoration:none}
.brand{font-size:1.35em;font-weight:700;letter-spacing:1px}
header.site nav a{margin-left:16px;border:1px solid rgba(255,255,255,.6);padding:2px 10px;border-radius:4px}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:4px;padding:8px 0;margin:0;color:var(--muted)}
.crumbs li+li:before{content:"›";margin-right:4px}
main{padding-top:12px;padding-bottom:32px;min-height:60vh}
h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.25em;border-left:4px solid var(--brand);padding-left:8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px;list-style:none;padding:0}
.grid li a{display:block;padding:12px 14px;border:1px solid var(--line);border-radius:6px;text-decoration:none;background:var(--soft)}
.grid li a:hover{border-color:var(--brand)}
.count{color:var(--muted);font-size:.9em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}
.muted{color:var(--muted)}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9em;padding:12px 0}
form.search{display:flex;gap:8px;flex-wrap:wrap;margin:12px 0}
form.search input[type=search]{flex:1;min-width:220px;padding:8px;font-size:1em}
button,.button{padding:8px 16px;font-size:1em;background:var(--brand);color:#fff;border:0;border-radius:4px;cursor:pointer}
html.elder body{font-size:22px;line-height:1.9;--fg:#000;--muted:#222;--link:#0033aa;--line:#444}
html.elder header.site{background:#000}
html.elder a{text-decoration:underline}
@media print{header.site nav,.skip,footer.site,form.search{display:none}header.site{background:none;color:#000}header.site a{color:#000}a{color:#000;text-decoration:none}body{font-size:12pt}}
`;
