// Issue 9.8: a consultation comment's form token is good for one submission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { makeApplication, makeConsultation } from './test-factory.js';

let t: TestApp;
let id: number;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
beforeAll(async () => {
  t = await setupTestApp();
  const app = await makeApplication(t.db, { bodyName: '包头市市场监督管理局' });
  id = await makeConsultation(t.db, app.id, '2026-11-30', '2026-12-06');
});
afterAll(() => t.close());

const tokenOf = async () =>
  /name="token" value="([^"]+)"/.exec((await t.anon.get(`/consultations/${id}`)).body)?.[1] ?? '';
const send = (token: string, content: string, ip: string) =>
  t.anon.request('POST', `/consultations/${id}/comments`, new URLSearchParams({ token, content }).toString(), {
    ...FORM,
    'x-forwarded-for': ip,
  });
const comments = async () =>
  Number(
    (
      await t.db
        .selectFrom('consultation_comment')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('consultation_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('comment form token', () => {
  it('serves a different token to each page view, even at the same instant', async () => {
    expect(await tokenOf()).not.toBe(await tokenOf());
  });

  it('accepts a token once; a replay is refused and adds nothing', async () => {
    const token = await tokenOf();
    expect((await send(token, '第一次提交的意见内容', '198.51.100.20')).statusCode).toBe(303);
    const before = await comments();
    const replay = await send(token, '用同一令牌再次提交的意见', '198.51.100.21');
    expect(replay.statusCode).toBe(403);
    expect(replay.body).toContain('已经提交过');
    expect(replay.body).toContain('用同一令牌再次提交的意见'); // the text is kept for a new try
    expect(await comments()).toBe(before);
  });

  it('lets only one of two simultaneous submissions with one token through', async () => {
    const token = await tokenOf();
    const before = await comments();
    const answers = await Promise.all([
      send(token, '并发提交的意见甲', '198.51.100.30'),
      send(token, '并发提交的意见乙', '198.51.100.31'),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([303, 403]);
    expect(await comments()).toBe(before + 1);
  });
});
