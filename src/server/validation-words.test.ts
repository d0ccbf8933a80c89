// Issue 9.7: every validation message is Chinese and names the field — no validator text
// ("期望 数字，实际接收 NaN") and no code path (items.0.values…) — and bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { at, power, publishFixture } from '../modules/adjustments/test-fixtures.js';

let t: TestApp;
let code: string;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  code = (await publishFixture(t, '包头市市场监督管理局', [power('校验测试许可')])).codes[0]!;
});
afterAll(() => t.close());

const CODE_WORDS = /[A-Za-z]{3,}|NaN|期望|实际接收/;
function expectWords(res: { statusCode: number; json(): { error: { code: string; message: string } } }, words: string) {
  expect(res.statusCode).toBe(400);
  const e = res.json().error;
  expect(e.code).toBe('VALIDATION_FAILED');
  expect(e.message).toContain(words);
  expect(e.message).not.toMatch(CODE_WORDS);
}

describe('validation messages', () => {
  it('a path parameter that is not a number', async () => {
    expectWords(await (await t.login('clerk.scjg')).get('/api/adjustments/abc'), '编号应为数字');
  });

  it('a query parameter out of range', async () => {
    expectWords(await (await t.login('clerk.scjg')).get('/api/inbox?limit=0'), '条数不能小于1');
  });

  it('a nested field of an application item, and nothing is saved', async () => {
    // the body is checked before anything is looked up: the application need not exist
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('adjustment_item')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const c = await t.login('clerk.scjg');
    const bad = {
      items: [{ targetCode: code, values: { responsibilities: [{ order: 'x', name: '受理责任', content: '' }] } }],
    };
    expectWords(await c.put('/api/adjustments/1/items', bad), '序号应为数字');
    const long = { items: [{ targetCode: code, values: { accountabilityCases: ['合规情形', '超'.repeat(501)] } }] };
    const res = await c.put('/api/adjustments/1/items', long);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('追责情形');
    expect(res.json().error.message).not.toMatch(CODE_WORDS);
    expect(await count()).toBe(before);
  });
});
