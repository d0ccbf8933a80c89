// Micro-caching of "which body, which current version" for a fraction of a second: under load
// every request for a body's page would otherwise ask the database the same question, while
// the answer changes only at a publication. Bounded staleness (TTL_MS) across processes; in
// this process any write request clears it, and a client's `Cache-Control: no-cache` skips it.
import type { FastifyRequest } from 'fastify';

export const TTL_MS = 250;
const MAX_ENTRIES = 10_000;

export class HeadMemo<T> {
  private map = new Map<number, { at: number; value: T }>();

  async get(req: FastifyRequest, key: number, load: () => Promise<T>): Promise<T> {
    const now = performance.now();
    const hit = this.map.get(key);
    if (hit && now - hit.at < TTL_MS && !wantsFresh(req)) return hit.value;
    const value = await load();
    if (this.map.size >= MAX_ENTRIES) this.map.clear();
    this.map.set(key, { at: now, value });
    return value;
  }

  clear() {
    this.map.clear();
  }
}

const wantsFresh = (req: FastifyRequest) =>
  /no-cache|max-age=0/.test(`${req.headers['cache-control'] ?? ''} ${req.headers.pragma ?? ''}`);
