// Every API request passes here first: the session from its cookie, the CSRF token on
// cookie-authenticated writes, JSON-only bodies, the same-origin check on login (issue 10.6),
// and the forced password change of a freshly set-up account (issue 10.4).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../core/errors.js';
import type { AppDeps } from './deps.js';
import type { SessionLookup } from './http.js';

/** Where sessions come from: the accounts module's cookie and lookup, handed in by the app (server/app.ts). */
export interface SessionSource {
  cookie: string;
  lookup: (db: AppDeps['db'], token: string, now: Date) => Promise<SessionLookup>;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOGIN = '/api/auth/login';
/** What a session that must change its password may still do. */
const WHILE_CHANGE_REQUIRED = new Set([
  'GET /api/session',
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'GET /api/security/password-rules',
]);
// An HTML form on another site can send urlencoded, text/plain and multipart bodies without a
// preflight. The API takes none of the first two (JSON is its language); multipart and an
// attachment's own media type (application/pdf …) are uploads, which always carry the session's
// CSRF header; any other type is left to the route's parsers, which answer 415 to what they do not know.
const FORM_BODY_TYPES = new Set(['application/x-www-form-urlencoded', 'text/plain']);

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const crossSite = () => new AppError('CSRF_INVALID', '安全校验失败：登录请求须来自本站页面');

/**
 * Login has no session yet, so no CSRF token: a browser's Sec-Fetch-Site and Origin must say
 * the request comes from a page of this site. Programs that send neither are let through.
 */
export function checkSameOrigin(req: FastifyRequest) {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') throw crossSite();
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw crossSite(); // includes `Origin: null` (sandboxed frames, some redirects)
  }
  if (host !== req.host) throw crossSite();
}

export function registerGuard(app: FastifyInstance, deps: AppDeps, sessions: SessionSource) {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const path = req.url.split('?')[0]!;
    if (!path.startsWith('/api/')) return;
    const type = req.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
    if (type && WRITE.has(req.method) && FORM_BODY_TYPES.has(type))
      throw new AppError(
        'UNSUPPORTED_MEDIA',
        '不支持的请求内容类型：接口只接受 JSON（上传文件用 multipart/form-data）',
      );
    if (path === LOGIN && req.method === 'POST') checkSameOrigin(req);
    const token = req.cookies[sessions.cookie];
    if (!token) return;
    const found = await sessions.lookup(deps.db, token, deps.clock());
    if (found && 'session' in found) req.session = found.session;
    else if (found) req.sessionExpired = true;
    if (!req.session) return;
    // CSRF: every cookie-authenticated write carries the session's token in a header
    if (WRITE.has(req.method) && path !== LOGIN) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, req.session.csrfToken))
        throw new AppError('CSRF_INVALID', '安全校验失败（CSRF 令牌无效），请刷新页面后重试');
    }
    if (req.session.mustChangePassword && !WHILE_CHANGE_REQUIRED.has(`${req.method} ${path}`))
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录须先修改初始密码');
  });
}
