import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => (t = await setupTestApp()));
afterAll(() => t.close());

const bodyId = async (name: string) =>
  (await t.db.selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const auditCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('login and sessions', () => {
  it('logs in with the demo password and reports abilities', async () => {
    const c = await t.login('clerk.scjg');
    const s = (await c.get('/api/session')).json();
    expect(s.user.displayName).toBe('王晓燕');
    expect(s.roles[0].bodyName).toBe('包头市市场监督管理局');
    expect(s.abilities).toMatchObject({ draftList: true, manageUsers: false, readAudit: false });
  });

  it('sets an httpOnly SameSite cookie', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'lead.scjg', password: 'Baotou@2026' });
    const c = res.cookies.find((k) => k.name === 'qz_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
  });

  it('refuses a wrong password with a Chinese message and a stable code', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'gov.city', password: 'wrong-Pass1' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('LOGIN_FAILED');
    expect(res.json().error.message).toContain('用户名或密码错误');
  });

  it('locks after 5 failures for 15 minutes, then lets the right password in', async () => {
    for (let i = 0; i < 4; i++)
      expect(
        (await t.anon.post('/api/auth/login', { username: 'legal.city', password: 'Wrong-pass1' })).statusCode,
      ).toBe(401);
    const fifth = await t.anon.post('/api/auth/login', { username: 'legal.city', password: 'Wrong-pass1' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    // locked: even the right password is refused
    const locked = await t.anon.post('/api/auth/login', { username: 'legal.city', password: 'Baotou@2026' });
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advanceMinutes(14);
    expect((await t.anon.post('/api/auth/login', { username: 'legal.city', password: 'Baotou@2026' })).statusCode).toBe(
      423,
    );
    t.clock.advanceMinutes(2);
    expect((await t.anon.post('/api/auth/login', { username: 'legal.city', password: 'Baotou@2026' })).statusCode).toBe(
      200,
    );
    const actions = await t.db.selectFrom('audit_event').select('action').where('object_type', '=', 'user').execute();
    expect(actions.map((a) => a.action)).toContain('auth.locked');
  });

  it('expires an idle session', async () => {
    const c = await t.login('gov.city');
    expect((await c.get('/api/session')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const res = await c.get('/api/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('refuses bad login input with 400 and changes nothing', async () => {
    const before = await auditCount();
    for (const payload of [
      {},
      { username: '', password: 'x' },
      { username: 'a'.repeat(65), password: 'x' },
      { username: 'x' },
      'not json',
    ]) {
      const res = await t.anon.request(
        'POST',
        '/api/auth/login',
        payload,
        typeof payload === 'string' ? { 'content-type': 'application/json' } : {},
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await auditCount()).toBe(before);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, accepts it with the token', async () => {
    const admin = await t.login('sysadmin');
    const payload = { regionCode: '150200', name: '包头市乡村振兴局', kind: '政府工作部门' };
    const without = await admin.request('POST', '/api/bodies', payload, { 'x-csrf-token': '' });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_INVALID');
    const wrong = await admin.request('POST', '/api/bodies', payload, {
      'x-csrf-token': 'forged-token-value-xxxxxxxxxxxxx',
    });
    expect(wrong.json().error.code).toBe('CSRF_INVALID');
    expect(
      await t.db.selectFrom('body').select('id').where('name', '=', '包头市乡村振兴局').executeTakeFirst(),
    ).toBeUndefined();
    expect((await admin.post('/api/bodies', payload)).statusCode).toBe(201);
  });
});

describe('users and password policy', () => {
  it('enforces the password policy when creating a user, and saves nothing', async () => {
    const admin = await t.login('sysadmin');
    const home = await bodyId('包头市市场监督管理局');
    for (const [password, reason] of [
      ['Ab1!', '至少为8位'],
      ['abcdefgh1', '至少3类'],
      ['liuyang123A', '不能包含用户名'],
    ]) {
      const res = await admin.post('/api/users', {
        username: 'liuyang',
        displayName: '刘洋',
        homeBodyId: home,
        password,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('PASSWORD_POLICY');
      expect(res.json().error.message).toContain(reason);
    }
    expect(
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'liuyang').executeTakeFirst(),
    ).toBeUndefined();
    const ok = await admin.post('/api/users', {
      username: 'liuyang',
      displayName: '刘洋',
      homeBodyId: home,
      password: 'Scjg#2026x',
    });
    expect(ok.statusCode).toBe(201);
    const dup = await admin.post('/api/users', {
      username: 'liuyang',
      displayName: '刘洋',
      homeBodyId: home,
      password: 'Scjg#2026x',
    });
    expect(dup.json().error.code).toBe('CONFLICT');
  });

  it('refuses malformed user input with field details', async () => {
    const admin = await t.login('sysadmin');
    const res = await admin.post('/api/users', {
      username: '1bad name',
      displayName: '',
      homeBodyId: -3,
      password: 'x',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'homeBodyId']));
  });

  it('gives a clerk 404 for another body’s user, and shows colleagues', async () => {
    const clerk = await t.login('clerk.scjg');
    const other = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'clerk.zjj')
      .executeTakeFirstOrThrow();
    const colleague = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'lead.scjg')
      .executeTakeFirstOrThrow();
    const res = await clerk.get(`/api/users/${other.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await clerk.get(`/api/users/${colleague.id}`)).statusCode).toBe(200);
    const list = (await clerk.get('/api/users')).json();
    expect(list.map((u: { id: number }) => u.id)).not.toContain(other.id);
  });

  it('keeps a district sysadmin inside the district', async () => {
    const kdlAdmin = await t.login('sysadmin.kdl');
    const res = await kdlAdmin.post('/api/users', {
      username: 'cityman',
      displayName: '城市人',
      homeBodyId: await bodyId('包头市市场监督管理局'),
      password: 'Scjg#2026x',
    });
    expect(res.statusCode).toBe(403);
    const cityUser = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'gov.city')
      .executeTakeFirstOrThrow();
    expect((await kdlAdmin.get(`/api/users/${cityUser.id}`)).statusCode).toBe(404);
  });

  it('separates the three admin duties when granting roles', async () => {
    const sec = await t.login('secadmin');
    const sys = await t.db
      .selectFrom('app_user')
      .select(['id', 'home_body_id'])
      .where('username', '=', 'sysadmin')
      .executeTakeFirstOrThrow();
    const res = await sec.post(`/api/users/${sys.id}/roles`, { bodyId: sys.home_body_id, role: 'auditor' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('三员分立');
    // the system admin cannot grant roles at all
    const sysClient = await t.login('sysadmin');
    expect(
      (await sysClient.post(`/api/users/${sys.id}/roles`, { bodyId: sys.home_body_id, role: 'clerk' })).statusCode,
    ).toBe(403);
  });
});

describe('bodies', () => {
  it('refuses bad body input and duplicate names, and changes nothing', async () => {
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
    const bad = [
      { regionCode: '15020', name: '包头市某局', kind: '政府工作部门' },
      { regionCode: '150200', name: '局', kind: '政府工作部门' },
      { regionCode: '150200', name: '包头市某某局', kind: '公司' },
      { regionCode: '999999', name: '包头市某某局', kind: '政府工作部门' },
    ];
    for (const b of bad) {
      const res = await admin.post('/api/bodies', b);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const dup = await admin.post('/api/bodies', {
      regionCode: '150200',
      name: '包头市市场监督管理局',
      kind: '政府工作部门',
    });
    expect(dup.json().error.code).toBe('CONFLICT');
    expect(await count()).toBe(before);
  });

  it('forbids a clerk to create bodies', async () => {
    const clerk = await t.login('clerk.scjg');
    const res = await clerk.post('/api/bodies', { regionCode: '150200', name: '包头市新设局', kind: '政府工作部门' });
    expect(res.statusCode).toBe(403);
  });
});
