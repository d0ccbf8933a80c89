// Request helpers shared by every route: who is acting, from where, and the standard error body.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, RequestMeta } from '../core/actor.js';
import { AppError } from '../core/errors.js';

/** A signed-in request's session, as the accounts module loads it from the cookie (platform/guard.ts). */
export interface LoadedSession {
  id: string;
  actor: Actor;
  csrfToken: string;
  /** set up or reset by an administrator: nothing but changing the password until it is changed */
  mustChangePassword: boolean;
}

/** What the guard asks of the accounts module: the session behind a cookie's token, or that it expired. */
export type SessionLookup = { session: LoadedSession } | { expired: true } | null;

declare module 'fastify' {
  interface FastifyRequest {
    session: LoadedSession | null;
    sessionExpired: boolean;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  if (req.session) return req.session.actor;
  if (req.sessionExpired) throw new AppError('SESSION_EXPIRED', '登录已超时，请重新登录');
  throw new AppError('UNAUTHENTICATED', '请先登录');
}

export const metaOf = (req: FastifyRequest): RequestMeta => ({ clientIp: req.ip ?? null });

export function sendError(reply: FastifyReply, e: AppError) {
  return reply.status(e.status).send({ error: { code: e.code, message: e.message, details: e.details } });
}

// The error body and the id parameter are contract vocabulary (src/contract/common.ts); re-exported here
// so the routes' existing imports keep working.
export { errorSchema, idParam } from '../contract/common.js';
