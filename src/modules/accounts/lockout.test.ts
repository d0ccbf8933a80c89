// Issue 10.2: the lockout holds under parallel guesses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => (t = await setupTestApp()));
afterAll(() => t.close());

const userId = async (username: string) =>
  (await t.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
/** Audit rows written after a password was checked (each wrong password leaves exactly one). */
const passwordChecks = async (id: number) =>
  (
    await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('object_type', '=', 'user')
      .where('object_id', '=', String(id))
      .where('action', 'in', ['auth.loginFailed', 'auth.locked'])
      .execute()
  ).length;

describe('lockout under parallel guesses', () => {
  it('checks at most 5 of 40 parallel wrong passwords, locks, and then refuses the right one', async () => {
    const id = await userId('coord.kdl');
    expect(await passwordChecks(id)).toBe(0);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.anon.request('POST', '/api/auth/login', { username: 'coord.kdl', password: `Wrong-pass${i}` }),
      ),
    );
    const codes = answers.map((r) => r.json().error.code);
    expect(codes.every((c) => c === 'LOGIN_FAILED' || c === 'ACCOUNT_LOCKED')).toBe(true);
    expect(codes.filter((c) => c === 'LOGIN_FAILED').length).toBeLessThanOrEqual(4);
    expect(await passwordChecks(id)).toBe(5);
    const refusedUnchecked = await t.db
      .selectFrom('audit_event')
      .select('seq')
      .where('action', '=', 'auth.lockedRefused')
      .where('object_id', '=', String(id))
      .execute();
    expect(refusedUnchecked.length).toBe(35);
    const u = await t.db.selectFrom('app_user').select(['locked_until']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(new Date(u.locked_until!).getTime()).toBeGreaterThan(t.clock.now.getTime());
    // the right password is refused while locked, without a session
    const right = await t.anon.post('/api/auth/login', { username: 'coord.kdl', password: 'Baotou@2026' });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(right.cookies.find((c) => c.name === 'qz_sid')).toBeUndefined();
    expect(await t.db.selectFrom('session').select('id').where('user_id', '=', id).execute()).toHaveLength(0);
    expect(await passwordChecks(id)).toBe(5);
  });

  it('counts one failure per wrong password when they come one by one, and the right one resets the count', async () => {
    const id = await userId('legal.kdl');
    for (let i = 0; i < 3; i++)
      expect(
        (await t.anon.post('/api/auth/login', { username: 'legal.kdl', password: 'Wrong-pass1' })).statusCode,
      ).toBe(401);
    expect(
      (await t.db.selectFrom('app_user').select('failed_logins').where('id', '=', id).executeTakeFirstOrThrow())
        .failed_logins,
    ).toBe(3);
    expect((await t.anon.post('/api/auth/login', { username: 'legal.kdl', password: 'Baotou@2026' })).statusCode).toBe(
      200,
    );
    expect(
      (await t.db.selectFrom('app_user').select('failed_logins').where('id', '=', id).executeTakeFirstOrThrow())
        .failed_logins,
    ).toBe(0);
  });

  it('audits a failed login for an unknown user without telling it apart', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'nobody.here', password: 'Wrong-pass1' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('LOGIN_FAILED');
    const row = await t.db
      .selectFrom('audit_event')
      .select(['after'])
      .where('action', '=', 'auth.loginFailed')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.after).toMatchObject({ username: 'nobody.here', unknownUser: true });
  });
});
