// Issue 10.9: the requests the attack sent, answered 4xx with a Chinese message and a stable
// code, changing nothing. The property-based sweep over every route is input-fuzz.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { safeBack } from '../modules/portal/back-path.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

describe('elder mode returns only to this site, with a sendable Location', () => {
  it.each([
    ['/中文', '/%E4%B8%AD%E6%96%87'],
    ['/a\u0000b', '/a%00b'],
    ['/\u0000', '/'],
    ['/bodies/1?q=工商 局#x', '/bodies/1?q=%E5%B7%A5%E5%95%86%20%E5%B1%80#x'],
    ['/search?q=a\r\nSet-Cookie: x=1', '/search?q=aSet-Cookie:%20x=1'],
    ['/.//evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
  ])('back=%j → %s', async (back, location) => {
    expect(safeBack(back)).toBe(location);
    const res = await t.anon.get(`/elder-mode?on=1&back=${encodeURIComponent(back)}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(location);
    expect(res.cookies.find((c) => c.name === 'elder')?.value).toBe('1');
  });
});

describe('parser and database refusals are 4xx in Chinese', () => {
  const error = (res: { statusCode: number; json(): any }) => ({
    status: res.statusCode,
    code: res.json().error?.code,
  });

  it('a body that is not JSON, or JSON with __proto__', async () => {
    const clerk = await t.login('clerk.scjg');
    for (const raw of ['{"bodyId":', '{"__proto__":{"x":1},"bodyId":1}']) {
      const res = await clerk.request('POST', '/api/list-drafts', raw, { 'content-type': 'application/json' });
      expect(error(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.json().error.message).toMatch(/请求格式不正确/);
    }
  });

  it('an id beyond the database integer is refused, nothing created', async () => {
    const clerk = await t.login('clerk.scjg');
    const before = await t.db
      .selectFrom('list_draft')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await clerk.post('/api/list-drafts', { bodyId: 2_147_483_648 });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const after = await t.db
      .selectFrom('list_draft')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('a NUL character the database cannot store is a 400, nothing stored', async () => {
    const coord = await t.login('coord.city');
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('legal_document')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await coord.post('/api/legal-documents', {
      name: '包头市测试条例\u0000',
      level: '地方性法规',
      issuingBody: '制定\u0000机关',
    });
    expect(error(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await count()).toBe(before);
  });

  it('the portal answers a bad URL with its Chinese page, not 500', async () => {
    const res = await t.anon.request('GET', '/bodies/%E4', undefined, { accept: 'text/html' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
