// Cache headers of the public API and feeds (issue 14.3): a strong ETag from what decides the
// bytes (publication digests), Last-Modified from the newest publication, Cache-Control for shared
// caches; If-None-Match (or, without it, If-Modified-Since) answers 304.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFresh } from '../portal/respond.js';

export interface Freshness {
  etag: string;
  lastModified: Date | null;
  /** seconds a shared cache may keep the response */
  maxAge: number;
}

/** Sets the headers; returns true when a 304 has been sent. */
export function answerConditional(req: FastifyRequest, reply: FastifyReply, f: Freshness): boolean {
  reply.header('etag', f.etag).header('cache-control', `public, max-age=${f.maxAge}`);
  if (f.lastModified) reply.header('last-modified', f.lastModified.toUTCString());
  let fresh = false;
  if (req.headers['if-none-match']) fresh = isFresh(req, f.etag);
  else if (f.lastModified && req.headers['if-modified-since']) {
    const since = Date.parse(req.headers['if-modified-since']);
    // HTTP dates have whole seconds
    fresh = !Number.isNaN(since) && Math.floor(f.lastModified.getTime() / 1000) * 1000 <= since;
  }
  if (fresh) reply.status(304).send();
  return fresh;
}
