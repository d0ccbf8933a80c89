// Issue 10.9: no route answers 5xx to any input. A property-based fuzz over every route the app
// registered (hidden portal routes too): fitting, spoiled and hostile params, query and body, as
// an anonymous visitor, a department clerk and the system administrator. Deterministic: a fixed
// seed per route and identity (FUZZ_SEED to change it), printed with any failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oddString, partInput } from '../../test/fuzz-inputs.js';
import { setupTestApp, type Client, type TestApp } from '../../test/harness.js';
import { routesOf, type IndexedRoute } from '../platform/route-index.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_009);
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const USERS = { clerk: 'clerk.scjg', admin: 'sysadmin' } as const;
type Who = 'anon' | keyof typeof USERS;
/** Signed-in identities keep their session: these would end it (they are fuzzed anonymously). */
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/login', 'POST /api/auth/password']);
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Generated {
  params: unknown;
  query: unknown;
  body: unknown;
  raw: string | null;
  encode: boolean;
}

/** A route's own seed: stable when routes are added elsewhere. */
const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 7);
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));

function urlOf(route: IndexedRoute, g: Generated): string {
  const params = g.params && typeof g.params === 'object' ? (g.params as Record<string, unknown>) : {};
  // a URL carries UTF-8: a lone surrogate reaches the server as U+FFFD (as a browser sends it)
  const enc = (v: unknown) => (g.encode ? encodeURIComponent : encodeURI)(wellFormed(text(v)));
  const path = route.url
    .replace(/:(\w+)(\([^)]*\))?/g, (_, name: string) => enc(name in params ? params[name] : g.params))
    .replace(/\*$/, () => enc(g.params));
  const q = new URLSearchParams();
  if (g.query && typeof g.query === 'object' && !Array.isArray(g.query)) {
    for (const [k, v] of Object.entries(g.query)) for (const x of [v].flat()) q.append(k, wellFormed(text(x)));
  } else if (g.query !== undefined) q.append('q', wellFormed(text(g.query)));
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

const requestFor = (route: IndexedRoute): fc.Arbitrary<Generated> => {
  const s = (route.schema ?? {}) as Record<string, unknown>;
  return fc.record({
    params: partInput(s.params),
    query: partInput(s.querystring),
    body: partInput(s.body),
    raw: fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.oneof(oddString, fc.constantFrom('{"a":', '[1,', '{"__proto__":{"x":1}}')) },
    ),
    encode: fc.boolean(),
  });
};

describe('route input fuzz (issue 10.9)', () => {
  let t: TestApp;
  const clients = {} as Record<Who, Client>;

  beforeAll(async () => {
    t = await setupTestApp();
    clients.anon = t.anon;
    for (const [who, user] of Object.entries(USERS)) clients[who as Who] = await t.login(user);
  });
  afterAll(() => t?.close());

  async function send(c: Client, route: IndexedRoute, g: Generated) {
    const url = urlOf(route, g);
    if (!WITH_BODY.has(route.method)) return c.request(route.method as 'GET', url);
    if (g.raw !== null) return c.request(route.method as 'POST', url, g.raw, { 'content-type': 'application/json' });
    return c.request(route.method as 'POST', url, g.body ?? {});
  }

  /** A fuzzed admin write may have ended a session (e.g. disabled the clerk): sign in again. */
  async function stillSignedIn(who: Who) {
    if (who === 'anon') return;
    const res = await clients[who].get('/api/session');
    if (res.statusCode === 200) return;
    clients[who] = await t.login(USERS[who]);
  }

  it('answers every route, every identity, every input below 500', async () => {
    const started = Date.now();
    // /api/docs/* is the OpenAPI viewer's static files (@fastify/swagger-ui): no input of ours
    const routes = routesOf(t.app)
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !r.url.startsWith('/api/docs'))
      .filter((r) => !process.env.FUZZ_ONLY || new RegExp(process.env.FUZZ_ONLY).test(`${r.method} ${r.url}`));
    if (!process.env.FUZZ_ONLY) expect(routes.length).toBeGreaterThan(80);
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const t0 = Date.now();
      for (const [j, who] of (['anon', 'clerk', 'admin'] as const).entries()) {
        if (who !== 'anon' && ENDS_SESSION.has(`${route.method} ${route.url}`)) continue;
        const seed = SEED + hash(`${route.method} ${route.url}`) + j;
        try {
          await fc.assert(
            fc.asyncProperty(requestFor(route), async (g) => {
              requests++;
              const res = await send(clients[who], route, g);
              if (res.statusCode >= 500)
                throw new Error(`${res.statusCode} ${urlOf(route, g).slice(0, 200)} → ${res.body.slice(0, 300)}`);
            }),
            { seed, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
          );
        } catch (e) {
          // fast-check's report names the seed and the path to replay; long generated values are cut
          const report = (e as Error).message
            .split('\n')
            .map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l))
            .join('\n');
          failures.push(`${route.method} ${route.url} as ${who}, seed ${seed}: ${report}`);
        }
        await stillSignedIn(who);
      }
      if (process.env.FUZZ_PROFILE) console.log(`${Date.now() - t0} ms ${route.method} ${route.url}`);
    }
    console.log(
      `fuzz: ${routes.length} routes, ${requests} requests in ${Date.now() - started} ms (seed ${SEED}, ${RUNS} runs per route and identity)`,
    );
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 240_000);
});
