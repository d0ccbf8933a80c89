// What item platforms carry and our register did not (issue 14.1): a body's 统一社会信用代码 (the
// system administrator, GB 32100-2015 check character) and a power's 法定期限 / 承诺期限 (the body),
// exported in the exchange format and compared by the reconciliation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import type { ExchangeItem } from '../../contract/regional-platform.js';
import { bodyIdOf, expectOk } from '../adjustments/test-fixtures.js';
import { multipart } from '../exchange/test-fixtures.js';
import { creditCodeCheck, isCreditCode } from './credit-code.js';

let t: TestApp;
let scjg: number;
beforeAll(async () => {
  t = await setupTestApp();
  scjg = await bodyIdOf(t, '包头市市场监督管理局');
});
afterAll(() => t.close());

// a 机关 (1) of category 1 in region 150200; the organisation number is a made-up one, checked as the standard says
const PREFIX = '11150200MB1234567';
const CODE = `${PREFIX}${creditCodeCheck(PREFIX)}`;
type Doc = { items: ExchangeItem[] };

describe('统一社会信用代码 and 法定期限 / 承诺期限', () => {
  it('the check character is verified (GB 32100-2015)', () => {
    expect(isCreditCode(CODE)).toBe(true);
    expect(isCreditCode(`${PREFIX}${CODE.endsWith('0') ? '1' : '0'}`)).toBe(false);
  });

  it('the system administrator records a body’s code; a wrong check character or another role is refused', async () => {
    const admin = await t.login('sysadmin');
    const bad = await admin.put(`/api/regional-platform/bodies/${scjg}/credit-code`, {
      creditCode: `${PREFIX}${CODE.endsWith('0') ? '1' : '0'}`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('校验码');
    const clerk = await t.login('clerk.scjg');
    expect(
      (await clerk.put(`/api/regional-platform/bodies/${scjg}/credit-code`, { creditCode: CODE })).statusCode,
    ).toBe(404);
    await expectOk(await admin.put(`/api/regional-platform/bodies/${scjg}/credit-code`, { creditCode: CODE }));
  });

  it('the body records a power’s periods; both are exported and compared', async () => {
    const clerk = await t.login('clerk.scjg');
    const doc = (await clerk.get(`/api/regional-platform/bodies/${scjg}/export.json`)).json() as Doc;
    const code = doc.items[0]!.implementationCode;
    await expectOk(
      await clerk.put(`/api/regional-platform/bodies/${scjg}/powers/${encodeURIComponent(code)}/time-limit`, {
        legalTimeLimit: { amount: 20, unit: 'workday' },
        promisedTimeLimit: { amount: 10, unit: 'workday' },
      }),
    );
    expect(
      (
        await (
          await t.login('clerk.zjj')
        ).put(`/api/regional-platform/bodies/${scjg}/powers/${encodeURIComponent(code)}/time-limit`, {
          legalTimeLimit: null,
          promisedTimeLimit: null,
        })
      ).statusCode,
    ).toBe(404);
    const again = (await clerk.get(`/api/regional-platform/bodies/${scjg}/export.json`)).json() as Doc;
    const item = again.items.find((i) => i.implementationCode === code)!;
    expect(item).toMatchObject({
      agency: { creditCode: CODE },
      legalTimeLimit: { amount: 20, unit: 'workday' },
      promisedTimeLimit: { amount: 10, unit: 'workday' },
    });
    // the other side promises 15 working days and holds another credit code for the body
    item.promisedTimeLimit = { amount: 15, unit: 'workday' };
    item.agency.creditCode = '111502000000000000';
    const m = multipart(Buffer.from(JSON.stringify(again)), 'p.json', 'application/json');
    const rec = await expectOk(
      await clerk.request('POST', `/api/regional-platform/bodies/${scjg}/reconciliations`, m.payload, m.headers),
      201,
    );
    const report = await expectOk(await clerk.get(`/api/regional-platform/reconciliations/${rec.id}`));
    const diffs = report.bodies.flatMap((b: { diffs: unknown[] }) => b.diffs);
    expect(diffs).toHaveLength(2);
    expect(diffs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code,
          kind: 'field',
          field: 'agencyCreditCode',
          ours: CODE,
          theirs: '111502000000000000',
        }),
        expect.objectContaining({
          code,
          kind: 'field',
          field: 'promisedTimeLimit',
          ours: '10个工作日',
          theirs: '15个工作日',
        }),
      ]),
    );
  });
});
