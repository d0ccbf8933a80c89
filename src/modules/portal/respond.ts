// Sending portal pages: conditional GET (ETag → 304), cache headers, and error pages in
// Chinese. A published version never changes, so an ETag derived from its digest lets any
// HTTP cache or CDN serve the page until the next publication.
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { clientErrorOf, dropUnsendableHeaders } from '../../platform/client-errors.js';
import { html } from './html.js';
import { page } from './layout.js';

export const ELDER_COOKIE = 'elder';
export const isElder = (req: FastifyRequest) => req.cookies[ELDER_COOKIE] === '1';

/** Bump when the markup changes, so that caches drop pages rendered by older code. */
export const RENDER_REV = '6';

/** A strong ETag over the parts that decide a response's bytes. */
export function etagOf(...parts: (string | number | boolean | null | undefined)[]): string {
  const h = createHash('sm3')
    .update([RENDER_REV, ...parts].map((p) => String(p ?? '')).join('\u0001'), 'utf8')
    .digest('base64url');
  return `"${h.slice(0, 27)}"`;
}

/** True when the client's If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function isFresh(req: FastifyRequest, etag: string): boolean {
  const inm = req.headers['if-none-match'];
  if (!inm) return false;
  if (inm.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export interface CacheOptions {
  etag: string;
  /** seconds a shared cache may keep the response */
  maxAge: number;
}

/** Cache headers, and a 304 when the client already has this ETag; returns true if answered. */
export function answerIfFresh(req: FastifyRequest, reply: FastifyReply, c: CacheOptions): boolean {
  reply
    .header('etag', c.etag)
    .header('cache-control', `public, max-age=${c.maxAge}`)
    .header('vary', 'Cookie, Accept-Encoding');
  if (!isFresh(req, c.etag)) return false;
  reply.status(304).send();
  return true;
}

export function sendHtml(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

/** Any GET page: the ETag is the hash of the page itself (unversioned pages: home, regions). */
export function sendPage(req: FastifyRequest, reply: FastifyReply, body: string, maxAge = 60) {
  if (answerIfFresh(req, reply, { etag: etagOf(body), maxAge })) return reply;
  return sendHtml(reply, body);
}

export function errorPage(req: FastifyRequest, status: number, title: string, message: string): string {
  return page(
    { title, elder: isElder(req), path: req.url },
    html`<h1>${title}</h1><p class="notice">${message}</p>
<p><a href="/">返回首页</a> · <a href="/search">检索权责清单</a></p>`,
  );
}

const TITLE: Record<number, string> = { 400: '请求有误', 404: '未找到页面', 500: '服务暂时不可用' };

/** The portal's error handler: every error becomes a page in Chinese, never a bare 500. */
export function portalErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  let status = 500;
  let message = '服务器处理请求时出错，请稍后重试。';
  if (err instanceof AppError) {
    status = err.status === 404 ? 404 : err.status >= 500 ? 500 : 400;
    message = err.message;
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    status = 400;
    message = `网址中的参数不符合要求：${err.validation[0]?.message ?? '格式不正确'}。请检查网址后重试。`;
  } else if (clientErrorOf(err)) {
    // issue 10.9: the request's fault (bad URL, unsendable header, data the database refuses)
    status = 400;
    message = `${clientErrorOf(err)!.message}。`;
  } else {
    req.log.error({ err }, 'portal page failed');
  }
  dropUnsendableHeaders(reply);
  reply.removeHeader('etag');
  reply.header('cache-control', 'no-store');
  return sendHtml(reply, errorPage(req, status, TITLE[status] ?? TITLE[400]!, message), status);
}
