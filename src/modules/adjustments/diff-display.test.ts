// Issue 9.7: a 修改要素 application that inserts one 追责情形 before the published ones shows one
// insertion — in the application's items and in the preview of the publication — not a change
// of every later case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, draftApplication, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let code: string;
const CASES = ['对符合法定条件的申请不予受理的', '对不符合法定条件的申请人准予许可的', '违反法定程序实施许可的'];
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  code = (
    await publishFixture(t, '包头市市场监督管理局', [power('追责情形测试许可', 'XK', { accountabilityCases: CASES })])
  ).codes[0]!;
});
afterAll(() => t.close());

describe('one inserted 追责情形 is one change', () => {
  it('in the items and in the preview', async () => {
    const added = '超越法定职权作出准予许可决定的';
    const id = await draftApplication(t, 'clerk.scjg', { title: '增列一项追责情形', kind: 'modify' }, [
      { targetCode: code, values: { accountabilityCases: [added, ...CASES] } },
    ]);
    const a = await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}`));
    const one = [{ field: 'accountabilityCases', path: 'accountabilityCases[0]', before: undefined, after: added }].map(
      ({ before: _b, ...c }) => c,
    );
    expect(a.items[0].changes).toEqual(one); // JSON drops the undefined "before"
    const changed = a.preview.diff.changed.find((c: { code: string }) => c.code === code);
    expect(changed.changes).toEqual(one);
  });
});
