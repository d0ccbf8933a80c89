// The Chinese 404 page for any unknown non-API address.
import { html } from './html.js';
import { page } from './layout.js';

export const notFoundPage = (path: string) =>
  page(
    { title: '页面不存在', elder: false, path: '/' },
    html`<h1>页面不存在</h1><p>您访问的地址 <code>${path}</code> 不存在或已调整。</p><p><a href="/">返回首页</a> · <a href="/search">检索权责事项</a></p>`,
  );
