// A store for @fastify/rate-limit in the database (issue 15.1): every instance behind the load
// balancer counts the same hits, so a limit (the login's LOGIN_RATE_LIMIT a minute, §等保 身份鉴别)
// holds across instances instead of multiplying by their number. One upsert per limited request,
// a fixed window on the database's clock (rate_limit_hit, 0091). The plugin constructs the store
// itself (`new Store(options)`), hence a class made per database.
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Database } from '../db/connect.js';

type Incr = Parameters<FastifyRateLimitStore['incr']>;

export function databaseRateLimitStore(db: Database) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly route = '*',
    ) {}

    incr(key: Incr[0], cb: Incr[1], timeWindow?: number): void {
      const ms = Math.max(1, timeWindow ?? 60_000);
      // a new window when the last one has ended, else one more hit in it
      sql<{ hits: number; ttl: number }>`
        insert into rate_limit_hit (route, key, hits, window_start) values (${this.route}, ${key}, 1, clock_timestamp())
        on conflict (route, key) do update set
          hits = case when rate_limit_hit.window_start + ${ms} * interval '1 millisecond' <= clock_timestamp()
                      then 1 else rate_limit_hit.hits + 1 end,
          window_start = case when rate_limit_hit.window_start + ${ms} * interval '1 millisecond' <= clock_timestamp()
                      then clock_timestamp() else rate_limit_hit.window_start end
        returning hits,
          greatest(0, extract(epoch from window_start + ${ms} * interval '1 millisecond' - clock_timestamp()) * 1000)::int as ttl`
        .execute(db)
        .then((r) => cb(null, { current: r.rows[0]!.hits, ttl: r.rows[0]!.ttl }))
        .catch((e: Error) => cb(e, undefined));
    }

    // the plugin hands the route's merged limit options, its route under routeInfo
    child(routeOptions: unknown): FastifyRateLimitStore {
      const info = (routeOptions as { routeInfo?: { method?: unknown; url?: string } }).routeInfo ?? {};
      return new DatabaseRateLimitStore({}, `${String(info.method ?? '')} ${info.url ?? ''}`.trim() || '*');
    }
  };
}

/** Counters whose window ended a day ago or more (the hourly sweep's instance removes them): one row per client key otherwise stays for good. */
export async function pruneRateLimits(db: Database): Promise<number> {
  const r = await sql`delete from rate_limit_hit where window_start < now() - interval '1 day'`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
