// Issue 11.1 acceptance: every route declares its response schema (zod, enforced by the
// serializer), so the OpenAPI document is complete and the workspace's types are the schemas'.
// The check walks every route the built app registered (hidden portal pages too, routesOf) and
// fails for any route without one; the first modules moved to src/contract (OWNED below) are held
// to more: each names a success status and is in the OpenAPI document with its response.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { indexRoutes, routesOf, type IndexedRoute } from '../platform/route-index.js';

/** The routes of the modules whose shapes are in src/contract: none may lack a response schema. */
const OWNED: RegExp[] = [
  /^\/healthz$/,
  /^\/api\/openapi\.json$/,
  // accounts (auth, users, admin changes, security policy)
  /^\/api\/(auth|session|users|admin-changes|security)(\/|$)/,
  // bodies, audit, calendar, consultations, public search and open data
  /^\/api\/(regions|bodies|audit|calendar|consultations|public)(\/|$)/,
  // the portal's pages, the consultation pages, the search page and the audit anchor page
  /^\/$/,
  /^\/(portal\.css|favicon\.svg|favicon\.ico|sitemap|elder-mode|search|audit-anchor)$/,
  /^\/(regions|bodies|consultations)(\/|\.css|$)/,
];

/**
 * Routes the app does not write: Swagger UI's own pages and assets (@fastify/swagger-ui), and the
 * built workspace's files that @fastify/static registers one by one (/app/assets/…, /app/index.html).
 */
const PLUGIN = /^\/api\/docs(\/|$)|^\/app\/[^*]+\.\w+$/;

const key = (r: IndexedRoute) => `${r.method} ${r.url}`;
const isOwned = (r: IndexedRoute) => OWNED.some((p) => p.test(r.url));

/** The statuses a route declares a response schema for (none: an empty list). */
function declared(r: IndexedRoute): string[] {
  const response = (r.schema as { response?: Record<string, unknown> } | undefined)?.response;
  return response && typeof response === 'object' ? Object.keys(response) : [];
}
const lacking = (routes: readonly IndexedRoute[]) =>
  routes.filter((r) => r.method !== 'HEAD' && !PLUGIN.test(r.url) && declared(r).length === 0);

describe('every route declares a response schema (issue 11.1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  it('reads the routes the app registered, the hidden portal pages included', () => {
    const urls = routesOf(t.app).map(key);
    expect(urls.length).toBeGreaterThan(100);
    expect(urls).toContain('GET /api/session');
    expect(urls).toContain('GET /bodies/:id');
  });

  it('no route of the modules moved to src/contract lacks one, and each names a success status', () => {
    const owned = routesOf(t.app).filter((r) => r.method !== 'HEAD' && isOwned(r));
    expect(owned.length).toBeGreaterThan(50);
    expect(lacking(owned).map(key)).toEqual([]);
    // a schema for the refusals alone would say nothing of what the route answers when it works
    const noSuccess = owned.filter((r) => !declared(r).some((s) => /^[23]\d\d$/.test(s)));
    expect(noSuccess.map(key)).toEqual(['PUT /api/calendar/years/:year']); // it only ever refuses (spec §5)
  });

  it('no route of any module lacks one', () => {
    const all = routesOf(t.app).filter((r) => r.method !== 'HEAD');
    expect(all.length).toBeGreaterThan(250);
    expect(lacking(all).map(key)).toEqual([]);
  });

  it('the OpenAPI document carries the response of every documented route of those modules', async () => {
    const res = await t.anon.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    const documented = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    const owned = documented.filter((d) => /^\/api\/(auth|session|users|bodies|audit|calendar)/.test(d.path));
    expect(owned.length).toBeGreaterThan(20);
    const bare = owned.filter((d) => !Object.keys(d.op.responses ?? {}).some((s) => /^2\d\d$/.test(s)));
    expect(bare.map((d) => `${d.method.toUpperCase()} ${d.path}`)).toEqual(['PUT /api/calendar/years/{year}']);
  });
});

describe('the check itself', () => {
  it('finds a route without a response schema and passes one with it', async () => {
    const app = Fastify();
    indexRoutes(app);
    app.get('/api/bare', async () => ({ ok: true }));
    const answer = { type: 'object', properties: { ok: { type: 'boolean' } } } as const;
    app.get('/api/typed', { schema: { response: { 200: answer } } }, async () => ({ ok: true }));
    await app.ready();
    expect(lacking(routesOf(app)).map(key)).toEqual(['GET /api/bare']);
    await app.close();
  });
});
