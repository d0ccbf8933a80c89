// Issue 10.6 (login CSRF, JSON-only API), 10.7 (headers), 9.8 (proxy addresses, refusals audited).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { loadConfig } from '../config.js';
import { buildApp } from './app.js';

let t: TestApp;
beforeAll(async () => (t = await setupTestApp()));
afterAll(() => t.close());

const sessions = async () =>
  Number(
    (
      await t.db
        .selectFrom('session')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const refusals = () =>
  t.db
    .selectFrom('audit_event')
    .select(['actor_id', 'after', 'client_ip'])
    .where('action', '=', 'security.refused')
    .orderBy('seq')
    .execute();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('login CSRF (10.6)', () => {
  it('refuses a cross-origin form login and creates no session', async () => {
    const before = await sessions();
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'username=sysadmin&password=Baotou%402026',
      headers: { ...FORM, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('UNSUPPORTED_MEDIA');
    expect(form.json().error.message).toContain('JSON');
    // even as JSON (say through a misconfigured CORS proxy), another origin is refused
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sysadmin', password: 'Baotou@2026' },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(json.statusCode).toBe(403);
    expect(json.json().error.code).toBe('CSRF_INVALID');
    const nullOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sysadmin', password: 'Baotou@2026' },
      headers: { origin: 'null' },
    });
    expect(nullOrigin.statusCode).toBe(403);
    const sameSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sysadmin', password: 'Baotou@2026' },
      headers: { 'sec-fetch-site': 'same-site' },
    });
    expect(sameSite.statusCode).toBe(403);
    for (const r of [form, json, nullOrigin, sameSite])
      expect(r.cookies.find((c) => c.name === 'qz_sid')).toBeUndefined();
    expect(await sessions()).toBe(before);
  });

  it('lets the site’s own page sign in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sysadmin', password: 'Baotou@2026' },
      headers: { host: 'qz.example:8443', origin: 'https://qz.example:8443', 'sec-fetch-site': 'same-origin' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('accepts no form or text body anywhere on the API, and changes nothing', async () => {
    const admin = await t.login('sysadmin');
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('body')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await admin.request(
        'POST',
        '/api/bodies',
        'regionCode=150200&name=%E5%8C%85%E5%A4%B4%E5%B8%82%E6%B5%8B%E8%AF%95%E5%B1%80&kind=x',
        { 'content-type': type },
      );
      expect(res.statusCode).toBe(415);
    }
    expect(await count()).toBe(before);
  });
});

describe('security headers (10.7)', () => {
  it('sends a CSP without any script on the portal, and none may frame any page', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    const csp = String(home.headers['content-security-policy']);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(home.headers['x-frame-options']).toBe('DENY');
    expect(home.headers['strict-transport-security']).toBeUndefined();
    const api = await t.app.inject({ method: 'GET', url: '/api/session' });
    expect(String(api.headers['content-security-policy'])).toMatch(/default-src 'none'.*|frame-ancestors 'none'/);
    expect(String(api.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    const app = await t.app.inject({ method: 'GET', url: '/app/' });
    const appCsp = String(app.headers['content-security-policy']);
    expect(appCsp).toContain("script-src 'self'");
    expect(appCsp).toContain("frame-ancestors 'none'");
    if (app.statusCode === 200) expect(app.headers['cache-control']).toBe('no-cache');
  });

  it('sends HSTS when the site is served over HTTPS', async () => {
    const app = await buildApp({ db: t.db, config: { ...loadConfig({}), secureCookies: true }, clock: t.clock.read });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    await app.close();
  });
});

describe('server defaults and refusals (9.8)', () => {
  it('listens on loopback and trusts no proxy unless told', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0', TRUST_PROXY: '10.0.0.1, loopback' })).toMatchObject({
      host: '0.0.0.0',
      trustProxy: ['10.0.0.1', 'loopback'],
    });
  });

  it('does not let X-Forwarded-For choose the address the audit records', async () => {
    // the harness trusts a proxy on loopback; the default configuration trusts none
    const app = await buildApp({
      db: t.db,
      config: { ...loadConfig({}), loginRateLimitPerMinute: 1000 },
      clock: t.clock.read,
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk.zjj', password: 'Wrong-pass1' },
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    const row = await t.db
      .selectFrom('audit_event')
      .select('client_ip')
      .where('action', '=', 'auth.loginFailed')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.client_ip).toBe('127.0.0.1');
    await app.close();
  });

  it('believes X-Forwarded-For from a proxy TRUST_PROXY names', async () => {
    const app = await buildApp({
      db: t.db,
      config: { ...loadConfig({ TRUST_PROXY: '127.0.0.1' }), loginRateLimitPerMinute: 1000 },
      clock: t.clock.read,
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk.zjj', password: 'Wrong-pass2' },
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    const row = await t.db
      .selectFrom('audit_event')
      .select('client_ip')
      .where('action', '=', 'auth.loginFailed')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.client_ip).toBe('203.0.113.9');
    await app.close();
  });

  it('audits a wrong role, another body’s object and a forged write as security events, each changing nothing else', async () => {
    const before = (await refusals()).length;
    const clerk = await t.login('clerk.scjg');
    const clerkId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'clerk.scjg').executeTakeFirstOrThrow()
    ).id;
    const bodies = Number(
      (
        await t.db
          .selectFrom('body')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // wrong role
    expect(
      (await clerk.post('/api/bodies', { regionCode: '150200', name: '包头市新设局', kind: '政府工作部门' }))
        .statusCode,
    ).toBe(403);
    // another body's user (404: not shown to exist)
    const other = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'clerk.zjj').executeTakeFirstOrThrow()
    ).id;
    expect((await clerk.patch(`/api/users/${other}`, { displayName: '改名字' })).statusCode).toBe(404);
    // forged write: no CSRF token
    expect(
      (
        await clerk.request(
          'POST',
          '/api/bodies',
          { regionCode: '150200', name: '包头市新设局', kind: '政府工作部门' },
          { 'x-csrf-token': '' },
        )
      ).statusCode,
    ).toBe(403);
    const rows = (await refusals()).slice(before);
    expect(rows.map((r) => (r.after as { code: string }).code)).toEqual(['FORBIDDEN', 'NOT_FOUND', 'CSRF_INVALID']);
    expect(rows.every((r) => r.actor_id === clerkId)).toBe(true);
    expect(
      Number(
        (
          await t.db
            .selectFrom('body')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(bodies);
    expect(
      (await t.db.selectFrom('app_user').select('display_name').where('id', '=', other).executeTakeFirstOrThrow())
        .display_name,
    ).toBe('赵丽娜');
  });
});
