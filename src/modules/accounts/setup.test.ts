// Issue 10.4: a production start is not a demo — no demo data by itself, three administrators
// from a one-time setup, each forced to change the initial password at first sign-in.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { connect, type DbHandle } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { buildApp } from '../../server/app.js';
import { demoRequested, prepareData } from '../demo/startup.js';
import { setupAdministrators } from './setup.js';

// an empty database, as a new installation has (the shared test template is seeded with demo data)
let h: DbHandle;
let app: FastifyInstance;
const now = new Date('2026-11-30T09:00:00+08:00');
beforeAll(async () => {
  h = await connect({});
  await migrate(h.db);
  app = await buildApp({
    db: h.db,
    config: { ...loadConfig({ NODE_ENV: 'production' }), loginRateLimitPerMinute: 1000 },
    clock: () => now,
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const count = async (table: 'app_user' | 'user_role' | 'region' | 'power') =>
  Number(
    (
      await h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const GOOD = { sysadmin: 'Tq8#vLm2-sys', secadmin: 'Rw4!kPz9-sec', auditor: 'Hn6$xBd3-aud' };

describe('a production start', () => {
  it('asks for demo data only by --demo or SEED_DEMO=true', () => {
    expect(demoRequested(['node', 'main.ts'], { NODE_ENV: 'production' })).toBe(false);
    expect(demoRequested(['node', 'main.ts'], { DATABASE_URL: 'postgres://x' })).toBe(false);
    expect(demoRequested(['node', 'main.ts', '--demo'], {})).toBe(true);
    expect(demoRequested(['node', 'main.ts'], { SEED_DEMO: 'true' })).toBe(true);
  });

  it('writes no demo account or list into an empty database, and says setup is needed', async () => {
    expect(await prepareData(h.db, { demo: false })).toBe('setupNeeded');
    expect(await count('app_user')).toBe(0);
    expect(await count('power')).toBe(0);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sysadmin', password: 'Baotou@2026' },
    });
    expect(login.statusCode).toBe(401);
  });
});

describe('the one-time setup', () => {
  it('refuses the demo password, common or repeated passwords, and creates nothing', async () => {
    for (const bad of [
      { ...GOOD, secadmin: 'Baotou@2026' },
      { ...GOOD, auditor: 'Woaini@1314' },
      { ...GOOD, auditor: GOOD.sysadmin },
      { ...GOOD, sysadmin: 'short' },
    ]) {
      await expect(setupAdministrators(h.db, bad, now)).rejects.toMatchObject({ code: 'PASSWORD_POLICY' });
    }
    expect(await count('app_user')).toBe(0);
    expect(await count('user_role')).toBe(0);
  });

  it('creates the three administrators once, each to change the password at first sign-in', async () => {
    await setupAdministrators(h.db, GOOD, now);
    const users = await h.db
      .selectFrom('app_user as u')
      .innerJoin('user_role as r', 'r.user_id', 'u.id')
      .select(['u.username', 'r.role', 'u.must_change_password'])
      .orderBy('u.id')
      .execute();
    expect(users).toEqual([
      { username: 'sysadmin', role: 'sysAdmin', must_change_password: true },
      { username: 'secadmin', role: 'secAdmin', must_change_password: true },
      { username: 'auditor', role: 'auditor', must_change_password: true },
    ]);
    expect(await count('region')).toBeGreaterThan(0);
    expect(await count('power')).toBe(0);
    const audit = await h.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'setup.administratorsCreated')
      .execute();
    expect(audit).toHaveLength(1);
    await expect(
      setupAdministrators(h.db, { sysadmin: 'Zz9#other1', secadmin: 'Yy8#other2', auditor: 'Xx7#other3' }, now),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await count('app_user')).toBe(3);
    expect(await prepareData(h.db, { demo: false })).toBe('ready');
  });

  it('lets a set-up administrator do nothing but change the password, refuses the same one, then lets them work', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sysadmin', password: GOOD.sysadmin },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = `qz_sid=${login.cookies.find((c) => c.name === 'qz_sid')!.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
    const session = await app.inject({ method: 'GET', url: '/api/session', headers });
    expect(session.json().mustChangePassword).toBe(true);
    const users = await app.inject({ method: 'GET', url: '/api/users', headers });
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const before = (
      await h.db
        .selectFrom('app_user')
        .select('password_hash')
        .where('username', '=', 'sysadmin')
        .executeTakeFirstOrThrow()
    ).password_hash;
    for (const [newPassword, reason] of [
      [GOOD.sysadmin, '不能与原密码相同'],
      ['Baotou@2026', '演示密码'],
      ['Admin@123456', '过于常见'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { oldPassword: GOOD.sysadmin, newPassword },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('PASSWORD_POLICY');
      expect(res.json().error.message).toContain(reason);
    }
    expect(
      await h.db
        .selectFrom('app_user')
        .select(['password_hash', 'must_change_password'])
        .where('username', '=', 'sysadmin')
        .executeTakeFirstOrThrow(),
    ).toEqual({ password_hash: before, must_change_password: true });
    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { oldPassword: GOOD.sysadmin, newPassword: 'Kd5%mWq8-new' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200);
  });
});
